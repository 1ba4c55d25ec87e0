/**
 * The outreach report (báo cáo phục vụ tận nơi, issue 8 item 6): home visits requested, done and on time; postal legs
 * each way; letters by kind; fees collected cashless vs cash per counter; what the support teams did — for a unit and
 * its subtree over a period, as JSON (`/api/v1/reports/outreach`), a printable page (`/bao-cao/phuc-vu`) and Excel.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { tableWorkbookBuffer } from '../../platform/documents/index.ts';
import type { App } from '../../platform/http/server.ts';
import { periodBounds, rate, requirePeriod } from '../../platform/period.ts';
import { type FormErrors, PageHeading, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { type ReportFormValues, ReportPeriodForm, ReportPeriodLine, reportFormErrors, reportFormValues, reportQuery } from '../../web/report-frame.tsx';
import { type HomeVisitActivity, homeVisitActivity } from '../appointments/index.ts';
import { letterActivity, letterKindLabels, letterKinds } from '../letters/index.ts';
import { cashlessActivity, type FeesPaid } from '../payments/index.ts';
import { postalActivity } from '../postal/index.ts';
import { supportActivity } from '../support-teams/index.ts';
import { mustFindUnit, reportPageUnit, reportUnitIds, type UnitRow } from '../units/index.ts';

const PERMISSION = 'reports.read';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true });
const Int = Type.Integer();
const Rate = Type.Union([Type.Number(), Type.Null()], { description: '0–1; null: no data' });

const OutreachOut = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  units: Int,
  homeVisits: Type.Object({ requested: Int, priority: Int, done: Int, doneOnTime: Int, absent: Int, cancelled: Int, onTimeRate: Rate }),
  postal: Type.Object({ receivedByPost: Int, returnedByPost: Int, inboundLegs: Int, outboundLegs: Int, delivered: Int, failed: Int, feesVnd: Type.Number() }),
  letters: Type.Array(Type.Object({ kind: Type.String(), total: Int, sent: Int })),
  fees: Type.Object({
    transferCount: Int,
    cashCount: Int,
    transferVnd: Type.Number(),
    cashVnd: Type.Number(),
    cashlessRate: Rate,
    counters: Type.Array(Type.Object({ counter: Type.Union([Type.String(), Type.Null()]), transferCount: Int, cashCount: Int, cashlessRate: Rate })),
  }),
  support: Type.Object({ vneidAccounts: Int, onlineDossiers: Int, payments: Int, guidance: Int, total: Int }),
});

interface Outreach {
  unit: UnitRow;
  from: string;
  to: string;
  units: number;
  homeVisits: HomeVisitActivity & { onTimeRate: number | null };
  postal: { receivedByPost: number; returnedByPost: number; inboundLegs: number; outboundLegs: number; delivered: number; failed: number; feesVnd: number };
  letters: { kind: string; total: number; sent: number }[];
  fees: {
    transferCount: number;
    cashCount: number;
    transferVnd: number;
    cashVnd: number;
    cashlessRate: number | null;
    counters: { counter: string | null; transferCount: number; cashCount: number; cashlessRate: number | null }[];
  };
  support: { vneidAccounts: number; onlineDossiers: number; payments: number; guidance: number; total: number };
}

/** Fees paid per counter (none first), the months of the period added up. */
function byCounter(paid: FeesPaid[]): Omit<FeesPaid, 'month'>[] {
  const out = new Map<string | null, Omit<FeesPaid, 'month'>>();
  for (const f of paid) {
    const c = out.get(f.counter) ?? { counter: f.counter, transferCount: 0, transferVnd: 0, cashCount: 0, cashVnd: 0 };
    c.transferCount += f.transferCount;
    c.transferVnd += f.transferVnd;
    c.cashCount += f.cashCount;
    c.cashVnd += f.cashVnd;
    out.set(f.counter, c);
  }
  return [...out.values()];
}

async function buildOutreach(p: Platform, req: FastifyRequest, unit: UnitRow, subtree: boolean, period: { from: string; to: string }): Promise<Outreach> {
  const unitIds = await reportUnitIds(p.db, req, unit, subtree, PERMISSION);
  const { start, end } = periodBounds(period.from, period.to, new Date());
  const db = p.readDb;
  const [visits, postal, letters, payments, support] = await Promise.all([
    homeVisitActivity(db, { unitIds, start, end }),
    postalActivity(db, { unitIds, ...period }),
    letterActivity(db, { unitIds, from: start, to: end }),
    cashlessActivity(db, { unitIds, start, end }),
    supportActivity(db, { unitIds, ...period }),
  ]);
  const fees = byCounter(payments.paid);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const transferCount = fees.reduce((a, f) => a + f.transferCount, 0);
  const cashCount = fees.reduce((a, f) => a + f.cashCount, 0);
  return {
    unit,
    ...period,
    units: unitIds.length,
    homeVisits: { ...visits, onTimeRate: rate(visits.doneOnTime, visits.done) },
    postal: {
      receivedByPost: postal.receivedByPost,
      returnedByPost: postal.returnedByPost,
      inboundLegs: sum(postal.legs.inbound),
      outboundLegs: sum(postal.legs.outbound),
      delivered: postal.legs.inbound.delivered + postal.legs.outbound.delivered,
      failed: postal.legs.inbound.failed + postal.legs.outbound.failed,
      feesVnd: postal.feesVnd,
    },
    letters: letterKinds.map((kind) => {
      const mine = letters.filter((l) => l.kind === kind);
      return {
        kind,
        total: mine.filter((l) => l.status !== 'cancelled').reduce((a, l) => a + l.count, 0),
        sent: mine.filter((l) => l.status === 'sent').reduce((a, l) => a + l.count, 0),
      };
    }),
    fees: {
      transferCount,
      cashCount,
      transferVnd: fees.reduce((a, f) => a + f.transferVnd, 0),
      cashVnd: fees.reduce((a, f) => a + f.cashVnd, 0),
      cashlessRate: rate(transferCount, transferCount + cashCount),
      counters: fees.map((f) => ({
        counter: f.counter,
        transferCount: f.transferCount,
        cashCount: f.cashCount,
        cashlessRate: rate(f.transferCount, f.transferCount + f.cashCount),
      })),
    },
    support: {
      vneidAccounts: support.total.vneid_account,
      onlineDossiers: support.total.online_dossier,
      payments: support.total.payment,
      guidance: support.total.guidance,
      total: support.total.total,
    },
  };
}

const pct = (r: number | null, lang: 'vi' | 'en') =>
  r === null ? (lang === 'en' ? 'No data' : 'Không có dữ liệu') : `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
const num = (n: number) => n.toLocaleString('vi-VN');

/** The report as label/value rows: the page and the Excel sheet say the same. */
function lines(lang: 'vi' | 'en', o: Outreach): [string, string][] {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  return [
    [t('HẸN GIỜ TẠI NHÀ', 'HOME VISITS'), ''],
    [t('Yêu cầu trong kỳ', 'Requested'), num(o.homeVisits.requested)],
    [t('– thuộc đối tượng ưu tiên (miễn phí)', '– priority groups (free)'), num(o.homeVisits.priority)],
    [t('Đã thực hiện', 'Done'), num(o.homeVisits.done)],
    [t('– đúng giờ hẹn', '– within the agreed slot'), num(o.homeVisits.doneOnTime)],
    [t('Tỷ lệ đúng hẹn', 'On time'), pct(o.homeVisits.onTimeRate, lang)],
    [t('Người dân vắng nhà', 'Citizen absent'), num(o.homeVisits.absent)],
    [t('Đã hủy', 'Cancelled'), num(o.homeVisits.cancelled)],
    [t('BƯU ĐIỆN', 'POST'), ''],
    [t('Hồ sơ nhận qua bưu điện', 'Dossiers received by post'), num(o.postal.receivedByPost)],
    [t('Hồ sơ trả kết quả qua bưu điện', 'Results returned by post'), num(o.postal.returnedByPost)],
    [t('Lượt chuyển phát chiều đến (dân → Một cửa)', 'Legs in (citizen → desk)'), num(o.postal.inboundLegs)],
    [t('Lượt chuyển phát chiều đi (Một cửa → dân)', 'Legs out (desk → citizen)'), num(o.postal.outboundLegs)],
    [t('– đã phát', '– delivered'), num(o.postal.delivered)],
    [t('– không phát được', '– failed'), num(o.postal.failed)],
    [t('Cước bưu chính (đồng)', 'Postal fees (VND)'), num(o.postal.feesVnd)],
    [t('THƯ CHÚC MỪNG, THĂM HỎI, XIN LỖI', 'LETTERS'), ''],
    ...o.letters.map((l): [string, string] => [
      `${letterKindLabels[l.kind as keyof typeof letterKindLabels][lang]}`,
      t(`${num(l.total)} (đã gửi ${num(l.sent)})`, `${num(l.total)} (${num(l.sent)} sent)`),
    ]),
    [t('PHÍ, LỆ PHÍ', 'FEES'), ''],
    [t('Thu không dùng tiền mặt (khoản)', 'Paid cashless (fees)'), num(o.fees.transferCount)],
    [t('Thu tiền mặt (khoản)', 'Paid in cash (fees)'), num(o.fees.cashCount)],
    [t('Tỷ lệ không dùng tiền mặt', 'Cashless rate'), pct(o.fees.cashlessRate, lang)],
    ...o.fees.counters.map((c): [string, string] => [`– ${c.counter ?? t('(không ghi quầy)', '(no counter)')}`, pct(c.cashlessRate, lang)]),
    [t('Số tiền thu không dùng tiền mặt (đồng)', 'Collected cashless (VND)'), num(o.fees.transferVnd)],
    [t('Số tiền thu tiền mặt (đồng)', 'Collected in cash (VND)'), num(o.fees.cashVnd)],
    [t('ĐỘI HỖ TRỢ DỊCH VỤ CÔNG', 'SUPPORT TEAMS'), ''],
    [t('Tạo tài khoản VNeID', 'VNeID accounts created'), num(o.support.vneidAccounts)],
    [t('Nộp hồ sơ trực tuyến giúp người dân', 'Online dossiers filed for people'), num(o.support.onlineDossiers)],
    [t('Hỗ trợ thanh toán trực tuyến', 'Online payments helped'), num(o.support.payments)],
    [t('Hướng dẫn khác', 'Other guidance'), num(o.support.guidance)],
    [t('Tổng lượt hỗ trợ', 'People helped in all'), num(o.support.total)],
  ];
}

function OutreachPage(props: { ctx: PageContext; values: ReportFormValues; errors: FormErrors; report: Outreach | null }) {
  const { ctx, values, errors, report } = props;
  const title = tr(ctx, 'Báo cáo phục vụ tận nơi', 'Outreach report');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={report ? `${title} · ${report.unit.name}` : title} />
      {report && <ReportPeriodLine ctx={ctx} from={report.from} to={report.to} subtree={values.subtree === '1'} units={report.units} />}
      <ReportPeriodForm ctx={ctx} action="/bao-cao/phuc-vu" values={values} errors={errors} />
      {report && (
        <>
          <p>
            <a href={`/bao-cao/phuc-vu.xlsx?${reportQuery(values)}`} download>
              {tr(ctx, 'Tải bảng tính Excel', 'Download as Excel')}
            </a>
          </p>
          <TableWrap label={title}>
            <table class="report">
              <caption>
                {tr(ctx, 'Hẹn tại nhà, bưu điện, thư, phí không dùng tiền mặt, đội hỗ trợ', 'Home visits, post, letters, cashless fees, support teams')}
              </caption>
              <tbody>
                {lines(ctx.lang, report).map(([label, value]) =>
                  value === '' ? (
                    <tr key={label}>
                      <th scope="rowgroup" colSpan={2}>
                        {label}
                      </th>
                    </tr>
                  ) : (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td class="num">{value}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </Layout>
  );
}

export function registerOutreachRoutes(app: App, p: Platform): void {
  app.get(
    '/api/v1/reports/outreach',
    {
      schema: {
        tags: ['Báo cáo (reports)'],
        summary: 'Phục vụ tận nơi: hẹn tại nhà, bưu điện, thư, phí không dùng tiền mặt, đội hỗ trợ (outreach indicators of a unit over a period)',
        description: 'Cần quyền `reports.read`. `from`, `to` bắt buộc (yyyy-mm-dd). Tỷ lệ null khi không có dữ liệu.',
        querystring: Type.Object({
          unit: Type.String({ minLength: 1, maxLength: 100 }),
          from: Type.Optional(Type.String({ maxLength: 10 })),
          to: Type.Optional(Type.String({ maxLength: 10 })),
          subtree: Type.Optional(Type.Boolean()),
        }),
        response: { 200: OutreachOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const q = req.query;
      const unit = await mustFindUnit(p.db, q.unit);
      req.requireOn(PERMISSION, unit.path);
      const o = await buildOutreach(p, req, unit, q.subtree ?? false, requirePeriod(q.from, q.to));
      return { ...o, unit: { code: unit.code, name: unit.name } };
    },
  );

  app.get('/bao-cao/phuc-vu', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    req.requireOn(PERMISSION, unit.path);
    const values = reportFormValues(query, unit.code, new Date());
    const ctx = pageContext(req, reply);
    const errors = reportFormErrors(ctx, values);
    if (Object.keys(errors).length > 0) return html(reply, renderPage(<OutreachPage ctx={ctx} values={values} errors={errors} report={null} />), 400);
    const report = await buildOutreach(p, req, unit, values.subtree === '1', { from: values.from, to: values.to });
    return html(reply, renderPage(<OutreachPage ctx={ctx} values={values} errors={errors} report={report} />));
  });

  app.get('/bao-cao/phuc-vu.xlsx', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    const values = reportFormValues(query, unit.code, new Date());
    const period = requirePeriod(values.from || undefined, values.to || undefined);
    const o = await buildOutreach(p, req, unit, values.subtree === '1', period);
    const ctx = pageContext(req, reply);
    const fmt = (iso: string) => iso.split('-').reverse().join('/');
    const buffer = await tableWorkbookBuffer({
      sheetName: tr(ctx, 'Phục vụ tận nơi', 'Outreach'),
      titleLines: [
        { text: unit.name.toUpperCase(), bold: true },
        { text: tr(ctx, 'BÁO CÁO PHỤC VỤ NGƯỜI DÂN TẬN NƠI', 'OUTREACH REPORT'), bold: true, size: 14 },
        { text: tr(ctx, `Từ ngày ${fmt(period.from)} đến ngày ${fmt(period.to)}`, `From ${period.from} to ${period.to}`), italic: true },
      ],
      columns: [
        { header: tr(ctx, 'Chỉ tiêu', 'Indicator'), width: 56 },
        { header: tr(ctx, 'Số liệu', 'Value'), width: 22 },
      ],
      rows: lines(ctx.lang, o).map(([a, b]) => [a, b]),
      created: new Date(),
    });
    return reply.type(XLSX).header('content-disposition', `attachment; filename="phuc-vu-${unit.code}-${period.from}-${period.to}.xlsx"`).send(buffer);
  });
}
