/**
 * Public pages of "Touch to know" (Chạm để biết): ask a unit a question without signing in, look it up by its code,
 * and read the published answers, searchable without diacritics. Every page works without JavaScript, at 320 px and
 * on a kiosk's touch screen (large targets), and prints cleanly. Never shows the asker's name or contact.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, Pagination, RobotTrap, Select, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findProcedureByCode, findVersionInForce } from '../procedures/index.ts';
import { listUnits } from '../units/index.ts';
import { ASK_RATE_LIMIT, askAt, mustFindQuestion, publicFilters, today } from './api.ts';
import { questionPath } from './present.ts';
import { answeredQuestionsFor, proceduresWithPublished, type QuestionRow, searchQuestions, unitsWithPublished } from './queries.ts';
import { checkAsk, NAME_MAX, QUESTION_MAX } from './rules/ask.ts';
import { normaliseQuestionCode } from './rules/code.ts';
import { AnsweredList, fmtDate, ProcedureQuestions, RejectText, StatusTags } from './views.tsx';

export const PUBLIC_BASE = '/hoi-dap';
export const ASK_PATH = '/hoi-dap/hoi';
const PAGE_SIZE = 20;
// The national catalogue code's shape (procedures.code's CHECK in migrations/0003_procedures.sql).
const PROCEDURE_RE = /^[0-9]{1,2}\.[0-9]{5,6}$/;
const KEY_RE = /^[A-Za-z0-9_-]{8,200}$/;

type Query = Record<string, string | undefined>;
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));

// ---------- the public list ----------

function ListPage(props: {
  ctx: PageContext;
  query: Query;
  items: QuestionRow[];
  total: number;
  page: number;
  units: { code: string; name: string }[];
  procedures: { code: string; name: string | null }[];
  codeError: string | null;
}) {
  const { ctx, query } = props;
  const askHref = `${ASK_PATH}${query.unit || query.procedure ? `?${new URLSearchParams({ ...(query.unit ? { unit: query.unit } : {}), ...(query.procedure ? { 'thu-tuc': query.procedure } : {}) })}` : ''}`;
  const kept: Record<string, string> = {};
  for (const k of ['q', 'unit', 'procedure']) if (query[k]) kept[k] = query[k] as string;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Hỏi đáp: Chạm để biết', 'Questions and answers')}>
      <h1>{tr(ctx, 'Hỏi đáp: Chạm để biết', 'Questions and answers: Touch to know')}</h1>
      <p>
        {tr(
          ctx,
          'Câu hỏi của người dân về thủ tục hành chính và việc của địa phương, cùng câu trả lời của cơ quan. Không cần đăng nhập để hỏi.',
          'Questions from the public about administrative procedures and local matters, with the answers of the office. No sign-in needed to ask.',
        )}
      </p>
      <p>
        <a class="button large" href={askHref}>
          {tr(ctx, 'Đặt câu hỏi', 'Ask a question')}
        </a>
      </p>
      <form class="search" method="get" action={PUBLIC_BASE}>
        <Field name="q" label={tr(ctx, 'Tìm câu hỏi (gõ có dấu hoặc không dấu)', 'Find a question (with or without diacritics)')} value={query.q ?? ''} />
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={query.unit ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <Select
          name="procedure"
          label={tr(ctx, 'Thủ tục', 'Procedure')}
          value={query.procedure ?? ''}
          options={[
            { value: '', label: tr(ctx, 'Tất cả', 'All') },
            ...props.procedures.map((p) => ({ value: p.code, label: p.name ? `${p.name} (${p.code})` : p.code })),
          ]}
        />
        <button type="submit" class="large">
          {tr(ctx, 'Tìm', 'Search')}
        </button>
      </form>
      <h2>
        {query.q || query.unit || query.procedure
          ? tr(ctx, `Kết quả: ${props.total} câu hỏi`, `Results: ${props.total}`)
          : tr(ctx, 'Câu hỏi đã trả lời', 'Answered questions')}
      </h2>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có câu hỏi nào phù hợp.', 'No question matches yet.')}</p>
      ) : (
        <AnsweredList ctx={ctx} items={props.items} heading="h3" showProcedure />
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={PAGE_SIZE} total={props.total} base={PUBLIC_BASE} query={kept} />
      <h2 id="tra-cuu-ma">{tr(ctx, 'Xem câu hỏi của ông/bà', 'Look up your question')}</h2>
      <form class="search qa-lookup" method="get" action={PUBLIC_BASE} aria-labelledby="tra-cuu-ma">
        <Field
          name="ma"
          label={tr(ctx, 'Mã tra cứu (8 ký tự)', 'Look-up code (8 characters)')}
          value={query.ma ?? ''}
          errors={props.codeError ? { ma: props.codeError } : {}}
          autocomplete="off"
        />
        <button type="submit" class="large">
          {tr(ctx, 'Xem', 'Open')}
        </button>
      </form>
    </Layout>
  );
}

// ---------- one question ----------

function QuestionPage(props: { ctx: PageContext; q: QuestionRow }) {
  const { ctx, q } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Câu hỏi ${q.code}`, `Question ${q.code}`)}>
      <p class="muted">
        <a href={PUBLIC_BASE}>{tr(ctx, '← Hỏi đáp', '← Questions and answers')}</a>
      </p>
      <h1>{tr(ctx, 'Câu hỏi', 'Question')}</h1>
      <dl class="facts">
        <dt>{tr(ctx, 'Mã tra cứu', 'Look-up code')}</dt>
        <dd>
          <span class="qa-code">{q.code}</span>
        </dd>
        <dt>{tr(ctx, 'Gửi đến', 'Sent to')}</dt>
        <dd>{q.unit_name}</dd>
        {q.procedure_code && (
          <>
            <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
            <dd>
              <a href={`/thu-tuc/${q.procedure_code}`}>{q.procedure_name ? `${q.procedure_name} (${q.procedure_code})` : q.procedure_code}</a>
            </dd>
          </>
        )}
        <dt>{tr(ctx, 'Ngày hỏi', 'Asked on')}</dt>
        <dd>{fmtDate(q.created_at)}</dd>
        <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
        <dd>
          <StatusTags ctx={ctx} q={q} />
        </dd>
      </dl>
      <h2>{tr(ctx, 'Nội dung câu hỏi', 'The question')}</h2>
      <p class="qa-text">{q.question}</p>
      {q.status === 'answered' && q.answer && (
        <section class="qa-answer" aria-labelledby="tra-loi">
          <h2 id="tra-loi">{tr(ctx, 'Trả lời của cơ quan', 'Answer from the office')}</h2>
          <p class="qa-text">{q.answer}</p>
          <p class="muted">
            {q.unit_name} · {fmtDate(q.answered_at)}
          </p>
          {!q.published && (
            <p class="hint">
              {tr(
                ctx,
                'Câu trả lời này chỉ dành cho người giữ mã tra cứu, không đăng công khai.',
                'This answer is for the holder of the code only; it is not published.',
              )}
            </p>
          )}
        </section>
      )}
      {q.status === 'pending' && (
        <p>
          {tr(
            ctx,
            'Câu hỏi đang chờ cơ quan trả lời. Hãy ghi lại mã tra cứu ở trên và quay lại trang này, hoặc tìm mã trên trang Hỏi đáp.',
            'The question is waiting for an answer. Note the code above and come back to this page, or enter the code on the questions page.',
          )}
        </p>
      )}
      {q.status === 'rejected' && (
        <section aria-labelledby="khong-tra-loi">
          <h2 id="khong-tra-loi">{tr(ctx, 'Cơ quan không trả lời câu hỏi này', 'The office did not answer this question')}</h2>
          <RejectText ctx={ctx} q={q} />
        </section>
      )}
      <p>
        <a class="button secondary large" href={`${ASK_PATH}?unit=${encodeURIComponent(q.unit_code)}`}>
          {tr(ctx, 'Hỏi câu khác', 'Ask another question')}
        </a>
      </p>
    </Layout>
  );
}

// ---------- ask ----------

interface AskValues {
  unit: string;
  procedure: string;
  question: string;
  name: string;
  contact: string;
  consent: boolean;
  key: string;
}

function AskPage(props: { ctx: PageContext; values: AskValues; errors: FormErrors; units: { code: string; label: string }[]; procedureName: string | null }) {
  const { ctx, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đặt câu hỏi', 'Ask a question')}>
      <p class="muted">
        <a href={PUBLIC_BASE}>{tr(ctx, '← Hỏi đáp', '← Questions and answers')}</a>
      </p>
      <h1>{tr(ctx, 'Đặt câu hỏi', 'Ask a question')}</h1>
      <p>
        {tr(
          ctx,
          'Hỏi về thủ tục hành chính hoặc việc của địa phương. Không cần đăng nhập. Sau khi gửi, ông/bà nhận một mã tra cứu để xem câu trả lời.',
          'Ask about an administrative procedure or a local matter. No sign-in needed. You get a code to look the answer up.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={ASK_PATH} novalidate class="qa-ask">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="key" value={v.key} />
        <Select
          name="unit"
          label={tr(ctx, 'Hỏi cơ quan nào', 'Which office')}
          value={v.unit}
          errors={errors}
          required
          options={[{ value: '', label: tr(ctx, '— Chọn đơn vị —', '— Choose —') }, ...props.units.map((u) => ({ value: u.code, label: u.label }))]}
        />
        <Field
          name="procedure"
          label={tr(ctx, 'Mã thủ tục (nếu hỏi về một thủ tục, không bắt buộc)', 'Procedure code (if the question is about one; optional)')}
          hint={props.procedureName ?? tr(ctx, 'vd. 1.001193', 'e.g. 1.001193')}
          value={v.procedure}
          errors={errors}
          inputmode="decimal"
          maxLength={20}
        />
        <TextArea
          name="question"
          label={tr(ctx, 'Câu hỏi', 'Your question')}
          hint={tr(
            ctx,
            `Từ 10 đến ${QUESTION_MAX} ký tự. Câu hỏi có thể được đăng công khai cùng câu trả lời: đừng ghi số căn cước, địa chỉ hay thông tin riêng.`,
            `10 to ${QUESTION_MAX} characters. It may be published with the answer: do not write ID numbers, addresses or private details.`,
          )}
          value={v.question}
          errors={errors}
          rows={6}
          required
        />
        <fieldset class="qa-contact">
          <legend>{tr(ctx, 'Để được báo khi có câu trả lời (không bắt buộc)', 'To be told when answered (optional)')}</legend>
          <p class="hint">
            {tr(
              ctx,
              'Họ tên và số điện thoại hoặc thư điện tử chỉ cán bộ của đơn vị xem được, chỉ để báo câu trả lời, không bao giờ công khai.',
              'Your name and phone or e-mail are seen only by staff of the office, used only to tell you of the answer, and never published.',
            )}
          </p>
          <Field name="name" label={tr(ctx, 'Họ và tên', 'Full name')} value={v.name} errors={errors} autocomplete="name" maxLength={NAME_MAX} />
          <Field
            name="contact"
            label={tr(ctx, 'Số điện thoại hoặc thư điện tử', 'Phone or e-mail')}
            hint={tr(ctx, 'vd. 0912 345 678 hoặc ten@gmail.com', 'e.g. 0912 345 678 or name@gmail.com')}
            value={v.contact}
            errors={errors}
            maxLength={200}
          />
          <Checkbox
            name="consent"
            checked={v.consent}
            errors={errors}
            label={tr(
              ctx,
              'Tôi đồng ý để cơ quan dùng số điện thoại hoặc thư điện tử trên để báo khi có câu trả lời.',
              'I agree that the office uses this phone or e-mail to tell me of the answer.',
            )}
          />
        </fieldset>
        <RobotTrap ctx={ctx} />
        <button type="submit" class="large">
          {tr(ctx, 'Gửi câu hỏi', 'Send the question')}
        </button>
      </form>
    </Layout>
  );
}

function DroppedPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đã nhận câu hỏi', 'Question received')}>
      <h1>{tr(ctx, 'Đã nhận câu hỏi', 'Question received')}</h1>
      <p>{tr(ctx, 'Cảm ơn ông/bà.', 'Thank you.')}</p>
      <p>
        <a href={PUBLIC_BASE}>{tr(ctx, 'Về trang Hỏi đáp', 'Back to questions and answers')}</a>
      </p>
    </Layout>
  );
}

/** Units a citizen may ask (not merged away), in tree order, each with its parent's name ("Phường 1" is in many cities). */
async function askableUnits(p: Platform): Promise<{ code: string; label: string }[]> {
  const all = await listUnits(p.db);
  const names = new Map(all.map((u) => [u.id, u.name]));
  return all
    .filter((u) => u.merged_into_id === null)
    .map((u) => ({ code: u.code, label: u.parent_id && names.get(u.parent_id) ? `${u.name} (${names.get(u.parent_id)})` : u.name }));
}

async function procedureNameOf(p: Platform, code: string): Promise<string | null> {
  if (!PROCEDURE_RE.test(code)) return null;
  return (await findVersionInForce(p.db, code, today()))?.name ?? null;
}

async function renderAsk(p: Platform, req: FastifyRequest, reply: FastifyReply, values: AskValues, errors: FormErrors, status: number) {
  const ctx = pageContext(req, reply);
  const [units, procedureName] = await Promise.all([askableUnits(p), procedureNameOf(p, values.procedure)]);
  return html(reply, renderPage(<AskPage ctx={ctx} values={values} errors={errors} units={units} procedureName={procedureName} />), status);
}

/** Public routes of "Touch to know"; /hoi-dap/hoi and /hoi-dap/c/<code> are stable addresses a kiosk may link to. */
export function registerQuestionsPages(app: App, p: Platform): void {
  app.get(PUBLIC_BASE, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const query: Query = {};
    for (const k of ['q', 'unit', 'procedure', 'ma']) if (str(raw[k])) query[k] = str(raw[k]);
    let codeError: string | null = null;
    if (query.ma) {
      const code = normaliseQuestionCode(query.ma);
      if (code) return reply.redirect(questionPath(code), 303);
      codeError = tr(req, 'Mã tra cứu gồm 8 chữ cái và chữ số, vd. K7M29QRT', 'A look-up code has 8 letters and digits, e.g. K7M29QRT');
    }
    const page = pageOf(raw.page);
    const day = today();
    const f = await publicFilters(p, query);
    const [found, units, procedures] = await Promise.all([
      searchQuestions(p.db, { ...f, publishedOnly: true, day, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      unitsWithPublished(p.db),
      proceduresWithPublished(p.db, day),
    ]);
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <ListPage ctx={ctx} query={query} items={found.rows} total={found.total} page={page} units={units} procedures={procedures} codeError={codeError} />,
      ),
      codeError ? 400 : 200,
    );
  });

  app.get(`${PUBLIC_BASE}/c/:code`, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const q = await mustFindQuestion(p, (req.params as { code: string }).code);
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<QuestionPage ctx={ctx} q={q} />));
  });

  // The answered questions beside one procedure (the procedures module links here; it must not import this module).
  app.get(`${PUBLIC_BASE}/thu-tuc/:code`, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const code = str((req.params as { code: string }).code, 20);
    const procedure = PROCEDURE_RE.test(code) ? await findProcedureByCode(p.db, code) : null;
    if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { detail: { vi: `Không có thủ tục mã ${code}`, en: `No procedure with code ${code}` } });
    const day = today();
    const [version, found] = await Promise.all([findVersionInForce(p.db, code, day), answeredQuestionsFor(p.db, code, 20, day)]);
    const ctx = pageContext(req, reply);
    const title = version ? version.name : code;
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, `Hỏi đáp: ${title}`, `Questions: ${title}`)}>
          <p class="muted">
            <a href={`/thu-tuc/${code}`}>{tr(ctx, '← Thủ tục', '← The procedure')}</a>
          </p>
          <h1>{title}</h1>
          <p class="muted">
            {tr(ctx, 'Mã thủ tục', 'Procedure code')} {code}
          </p>
          <ProcedureQuestions ctx={ctx} procedureCode={code} items={found.items} total={found.total} />
        </Layout>,
      ),
    );
  });

  app.get(ASK_PATH, { config: { permission: 'public' } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const values: AskValues = {
      unit: str(raw.unit, 64),
      procedure: str(raw['thu-tuc'], 20),
      question: '',
      name: '',
      contact: '',
      consent: false,
      key: randomUUID(),
    };
    return renderAsk(p, req, reply, values, {}, 200);
  });

  app.post(ASK_PATH, { config: { permission: 'public', rateLimit: ASK_RATE_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = cleanForm(body);
    const values: AskValues = {
      unit: str(form.unit, 64),
      procedure: str(form.procedure, 20),
      question: typeof form.question === 'string' ? form.question.slice(0, QUESTION_MAX + 100) : '',
      name: str(form.name, 300),
      contact: str(form.contact, 300),
      consent: form.consent === 'on',
      key: KEY_RE.test(str(form.key)) ? str(form.key) : randomUUID(),
    };
    // The honeypot: a filled trap field means a robot. Answer as if all went well and keep nothing.
    if (typeof body.website === 'string' && body.website.trim() !== '') {
      return html(reply, renderPage(<DroppedPage ctx={pageContext(req, reply)} />));
    }
    const errors: FormErrors = {};
    if (!values.unit) errors.unit = tr(req, 'Hãy chọn đơn vị', 'Choose an office');
    if (values.procedure && !PROCEDURE_RE.test(values.procedure)) {
      errors.procedure = tr(req, 'Mã thủ tục có dạng 1.001193', 'A procedure code looks like 1.001193');
    } else if (values.procedure && !(await findProcedureByCode(p.db, values.procedure))) {
      errors.procedure = tr(req, 'Không có thủ tục mã này', 'No procedure has this code');
    }
    const checked = checkAsk(values);
    if (!checked.ok) Object.assign(errors, formErrors(checked.errors, req.lang));
    if (Object.keys(errors).length || !checked.ok) return renderAsk(p, req, reply, values, errors, 400);
    let code: string;
    try {
      ({ code } = await askAt(p, req, values.unit, values.procedure || null, checked.value, str(form.key) === values.key ? values.key : null));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'UNIT_NOT_FOUND' || err.code === 'PROCEDURE_NOT_FOUND')) {
        return renderAsk(p, req, reply, values, formErrors(err.errors, req.lang), 400);
      }
      throw err;
    }
    return redirectWithFlash(
      req,
      reply,
      questionPath(code),
      tr(
        req,
        `Đã gửi câu hỏi. Mã tra cứu của ông/bà là ${code}: hãy ghi lại để xem câu trả lời.`,
        `Question sent. Your look-up code is ${code}: note it to read the answer.`,
      ),
    );
  });
}
