/**
 * Public pages of the satisfaction surveys (khảo sát sự hài lòng, model M13): the list of surveys open today and the
 * online form, reached from the QR code on the paper form. No sign-in; a contact is optional and needs consent. Every
 * page works without JavaScript and at 320 px; a robot trap, an idempotency key and a rate limit guard the form.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, type FormErrors, RobotTrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { mustFindSurvey, responseFrom, surveyParts, today } from './access.ts';
import { recordSurveyResponse } from './commands/record-survey-response.ts';
import { listOpenSurveys, type SurveyRow } from './queries.ts';
import { isOpen } from './rules/survey.ts';
import { type SurveyChoices, SurveyFields, type Values } from './views.tsx';

export const PUBLIC_BASE = '/khao-sat';
/** The suggestion box and the leaders' hotline numbers (feedback module), linked from every survey page. */
const BOX_PATH = '/hop-thu-gop-y';
const HOTLINE_PATH = '/duong-day-nong';
/** Ten forms a minute from one address (IP): a family filling forms at the desk's tablet is fine, a robot is not. */
export const SURVEY_RATE_LIMIT = { max: 10, timeWindow: 60 * 1000 };
const KEY_RE = /^[A-Za-z0-9_-]{8,200}$/;

const fmtDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function OtherChannels(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <section aria-labelledby="kenh-khac">
      <h2 id="kenh-khac">{tr(ctx, 'Góp ý, phản ánh khác', 'Other ways to tell us')}</h2>
      <ul>
        <li>
          <a href={BOX_PATH}>{tr(ctx, 'Hộp thư góp ý', 'Suggestion box')}</a>
        </li>
        <li>
          <a href={HOTLINE_PATH}>{tr(ctx, 'Đường dây nóng của lãnh đạo', 'Leaders’ hotline numbers')}</a>
        </li>
      </ul>
    </section>
  );
}

function ListPage(props: { ctx: PageContext; surveys: SurveyRow[] }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Khảo sát sự hài lòng', 'Satisfaction surveys')}>
      <h1>{tr(ctx, 'Khảo sát sự hài lòng', 'Satisfaction surveys')}</h1>
      <p>
        {tr(
          ctx,
          'Ý kiến của người dân, doanh nghiệp giúp cơ quan phục vụ tốt hơn. Phiếu không cần đăng nhập, không cần ghi tên.',
          'Your views help the office serve you better. No sign-in and no name needed.',
        )}
      </p>
      {props.surveys.length === 0 ? (
        <p>{tr(ctx, 'Hiện không có cuộc khảo sát nào đang mở.', 'No survey is open now.')}</p>
      ) : (
        <ul class="survey-list">
          {props.surveys.map((s) => (
            <li key={s.id}>
              <a href={`${PUBLIC_BASE}/${s.id}`}>{s.title}</a>
              <span class="muted">
                {' '}
                · {s.unit_name} · {tr(ctx, 'đến hết', 'until')} {fmtDay(s.closes_on)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <OtherChannels ctx={ctx} />
    </Layout>
  );
}

function FormPage(props: {
  ctx: PageContext;
  survey: SurveyRow;
  parts: { questions: import('./rules/survey.ts').SurveyQuestion[]; choices: SurveyChoices };
  values: Values;
  errors: FormErrors;
  open: boolean;
}) {
  const { ctx, survey: s } = props;
  return (
    <Layout ctx={ctx} title={s.title}>
      <p class="muted">
        <a href={PUBLIC_BASE}>{tr(ctx, '← Khảo sát sự hài lòng', '← Satisfaction surveys')}</a>
      </p>
      <h1>{s.title}</h1>
      <p class="muted">
        {s.unit_name} · {fmtDay(s.opens_on)} – {fmtDay(s.closes_on)}
      </p>
      {s.intro && <p class="qa-text">{s.intro}</p>}
      {!props.open ? (
        <p class="error-summary" role="status">
          {tr(
            ctx,
            `Cuộc khảo sát nhận ý kiến từ ${fmtDay(s.opens_on)} đến hết ${fmtDay(s.closes_on)}. Hiện không nhận ý kiến trực tuyến.`,
            `The survey takes answers from ${fmtDay(s.opens_on)} to ${fmtDay(s.closes_on)}. It is not taking answers now.`,
          )}
        </p>
      ) : (
        <>
          <p>
            {tr(
              ctx,
              'Xin ông/bà chọn mức đánh giá cho từng câu. Câu nào không muốn trả lời thì bỏ qua. Phiếu không cần ghi tên.',
              'Choose a level for each question; skip any you prefer not to answer. No name needed.',
            )}
          </p>
          <ErrorSummary ctx={ctx} errors={props.errors} />
          <form method="post" action={`${PUBLIC_BASE}/${s.id}`} novalidate class="survey-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="key" value={props.values.key} />
            <SurveyFields
              ctx={ctx}
              questions={props.parts.questions}
              choices={props.parts.choices}
              values={props.values}
              errors={props.errors}
              ask={{ official: s.ask_official, procedure: s.ask_procedure }}
            />
            <RobotTrap ctx={ctx} />
            <button type="submit" class="large">
              {tr(ctx, 'Gửi phiếu khảo sát', 'Send the survey')}
            </button>
          </form>
        </>
      )}
      <OtherChannels ctx={ctx} />
    </Layout>
  );
}

function ThanksPage(props: { ctx: PageContext; survey: SurveyRow | null }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đã nhận phiếu khảo sát', 'Survey received')}>
      <h1>{tr(ctx, 'Cảm ơn ông/bà đã cho ý kiến', 'Thank you for your views')}</h1>
      <p>
        {tr(
          ctx,
          'Cơ quan đã nhận phiếu khảo sát. Ý kiến của ông/bà được tổng hợp để cải thiện chất lượng phục vụ.',
          'The office has received your answers; they are compiled to improve the service.',
        )}
      </p>
      <p>
        <a href={PUBLIC_BASE}>{tr(ctx, 'Các cuộc khảo sát khác', 'Other surveys')}</a>
      </p>
      <OtherChannels ctx={ctx} />
    </Layout>
  );
}

async function renderForm(p: Platform, req: FastifyRequest, reply: FastifyReply, s: SurveyRow, values: Values, errors: FormErrors, status: number) {
  const day = today();
  const parts = await surveyParts(p, s, day);
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<FormPage ctx={ctx} survey={s} parts={parts} values={values} errors={errors} open={isOpen(s, day)} />), status);
}

/** The values of a posted form, as typed, for re-rendering (free text up to a little over its limit). */
export function valuesOf(form: Record<string, unknown>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') out[k] = v.slice(0, k.startsWith('t_') ? 2100 : 300);
  return out;
}

/** Public routes of the surveys; /khao-sat/<id> is the stable address printed as a QR code on the paper form. */
export function registerSurveyPages(app: App, p: Platform): void {
  app.get(PUBLIC_BASE, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const surveys = await listOpenSurveys(p.db, today());
    return html(reply, renderPage(<ListPage ctx={pageContext(req, reply)} surveys={surveys} />));
  });

  app.get(`${PUBLIC_BASE}/:id`, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const s = await mustFindSurvey(p, (req.params as { id: string }).id);
    return renderForm(p, req, reply, s, { key: randomUUID() }, {}, 200);
  });

  app.get(`${PUBLIC_BASE}/:id/da-gui`, { config: { permission: 'public' } }, async (req, reply) => {
    const s = await mustFindSurvey(p, (req.params as { id: string }).id);
    return html(reply, renderPage(<ThanksPage ctx={pageContext(req, reply)} survey={s} />));
  });

  app.post(`${PUBLIC_BASE}/:id`, { config: { permission: 'public', rateLimit: SURVEY_RATE_LIMIT } }, async (req, reply) => {
    const s = await mustFindSurvey(p, (req.params as { id: string }).id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = cleanForm(body);
    const values = valuesOf(form);
    const key = typeof form.key === 'string' && KEY_RE.test(form.key) ? form.key : null;
    values.key = key ?? randomUUID();
    // The honeypot: a filled trap field means a robot. Answer as if all went well and keep nothing.
    if (typeof body.website === 'string' && body.website.trim() !== '') {
      return html(reply, renderPage(<ThanksPage ctx={pageContext(req, reply)} survey={s} />));
    }
    const day = today();
    if (!isOpen(s, day)) {
      throw new AppError('SURVEY_CLOSED', {
        detail: {
          vi: `Cuộc khảo sát nhận ý kiến từ ${fmtDay(s.opens_on)} đến hết ${fmtDay(s.closes_on)}.`,
          en: `The survey takes answers from ${fmtDay(s.opens_on)} to ${fmtDay(s.closes_on)}.`,
        },
      });
    }
    const parts = await surveyParts(p, s, day);
    const checked = await responseFrom(p, s, parts, form);
    if (!checked.ok) return renderForm(p, req, reply, s, values, formErrors(checked.errors, req.lang), 400);
    await recordSurveyResponse(
      p.db,
      { userId: null, label: 'public', ip: req.ip ?? null, requestId: req.id },
      {
        surveyId: s.id,
        unitId: s.unit_id,
        channel: 'online',
        ...checked.value,
        answeredOn: day,
        key,
        enteredBy: null,
      },
    );
    return redirectWithFlash(req, reply, `${PUBLIC_BASE}/${s.id}/da-gui`, tr(req, 'Đã gửi phiếu khảo sát.', 'Survey sent.'));
  });
}
