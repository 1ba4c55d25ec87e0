import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { childrenOf, findUnitById, lockUnit, markMerged, moveUnit, type UnitRow } from '../queries.ts';

/**
 * A step another module runs inside the merge transaction to carry its own records over
 * (staff role grants, procedures a unit carries out, its dossiers). Returns a summary for the audit row.
 */
export type MergeStep = (tx: Db, from: UnitRow, into: UnitRow, on: string) => Promise<Record<string, number>>;

const mergeSteps: MergeStep[] = [];

/** Registers a module's merge step; called once from the composition root. */
export function registerMergeStep(step: MergeStep): void {
  mergeSteps.push(step);
}

/**
 * Merges `from` into `into` from date `on` (sáp nhập đơn vị hành chính): child units and every
 * registered module's records (staff role grants, procedures, dossiers) move to `into`; `from` stays
 * in the tree, marked merged, so its history keeps its name and code.
 */
export async function mergeUnit(tx: Db, actor: Actor, fromRow: UnitRow, intoRow: UnitRow, on: string, today: string): Promise<Record<string, number>> {
  // Lock both units (in id order, so two opposite merges cannot deadlock) and decide on fresh rows.
  const [first, second] = fromRow.id < intoRow.id ? [fromRow.id, intoRow.id] : [intoRow.id, fromRow.id];
  await lockUnit(tx, first);
  await lockUnit(tx, second);
  const from = (await findUnitById(tx, fromRow.id)) as UnitRow;
  const into = (await findUnitById(tx, intoRow.id)) as UnitRow;
  if (on > today) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'date',
          message: {
            vi: 'Ngày sáp nhập không được sau hôm nay: hãy ghi nhận sáp nhập vào ngày nó có hiệu lực',
            en: 'The merge date cannot be in the future: record the merge on the day it takes effect',
          },
        },
      ],
    });
  }
  if (from.merged_into_id) throw new AppError('UNIT_ALREADY_MERGED');
  if (into.merged_into_id)
    throw new AppError('UNIT_ALREADY_MERGED', {
      detail: { vi: 'Đơn vị nhận sáp nhập đã bị sáp nhập vào đơn vị khác', en: 'The target unit has itself been merged' },
    });
  if (from.id === into.id || into.path.startsWith(from.path)) throw new AppError('UNIT_MERGE_INVALID');

  const summary: Record<string, number> = { children: 0 };
  for (const child of await childrenOf(tx, from.id)) {
    const fresh = (await findUnitById(tx, child.id)) as UnitRow;
    const target = (await findUnitById(tx, into.id)) as UnitRow;
    await moveUnit(tx, fresh, target);
    summary.children = (summary.children ?? 0) + 1;
  }
  for (const step of mergeSteps) Object.assign(summary, await step(tx, from, into, on));
  await markMerged(tx, from.id, into.id, on);
  await recordAudit(tx, actor, {
    action: 'unit.merge',
    entityType: 'unit',
    entityId: from.code,
    unitId: from.id,
    before: { code: from.code, parent_id: from.parent_id },
    after: { mergedInto: into.code, mergedOn: on, carriedOver: summary },
  });
  return summary;
}
