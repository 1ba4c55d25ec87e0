import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { UnitRow } from '../../units/index.ts';
import { computeReportFigures } from '../figures.ts';
import { sectionsFor } from '../models.ts';
import { findReportFor, insertReport, insertSection, subtreeIds } from '../queries.ts';
import { earlierDate, type ReportPeriod } from '../rules/period.ts';

/**
 * Opens the unit's report for a period (lập báo cáo): a draft with the figures of the unit's subtree computed now and
 * one section per model the unit runs. Opening a report that exists returns it unchanged (two clicks make one report).
 */
export async function openReport(
  tx: Db,
  actor: Actor,
  input: { unit: UnitRow; period: ReportPeriod; now: Date; today: string; read: Db },
): Promise<{ id: number; created: boolean }> {
  const { unit, period } = input;
  // An existing report is returned as it is, without computing figures that would be thrown away; two first opens at
  // once both compute, and the unique (unit, period) key keeps one.
  const existing = await findReportFor(tx, unit.id, period.key);
  if (existing) return { id: existing.id, created: false };
  const unitIds = await subtreeIds(tx, unit.path);
  const figures = await computeReportFigures(input.read, {
    unitIds,
    reportUnitId: unit.id,
    from: period.from,
    to: period.to,
    now: input.now,
    today: input.today,
  });
  const made = await insertReport(tx, {
    unitId: unit.id,
    period: period.key,
    from: period.from,
    to: period.to,
    figures,
    unitCount: unitIds.length,
    userId: actor.userId,
  });
  if (!made.created) return made;
  const on = earlierDate(period.to, input.today);
  const sections = await sectionsFor(tx, unit.id, on);
  for (const [i, s] of sections.entries()) await insertSection(tx, { reportId: made.id, ...s, position: i + 1, own: true });
  await recordAudit(tx, actor, {
    action: 'reform_report.open',
    entityType: 'reform_report',
    entityId: made.id,
    unitId: unit.id,
    after: { period: period.key, models: sections.map((s) => s.modelCode) },
  });
  return made;
}
