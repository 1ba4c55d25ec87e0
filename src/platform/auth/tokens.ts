import { createHash, randomBytes } from 'node:crypto';

/** A new API key: shown once to its creator, stored only as a hash. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `gd_${randomBytes(24).toString('base64url')}`;
  return { key, prefix: key.slice(0, 10), hash: hashToken(key) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
