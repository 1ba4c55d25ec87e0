/**
 * The national service index (Bộ chỉ số 766) of a unit and period: `GET /api/v1/reports/service-index`, the page
 * `/bao-cao/chi-so` with every sub-indicator's formula, counts, target and score, the drill-down to the dossiers
 * behind a score `/bao-cao/chi-so/ho-so`, and the form for the inputs entered by hand `/quan-tri/chi-so/nhap`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { requirePeriod } from '../../platform/period.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { type ReportFormValues, ReportPeriodForm, ReportPeriodLine, reportFormErrors, reportFormValues, reportQuery } from '../../web/report-frame.tsx';
import { mustFindUnit, reportPageUnit, reportUnitIds, type UnitRow } from '../units/index.ts';
import { serviceIndexOf } from './compute.ts';
import { type DrillKind, drillDown, saveManualInput } from './queries.ts';
import { type IndexResult, indicatorDefs } from './rules/index766.ts';

const PERMISSION = 'reports.read';
const INPUTS_PERMISSION = 'index.inputs';
const PAGE_SIZE = 50;
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const Num = Type.Union([Type.Number(), Type.Null()]);

/** Which dossiers stand behind a sub-indicator's shortfall. */
const drillOf: Record<string, { kind: DrillKind; label: { vi: string; en: string } }[]> = {
  '2.1': [
    { kind: 'late', label: { vi: 'Hồ sơ giải quyết quá hạn', en: 'Settled late' } },
    { kind: 'overdue', label: { vi: 'Hồ sơ đang quá hạn', en: 'Overdue in progress' } },
  ],
  '3.1': [{ kind: 'not_online', label: { vi: 'Hồ sơ không nộp trực tuyến', en: 'Not filed online' } }],
  '4.1': [{ kind: 'unpaid', label: { vi: 'Hồ sơ có phí chưa thanh toán trực tuyến', en: 'Fees not paid online' } }],
  '5.2': [{ kind: 'late', label: { vi: 'Hồ sơ giải quyết quá hạn', en: 'Settled late' } }],
  '6.1': [{ kind: 'no_electronic_result', label: { vi: 'Hồ sơ chưa trả kết quả điện tử', en: 'No electronic result' } }],
  '6.3': [{ kind: 'no_personal_number', label: { vi: 'Hồ sơ chưa có số định danh cá nhân', en: 'No personal number' } }],
};
const drillKinds: DrillKind[] = ['late', 'overdue', 'not_online', 'unpaid', 'no_electronic_result', 'no_personal_number'];
const drillLabel = (kind: DrillKind) =>
  Object.values(drillOf)
    .flat()
    .find((d) => d.kind === kind)?.label ?? { vi: kind, en: kind };

const IndexOut = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  subtree: Type.Boolean(),
  units: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  total: Type.Number({ description: 'Tổng điểm (trên 100, hoặc trên maxWithData khi có chỉ số không có dữ liệu)' }),
  maxWithData: Type.Number(),
  groups: Type.Array(Type.Object({ group: Type.Integer(), name: Type.String(), max: Type.Number(), score: Type.Number(), maxWithData: Type.Number() })),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      group: Type.Integer(),
      name: Type.String(),
      source: Type.Enum(['system', 'manual'], { description: 'system: tính từ dữ liệu; manual: quản trị viên nhập (ngoài hệ thống)' }),
      formula: Type.String(),
      max: Type.Number(),
      target: Type.Number(),
      numerator: Num,
      denominator: Num,
      ratio: Type.Union([Type.Number(), Type.Null()], { description: 'null: không có dữ liệu' }),
      score: Type.Union([Type.Number(), Type.Null()], { description: 'null: không có dữ liệu' }),
    }),
  ),
});

type Report = IndexResult & { unit: UnitRow; subtree: boolean; units: number; from: string; to: string };

async function buildIndex(p: Platform, req: FastifyRequest, unit: UnitRow, subtree: boolean, period: { from: string; to: string }): Promise<Report> {
  const unitIds = await reportUnitIds(p.db, req, unit, subtree, PERMISSION);
  const r = await serviceIndexOf(p.readDb, { unitIds, reportUnitId: unit.id, ...period, now: new Date() });
  return { ...r, unit, subtree, units: unitIds.length, ...period };
}

const pct = (r: number | null) => (r === null ? null : `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
const num = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

function IndexTables(props: { ctx: PageContext; r: Report; query: string }) {
  const { ctx, r } = props;
  const noData = tr(ctx, 'Không có dữ liệu', 'No data');
  return (
    <>
      <p class="index-total">
        {tr(ctx, 'Tổng điểm: ', 'Total: ')}
        <strong>{num(r.total)}</strong>/{num(r.maxWithData)}
        {r.maxWithData < 100 &&
          tr(
            ctx,
            ` (${num(100 - r.maxWithData)} điểm không có dữ liệu trong kỳ: chưa tính)`,
            ` (${num(100 - r.maxWithData)} points had no data in the period: not counted)`,
          )}
      </p>
      {r.groups.map((g) => (
        <TableWrap key={g.group} label={tr(ctx, g.name.vi, g.name.en)}>
          <table class="report">
            <caption>
              {g.group}. {tr(ctx, g.name.vi, g.name.en)}: {num(g.score)}/{g.max} {tr(ctx, 'điểm', 'points')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Chỉ số', 'Indicator')}</th>
                <th scope="col">{tr(ctx, 'Tử số / mẫu số', 'Numerator / denominator')}</th>
                <th scope="col">{tr(ctx, 'Tỷ lệ', 'Ratio')}</th>
                <th scope="col">{tr(ctx, 'Chỉ tiêu T', 'Target T')}</th>
                <th scope="col">{tr(ctx, 'Điểm', 'Score')}</th>
              </tr>
            </thead>
            <tbody>
              {r.indicators
                .filter((x) => x.group === g.group)
                .map((x) => (
                  <tr key={x.code}>
                    <th scope="row">
                      {x.code}. {tr(ctx, x.name.vi, x.name.en)}
                      <br />
                      <small>
                        {x.source === 'manual' ? tr(ctx, 'Nhập tay (số liệu ngoài hệ thống). ', 'Entered by hand (outside the system). ') : ''}
                        {x.formula}
                      </small>
                      {(drillOf[x.code] ?? []).map((d) => (
                        <>
                          <br />
                          <a href={`/bao-cao/chi-so/ho-so?${props.query}&kind=${d.kind}`}>{tr(ctx, d.label.vi, d.label.en)}</a>
                        </>
                      ))}
                    </th>
                    <td class="num">{x.numerator === null ? '—' : `${num(x.numerator)} / ${num(x.denominator ?? 0)}`}</td>
                    <td class="num">{pct(x.ratio) ?? noData}</td>
                    <td class="num">{pct(x.target)}</td>
                    <td class="num">{x.score === null ? noData : `${num(x.score)}/${x.max}`}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableWrap>
      ))}
    </>
  );
}

function IndexPage(props: { ctx: PageContext; values: ReportFormValues; errors: FormErrors; report: Report | null; canEnter: boolean }) {
  const { ctx, values, errors, report } = props;
  const title = tr(ctx, 'Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)', 'Service index (Decision 766)');
  const query = reportQuery(values);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={report ? `${title} · ${report.unit.name}` : title} />
      {report && <ReportPeriodLine ctx={ctx} from={report.from} to={report.to} subtree={report.subtree} units={report.units} />}
      <ReportPeriodForm ctx={ctx} action="/bao-cao/chi-so" values={values} errors={errors} />
      {report && props.canEnter && (
        <p>
          <a href={`/quan-tri/chi-so/nhap?${query}`}>{tr(ctx, 'Nhập số liệu ngoài hệ thống', 'Enter the figures from outside the system')}</a>
        </p>
      )}
      {report && <IndexTables ctx={ctx} r={report} query={query} />}
    </Layout>
  );
}

function DrillPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  values: ReportFormValues;
  kind: DrillKind;
  page: number;
  list: Awaited<ReturnType<typeof drillDown>>;
}) {
  const { ctx, values, kind, list } = props;
  const label = drillLabel(kind);
  const when = (v: string | null) => (v ? new Date(v).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');
  return (
    <Layout ctx={ctx} title={tr(ctx, label.vi, label.en)}>
      <p>
        <a href={`/bao-cao/chi-so?${reportQuery(values)}`}>{tr(ctx, '← Bộ chỉ số', '← Service index')}</a>
      </p>
      <PageHeading title={`${tr(ctx, label.vi, label.en)} · ${props.unit.name}`} />
      <ReportPeriodLine ctx={ctx} from={values.from} to={values.to} subtree={values.subtree === '1'} units={0} />
      {list.total === 0 ? (
        <p>{tr(ctx, 'Không có hồ sơ nào.', 'No dossiers.')}</p>
      ) : (
        <TableWrap label={tr(ctx, label.vi, label.en)}>
          <table>
            <caption>{tr(ctx, `${list.total} hồ sơ`, `${list.total} dossiers`)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Mã hồ sơ', 'Code')}</th>
                <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
                <th scope="col">{tr(ctx, 'Thủ tục', 'Procedure')}</th>
                <th scope="col">{tr(ctx, 'Tiếp nhận', 'Received')}</th>
                <th scope="col">{tr(ctx, 'Hẹn trả', 'Due')}</th>
                <th scope="col">{tr(ctx, 'Có kết quả', 'Result')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((d) => (
                <tr key={d.code}>
                  <th scope="row">
                    <a href={`/mot-cua/ho-so/${d.code}`}>{d.code}</a>
                  </th>
                  <td>{d.unit_name}</td>
                  <td>{d.procedure_code}</td>
                  <td>{when(d.received_at)}</td>
                  <td>{when(d.due_at)}</td>
                  <td>{when(d.result_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pageSize={PAGE_SIZE}
        total={list.total}
        base="/bao-cao/chi-so/ho-so"
        query={{ unit: values.unit, from: values.from, to: values.to, subtree: values.subtree, kind }}
      />
    </Layout>
  );
}

const manualDefs = indicatorDefs.filter((d) => d.source === 'manual');

function InputsPage(props: { ctx: PageContext; unit: UnitRow; values: ReportFormValues; inputs: Record<string, string>; errors: FormErrors }) {
  const { ctx, values, errors } = props;
  const title = tr(ctx, 'Nhập số liệu ngoài hệ thống cho Bộ chỉ số', 'Index figures from outside the system');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={`${title} · ${props.unit.name}`} />
      <ReportPeriodLine ctx={ctx} from={values.from} to={values.to} subtree={false} units={1} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/quan-tri/chi-so/nhap?${reportQuery(values)}`} novalidate>
        <CsrfField ctx={ctx} />
        {manualDefs.map((d) => (
          <Field
            key={d.code}
            name={`r${d.code}`}
            label={`${d.code}. ${tr(ctx, d.name.vi, d.name.en)} (%)`}
            hint={d.formula}
            value={props.inputs[d.code] ?? ''}
            errors={errors}
            inputmode="decimal"
            maxLength={6}
          />
        ))}
        <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
      </form>
    </Layout>
  );
}

/** JSON, HTML and drill-down routes of the service index, and the form for the figures entered by hand. */
export function registerServiceIndexRoutes(app: App, p: Platform): void {
  app.get(
    '/api/v1/reports/service-index',
    {
      schema: {
        tags: ['Báo cáo (reports)'],
        summary: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766) của đơn vị trong kỳ (service index of a unit over a period)',
        description:
          'Cần quyền `reports.read`. Mỗi chỉ số có công thức, tử số, mẫu số, chỉ tiêu T và điểm; điểm = tối đa nếu tỷ lệ ≥ T, nếu không = tỷ lệ × tối đa ÷ T. Chỉ số không có dữ liệu có `ratio` và `score` null (không tính là 0 % hay 100 %); `maxWithData` cho biết tổng điểm được tính trên bao nhiêu điểm.',
        querystring: Type.Object({
          unit: Type.String({ minLength: 1, maxLength: 100 }),
          from: Type.Optional(Type.String({ maxLength: 10 })),
          to: Type.Optional(Type.String({ maxLength: 10 })),
          subtree: Type.Optional(Type.Boolean()),
        }),
        response: { 200: IndexOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const q = req.query;
      const unit = await mustFindUnit(p.db, q.unit);
      req.requireOn(PERMISSION, unit.path);
      const r = await buildIndex(p, req, unit, q.subtree ?? false, requirePeriod(q.from, q.to));
      const lang = req.lang;
      return {
        unit: { code: unit.code, name: unit.name },
        subtree: r.subtree,
        units: r.units,
        from: r.from,
        to: r.to,
        total: r.total,
        maxWithData: r.maxWithData,
        groups: r.groups.map((g) => ({ ...g, name: g.name[lang] })),
        indicators: r.indicators.map((x) => ({ ...x, name: x.name[lang] })),
      };
    },
  );

  app.get('/bao-cao/chi-so', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    req.requireOn(PERMISSION, unit.path);
    const values = reportFormValues(query, unit.code, new Date());
    const ctx = pageContext(req, reply);
    const errors = reportFormErrors(ctx, values);
    const canEnter = req.can(INPUTS_PERMISSION, unit.path);
    if (Object.keys(errors).length > 0)
      return html(reply, renderPage(<IndexPage ctx={ctx} values={values} errors={errors} report={null} canEnter={canEnter} />), 400);
    const report = await buildIndex(p, req, unit, values.subtree === '1', { from: values.from, to: values.to });
    return html(reply, renderPage(<IndexPage ctx={ctx} values={values} errors={errors} report={report} canEnter={canEnter} />));
  });

  app.get('/bao-cao/chi-so/ho-so', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    const values = reportFormValues(query, unit.code, new Date());
    const period = requirePeriod(values.from || undefined, values.to || undefined);
    const kind = drillKinds.find((k) => k === query.kind);
    if (!kind)
      throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'querystring.kind', message: { vi: 'Loại danh sách không hợp lệ', en: 'Unknown list' } }] });
    const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1));
    const unitIds = await reportUnitIds(p.db, req, unit, values.subtree === '1', PERMISSION);
    const list = await drillDown(p.readDb, { unitIds, ...period, now: new Date(), kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return html(reply, renderPage(<DrillPage ctx={pageContext(req, reply)} unit={unit} values={values} kind={kind} page={page} list={list} />));
  });

  const inputsPage = async (req: FastifyRequest) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, INPUTS_PERMISSION);
    req.requireOn(INPUTS_PERMISSION, unit.path);
    const values = { ...reportFormValues(query, unit.code, new Date()), subtree: '0' };
    const period = requirePeriod(values.from || undefined, values.to || undefined);
    return { unit, values, period };
  };

  app.get('/quan-tri/chi-so/nhap', { config: { permission: INPUTS_PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const { unit, values, period } = await inputsPage(req);
    const current = await serviceIndexOf(p.db, { unitIds: [unit.id], reportUnitId: unit.id, ...period, now: new Date() });
    const inputs = Object.fromEntries(Object.entries(current.inputs.manual).map(([k, v]) => [k, String(Math.round(v * 1000) / 10)]));
    return html(reply, renderPage(<InputsPage ctx={pageContext(req, reply)} unit={unit} values={values} inputs={inputs} errors={{}} />));
  });

  app.post('/quan-tri/chi-so/nhap', { config: { permission: INPUTS_PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const { unit, values, period } = await inputsPage(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const errors: FormErrors = {};
    const typed: Record<string, string> = {};
    const parsed: { code: string; ratio: number }[] = [];
    for (const d of manualDefs) {
      const raw = typeof body[`r${d.code}`] === 'string' ? String(body[`r${d.code}`]).trim().replace(',', '.') : '';
      typed[d.code] = raw;
      if (!raw) continue;
      const n = Number(raw);
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(raw) || n > 100) {
        errors[`r${d.code}`] = tr(req, 'Nhập tỷ lệ phần trăm từ 0 đến 100, vd. 87,5', 'Enter a percentage from 0 to 100, e.g. 87.5');
      } else parsed.push({ code: d.code, ratio: n / 100 });
    }
    if (Object.keys(errors).length) {
      return html(reply, renderPage(<InputsPage ctx={pageContext(req, reply)} unit={unit} values={values} inputs={typed} errors={errors} />), 400);
    }
    await inTransaction(p.db, async (tx) => {
      for (const x of parsed) {
        await saveManualInput(tx, {
          unitId: unit.id,
          ...period,
          code: x.code,
          ratio: x.ratio,
          note: null,
          userId: req.principal?.kind === 'user' ? req.principal.userId : null,
        });
      }
      await recordAudit(tx, req.actor(), {
        action: 'service_index.inputs',
        entityType: 'unit',
        entityId: unit.code,
        unitId: unit.id,
        after: { ...period, inputs: Object.fromEntries(parsed.map((x) => [x.code, x.ratio])) },
      });
    });
    return reply.redirect(`/bao-cao/chi-so?${reportQuery({ ...values, subtree: '0' })}`, 303);
  });
}
