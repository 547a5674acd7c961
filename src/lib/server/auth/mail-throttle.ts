import type { App } from '../app.ts';
import { now } from '../platform/clock.ts';
import { countRecentFailures, deleteFailures, findNthRecentFailure, recordFailure } from './auth.queries.ts';
import { tooManyMailsError, type ThrottledError } from './auth.errors.ts';

/*
 * Account mails (sign-up verification, resend, password reset) are limited per recipient and per client
 * address, so the forms cannot be used to flood someone's mailbox. They are counted in auth_throttle
 * beside sign-in failures, for every address asked for (existing account or not), so a refusal reveals
 * nothing about who has an account.
 */

function recipientKey(email: string): string {
  return `mail:${email.trim().toLowerCase()}`;
}

function senderKey(address: string): string {
  return `mail-from:${address}`;
}

/**
 * Claims one mail before anything is sent: written first, then counted, so parallel requests cannot
 * slip past the limit together. A refused claim is withdrawn; a granted one stays as the count.
 */
export async function claimAccountMail(app: App, email: string, address: string): Promise<ThrottledError | undefined> {
  const { mailsPerRecipient, mailsPerAddress, signInFailureWindowSeconds } = app.config;
  const windowMs = signInFailureWindowSeconds * 1000;
  const at = now();
  const claim = await recordFailure(app.database.db, [recipientKey(email), senderKey(address)], at);
  const since = new Date(at.getTime() - windowMs + 1);
  const overRecipient = (await countRecentFailures(app.database.db, recipientKey(email), since)) > mailsPerRecipient;
  const overSender = !overRecipient && (await countRecentFailures(app.database.db, senderKey(address), since)) > mailsPerAddress;
  if (!overRecipient && !overSender) return undefined;
  await deleteFailures(app.database.db, claim);
  const [key, limit] = overRecipient ? [recipientKey(email), mailsPerRecipient] : [senderKey(address), mailsPerAddress];
  const oldestCounted = await findNthRecentFailure(app.database.db, key, limit, new Date(at.getTime() - windowMs));
  return tooManyMailsError(new Date((oldestCounted ?? at).getTime() + windowMs));
}
