/** Loading a report for a request: the id checked, the report found, the caller's permission on its unit checked. */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { vietnamDate } from '../../platform/period.ts';
import { ancestorsOf, findUnitById, type UnitRow } from '../units/index.ts';
import { type ReportView, reportView } from './present.ts';
import { findReport, listSections, type ReportRow } from './queries.ts';
import { parseReportPeriod, periodErrorMessages, type ReportPeriod } from './rules/period.ts';

export const READ = 'reports.read';
export const WRITE = 'reform-reports.write';

/** The report with this id (digits only) that the caller may use with `permission`. @throws REFORM_REPORT_NOT_FOUND, FORBIDDEN */
export async function reportFor(db: Db, req: FastifyRequest, id: string | number, permission: string): Promise<ReportRow> {
  const n = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : 0;
  const report = n > 0 ? await findReport(db, n) : null;
  if (!report) throw new AppError('REFORM_REPORT_NOT_FOUND');
  req.requireOn(permission, report.unit_path);
  return report;
}

/** The document view of a report, read now. */
export async function viewOf(db: Db, report: ReportRow, lang: 'vi' | 'en' = 'vi'): Promise<ReportView> {
  const unit = (await findUnitById(db, report.unit_id)) as UnitRow;
  return reportView(report, await listSections(db, report.id), await ancestorsOf(db, unit), new Date(), lang);
}

export const today = () => vietnamDate(new Date());

/** A period from a key or from/to, refused with its named reason. @throws AppError VALIDATION_FAILED (field `period`, `reason`) */
export function requireReportPeriod(input: { key?: string; from?: string; to?: string }, field = 'period'): ReportPeriod {
  const r = parseReportPeriod(input, today());
  if (r.ok) return r.period;
  throw new AppError('VALIDATION_FAILED', {
    detail: periodErrorMessages[r.error],
    errors: [{ field, message: periodErrorMessages[r.error] }],
    extra: { reason: r.error },
  });
}
