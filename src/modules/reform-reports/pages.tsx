/**
 * Pages of the reform reports (báo cáo kết quả thực hiện các mô hình CCHC): `/quan-tri/bao-cao-mo-hinh` (a unit's
 * report for a period, the children who have not submitted theirs, the unit's reports), and `/quan-tri/bao-cao-mo-hinh/<id>`
 * (figures per model, the narratives to write, compile, submit, download DOCX and Excel). Every form works without
 * JavaScript; a refused save re-renders the form with what the person typed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { reportPageUnit, type UnitRow } from '../units/index.ts';
import { READ, reportFor, requireReportPeriod, today, viewOf, WRITE } from './access.ts';
import { compileReport } from './commands/compile-report.ts';
import { vnClock } from './commands/guard.ts';
import { openReport } from './commands/open-report.ts';
import { saveReport } from './commands/save-report.ts';
import { submitReport } from './commands/submit-report.ts';
import { reportDocx } from './docx.ts';
import type { ReportView } from './present.ts';
import { type ChildStatusRow, childrenStatus, findReportFor, listUnitReports, type ReportRow } from './queries.ts';
import { catalogueNames, isCatalogueCode } from './rules/model-figures.ts';
import { currentPeriod, periodFromKey, periodLabel, type ReportPeriod } from './rules/period.ts';
import { reportWorkbook } from './xlsx.ts';

const BASE = '/quan-tri/bao-cao-mo-hinh';

/** Plain text with its line breaks, escaped (preact escapes every string). */
function Lines(props: { text: string }) {
  const lines = props.text.split('\n');
  return (
    <p class="narrative">
      {lines.map((l, i) => (
        <>
          {i > 0 && <br />}
          {l}
        </>
      ))}
    </p>
  );
}

/** The periods offered in the filter: the running and past quarters, halves and years (any other key may be typed). */
function periodOptions(day: string, asked: string): { value: string; label: string }[] {
  const out: ReportPeriod[] = [];
  const year = Number(day.slice(0, 4));
  const q = currentPeriod('quarter', day);
  for (let i = 0; i < 8; i++) {
    const idx = q.index - i;
    const p = periodFromKey(`${year + Math.floor((idx - 1) / 4)}-Q${((((idx - 1) % 4) + 4) % 4) + 1}`);
    if (p) out.push(p);
  }
  for (const y of [year, year - 1])
    for (const h of [2, 1]) if (`${y}-${h === 1 ? '01' : '07'}-01` <= day) out.push(periodFromKey(`${y}-H${h}`) as ReportPeriod);
  for (const y of [year, year - 1, year - 2]) out.push(periodFromKey(String(y)) as ReportPeriod);
  const options = out.map((p) => ({ value: p.key, label: `${p.key} · ${periodLabel(p)}` }));
  if (asked && !options.some((o) => o.value === asked)) options.unshift({ value: asked, label: asked });
  return options;
}

const statusText = (ctx: PageContext, status: string | null, at: Date | null) =>
  status === 'submitted'
    ? tr(ctx, `Đã gửi lúc ${at ? vnClock(at) : ''}`, `Submitted ${at ? new Date(at).toISOString().slice(0, 16) : ''}`)
    : status === 'draft'
      ? tr(ctx, 'Đang soạn, chưa gửi', 'Draft, not submitted')
      : tr(ctx, 'Chưa lập báo cáo', 'No report yet');

function ListPage(props: {
  ctx: PageContext;
  unit: UnitRow | null;
  periodKey: string;
  errors: FormErrors;
  report: ReportRow | null;
  children: ChildStatusRow[];
  reports: ReportRow[];
  canWrite: boolean;
}) {
  const { ctx, unit, errors, report, children } = props;
  const title = tr(ctx, 'Báo cáo kết quả thực hiện mô hình CCHC', 'Reform model reports');
  const missing = children.filter((c) => c.status !== 'submitted');
  const p = periodFromKey(props.periodKey);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={unit ? `${title} · ${unit.name}` : title} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={BASE} class="filters">
        <Field name="unit" label={tr(ctx, 'Mã đơn vị', 'Unit code')} value={unit?.code ?? ''} errors={errors} maxLength={100} />
        <Select
          name="period"
          label={tr(ctx, 'Kỳ báo cáo', 'Period')}
          value={props.periodKey}
          options={periodOptions(today(), props.periodKey)}
          errors={errors}
          hint={tr(ctx, 'Quý (2026-Q3), 6 tháng (2026-H1) hoặc năm (2026)', 'Quarter (2026-Q3), half (2026-H1) or year (2026)')}
        />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      {unit && p && Object.keys(errors).length === 0 && (
        <>
          <h2>{tr(ctx, `Báo cáo ${periodLabel(p)}`, `Report for ${periodLabel(p, 'en')}`)}</h2>
          {report ? (
            <p>
              <a href={`${BASE}/${report.id}`}>{tr(ctx, 'Mở báo cáo', 'Open the report')}</a> · {statusText(ctx, report.status, report.submitted_at)}
            </p>
          ) : props.canWrite ? (
            <form method="post" action={BASE}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="unit" value={unit.code} />
              <input type="hidden" name="period" value={props.periodKey} />
              <p>{tr(ctx, 'Đơn vị chưa lập báo cáo kỳ này.', 'No report for this period yet.')}</p>
              <button type="submit">{tr(ctx, 'Lập báo cáo từ số liệu', 'Open the report from the data')}</button>
            </form>
          ) : (
            <p>{tr(ctx, 'Đơn vị chưa lập báo cáo kỳ này.', 'No report for this period yet.')}</p>
          )}
          {children.length > 0 && (
            <>
              <h2>{tr(ctx, 'Đơn vị trực thuộc', 'Units below')}</h2>
              <p>
                {missing.length === 0
                  ? tr(ctx, 'Tất cả đơn vị trực thuộc đã gửi báo cáo.', 'Every unit below has submitted its report.')
                  : tr(
                      ctx,
                      `${missing.length}/${children.length} đơn vị chưa gửi báo cáo.`,
                      `${missing.length} of ${children.length} units have not submitted.`,
                    )}
              </p>
              <TableWrap label={tr(ctx, 'Tình trạng báo cáo của đơn vị trực thuộc', 'Reports of the units below')}>
                <table class="children-status">
                  <thead>
                    <tr>
                      <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
                      <th scope="col">{tr(ctx, 'Tình trạng', 'Status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {children.map((c) => (
                      <tr key={c.unit_id} class={c.status === 'submitted' ? 'submitted' : 'missing'}>
                        <th scope="row">{c.report_id ? <a href={`${BASE}/${c.report_id}`}>{c.unit_name}</a> : c.unit_name}</th>
                        <td>{statusText(ctx, c.status, c.submitted_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
          {props.reports.length > 0 && (
            <>
              <h2>{tr(ctx, 'Các báo cáo của đơn vị', 'The unit’s reports')}</h2>
              <ul>
                {props.reports.map((r) => (
                  <li key={r.id}>
                    <a href={`${BASE}/${r.id}`}>{r.period}</a> · {statusText(ctx, r.status, r.submitted_at)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

type Typed = { summary: string; docNumber: string; narratives: Record<string, string> };

function ReportPage(props: { ctx: PageContext; v: ReportView; canWrite: boolean; errors: FormErrors; typed: Typed | null; problem: string | null }) {
  const { ctx, v, errors } = props;
  const editable = props.canWrite && v.status === 'draft';
  const typed = props.typed;
  const title = `${tr(ctx, 'Báo cáo', 'Report')} ${v.period} · ${v.unit.name}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`${BASE}?unit=${encodeURIComponent(v.unit.code)}&period=${encodeURIComponent(v.period)}`}>
          {tr(ctx, '← Báo cáo mô hình', '← Reform reports')}
        </a>
      </p>
      <PageHeading title={title} />
      <p>
        {v.title}. {statusText(ctx, v.status, v.submittedAt)}
        {v.updatedBy && tr(ctx, ` · Sửa lần cuối: ${v.updatedBy}, ${vnClock(v.updatedAt)}`, ` · Last changed by ${v.updatedBy}`)}
      </p>
      <p>
        {tr(
          ctx,
          `Số liệu của ${v.unitCount} đơn vị (đơn vị và các đơn vị trực thuộc)${v.figuresAt ? `, tính lúc ${vnClock(v.figuresAt)}` : ''}.`,
          `Figures of ${v.unitCount} units (the unit and those below it).`,
        )}
      </p>
      <p>
        <a href={`${BASE}/${v.id}/bao-cao.docx`}>{tr(ctx, 'Tải báo cáo (Word)', 'Download (Word)')}</a> ·{' '}
        <a href={`${BASE}/${v.id}/bao-cao.xlsx`}>{tr(ctx, 'Tải số liệu (Excel)', 'Download (Excel)')}</a>
      </p>
      {props.problem && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{tr(ctx, 'Chưa lưu được', 'Not saved')}</h2>
          <p>{props.problem}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      {editable && (
        <form method="post" action={`${BASE}/${v.id}/tong-hop`} class="actions compile">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(v.version)} />
          <button type="submit">
            {tr(ctx, 'Tổng hợp lại số liệu và báo cáo của đơn vị trực thuộc', 'Compile the figures and the reports of the units below')}
          </button>
        </form>
      )}
      <form method="post" action={`${BASE}/${v.id}`} novalidate>
        {editable && <CsrfField ctx={ctx} />}
        {editable && <input type="hidden" name="version" value={String(v.version)} />}
        {editable ? (
          <>
            <Field
              name="docNumber"
              label={tr(ctx, 'Số báo cáo (…/BC-UBND)', 'Report number')}
              value={typed?.docNumber ?? v.number.split('/')[0]?.trim() ?? ''}
              errors={errors}
              inputmode="numeric"
              maxLength={6}
            />
            <TextArea name="summary" label={tr(ctx, 'Phần mở đầu', 'Introduction')} value={typed?.summary ?? v.summary} errors={errors} rows={3} />
          </>
        ) : (
          <Lines text={v.summary} />
        )}
        {v.sections.map((s, i) => (
          <section key={s.modelCode} aria-labelledby={`m-${i}`}>
            <h2 id={`m-${i}`}>
              {i + 1}. {s.modelName} ({s.catalogueCode})
            </h2>
            {!s.own && <p class="hint">{tr(ctx, 'Mô hình do đơn vị trực thuộc thực hiện.', 'A model run by units below.')}</p>}
            {s.figures.length > 0 && (
              <TableWrap label={tr(ctx, `Số liệu: ${s.modelName}`, `Figures: ${s.modelName}`)}>
                <table class="report">
                  <caption>{isCatalogueCode(s.catalogueCode) ? catalogueNames[s.catalogueCode] : s.catalogueCode}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr(ctx, 'Chỉ tiêu', 'Figure')}</th>
                      <th scope="col">{tr(ctx, 'Kết quả', 'Value')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.figures.map((f) => (
                      <tr key={f.key} data-figure={f.key}>
                        <th scope="row">{f.label}</th>
                        <td class="num">{f.text}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {editable ? (
              <TextArea
                name={`n.${s.modelCode}`}
                label={tr(ctx, 'Kết quả thực hiện, đánh giá (văn bản thuần, tối đa 10.000 ký tự)', 'What was done (plain text, up to 10,000 characters)')}
                value={typed?.narratives[s.modelCode] ?? s.narrative}
                errors={errors}
                rows={6}
              />
            ) : s.narrative ? (
              <Lines text={s.narrative} />
            ) : (
              <p class="hint">{tr(ctx, 'Chưa có nội dung.', 'Nothing written.')}</p>
            )}
            {s.children.map((c) => (
              <div key={c.unitCode} class="child-narrative">
                <h3>{c.unitName}</h3>
                <Lines text={c.narrative} />
              </div>
            ))}
          </section>
        ))}
        {editable && <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>}
      </form>
      {editable && (
        <form method="post" action={`${BASE}/${v.id}/gui`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(v.version)} />
          <p>
            {tr(
              ctx,
              'Gửi báo cáo lên đơn vị cấp trên: số liệu được tính lại lần cuối và không sửa được nữa.',
              'Submit to the parent unit: the figures are computed one last time and frozen.',
            )}
          </p>
          <button type="submit">{tr(ctx, 'Gửi báo cáo', 'Submit the report')}</button>
        </form>
      )}
    </Layout>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const versionOf = (body: Record<string, unknown>) => (/^\d{1,9}$/.test(str(body.version)) ? Number(body.version) : 0);
const fileName = (v: ReportView, ext: string) => `bao-cao-mo-hinh-${v.unit.code}-${v.period}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '-');

/** Registers the pages and downloads of the reform reports. */
export function registerReformReportsPages(app: App, p: Platform): void {
  app.get(BASE, { config: { permission: READ } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const q = req.query as Record<string, string | undefined>;
    const ctx = pageContext(req, reply);
    const unit = await reportPageUnit(p.db, req, q.unit?.trim() || undefined, READ);
    req.requireOn(READ, unit.path);
    // A period by key (?period=2026-Q3) or by its days (?from=2026-07-01&to=2026-09-30, as the other report pages).
    const byDays = !q.period && (q.from !== undefined || q.to !== undefined);
    const asked = byDays ? `${q.from ?? ''}..${q.to ?? ''}` : q.period?.trim() || currentPeriod('quarter', today()).key;
    let period: ReportPeriod;
    try {
      period = byDays ? requireReportPeriod({ from: q.from, to: q.to }) : requireReportPeriod({ key: asked });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const errors = formErrors(e.errors, ctx.lang);
      return html(
        reply,
        renderPage(<ListPage ctx={ctx} unit={unit} periodKey={asked} errors={errors} report={null} children={[]} reports={[]} canWrite={false} />),
        400,
      );
    }
    const [report, children, reports] = await Promise.all([
      findReportFor(p.db, unit.id, period.key),
      childrenStatus(p.db, unit.id, period.key),
      listUnitReports(p.db, unit.id),
    ]);
    const canWrite = req.can(WRITE, unit.path);
    return html(
      reply,
      renderPage(
        <ListPage ctx={ctx} unit={unit} periodKey={period.key} errors={{}} report={report} children={children} reports={reports} canWrite={canWrite} />,
      ),
    );
  });

  app.post(BASE, { config: { permission: WRITE } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const unit = await reportPageUnit(p.db, req, str(body.unit).trim() || undefined, WRITE);
    req.requireOn(WRITE, unit.path);
    const period = requireReportPeriod({ key: str(body.period) });
    const made = await inTransaction(p.db, (tx) => openReport(tx, req.actor(), { unit, period, now: new Date(), today: today(), read: p.readDb }));
    return redirectWithFlash(
      req,
      reply,
      `${BASE}/${made.id}`,
      made.created ? tr(req, 'Đã lập báo cáo từ số liệu.', 'Report opened.') : tr(req, 'Báo cáo đã có.', 'The report exists.'),
    );
  });

  const showReport = async (
    req: FastifyRequest,
    reply: FastifyReply,
    report: ReportRow,
    extra: { errors?: FormErrors; typed?: Typed | null; problem?: string | null; status?: number } = {},
  ) => {
    const v = await viewOf(p.db, report, req.lang);
    const page = (
      <ReportPage
        ctx={pageContext(req, reply)}
        v={v}
        canWrite={req.can(WRITE, report.unit_path)}
        errors={extra.errors ?? {}}
        typed={extra.typed ?? null}
        problem={extra.problem ?? null}
      />
    );
    return html(reply, renderPage(page), extra.status ?? 200);
  };

  app.get(`${BASE}/:id`, { config: { permission: READ } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const report = await reportFor(p.db, req, (req.params as { id: string }).id, READ);
    return showReport(req, reply, report);
  });

  app.post(`${BASE}/:id`, { config: { permission: WRITE } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const report = await reportFor(p.db, req, (req.params as { id: string }).id, WRITE);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const narratives: Record<string, string> = {};
    for (const [k, val] of Object.entries(body)) if (k.startsWith('n.')) narratives[k.slice(2)] = str(val);
    const typed: Typed = { summary: str(body.summary), docNumber: str(body.docNumber).trim(), narratives };
    if (typed.docNumber && !/^\d{1,6}$/.test(typed.docNumber)) {
      const errors = { docNumber: tr(req, 'Số báo cáo là một số từ 1 đến 999999', 'The number is a whole number from 1 to 999999') };
      return showReport(req, reply, report, { errors, typed, status: 400 });
    }
    try {
      await inTransaction(p.db, (tx) =>
        saveReport(tx, req.actor(), report.id, {
          version: versionOf(body),
          summary: typed.summary,
          docNumber: typed.docNumber && Number(typed.docNumber) > 0 ? Number(typed.docNumber) : null,
          narratives,
        }),
      );
    } catch (e) {
      if (!(e instanceof AppError) || !['VALIDATION_FAILED', 'REFORM_REPORT_CHANGED', 'REFORM_REPORT_SUBMITTED'].includes(e.code)) throw e;
      const fresh = await reportFor(p.db, req, report.id, READ);
      const errors = formErrors(
        e.errors.map((x) => ({ ...x, field: x.field.replace(/^narratives\./, 'n.') })),
        req.lang,
      );
      const problem = e.code === 'VALIDATION_FAILED' ? null : (e.detail?.[req.lang] ?? null);
      // A refused save keeps what this person typed on the page (to copy), beside the latest saved version's figures.
      return showReport(req, reply, fresh, { errors, typed: e.code === 'REFORM_REPORT_SUBMITTED' ? null : typed, problem, status: e.status });
    }
    return redirectWithFlash(req, reply, `${BASE}/${report.id}`, tr(req, 'Đã lưu báo cáo.', 'Saved.'));
  });

  const action = (path: string, run: typeof compileReport | typeof submitReport, done: { vi: string; en: string }) =>
    app.post(`${BASE}/:id/${path}`, { config: { permission: WRITE } }, async (req: FastifyRequest, reply: FastifyReply) => {
      const report = await reportFor(p.db, req, (req.params as { id: string }).id, WRITE);
      const body = (req.body ?? {}) as Record<string, unknown>;
      try {
        await inTransaction(p.db, async (tx) => {
          await run(tx, req.actor(), report.id, { version: versionOf(body), now: new Date(), today: today(), read: p.readDb });
        });
      } catch (e) {
        if (!(e instanceof AppError) || !['REFORM_REPORT_CHANGED', 'REFORM_REPORT_SUBMITTED'].includes(e.code)) throw e;
        return showReport(req, reply, await reportFor(p.db, req, report.id, READ), { problem: e.detail?.[req.lang] ?? null, status: e.status });
      }
      return redirectWithFlash(req, reply, `${BASE}/${report.id}`, tr(req, done.vi, done.en));
    });
  action('tong-hop', compileReport, { vi: 'Đã tổng hợp số liệu và báo cáo của đơn vị trực thuộc.', en: 'Compiled.' });
  action('gui', submitReport, { vi: 'Đã gửi báo cáo lên đơn vị cấp trên.', en: 'Submitted.' });

  app.get(`${BASE}/:id/bao-cao.docx`, { config: { permission: READ } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const v = await viewOf(p.db, await reportFor(p.db, req, (req.params as { id: string }).id, READ));
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${fileName(v, 'docx')}"`)
      .header('cache-control', 'no-store')
      .send(await reportDocx(v));
  });

  app.get(`${BASE}/:id/bao-cao.xlsx`, { config: { permission: READ } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const v = await viewOf(p.db, await reportFor(p.db, req, (req.params as { id: string }).id, READ));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${fileName(v, 'xlsx')}"`)
      .header('cache-control', 'no-store')
      .send(await reportWorkbook(v));
  });
}
