/**
 * JSON routes of the reform reports: open a unit's report for a period, read it, save what the unit wrote (with the
 * version it started from: a save since then is refused with 409 REFORM_REPORT_CHANGED).
 */
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import type { App } from '../../platform/http/server.ts';
import { mustFindUnit } from '../units/index.ts';
import { READ, reportFor, requireReportPeriod, today, viewOf, WRITE } from './access.ts';
import { compileReport } from './commands/compile-report.ts';
import { openReport } from './commands/open-report.ts';
import { saveReport } from './commands/save-report.ts';
import { submitReport } from './commands/submit-report.ts';
import { reportJson } from './present.ts';
import { ActionBody, OpenBody, Problem, ReportOut, ReportParams, SaveBody } from './schema.ts';

const tags = ['Báo cáo mô hình CCHC (reform reports)'];

export function registerReformReportsApi(app: App, p: Platform): void {
  app.post(
    '/api/v1/reform-reports',
    {
      schema: {
        tags,
        summary: 'Lập báo cáo kết quả thực hiện mô hình của đơn vị cho một kỳ (open a unit’s report for a period)',
        description:
          'Cần quyền `reform-reports.write` trên đơn vị. Kỳ: quý `2026-Q3`, 6 tháng `2026-H1` hoặc năm `2026`; kỳ chưa bắt đầu hoặc không hợp lệ bị từ chối (400, `reason`: PERIOD_NOT_BEGUN, PERIOD_UNKNOWN). Nếu đơn vị đã có báo cáo kỳ đó, trả về báo cáo đó (200).',
        body: OpenBody,
        response: { 200: ReportOut, 201: ReportOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: WRITE },
    },
    async (req, reply) => {
      const unit = await mustFindUnit(p.db, req.body.unit);
      req.requireOn(WRITE, unit.path);
      const period = requireReportPeriod({ key: req.body.period });
      const made = await inTransaction(p.db, (tx) => openReport(tx, req.actor(), { unit, period, now: new Date(), today: today(), read: p.readDb }));
      const report = await reportFor(p.db, req, made.id, READ);
      return reply.status(made.created ? 201 : 200).send(reportJson(await viewOf(p.db, report, req.lang)));
    },
  );

  app.get(
    '/api/v1/reform-reports/:id',
    {
      schema: {
        tags,
        summary: 'Một báo cáo: số liệu theo mô hình và nội dung (a report with its figures and narratives)',
        description: 'Cần quyền `reports.read` trên đơn vị của báo cáo. Chỉ tiêu không có dữ liệu có `value` null (không phải 0 %).',
        params: ReportParams,
        response: { 200: ReportOut, 403: Problem, 404: Problem },
      },
      config: { permission: READ },
    },
    async (req) => reportJson(await viewOf(p.db, await reportFor(p.db, req, req.params.id, READ), req.lang)),
  );

  app.patch(
    '/api/v1/reform-reports/:id',
    {
      schema: {
        tags,
        summary: 'Lưu nội dung báo cáo (save what the unit wrote)',
        description:
          'Cần quyền `reform-reports.write`. Gửi `version` đọc được từ GET: nếu có người khác đã lưu sau đó, trả 409 REFORM_REPORT_CHANGED (không mất gì của người đã lưu trước). Báo cáo đã gửi: 409 REFORM_REPORT_SUBMITTED.',
        params: ReportParams,
        body: SaveBody,
        response: { 200: ReportOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: WRITE },
    },
    async (req) => {
      const report = await reportFor(p.db, req, req.params.id, WRITE);
      const b = req.body;
      await inTransaction(p.db, (tx) =>
        saveReport(tx, req.actor(), report.id, { version: b.version, summary: b.summary, docNumber: b.docNumber, narratives: b.narratives ?? {} }),
      );
      return reportJson(await viewOf(p.db, await reportFor(p.db, req, report.id, READ), req.lang));
    },
  );

  const action = (path: 'compile' | 'submit', run: typeof compileReport | typeof submitReport, summary: string, description: string) =>
    app.post(
      `/api/v1/reform-reports/:id/${path}`,
      {
        schema: { tags, summary, description, params: ReportParams, body: ActionBody, response: { 200: ReportOut, 403: Problem, 404: Problem, 409: Problem } },
        config: { permission: WRITE },
      },
      async (req) => {
        const report = await reportFor(p.db, req, req.params.id, WRITE);
        await inTransaction(p.db, async (tx) => {
          await run(tx, req.actor(), report.id, { version: req.body?.version ?? null, now: new Date(), today: today(), read: p.readDb });
        });
        return reportJson(await viewOf(p.db, await reportFor(p.db, req, report.id, READ), req.lang));
      },
    );
  action(
    'compile',
    compileReport,
    'Tổng hợp lại số liệu và báo cáo của đơn vị trực thuộc (compile the figures and the children’s reports again)',
    'Cần quyền `reform-reports.write`. Tính lại số liệu của cả đơn vị và các đơn vị trực thuộc đến thời điểm này, lấy nội dung các báo cáo đã gửi của đơn vị trực thuộc; nội dung của đơn vị giữ nguyên. 409 REFORM_REPORT_CHANGED nếu `version` đã cũ, 409 REFORM_REPORT_SUBMITTED nếu báo cáo đã gửi.',
  );
  action(
    'submit',
    submitReport,
    'Gửi báo cáo lên đơn vị cấp trên (submit the report to the parent unit)',
    'Cần quyền `reform-reports.write`. Số liệu được tính lại lần cuối rồi cố định; sau đó không sửa được nữa. 409 như khi tổng hợp.',
  );
}
