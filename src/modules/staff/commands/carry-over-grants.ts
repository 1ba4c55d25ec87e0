import type { Db } from '../../../platform/db/pool.ts';
import { moveGrants } from '../queries.ts';

/**
 * Merge step (sáp nhập): the role grants held at the merged unit move to the receiving unit, keeping any the same
 * person already holds there. Register it once with `registerMergeStep(carryOverGrants)`; the unit merge writes the
 * audit row with this summary.
 */
export async function carryOverGrants(tx: Db, from: { id: number }, into: { id: number }): Promise<{ grants: number }> {
  return { grants: await moveGrants(tx, from.id, into.id) };
}
