import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { type ApiKeyRow, markApiKeyRevoked } from '../queries.ts';

/** Revokes an API key at once: the next request with it gets 401. */
export async function revokeApiKey(tx: Db, actor: Actor, key: ApiKeyRow): Promise<void> {
  await markApiKeyRevoked(tx, key.id);
  await recordAudit(tx, actor, {
    action: 'api_key.revoke',
    entityType: 'api_key',
    entityId: key.id,
    unitId: key.unit_id,
    before: { name: key.name, prefix: key.prefix, scopes: key.scopes },
  });
}
