/**
 * Staff pages of the satisfaction surveys: a unit's surveys (surveys.manage), creating one, printing its paper form
 * (A4 PDF with a QR code to the online form), typing in filled paper forms, and the results per unit, service and
 * official over a period with the free-text answers and an Excel export (conduct.read).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Fragment } from 'preact';
import type { Platform } from '../../platform/context.ts';
import { formatVnShortDate, tableWorkbookBuffer } from '../../platform/documents/index.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { checkPeriod } from '../../platform/period.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { ratingLabels, ratings } from '../dossiers/index.ts';
import { pageUnitOf, type UnitRow, unitsWhere } from '../units/index.ts';
import { loadForStaff, READ, responseFrom, SURVEYS, surveyParts, today } from './access.ts';
import { createSurvey } from './commands/create-survey.ts';
import { recordSurveyResponse } from './commands/record-survey-response.ts';
import { renderSurveyForm, surveyUrl } from './commands/render-survey-form.ts';
import { listSurveys, type SurveyRow, type TextAnswerRow, textAnswers } from './queries.ts';
import { type SatisfactionLine, type SurveyResults, surveyResults } from './results.ts';
import {
  aspectLabels,
  aspects,
  checkSurveyDraft,
  DEFAULT_TEXT_QUESTION,
  defaultQuestions,
  formatShare,
  isIsoDate,
  isOpen,
  MAX_TEXT_QUESTIONS,
} from './rules/survey.ts';
import { valuesOf } from './survey-pages.tsx';
import { labelOf, ResultsTable, type SurveyChoices, SurveyFields, shareText, type Values } from './views.tsx';

export const STAFF_BASE = '/quan-tri/khao-sat';
export const RESULTS_PATH = '/quan-tri/khao-sat/ket-qua';
const KEY_RE = /^[A-Za-z0-9_-]{8,200}$/;
const fmtDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** The earlier of two ISO dates. */
const earlier = (a: string, b: string) => (a.localeCompare(b) <= 0 ? a : b);
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');

function UnitSelect(props: { ctx: PageContext; units: UnitRow[]; value: string }) {
  return (
    <Select
      name="unit"
      label={tr(props.ctx, 'Đơn vị', 'Unit')}
      value={props.value}
      options={props.units.map((u) => ({ value: u.code, label: `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
    />
  );
}

// ---------- list and create ----------

function ListPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; surveys: SurveyRow[]; day: string }) {
  const { ctx, unit } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Khảo sát sự hài lòng · ${unit.name}`, `Surveys · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Khảo sát sự hài lòng: ${unit.name}`, `Satisfaction surveys: ${unit.name}`)}>
        <a class="button" href={`${STAFF_BASE}/moi?unit=${encodeURIComponent(unit.code)}`}>
          {tr(ctx, 'Tạo cuộc khảo sát', 'New survey')}
        </a>
      </PageHeading>
      <p class="register-links">
        {ctx.can(READ) && (
          <>
            <a href={`${RESULTS_PATH}?unit=${encodeURIComponent(unit.code)}`}>{tr(ctx, 'Kết quả khảo sát', 'Results')}</a> ·{' '}
          </>
        )}
        <a href="/khao-sat">{tr(ctx, 'Trang khảo sát công khai', 'Public survey page')}</a>
      </p>
      <form class="search" method="get" action={STAFF_BASE}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      {props.surveys.length === 0 ? (
        <p>{tr(ctx, 'Đơn vị chưa có cuộc khảo sát nào.', 'The unit has no survey yet.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Các cuộc khảo sát', 'Surveys')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Cuộc khảo sát', 'Survey')}</th>
                <th scope="col">{tr(ctx, 'Thời gian', 'Period')}</th>
                <th scope="col">{tr(ctx, 'Số phiếu', 'Forms')}</th>
              </tr>
            </thead>
            <tbody>
              {props.surveys.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={`${STAFF_BASE}/${s.id}`}>{s.title}</a>
                    {isOpen(s, props.day) && <span class="tag published"> {tr(ctx, 'đang mở', 'open')}</span>}
                  </td>
                  <td>
                    {fmtDay(s.opens_on)} – {fmtDay(s.closes_on)}
                  </td>
                  <td>{s.responses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

function NewPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; values: Values; errors: FormErrors; chosen: string[] }) {
  const { ctx, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Tạo cuộc khảo sát', 'New survey')}>
      <p class="muted">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(props.unit.code)}`}>{tr(ctx, '← Khảo sát', '← Surveys')}</a>
      </p>
      <h1>{tr(ctx, 'Tạo cuộc khảo sát sự hài lòng', 'New satisfaction survey')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={STAFF_BASE} novalidate>
        <CsrfField ctx={ctx} />
        <UnitSelect ctx={ctx} units={props.units} value={v.unit ?? props.unit.code} />
        <Field name="title" label={tr(ctx, 'Tên cuộc khảo sát', 'Title')} value={v.title ?? ''} errors={errors} required maxLength={200} />
        <TextArea name="intro" label={tr(ctx, 'Lời giới thiệu (không bắt buộc)', 'Introduction (optional)')} value={v.intro ?? ''} errors={errors} rows={3} />
        <Field name="opensOn" type="date" label={tr(ctx, 'Từ ngày', 'From')} value={v.opensOn ?? ''} errors={errors} required />
        <Field name="closesOn" type="date" label={tr(ctx, 'Đến ngày', 'To')} value={v.closesOn ?? ''} errors={errors} required />
        <fieldset class="qa-contact" id="f-aspects">
          <legend>{tr(ctx, 'Nội dung đánh giá (bốn mức: rất hài lòng … không hài lòng)', 'Aspects rated on the four-level scale')}</legend>
          {errors.aspects && <p class="error">{errors.aspects}</p>}
          {aspects.map((a) => (
            <div key={a}>
              <p class="check">
                <input type="checkbox" id={`aspect-${a}`} name="aspects" value={a} checked={props.chosen.includes(a)} />{' '}
                <label for={`aspect-${a}`}>{labelOf(ctx, aspectLabels[a])}</label>
              </p>
              <Field name={`q_${a}`} label={tr(ctx, 'Câu hỏi', 'Question')} value={v[`q_${a}`] ?? defaultQuestions[a]} errors={errors} maxLength={500} />
            </div>
          ))}
        </fieldset>
        <fieldset class="qa-contact">
          <legend>{tr(ctx, 'Câu hỏi mở (trả lời bằng chữ, không bắt buộc)', 'Free-text questions (optional)')}</legend>
          {Array.from({ length: MAX_TEXT_QUESTIONS }, (_x, i) => (
            <Field
              key={i}
              name={`text_${i + 1}`}
              label={tr(ctx, `Câu hỏi mở ${i + 1}`, `Free-text question ${i + 1}`)}
              value={v[`text_${i + 1}`] ?? (i === 0 && !v.title ? DEFAULT_TEXT_QUESTION : '')}
              errors={errors}
              maxLength={500}
            />
          ))}
        </fieldset>
        <Checkbox name="askProcedure" checked={v.askProcedure === 'on'} label={tr(ctx, 'Hỏi thủ tục đã thực hiện', 'Ask which procedure')} />
        <Checkbox
          name="askOfficial"
          checked={v.askOfficial === 'on'}
          label={tr(ctx, 'Hỏi cán bộ đã tiếp (chỉ hiện họ tên)', 'Ask which official (names only)')}
        />
        <button type="submit">{tr(ctx, 'Tạo cuộc khảo sát', 'Create the survey')}</button>
      </form>
    </Layout>
  );
}

// ---------- one survey, paper entry ----------

function SurveyPage(props: { ctx: PageContext; survey: SurveyRow; url: string; day: string }) {
  const { ctx, survey: s } = props;
  return (
    <Layout ctx={ctx} title={s.title}>
      <p class="muted">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(s.unit_code)}`}>{tr(ctx, '← Khảo sát', '← Surveys')}</a>
      </p>
      <h1>{s.title}</h1>
      <dl class="facts">
        <dt>{tr(ctx, 'Đơn vị', 'Unit')}</dt>
        <dd>{s.unit_name}</dd>
        <dt>{tr(ctx, 'Thời gian', 'Period')}</dt>
        <dd>
          {fmtDay(s.opens_on)} – {fmtDay(s.closes_on)} {isOpen(s, props.day) && <span class="tag published">{tr(ctx, 'đang mở', 'open')}</span>}
        </dd>
        <dt>{tr(ctx, 'Số phiếu đã nhận', 'Forms received')}</dt>
        <dd>{s.responses}</dd>
        <dt>{tr(ctx, 'Địa chỉ trả lời trực tuyến', 'Online form')}</dt>
        <dd>
          <a href={`/khao-sat/${s.id}`}>{props.url}</a>
        </dd>
      </dl>
      <p class="register-links">
        <a class="button" href={`${STAFF_BASE}/${s.id}/phieu.pdf`}>
          {tr(ctx, 'In phiếu giấy (PDF)', 'Print the paper form (PDF)')}
        </a>{' '}
        <a class="button secondary" href={`${STAFF_BASE}/${s.id}/nhap`}>
          {tr(ctx, 'Nhập phiếu giấy', 'Enter paper forms')}
        </a>
      </p>
      {ctx.can(READ) && (
        <p>
          <a href={`${RESULTS_PATH}?unit=${encodeURIComponent(s.unit_code)}&from=${s.opens_on}&to=${earlier(s.closes_on, props.day)}`}>
            {tr(ctx, 'Xem kết quả của đơn vị trong thời gian khảo sát', 'Results of the unit over the survey period')}
          </a>
        </p>
      )}
    </Layout>
  );
}

function EntryPage(props: {
  ctx: PageContext;
  survey: SurveyRow;
  parts: { questions: import('./rules/survey.ts').SurveyQuestion[]; choices: SurveyChoices };
  values: Values;
  errors: FormErrors;
}) {
  const { ctx, survey: s, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Nhập phiếu giấy · ${s.title}`, `Enter paper forms · ${s.title}`)}>
      <p class="muted">
        <a href={`${STAFF_BASE}/${s.id}`}>{tr(ctx, '← Cuộc khảo sát', '← The survey')}</a>
      </p>
      <h1>{tr(ctx, 'Nhập phiếu khảo sát giấy', 'Enter a paper survey form')}</h1>
      <p>
        {s.title} · {s.unit_name} · {tr(ctx, 'đã nhận', 'received')} {s.responses} {tr(ctx, 'phiếu', 'forms')}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${STAFF_BASE}/${s.id}/nhap`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="key" value={v.key} />
        <Field
          name="answeredOn"
          type="date"
          label={tr(ctx, 'Ngày ghi trên phiếu', 'Date on the form')}
          hint={tr(
            ctx,
            `Trong thời gian khảo sát (${fmtDay(s.opens_on)} – ${fmtDay(s.closes_on)}), không sau hôm nay.`,
            'Within the survey period, not after today.',
          )}
          value={v.answeredOn ?? ''}
          errors={errors}
          required
        />
        <SurveyFields
          ctx={ctx}
          questions={props.parts.questions}
          choices={props.parts.choices}
          values={v}
          errors={errors}
          ask={{ official: s.ask_official, procedure: s.ask_procedure }}
        />
        <button type="submit">{tr(ctx, 'Lưu phiếu', 'Save the form')}</button>
      </form>
    </Layout>
  );
}

// ---------- results ----------

function ResultsPage(props: {
  ctx: PageContext;
  units: UnitRow[];
  q: { unit: string; from: string; to: string; subtree: boolean };
  errors: FormErrors;
  results: SurveyResults | null;
  texts: TextAnswerRow[];
}) {
  const { ctx, q, results: r } = props;
  const query = new URLSearchParams({ unit: q.unit, from: q.from, to: q.to, ...(q.subtree ? { subtree: '1' } : {}) }).toString();
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Kết quả khảo sát sự hài lòng', 'Satisfaction survey results')}>
      <h1>{tr(ctx, 'Kết quả khảo sát sự hài lòng', 'Satisfaction survey results')}</h1>
      <p class="register-links">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(q.unit)}`}>{tr(ctx, 'Các cuộc khảo sát', 'Surveys')}</a> ·{' '}
        <a href="/quan-tri/cam-ket">{tr(ctx, 'Ký cam kết “4 xin, 4 luôn, 5 không”', 'Commitment signatures')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form class="search" method="get" action={RESULTS_PATH}>
        <UnitSelect ctx={ctx} units={props.units} value={q.unit} />
        <Field name="from" type="date" label={tr(ctx, 'Từ ngày', 'From')} value={q.from} errors={props.errors} />
        <Field name="to" type="date" label={tr(ctx, 'Đến ngày', 'To')} value={q.to} errors={props.errors} />
        <Checkbox name="subtree" checked={q.subtree} label={tr(ctx, 'Gồm cả các đơn vị trực thuộc', 'Include the units below')} />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      {r && (
        <>
          <p>
            <a class="button secondary" href={`${RESULTS_PATH}.xlsx?${query}`}>
              {tr(ctx, 'Tải Excel', 'Download Excel')}
            </a>
          </p>
          <h2>{tr(ctx, 'Tổng hợp', 'Overall')}</h2>
          <dl class="facts">
            <dt>{tr(ctx, 'Số phiếu', 'Forms')}</dt>
            <dd>{r.responses}</dd>
            <dt>{tr(ctx, 'Số lượt đánh giá', 'Ratings')}</dt>
            <dd>{r.ratings}</dd>
            {ratings.map((l) => (
              <Fragment key={l}>
                <dt>{labelOf(ctx, ratingLabels[l])}</dt>
                <dd>{r.levels[l]}</dd>
              </Fragment>
            ))}
            <dt>{tr(ctx, 'Tỷ lệ hài lòng (rất hài lòng + hài lòng)', 'Satisfied (very satisfied + satisfied)')}</dt>
            <dd class="satisfied-share">{shareText(ctx, r.satisfiedShare)}</dd>
          </dl>
          <ResultsTable
            ctx={ctx}
            caption={tr(ctx, 'Theo đơn vị', 'By unit')}
            head={tr(ctx, 'Đơn vị', 'Unit')}
            lines={r.byUnit.map((x) => ({ label: x.unitName, ...x }))}
          />
          <ResultsTable
            ctx={ctx}
            caption={tr(ctx, 'Theo dịch vụ (thủ tục hành chính)', 'By service (procedure)')}
            head={tr(ctx, 'Thủ tục', 'Procedure')}
            lines={r.byProcedure.map((x) => ({ label: `${x.procedureName} (${x.procedureCode})`, ...x }))}
          />
          <ResultsTable
            ctx={ctx}
            caption={tr(ctx, 'Theo cán bộ', 'By official')}
            head={tr(ctx, 'Cán bộ', 'Official')}
            lines={r.byOfficial.map((x) => ({ label: x.name, ...x }))}
          />
          <ResultsTable
            ctx={ctx}
            caption={tr(ctx, 'Theo nội dung đánh giá', 'By aspect')}
            head={tr(ctx, 'Nội dung', 'Aspect')}
            lines={r.byAspect.map((x) => ({ label: labelOf(ctx, aspectLabels[x.aspect]), ...x }))}
          />
          <h2>{tr(ctx, 'Ý kiến bằng chữ', 'Written answers')}</h2>
          {props.texts.length === 0 ? (
            <p>{tr(ctx, 'Không có ý kiến bằng chữ trong kỳ.', 'No written answers in the period.')}</p>
          ) : (
            <ul class="survey-texts">
              {props.texts.map((t, i) => (
                <li key={i}>
                  <p class="qa-text">{t.text_answer}</p>
                  <p class="muted">
                    {t.label} · {t.unit_name} · {fmtDay(t.answered_on)} ·{' '}
                    {t.channel === 'paper' ? tr(ctx, 'phiếu giấy', 'paper') : tr(ctx, 'trực tuyến', 'online')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
}

/** The results query of a request: unit (checked), period (checked: real dates, in order, at most a year, not in the future). */
async function resultsQuery(p: Platform, req: FastifyRequest, units: UnitRow[]) {
  const raw = (req.query ?? {}) as Record<string, unknown>;
  const day = today();
  const q = {
    unit: str(raw.unit, 64),
    from: str(raw.from, 20) || `${day.slice(0, 4)}-01-01`,
    to: str(raw.to, 20) || day,
    subtree: raw.subtree === '1' || raw.subtree === 'on',
  };
  const unit = await pageUnitOf(p.db, req, q.unit, units, READ);
  q.unit = unit.code;
  const errors: FieldError[] = checkPeriod(q.from, q.to).map((e) => ({ field: e.field, message: e.message }));
  if (errors.length === 0 && q.from > day) {
    errors.push({
      field: 'from',
      message: { vi: 'Kỳ báo cáo chưa bắt đầu: ngày bắt đầu ở tương lai', en: 'The period has not started: the first day is in the future' },
    });
  }
  const unitIds = q.subtree ? units.filter((u) => u.path.startsWith(unit.path)).map((u) => u.id) : [unit.id];
  return { q, unit, unitIds, errors };
}

async function renderResults(p: Platform, req: FastifyRequest, reply: FastifyReply) {
  const units = await unitsWhere(p.db, req, READ);
  const { q, unitIds, errors } = await resultsQuery(p, req, units);
  const ctx = pageContext(req, reply);
  if (errors.length) {
    return html(reply, renderPage(<ResultsPage ctx={ctx} units={units} q={q} errors={formErrors(errors, req.lang)} results={null} texts={[]} />), 400);
  }
  const [results, texts] = await Promise.all([
    surveyResults(p.db, { unitIds, from: q.from, to: q.to }),
    textAnswers(p.db, { unitIds, from: q.from, to: q.to }),
  ]);
  return html(reply, renderPage(<ResultsPage ctx={ctx} units={units} q={q} errors={{}} results={results} texts={texts} />));
}

/** The results as one Excel sheet: the overall line, then per unit, service, official and aspect, then the written answers. */
export async function resultsWorkbook(unitName: string, q: { from: string; to: string }, r: SurveyResults, texts: TextAnswerRow[]): Promise<Buffer> {
  const line = (group: string, label: string, x: SatisfactionLine) => [
    group,
    label,
    x.responses,
    x.levels.rat_hai_long,
    x.levels.hai_long,
    x.levels.binh_thuong,
    x.levels.khong_hai_long,
    formatShare(x.satisfiedShare),
  ];
  const rows: (string | number | null)[][] = [
    line('Tổng hợp', unitName, r),
    ...r.byUnit.map((x) => line('Đơn vị', x.unitName, x)),
    ...r.byProcedure.map((x) => line('Thủ tục', `${x.procedureName} (${x.procedureCode})`, x)),
    ...r.byOfficial.map((x) => line('Cán bộ', x.name, x)),
    ...r.byAspect.map((x) => line('Nội dung', aspectLabels[x.aspect].vi, x)),
    ...texts.map((t) => ['Ý kiến', `${t.label}: ${t.text_answer}`, null, null, null, null, null, `${formatVnShortDate(t.answered_on)} · ${t.unit_name}`]),
  ];
  return tableWorkbookBuffer({
    sheetName: 'Khảo sát hài lòng',
    titleLines: [
      { text: unitName.toLocaleUpperCase('vi'), bold: true },
      { text: 'KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN, DOANH NGHIỆP', bold: true, size: 14 },
      { text: `Từ ngày ${formatVnShortDate(q.from)} đến ngày ${formatVnShortDate(q.to)}`, italic: true },
    ],
    columns: [
      { header: 'Nhóm', width: 12 },
      { header: 'Nội dung', width: 48 },
      { header: 'Số phiếu', width: 10 },
      { header: 'Rất hài lòng', width: 11 },
      { header: 'Hài lòng', width: 11 },
      { header: 'Bình thường', width: 11 },
      { header: 'Không hài lòng', width: 11 },
      { header: 'Tỷ lệ hài lòng', width: 16 },
    ],
    numberRow: true,
    rows,
    created: new Date(`${q.to}T00:00:00+07:00`),
  });
}

/** Staff routes of the surveys. */
export function registerSurveyStaffPages(app: App, p: Platform): void {
  app.get(STAFF_BASE, { config: { permission: SURVEYS } }, async (req, reply) => {
    const units = await unitsWhere(p.db, req, SURVEYS);
    const unit = await pageUnitOf(p.db, req, str((req.query as Record<string, unknown>)?.unit, 64), units, SURVEYS);
    const surveys = await listSurveys(p.db, unit.id);
    return html(reply, renderPage(<ListPage ctx={pageContext(req, reply)} unit={unit} units={units} surveys={surveys} day={today()} />));
  });

  app.get(`${STAFF_BASE}/moi`, { config: { permission: SURVEYS } }, async (req, reply) => {
    const units = await unitsWhere(p.db, req, SURVEYS);
    const unit = await pageUnitOf(p.db, req, str((req.query as Record<string, unknown>)?.unit, 64), units, SURVEYS);
    const day = today();
    const values: Values = { unit: unit.code, opensOn: day, closesOn: `${day.slice(0, 4)}-12-31`, askOfficial: 'on', askProcedure: 'on' };
    return html(reply, renderPage(<NewPage ctx={pageContext(req, reply)} unit={unit} units={units} values={values} errors={{}} chosen={[...aspects]} />));
  });

  app.post(STAFF_BASE, { config: { permission: SURVEYS } }, async (req, reply) => {
    const body = cleanForm(req.body);
    const units = await unitsWhere(p.db, req, SURVEYS);
    const unit = await pageUnitOf(p.db, req, str(body.unit, 64), units, SURVEYS);
    const checked = checkSurveyDraft(body);
    if (!checked.ok) {
      const values = valuesOf(body);
      const chosen = [body.aspects].flat().filter((a): a is string => typeof a === 'string');
      return html(
        reply,
        renderPage(
          <NewPage ctx={pageContext(req, reply)} unit={unit} units={units} values={values} errors={formErrors(checked.errors, req.lang)} chosen={chosen} />,
        ),
        400,
      );
    }
    const id = await createSurvey(p.db, req.actor(), unit.id, checked.value);
    return redirectWithFlash(req, reply, `${STAFF_BASE}/${id}`, tr(req, 'Đã tạo cuộc khảo sát.', 'Survey created.'));
  });

  app.get(RESULTS_PATH, { config: { permission: READ } }, async (req, reply) => renderResults(p, req, reply));

  app.get(`${RESULTS_PATH}.xlsx`, { config: { permission: READ } }, async (req, reply) => {
    const units = await unitsWhere(p.db, req, READ);
    const { q, unit, unitIds, errors } = await resultsQuery(p, req, units);
    if (errors.length) throw new AppError('VALIDATION_FAILED', { errors: errors.map((e) => ({ field: `querystring.${e.field}`, message: e.message })) });
    const [results, texts] = await Promise.all([
      surveyResults(p.db, { unitIds, from: q.from, to: q.to }),
      textAnswers(p.db, { unitIds, from: q.from, to: q.to }, 5000),
    ]);
    const file = await resultsWorkbook(unit.name, q, results, texts);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="khao-sat-${unit.code}-${q.from}-${q.to}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(file);
  });

  app.get(`${STAFF_BASE}/:id`, { config: { permission: SURVEYS } }, async (req, reply) => {
    const s = await loadForStaff(p, req, (req.params as { id: string }).id);
    return html(reply, renderPage(<SurveyPage ctx={pageContext(req, reply)} survey={s} url={surveyUrl(p.config.publicUrl, s.id)} day={today()} />));
  });

  app.get(`${STAFF_BASE}/:id/phieu.pdf`, { config: { permission: SURVEYS } }, async (req, reply) => {
    const s = await loadForStaff(p, req, (req.params as { id: string }).id);
    const pdf = await renderSurveyForm(p.db, s, p.config.publicUrl, today());
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="phieu-khao-sat-${s.id}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get(`${STAFF_BASE}/:id/nhap`, { config: { permission: SURVEYS } }, async (req, reply) => {
    const s = await loadForStaff(p, req, (req.params as { id: string }).id);
    const day = today();
    const parts = await surveyParts(p, s, day);
    const values: Values = { key: randomUUID(), answeredOn: earlier(s.closes_on, day) };
    return html(reply, renderPage(<EntryPage ctx={pageContext(req, reply)} survey={s} parts={parts} values={values} errors={{}} />));
  });

  app.post(`${STAFF_BASE}/:id/nhap`, { config: { permission: SURVEYS } }, async (req, reply) => {
    const s = await loadForStaff(p, req, (req.params as { id: string }).id);
    const form = cleanForm(req.body);
    const values = valuesOf(form);
    const key = typeof form.key === 'string' && KEY_RE.test(form.key) ? form.key : null;
    values.key = key ?? randomUUID();
    const day = today();
    const parts = await surveyParts(p, s, day);
    const checked = await responseFrom(p, s, parts, form);
    const errors: FieldError[] = checked.ok ? [] : [...checked.errors];
    const answeredOn = str(form.answeredOn, 20);
    if (!isIsoDate(answeredOn) || answeredOn < s.opens_on || answeredOn > s.closes_on || answeredOn > day) {
      errors.unshift({
        field: 'answeredOn',
        message: {
          vi: 'Ngày trên phiếu phải trong thời gian khảo sát và không sau hôm nay',
          en: 'The date must be within the survey period and not after today',
        },
      });
    }
    if (errors.length || !checked.ok) {
      return html(
        reply,
        renderPage(<EntryPage ctx={pageContext(req, reply)} survey={s} parts={parts} values={values} errors={formErrors(errors, req.lang)} />),
        400,
      );
    }
    const actor = req.actor();
    await recordSurveyResponse(p.db, actor, {
      surveyId: s.id,
      unitId: s.unit_id,
      channel: 'paper',
      ...checked.value,
      answeredOn,
      key,
      enteredBy: actor.userId,
    });
    return redirectWithFlash(req, reply, `${STAFF_BASE}/${s.id}/nhap`, tr(req, 'Đã lưu phiếu. Mời nhập phiếu tiếp theo.', 'Form saved. Enter the next one.'));
  });
}
