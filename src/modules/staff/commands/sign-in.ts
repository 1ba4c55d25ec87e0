import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import { dummyHash, verifyPassword } from '../../../platform/auth/passwords.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUserByUsername, recordLoginFailure, recordLoginSuccess, type UserRow } from '../queries.ts';

const LOCK_AFTER = 5;
const LOCK_MINUTES = 15;

/**
 * Checks a username and password. Five wrong passwords in a row lock the account for
 * 15 minutes (the counter lives in PostgreSQL, so it holds across app processes).
 * Demo accounts are refused when the system runs in production.
 */
export async function signIn(db: Db, actor: Actor, username: string, password: string, production: boolean): Promise<UserRow> {
  const user = await findUserByUsername(db, username.trim());
  if (!user?.password_hash || !user.active) {
    await verifyPassword(await dummyHash(), password); // same cost as a real check
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.is_demo && production) throw new AppError('DEMO_ACCOUNT_REFUSED');
  if (user.locked_until && new Date(user.locked_until) > new Date()) throw new AppError('ACCOUNT_LOCKED');
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordLoginFailure(db, user.id, LOCK_AFTER, LOCK_MINUTES);
    await recordAudit(db, { ...actor, label: user.username }, { action: 'user.sign_in_failed', entityType: 'user', entityId: user.username });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await recordLoginSuccess(db, user.id);
  await recordAudit(db, { ...actor, userId: user.id, label: user.username }, { action: 'user.sign_in', entityType: 'user', entityId: user.username });
  return user;
}
