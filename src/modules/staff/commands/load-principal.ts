import type { Principal } from '../../../platform/auth/principal.ts';
import { hashToken } from '../../../platform/auth/tokens.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { findApiKeyByHash, findPrincipalUser } from '../queries.ts';

/** The principal behind a session's user id: null when the account is gone, inactive, or a demo account in production. */
export async function loadUserPrincipal(db: Db, userId: number, production: boolean): Promise<Principal | null> {
  const user = await findPrincipalUser(db, userId);
  if (!user?.active || (user.is_demo && production)) return null;
  return { kind: 'user', userId: user.id, label: user.username, username: user.username, grants: user.grants };
}

/** The principal behind a bearer API key, or null when unknown or revoked. */
export async function loadApiKeyPrincipal(db: Db, token: string): Promise<Principal | null> {
  if (!/^gd_[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const key = await findApiKeyByHash(db, hashToken(token));
  if (!key || key.revoked_at) return null;
  return { kind: 'api_key', apiKeyId: key.id, label: `api-key:${key.prefix}`, scopes: key.scopes, unitId: key.unit_id, unitPath: key.unit_path };
}
