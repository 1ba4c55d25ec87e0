import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { markSubmitted } from '../queries.ts';
import { compileReport } from './compile-report.ts';

/**
 * Submits a draft to the parent unit (gửi báo cáo): its figures are brought up to date one last time and frozen, and
 * it can no longer be edited. Refused like a save when someone changed it since `version`.
 */
export async function submitReport(
  tx: Db,
  actor: Actor,
  reportId: number,
  input: { version: number | null; now: Date; today: string; read: Db },
): Promise<void> {
  await compileReport(tx, actor, reportId, input);
  await markSubmitted(tx, reportId, actor.userId);
  await recordAudit(tx, actor, { action: 'reform_report.submit', entityType: 'reform_report', entityId: reportId });
}
