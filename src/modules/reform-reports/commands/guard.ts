import { AppError } from '../../../platform/errors.ts';
import type { ReportRow } from '../queries.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:30 ngày 24/11/2026" in Vietnam time. */
export function vnClock(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + 7 * 3600_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ngày ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * A change may go ahead only on a draft the caller saw last (optimistic lock): another save since then refuses it,
 * saying who and when, and nothing of what they saved is touched.
 * @throws AppError REFORM_REPORT_NOT_FOUND, REFORM_REPORT_SUBMITTED, REFORM_REPORT_CHANGED
 */
export function guardDraft(report: ReportRow | null, expectedVersion: number | null): ReportRow {
  if (!report) throw new AppError('REFORM_REPORT_NOT_FOUND');
  if (report.status === 'submitted') {
    throw new AppError('REFORM_REPORT_SUBMITTED', {
      detail: {
        vi: `Báo cáo đã gửi lên cấp trên lúc ${report.submitted_at ? vnClock(report.submitted_at) : ''}; không sửa được nữa`,
        en: 'The report has been submitted and can no longer be changed',
      },
    });
  }
  if (expectedVersion !== null && expectedVersion !== report.version) {
    const who = report.updated_by_name ? ` (${report.updated_by_name})` : '';
    throw new AppError('REFORM_REPORT_CHANGED', {
      detail: {
        vi: `Đã có người khác${who} sửa báo cáo này lúc ${vnClock(report.updated_at)}; hãy tải lại trang để xem bản mới nhất rồi sửa tiếp`,
        en: `Someone else${who} changed this report at ${new Date(report.updated_at).toISOString()}; reload the page to see the latest version`,
      },
      extra: { currentVersion: report.version },
    });
  }
  return report;
}
