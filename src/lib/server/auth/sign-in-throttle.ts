import type { App } from '../app.ts';
import { now } from '../platform/clock.ts';
import { clearFailures, countRecentFailures, deleteFailures, deleteFailuresBefore, findNthRecentFailure, recordFailure } from './auth.queries.ts';
import { throttledError, type ThrottledError } from './auth.errors.ts';

/*
 * Failed sign-ins are counted in the database (auth_throttle), per account (the lower-cased email, also
 * for addresses with no account, so the answer reveals nothing) and per client address. The counters
 * therefore hold across restarts and across app instances.
 */

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

/**
 * Whether a sign-in may be tried now. Checked before the password is looked at, so a locked account
 * stays locked even for the right password until enough failures leave the window.
 */
export async function findSignInRefusal(app: App, email: string | undefined, address: string): Promise<ThrottledError | undefined> {
  const { signInFailuresPerAccount, signInFailuresPerAddress, signInFailureWindowSeconds } = app.config;
  const windowMs = signInFailureWindowSeconds * 1000;
  // A failure counts for exactly the window: from its moment until (not including) moment + window.
  const since = new Date(now().getTime() - windowMs);
  if (email) {
    const nth = await findNthRecentFailure(app.database.db, accountKey(email), signInFailuresPerAccount, since);
    if (nth) return throttledError('account', new Date(nth.getTime() + windowMs));
  }
  const nth = await findNthRecentFailure(app.database.db, addressKey(address), signInFailuresPerAddress, since);
  if (nth) return throttledError('address', new Date(nth.getTime() + windowMs));
  return undefined;
}

/**
 * Claims one attempt before the password is checked: the attempt is written as a failure first and
 * then counted, so however many attempts run in parallel, at most the limit get through. The claim is
 * kept when the password is wrong (it is the failure) and released (`releaseSignInAttempt`) otherwise.
 */
export async function claimSignInAttempt(
  app: App,
  email: string,
  address: string
): Promise<{ claim: number[]; refusal?: undefined } | { refusal: ThrottledError; claim?: undefined }> {
  const { signInFailuresPerAccount, signInFailuresPerAddress, signInFailureWindowSeconds } = app.config;
  const at = now();
  const claim = await recordFailure(app.database.db, [accountKey(email), addressKey(address)], at);
  const since = new Date(at.getTime() - signInFailureWindowSeconds * 1000 + 1);
  const overAccount = (await countRecentFailures(app.database.db, accountKey(email), since)) > signInFailuresPerAccount;
  const overAddress = !overAccount && (await countRecentFailures(app.database.db, addressKey(address), since)) > signInFailuresPerAddress;
  if (!overAccount && !overAddress) return { claim };
  await deleteFailures(app.database.db, claim);
  const refusal =
    (await findSignInRefusal(app, email, address)) ??
    throttledError(overAccount ? 'account' : 'address', new Date(at.getTime() + signInFailureWindowSeconds * 1000));
  return { refusal };
}

export async function releaseSignInAttempt(app: App, claim: number[]): Promise<void> {
  await deleteFailures(app.database.db, claim);
}

/** Forgets failures that have left the window. */
export async function forgetOldFailures(app: App): Promise<void> {
  await deleteFailuresBefore(app.database.db, new Date(now().getTime() - app.config.signInFailureWindowSeconds * 1000));
}

/** Counts one failure for the account (when known) and for the address; forgets failures past the window. */
export async function recordSignInFailure(app: App, email: string | undefined, address: string): Promise<void> {
  const at = now();
  const keys = [addressKey(address)];
  if (email) keys.unshift(accountKey(email));
  await recordFailure(app.database.db, keys, at);
  await deleteFailuresBefore(app.database.db, new Date(at.getTime() - app.config.signInFailureWindowSeconds * 1000));
}

/**
 * After a successful sign-in (or a password reset) the account starts afresh. The address counter is
 * left alone: otherwise one valid account would let an address keep guessing at others.
 */
export async function clearAccountFailures(app: App, email: string): Promise<void> {
  await clearFailures(app.database.db, accountKey(email));
}
