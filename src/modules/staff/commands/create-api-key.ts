import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import { newApiKey } from '../../../platform/auth/tokens.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { UnitRow } from '../../units/index.ts';
import { insertApiKey } from '../queries.ts';

/** Makes an API key for an integration. The key is returned once and stored only as a hash. */
export async function createApiKey(
  tx: Db,
  actor: Actor,
  name: string,
  scopes: string[],
  unit: UnitRow | null,
): Promise<{ id: number; key: string; prefix: string }> {
  const k = newApiKey();
  const id = await insertApiKey(tx, { name, prefix: k.prefix, hash: k.hash, scopes, unitId: unit?.id ?? null, createdBy: actor.userId });
  await recordAudit(tx, actor, {
    action: 'api_key.create',
    entityType: 'api_key',
    entityId: id,
    unitId: unit?.id ?? null,
    after: { name, prefix: k.prefix, scopes, unit: unit?.code ?? null },
  });
  return { id, key: k.key, prefix: k.prefix };
}
