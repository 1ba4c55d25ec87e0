/**
 * The dossier report (báo cáo tình hình giải quyết hồ sơ TTHC): `GET /api/v1/reports/dossiers` and the printable page
 * `/bao-cao/ho-so`. Both need `reports.read` on the unit; `subtree` adds the units below it that the caller may read.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import type { App } from '../../platform/http/server.ts';
import { requirePeriod } from '../../platform/period.ts';
import { type FormErrors, PageHeading, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { type ReportFormValues, ReportPeriodForm, ReportPeriodLine, reportFormErrors, reportFormValues } from '../../web/report-frame.tsx';
import { reportPageUnit, reportUnitIds, type UnitRow } from '../units/index.ts';
import { mustFindUnit } from './api.ts';
import { dossierClock } from './clock.ts';
import { computeDossierIndicators, type DossierIndicators } from './indicators.ts';
import { PROGRESS_MAX_POINTS, PROGRESS_TARGET } from './rules/indicators.ts';
import { ratingLabels, ratings } from './schema.ts';

const PERMISSION = 'reports.read';
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'Tỷ lệ 0–1; null khi mẫu số bằng 0' });
const Int = Type.Integer();

const ReportQuery = Type.Object({
  unit: Type.String({ minLength: 1, maxLength: 100, description: 'Mã đơn vị' }),
  from: Type.Optional(Type.String({ maxLength: 10, description: 'Từ ngày (yyyy-mm-dd, giờ Việt Nam), bắt buộc' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'Đến ngày (yyyy-mm-dd), bắt buộc; from ≤ to, tối đa 366 ngày' })),
  subtree: Type.Optional(Type.Boolean({ description: 'Gồm cả các đơn vị trực thuộc mà người gọi được xem báo cáo' })),
});

const ReportOut = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  subtree: Type.Boolean(),
  units: Int,
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String({ description: 'Thời điểm tính số hồ sơ đang giải quyết (cuối kỳ, hoặc hiện tại nếu kỳ chưa kết thúc)' }),
  received: Int,
  settled: Type.Object({ total: Int, early: Int, onTime: Int, late: Int, onTimeRate: Rate }),
  inProgress: Type.Object({ total: Int, onTime: Int, overdue: Int }),
  sameDay: Type.Object({ dossiers: Int, settledSameDay: Int, rate: Rate }),
  online: Type.Object({ dossiers: Int, share: Rate }),
  flags: Type.Object({ paidOnline: Int, digitised: Int, electronicResult: Int, reusedDocuments: Int }),
  returnedNotClosed: Int,
  apologies: Int,
  averageWorkingDays: Type.Union([Type.Number(), Type.Null()]),
  averageCalendarDays: Type.Union([Type.Number(), Type.Null()]),
  procedures: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      settled: Int,
      averageWorkingDays: Type.Union([Type.Number(), Type.Null()]),
      averageCalendarDays: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  satisfaction: Type.Object({
    total: Int,
    levels: Type.Object(Object.fromEntries(ratings.map((r) => [r, Int]))),
    satisfiedShare: Rate,
  }),
  serviceIndex: Type.Object({
    progress: Type.Object({
      numerator: Int,
      denominator: Int,
      ratio: Rate,
      target: Type.Number(),
      maxPoints: Type.Number(),
      score: Type.Number(),
      formula: Type.String(),
      averageSettlingWorkingDays: Type.Union([Type.Number(), Type.Null()]),
    }),
  }),
});

type Report = DossierIndicators & { unit: { code: string; name: string }; subtree: boolean; units: number };

async function buildReport(p: Platform, req: FastifyRequest, unit: UnitRow, subtree: boolean, period: { from: string; to: string }): Promise<Report> {
  const unitIds = await reportUnitIds(p.db, req, unit, subtree, PERMISSION);
  const figures = await computeDossierIndicators(p.readDb, { unitIds, ...period, now: dossierClock.now() });
  return { unit: { code: unit.code, name: unit.name }, subtree, units: unitIds.length, ...figures };
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
const num = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

function Row(props: { label: string; value: string; note?: string }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td class="num">{props.value}</td>
      <td>{props.note ?? ''}</td>
    </tr>
  );
}

function ReportTables(props: { ctx: PageContext; r: Report }) {
  const { ctx, r } = props;
  const g = r.serviceIndex.progress;
  const share = (n: number) => pct(r.received > 0 ? n / r.received : null);
  return (
    <>
      <TableWrap label={tr(ctx, 'Tình hình giải quyết hồ sơ', 'Dossier figures')}>
        <table class="report">
          <caption>{tr(ctx, 'Tình hình tiếp nhận và giải quyết hồ sơ', 'Dossiers received and settled')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr(ctx, 'Chỉ tiêu', 'Indicator')}</th>
              <th scope="col">{tr(ctx, 'Số liệu', 'Value')}</th>
              <th scope="col">{tr(ctx, 'Ghi chú', 'Note')}</th>
            </tr>
          </thead>
          <tbody>
            <Row label={tr(ctx, 'Hồ sơ tiếp nhận trong kỳ', 'Received in the period')} value={num(r.received)} />
            <Row
              label={tr(ctx, 'Hồ sơ đã giải quyết', 'Settled')}
              value={num(r.settled.total)}
              note={tr(ctx, 'có kết quả trong kỳ', 'result ready in the period')}
            />
            <Row label={tr(ctx, '– Trước hạn', '– Early')} value={num(r.settled.early)} />
            <Row label={tr(ctx, '– Đúng hạn', '– On time')} value={num(r.settled.onTime)} />
            <Row
              label={tr(ctx, '– Quá hạn', '– Late')}
              value={num(r.settled.late)}
              note={tr(ctx, 'kể cả hồ sơ đã có văn bản xin lỗi', 'including those with an apology')}
            />
            <Row label={tr(ctx, 'Tỷ lệ giải quyết trước hạn, đúng hạn', 'Settled early or on time')} value={pct(r.settled.onTimeRate)} />
            <Row
              label={tr(ctx, 'Hồ sơ đang giải quyết', 'In progress')}
              value={num(r.inProgress.total)}
              note={tr(ctx, `tại ${new Date(r.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`, `at ${r.asOf}`)}
            />
            <Row label={tr(ctx, '– Trong hạn', '– Within the limit')} value={num(r.inProgress.onTime)} />
            <Row label={tr(ctx, '– Quá hạn', '– Overdue')} value={num(r.inProgress.overdue)} />
            <Row
              label={tr(ctx, 'Giải quyết trong ngày', 'Same-day service')}
              value={pct(r.sameDay.rate)}
              note={tr(ctx, `${r.sameDay.settledSameDay}/${r.sameDay.dossiers} hồ sơ`, `${r.sameDay.settledSameDay}/${r.sameDay.dossiers} dossiers`)}
            />
            <Row label={tr(ctx, 'Hồ sơ trực tuyến', 'Online dossiers')} value={pct(r.online.share)} note={num(r.online.dossiers)} />
            <Row label={tr(ctx, 'Thanh toán trực tuyến', 'Paid online')} value={share(r.flags.paidOnline)} note={num(r.flags.paidOnline)} />
            <Row label={tr(ctx, 'Hồ sơ được số hóa', 'Digitised')} value={share(r.flags.digitised)} note={num(r.flags.digitised)} />
            <Row label={tr(ctx, 'Trả kết quả điện tử', 'Electronic result')} value={share(r.flags.electronicResult)} note={num(r.flags.electronicResult)} />
            <Row
              label={tr(ctx, 'Tái sử dụng giấy tờ đã số hóa', 'Reused documents')}
              value={share(r.flags.reusedDocuments)}
              note={num(r.flags.reusedDocuments)}
            />
            <Row label={tr(ctx, 'Đã trả kết quả nhưng chưa kết thúc', 'Returned but not closed')} value={num(r.returnedNotClosed)} />
            <Row label={tr(ctx, 'Văn bản xin lỗi đã ban hành', 'Apology documents issued')} value={num(r.apologies)} />
            <Row label={tr(ctx, 'Thời gian giải quyết bình quân (ngày làm việc)', 'Average time (working days)')} value={num(r.averageWorkingDays)} />
            <Row label={tr(ctx, 'Thời gian giải quyết bình quân (ngày)', 'Average time (calendar days)')} value={num(r.averageCalendarDays)} />
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={tr(ctx, 'Mức độ hài lòng', 'Satisfaction')}>
        <table class="report">
          <caption>{tr(ctx, `Đánh giá của người dân (${r.satisfaction.total})`, `Citizens' ratings (${r.satisfaction.total})`)}</caption>
          <tbody>
            {ratings.map((l) => (
              <Row key={l} label={tr(ctx, ratingLabels[l].vi, ratingLabels[l].en)} value={num(r.satisfaction.levels[l])} />
            ))}
            <Row label={tr(ctx, 'Tỷ lệ hài lòng', 'Satisfied share')} value={pct(r.satisfaction.satisfiedShare)} />
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={tr(ctx, 'Bộ chỉ số phục vụ', 'Service index')}>
        <table class="report">
          <caption>{tr(ctx, 'Bộ chỉ số phục vụ người dân (QĐ 766/QĐ-TTg): nhóm tiến độ giải quyết', 'Service index (Decision 766): progress group')}</caption>
          <tbody>
            <Row
              label={tr(ctx, 'Tử số', 'Numerator')}
              value={num(g.numerator)}
              note={tr(ctx, 'trước hạn, đúng hạn + đang giải quyết trong hạn', 'early or on time + in progress within the limit')}
            />
            <Row
              label={tr(ctx, 'Mẫu số', 'Denominator')}
              value={num(g.denominator)}
              note={tr(ctx, 'đã giải quyết + đang giải quyết', 'settled + in progress')}
            />
            <Row label={tr(ctx, 'Tỷ lệ', 'Ratio')} value={pct(g.ratio)} note={`T = ${pct(g.target)}`} />
            <Row label={tr(ctx, 'Điểm', 'Score')} value={`${num(g.score)}/${g.maxPoints}`} note={g.formula} />
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={tr(ctx, 'Thời gian giải quyết theo thủ tục', 'Time per procedure')}>
        <table class="report">
          <caption>
            {tr(ctx, `Thời gian giải quyết bình quân theo thủ tục (${r.procedures.length} thủ tục nhiều hồ sơ nhất)`, 'Average time per procedure (top 20)')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{tr(ctx, 'Thủ tục', 'Procedure')}</th>
              <th scope="col">{tr(ctx, 'Đã giải quyết', 'Settled')}</th>
              <th scope="col">{tr(ctx, 'Ngày làm việc', 'Working days')}</th>
              <th scope="col">{tr(ctx, 'Ngày', 'Days')}</th>
            </tr>
          </thead>
          <tbody>
            {r.procedures.map((p) => (
              <tr key={p.code}>
                <th scope="row">
                  {p.code} – {p.name}
                </th>
                <td class="num">{num(p.settled)}</td>
                <td class="num">{num(p.averageWorkingDays)}</td>
                <td class="num">{num(p.averageCalendarDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function ReportPage(props: { ctx: PageContext; values: ReportFormValues; errors: FormErrors; unit: UnitRow | null; report: Report | null }) {
  const { ctx, values, errors, report } = props;
  const title = tr(ctx, 'Báo cáo tình hình giải quyết hồ sơ', 'Dossier report');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={report ? `${title} · ${report.unit.name}` : title} />
      {report && <ReportPeriodLine ctx={ctx} from={report.from} to={report.to} subtree={report.subtree} units={report.units} />}
      <ReportPeriodForm ctx={ctx} action="/bao-cao/ho-so" values={values} errors={errors} />
      {report && <ReportTables ctx={ctx} r={report} />}
    </Layout>
  );
}

/** JSON and HTML routes of the dossier report. */
export function registerDossierReportRoutes(app: App, p: Platform): void {
  app.get(
    '/api/v1/reports/dossiers',
    {
      schema: {
        tags: ['Báo cáo (reports)'],
        summary: 'Chỉ tiêu giải quyết hồ sơ của đơn vị trong kỳ (dossier indicators of a unit over a period)',
        description: `Cần quyền \`reports.read\` tại đơn vị. \`from\`, \`to\` bắt buộc (yyyy-mm-dd), from ≤ to, tối đa 366 ngày; sai → 400. Nhóm tiến độ của Bộ chỉ số 766: tỷ lệ = (trước hạn + đúng hạn + đang giải quyết trong hạn) ÷ (đã giải quyết + đang giải quyết); điểm tối đa ${PROGRESS_MAX_POINTS}, chỉ tiêu T = ${PROGRESS_TARGET * 100} %.`,
        querystring: ReportQuery,
        response: { 200: ReportOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const q = req.query;
      const unit = await mustFindUnit(p.db, q.unit);
      req.requireOn(PERMISSION, unit.path);
      const period = requirePeriod(q.from, q.to);
      return buildReport(p, req, unit, q.subtree ?? false, period);
    },
  );

  app.get('/bao-cao/ho-so', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    req.requireOn(PERMISSION, unit.path);
    const values = reportFormValues(query, unit.code, dossierClock.now());
    const ctx = pageContext(req, reply);
    const errors = reportFormErrors(ctx, values);
    if (Object.keys(errors).length > 0) {
      return html(reply, renderPage(<ReportPage ctx={ctx} values={values} errors={errors} unit={unit} report={null} />), 400);
    }
    const report = await buildReport(p, req, unit, values.subtree === '1', { from: values.from, to: values.to });
    return html(reply, renderPage(<ReportPage ctx={ctx} values={values} errors={errors} unit={unit} report={report} />));
  });
}
