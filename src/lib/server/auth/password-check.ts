import type { App } from '../app.ts';
import { findSignInRefusal, recordSignInFailure } from './sign-in-throttle.ts';

/** What a password typed to confirm an action turned out to be. */
export type PasswordCheck = 'matches' | 'wrong' | 'none' | 'locked';

/**
 * Checks the password of a signed-in person confirming an action in another domain (e.g. deleting
 * their data), behind the sign-in limits: a borrowed session cannot be used to guess the password.
 * 'none' means the account has no password (it cannot be confirmed this way).
 */
export async function checkOwnPassword(app: App, user: { id: string; email: string }, password: string, address: string): Promise<PasswordCheck> {
  if (await findSignInRefusal(app, user.email, address)) return 'locked';
  const ctx = await app.auth.$context;
  const accounts = await ctx.internalAdapter.findAccounts(user.id);
  const hash = accounts.find((a) => a.providerId === 'credential')?.password;
  if (!hash) return 'none';
  if (await ctx.password.verify({ hash, password })) return 'matches';
  await recordSignInFailure(app, user.email, address);
  return 'wrong';
}
