import type { Db } from '../../../platform/db/pool.ts';
import { moveOpenDossiers } from '../queries.ts';

/**
 * Merge step (sáp nhập đơn vị): open dossiers received or being processed at the merged unit continue at the
 * receiving unit; their codes, timelines and due dates stay as they were. Register once in compose.ts with
 * `registerMergeStep(carryOverDossiers)`; the unit merge writes the audit row with this summary.
 */
export async function carryOverDossiers(tx: Db, from: { id: number }, into: { id: number }): Promise<{ dossiers: number }> {
  return { dossiers: await moveOpenDossiers(tx, from.id, into.id) };
}
