import type { Db } from '../../../platform/db/pool.ts';
import { moveUnitProcedures } from '../queries.ts';

/**
 * Merge step (sáp nhập): the procedures the merged unit carried out move to the receiving unit,
 * which keeps its own same-day settings where it already carried one. Register it once with
 * `registerMergeStep(carryOverProcedures)`; the unit merge writes the audit row with this summary.
 */
export async function carryOverProcedures(tx: Db, from: { id: number }, into: { id: number }): Promise<{ procedures: number }> {
  return { procedures: await moveUnitProcedures(tx, from.id, into.id) };
}
