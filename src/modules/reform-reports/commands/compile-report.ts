import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { computeReportFigures } from '../figures.ts';
import { type ChildNarrative, insertSection, listSections, lockReport, setChildren, submittedChildSections, subtreeIds, updateFigures } from '../queries.ts';
import { guardDraft } from './guard.ts';

/**
 * Compiles a draft (tổng hợp): the figures again for the unit's whole subtree as of now, and under each model the
 * narratives of the children's submitted reports for the period, with each child's name. A model only children run
 * gets its own section. Repeating it gives the same result (the children's part is replaced, the unit's own text kept).
 * The figures are read through `read` (the pool, or the read replica when one is configured): their queries then run
 * side by side on several connections instead of one after another in this transaction.
 */
export async function compileReport(
  tx: Db,
  actor: Actor,
  reportId: number,
  input: { version: number | null; now: Date; today: string; read: Db },
): Promise<{ children: number }> {
  const report = guardDraft(await lockReport(tx, reportId), input.version);
  const unitIds = await subtreeIds(tx, report.unit_path);
  const figures = await computeReportFigures(input.read, {
    unitIds,
    reportUnitId: report.unit_id,
    from: report.period_from,
    to: report.period_to,
    now: input.now,
    today: input.today,
  });
  const childRows = await submittedChildSections(tx, report.unit_id, report.period);
  let sections = await listSections(tx, reportId);
  let position = sections.reduce((n, s) => Math.max(n, s.position), 0);
  for (const c of childRows) {
    if (!sections.some((s) => s.model_code === c.model_code)) {
      await insertSection(tx, {
        reportId,
        modelCode: c.model_code,
        modelName: c.model_name,
        catalogueCode: c.catalogue_code,
        position: ++position,
        own: false,
      });
      sections = await listSections(tx, reportId);
    }
  }
  for (const s of sections) {
    const children: ChildNarrative[] = childRows
      .filter((c) => c.model_code === s.model_code && c.narrative.trim() !== '')
      .map((c) => ({ unitCode: c.unit_code, unitName: c.unit_name, narrative: c.narrative }));
    await setChildren(tx, s.id, children);
  }
  await updateFigures(tx, { id: reportId, figures, unitCount: unitIds.length, compiled: true, userId: actor.userId });
  const children = new Set(childRows.map((c) => c.unit_code)).size;
  await recordAudit(tx, actor, {
    action: 'reform_report.compile',
    entityType: 'reform_report',
    entityId: reportId,
    unitId: report.unit_id,
    after: { units: unitIds.length, childrenSubmitted: children },
  });
  return { children };
}
