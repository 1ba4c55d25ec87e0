/**
 * The feedback report (báo cáo tiếp nhận, xử lý phản ánh, kiến nghị): `GET /api/v1/reports/feedback`, the printable
 * page `/bao-cao/phan-anh` and its Excel export `/bao-cao/phan-anh.xlsx`. All need `reports.read` on the unit;
 * `subtree` adds the units below it on which the caller may read reports.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { tableWorkbookBuffer } from '../../platform/documents/index.ts';
import type { App } from '../../platform/http/server.ts';
import { requirePeriod } from '../../platform/period.ts';
import { type FormErrors, PageHeading, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { type ReportFormValues, ReportPeriodForm, ReportPeriodLine, reportFormErrors, reportFormValues, reportQuery } from '../../web/report-frame.tsx';
import { computeDialogueIndicators, type DialogueIndicators } from '../dialogues/index.ts';
import { mustFindUnit, reportPageUnit, reportUnitIds, type UnitRow } from '../units/index.ts';
import { computeFeedbackIndicators, type FeedbackIndicators, feedbackRatings } from './indicators.ts';
import { channelLabels, feedbackChannels } from './rules/lifecycle.ts';

const PERMISSION = 'reports.read';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'Tỷ lệ 0–1; null khi mẫu số bằng 0 (không có dữ liệu)' });
const Int = Type.Integer();

const ratingLabel: Record<(typeof feedbackRatings)[number], { vi: string; en: string }> = {
  rat_hai_long: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  hai_long: { vi: 'Hài lòng', en: 'Satisfied' },
  binh_thuong: { vi: 'Bình thường', en: 'Neutral' },
  khong_hai_long: { vi: 'Không hài lòng', en: 'Not satisfied' },
};

const ReportQuery = Type.Object({
  unit: Type.String({ minLength: 1, maxLength: 100, description: 'Mã đơn vị' }),
  from: Type.Optional(Type.String({ maxLength: 10, description: 'Từ ngày (yyyy-mm-dd, giờ Việt Nam), bắt buộc' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'Đến ngày (yyyy-mm-dd), bắt buộc; from ≤ to, tối đa 366 ngày' })),
  subtree: Type.Optional(Type.Boolean({ description: 'Gồm cả các đơn vị trực thuộc mà người gọi được xem báo cáo' })),
});

const Counts = { received: Int, answered: Int, answeredOnTime: Int };
const ReportOut = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  subtree: Type.Boolean(),
  units: Int,
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String({ description: 'Thời điểm tính số phản ánh đang xử lý (cuối kỳ, hoặc hiện tại nếu kỳ chưa kết thúc)' }),
  received: Int,
  byChannel: Type.Array(Type.Object({ channel: Type.Enum([...feedbackChannels]), received: Int })),
  byCategory: Type.Array(Type.Object({ code: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), ...Counts })),
  byUnit: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Counts, openOverdue: Int })),
  answered: Type.Object({ total: Int, onTime: Int, late: Int, onTimeRate: Rate }),
  rejected: Int,
  merged: Int,
  open: Type.Object({ total: Int, overdue: Int }),
  reopened: Int,
  published: Int,
  satisfaction: Type.Object({ total: Int, levels: Type.Object(Object.fromEntries(feedbackRatings.map((r) => [r, Int]))), satisfiedShare: Rate }),
  dialogues: Type.Object(
    {
      held: Type.Object({ radio: Int, businessCoffee: Int }),
      commitments: Type.Object({ open: Int, overdue: Int, doneInPeriod: Int, doneOnTimeInPeriod: Int }),
    },
    { description: 'Đối thoại đã tổ chức trong kỳ; cam kết (theo đơn vị chịu trách nhiệm) đang mở và quá hạn cuối kỳ, hoàn thành trong kỳ' },
  ),
});

type Report = FeedbackIndicators & { unit: { code: string; name: string }; subtree: boolean; units: number; dialogues: DialogueIndicators };

async function buildReport(p: Platform, req: FastifyRequest, unit: UnitRow, subtree: boolean, period: { from: string; to: string }): Promise<Report> {
  const unitIds = await reportUnitIds(p.db, req, unit, subtree, PERMISSION);
  const now = new Date();
  const [figures, dialogues] = await Promise.all([
    computeFeedbackIndicators(p.readDb, { unitIds, ...period, now }),
    computeDialogueIndicators(p.readDb, { unitIds, ...period, now }),
  ]);
  return { unit: { code: unit.code, name: unit.name }, subtree, units: unitIds.length, ...figures, dialogues };
}

const pct = (r: number | null) => (r === null ? 'Không có dữ liệu' : `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
const num = (n: number) => n.toLocaleString('vi-VN');
const fmtDate = (iso: string) => iso.split('-').reverse().join('/');

/** The report as label/value/note rows: the page's first table and the Excel sheet say the same. */
function reportLines(ctx: { lang: 'vi' | 'en' }, r: Report): [string, string, string][] {
  const t = (vi: string, en: string) => (ctx.lang === 'en' ? en : vi);
  const lines: [string, string, string][] = [
    [t('Phản ánh, kiến nghị tiếp nhận trong kỳ', 'Received in the period'), num(r.received), ''],
    ...r.byChannel.map((c): [string, string, string] => [`– ${t(channelLabels[c.channel].vi, channelLabels[c.channel].en)}`, num(c.received), '']),
    [t('Đã trả lời trong kỳ', 'Answered in the period'), num(r.answered.total), ''],
    [t('– Đúng hạn', '– On time'), num(r.answered.onTime), ''],
    [t('– Quá hạn', '– Late'), num(r.answered.late), ''],
    [t('Tỷ lệ trả lời đúng hạn', 'Answered on time'), pct(r.answered.onTimeRate), ''],
    [t('Không thuộc phạm vi (từ chối)', 'Rejected as out of scope'), num(r.rejected), ''],
    [t('Trùng lặp (đã gộp)', 'Merged as duplicates'), num(r.merged), ''],
    [t('Đang xử lý', 'Open'), num(r.open.total), t(`tại ${new Date(r.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`, `at ${r.asOf}`)],
    [t('– Quá hạn', '– Overdue'), num(r.open.overdue), ''],
    [t('Đề nghị xem xét lại', 'Reopened by the sender'), num(r.reopened), ''],
    [t('Đã công khai trả lời', 'Answers published'), num(r.published), ''],
    [t('Đánh giá của người gửi', "Senders' ratings"), num(r.satisfaction.total), ''],
    ...feedbackRatings.map((l): [string, string, string] => [`– ${t(ratingLabel[l].vi, ratingLabel[l].en)}`, num(r.satisfaction.levels[l]), '']),
    [t('Tỷ lệ hài lòng với câu trả lời', 'Satisfied with the answer'), pct(r.satisfaction.satisfiedShare), ''],
    [t('Đối thoại qua sóng phát thanh đã tổ chức', 'Radio dialogues held'), num(r.dialogues.held.radio), ''],
    [t('Cà phê Doanh nhân – Doanh nghiệp đã tổ chức', 'Business coffee meetings held'), num(r.dialogues.held.businessCoffee), ''],
    [t('Cam kết đang thực hiện', 'Commitments open'), num(r.dialogues.commitments.open), t('cuối kỳ', 'at the end of the period')],
    [t('– Quá hạn', '– Overdue'), num(r.dialogues.commitments.overdue), ''],
    [
      t('Cam kết hoàn thành trong kỳ', 'Commitments kept in the period'),
      num(r.dialogues.commitments.doneInPeriod),
      t(`${num(r.dialogues.commitments.doneOnTimeInPeriod)} đúng hạn`, `${num(r.dialogues.commitments.doneOnTimeInPeriod)} on time`),
    ],
  ];
  return lines;
}

function ReportTables(props: { ctx: PageContext; r: Report }) {
  const { ctx, r } = props;
  return (
    <>
      <TableWrap label={tr(ctx, 'Chỉ tiêu phản ánh, kiến nghị', 'Feedback figures')}>
        <table class="report">
          <caption>{tr(ctx, 'Tình hình tiếp nhận, xử lý phản ánh, kiến nghị', 'Feedback received and answered')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr(ctx, 'Chỉ tiêu', 'Indicator')}</th>
              <th scope="col">{tr(ctx, 'Số liệu', 'Value')}</th>
              <th scope="col">{tr(ctx, 'Ghi chú', 'Note')}</th>
            </tr>
          </thead>
          <tbody>
            {reportLines(ctx, r).map(([label, value, note]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td class="num">{value}</td>
                <td>{note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={tr(ctx, 'Theo lĩnh vực', 'By category')}>
        <table class="report">
          <caption>{tr(ctx, 'Theo lĩnh vực', 'By category')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr(ctx, 'Lĩnh vực', 'Category')}</th>
              <th scope="col">{tr(ctx, 'Tiếp nhận', 'Received')}</th>
              <th scope="col">{tr(ctx, 'Đã trả lời', 'Answered')}</th>
              <th scope="col">{tr(ctx, 'Đúng hạn', 'On time')}</th>
            </tr>
          </thead>
          <tbody>
            {r.byCategory.map((c) => (
              <tr key={c.code ?? '-'}>
                <th scope="row">{c.name ?? tr(ctx, '(chưa phân loại)', '(not classified)')}</th>
                <td class="num">{num(c.received)}</td>
                <td class="num">{num(c.answered)}</td>
                <td class="num">{num(c.answeredOnTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={tr(ctx, 'Theo đơn vị', 'By unit')}>
        <table class="report">
          <caption>{tr(ctx, 'Theo đơn vị xử lý', 'By handling unit')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
              <th scope="col">{tr(ctx, 'Tiếp nhận', 'Received')}</th>
              <th scope="col">{tr(ctx, 'Đã trả lời', 'Answered')}</th>
              <th scope="col">{tr(ctx, 'Đúng hạn', 'On time')}</th>
              <th scope="col">{tr(ctx, 'Đang quá hạn', 'Overdue now')}</th>
            </tr>
          </thead>
          <tbody>
            {r.byUnit.map((u) => (
              <tr key={u.code}>
                <th scope="row">{u.name}</th>
                <td class="num">{num(u.received)}</td>
                <td class="num">{num(u.answered)}</td>
                <td class="num">{num(u.answeredOnTime)}</td>
                <td class="num">{num(u.openOverdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function ReportPage(props: { ctx: PageContext; values: ReportFormValues; errors: FormErrors; report: Report | null }) {
  const { ctx, values, errors, report } = props;
  const title = tr(ctx, 'Báo cáo phản ánh, kiến nghị', 'Feedback report');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={report ? `${title} · ${report.unit.name}` : title} />
      {report && <ReportPeriodLine ctx={ctx} from={report.from} to={report.to} subtree={report.subtree} units={report.units} />}
      <ReportPeriodForm ctx={ctx} action="/bao-cao/phan-anh" values={values} errors={errors} />
      {report && (
        <p>
          <a href={`/bao-cao/phan-anh.xlsx?${reportQuery(values)}`} download>
            {tr(ctx, 'Tải bảng tính Excel', 'Download as Excel')}
          </a>
        </p>
      )}
      {report && <ReportTables ctx={ctx} r={report} />}
    </Layout>
  );
}

/** JSON, HTML and Excel routes of the feedback report. */
export function registerFeedbackReportRoutes(app: App, p: Platform): void {
  app.get(
    '/api/v1/reports/feedback',
    {
      schema: {
        tags: ['Báo cáo (reports)'],
        summary: 'Chỉ tiêu tiếp nhận, xử lý phản ánh, kiến nghị của đơn vị trong kỳ (feedback indicators of a unit over a period)',
        description:
          'Cần quyền `reports.read` tại đơn vị. `from`, `to` bắt buộc (yyyy-mm-dd), from ≤ to, tối đa 366 ngày; sai → 400. Trả lời đúng hạn: thời điểm trả lời không muộn hơn hạn trả lời của phản ánh (tính theo lịch làm việc của đơn vị xử lý). Tỷ lệ là null khi không có dữ liệu.',
        querystring: ReportQuery,
        response: { 200: ReportOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const q = req.query;
      const unit = await mustFindUnit(p.db, q.unit);
      req.requireOn(PERMISSION, unit.path);
      return buildReport(p, req, unit, q.subtree ?? false, requirePeriod(q.from, q.to));
    },
  );

  app.get('/bao-cao/phan-anh', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    req.requireOn(PERMISSION, unit.path);
    const values = reportFormValues(query, unit.code, new Date());
    const ctx = pageContext(req, reply);
    const errors = reportFormErrors(ctx, values);
    if (Object.keys(errors).length > 0) return html(reply, renderPage(<ReportPage ctx={ctx} values={values} errors={errors} report={null} />), 400);
    const report = await buildReport(p, req, unit, values.subtree === '1', { from: values.from, to: values.to });
    return html(reply, renderPage(<ReportPage ctx={ctx} values={values} errors={errors} report={report} />));
  });

  app.get('/bao-cao/phan-anh.xlsx', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    const values = reportFormValues(query, unit.code, new Date());
    const period = requirePeriod(values.from || undefined, values.to || undefined);
    const report = await buildReport(p, req, unit, values.subtree === '1', period);
    const ctx = pageContext(req, reply);
    const byUnit = report.byUnit.map((u): (string | number)[] => [u.name, u.received, u.answered, u.answeredOnTime, u.openOverdue]);
    const buffer = await tableWorkbookBuffer({
      sheetName: tr(ctx, 'Phản ánh kiến nghị', 'Feedback'),
      titleLines: [
        { text: report.unit.name.toUpperCase(), bold: true },
        { text: tr(ctx, 'BÁO CÁO TÌNH HÌNH TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ', 'FEEDBACK REPORT'), bold: true, size: 14 },
        { text: tr(ctx, `Từ ngày ${fmtDate(period.from)} đến ngày ${fmtDate(period.to)}`, `From ${period.from} to ${period.to}`), italic: true },
      ],
      columns: [
        { header: tr(ctx, 'Chỉ tiêu / Đơn vị', 'Indicator / Unit'), width: 48 },
        { header: tr(ctx, 'Số liệu / Tiếp nhận', 'Value / Received'), width: 18 },
        { header: tr(ctx, 'Ghi chú / Đã trả lời', 'Note / Answered'), width: 24 },
        { header: tr(ctx, 'Đúng hạn', 'On time'), width: 12 },
        { header: tr(ctx, 'Đang quá hạn', 'Overdue now'), width: 14 },
      ],
      rows: [
        ...reportLines(ctx, report).map(([a, b, c]): (string | number | null)[] => [a, b, c, null, null]),
        [tr(ctx, 'THEO ĐƠN VỊ XỬ LÝ', 'BY HANDLING UNIT'), null, null, null, null],
        ...byUnit,
      ],
      created: new Date(),
    });
    const name = `phan-anh-${report.unit.code}-${period.from}-${period.to}.xlsx`;
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(buffer);
  });
}
