/**
 * Public pages of the dialogues: the schedule and past dialogues, one page per dialogue with its theme, time and
 * place, a form to send a question beforehand (no sign-in), the questions answered there (never the asker's name or
 * contact) and the commitments made, overdue ones flagged; and an iCalendar feed. Every page works without
 * JavaScript and at 320 px.
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
import { findUnitByCode } from '../units/index.ts';
import { dialogueParts, mustFindDialogue, today } from './access.ts';
import { askDialogueQuestion } from './commands/ask-dialogue-question.ts';
import { dialoguesCalendar } from './ical.ts';
import { dialoguePath } from './present.ts';
import {
  type CommitmentRow,
  calendarDialogues,
  type DialogueRow,
  listDialogues,
  type ParticipantRow,
  type QuestionRow,
  unitsWithDialogues,
} from './queries.ts';
import { checkQuestion, NAME_MAX, QUESTION_MAX } from './rules/questions.ts';
import { acceptsQuestions, type DialogueKind, dialogueKinds } from './rules/schedule.ts';
import { kindLabels } from './schema.ts';
import { CommitmentTable, DialogueFacts, fmtWhen, kindText, labelOf, ParticipantList, StatusTag } from './views.tsx';

export const PUBLIC_BASE = '/doi-thoai';
const PAGE_SIZE = 20;
const KEY_RE = /^[A-Za-z0-9_-]{8,200}$/;
/** Five questions a minute from one address. */
const ASK_RATE_LIMIT = { max: 5, timeWindow: 60 * 1000 };

const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));

function DialogueItems(props: { ctx: PageContext; items: DialogueRow[] }) {
  const { ctx } = props;
  return (
    <ul class="qa-list">
      {props.items.map((d) => (
        <li key={d.id}>
          <p class="qa-title">
            <a href={dialoguePath(d.id)}>{d.title}</a>
          </p>
          <p>
            <StatusTag ctx={ctx} d={d} /> {kindText(ctx, d)}
          </p>
          <p class="muted">
            {fmtWhen(d.starts_at, d.ends_at)} · {d.place} · {d.unit_name}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ListPage(props: {
  ctx: PageContext;
  query: Record<string, string>;
  upcoming: DialogueRow[];
  past: DialogueRow[];
  pastTotal: number;
  page: number;
  units: { code: string; name: string }[];
}) {
  const { ctx, query } = props;
  const ics = `${PUBLIC_BASE}/lich.ics${query.unit ? `?unit=${encodeURIComponent(query.unit)}` : ''}`;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đối thoại với Nhân dân và doanh nghiệp', 'Dialogues with the public and businesses')}>
      <h1>{tr(ctx, 'Đối thoại với Nhân dân và doanh nghiệp', 'Dialogues with the public and businesses')}</h1>
      <p>
        {tr(
          ctx,
          'Lịch và kết quả chương trình “Chính quyền đồng hành cùng Nhân dân” trên sóng phát thanh và “Cà phê Doanh nhân – Doanh nghiệp”. Ông/bà có thể gửi câu hỏi trước mỗi buổi đối thoại và theo dõi việc thực hiện các cam kết.',
          'The schedule and results of the radio dialogues and the business coffee meetings. Send a question before a dialogue and follow the commitments made.',
        )}
      </p>
      <form class="search" method="get" action={PUBLIC_BASE}>
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={query.unit ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <Select
          name="kind"
          label={tr(ctx, 'Chương trình', 'Programme')}
          value={query.kind ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...dialogueKinds.map((k) => ({ value: k, label: labelOf(ctx, kindLabels[k]) }))]}
        />
        <button type="submit" class="large">
          {tr(ctx, 'Lọc', 'Filter')}
        </button>
      </form>
      <p>
        <a href={ics}>{tr(ctx, 'Thêm lịch đối thoại vào lịch của điện thoại (iCalendar)', 'Add the dialogues to your calendar (iCalendar)')}</a>
      </p>
      <h2>{tr(ctx, 'Sắp diễn ra', 'Upcoming')}</h2>
      {props.upcoming.length ? (
        <DialogueItems ctx={ctx} items={props.upcoming} />
      ) : (
        <p>{tr(ctx, 'Chưa có lịch đối thoại mới.', 'No dialogue is scheduled.')}</p>
      )}
      <h2>{tr(ctx, 'Đã diễn ra', 'Past')}</h2>
      {props.past.length ? <DialogueItems ctx={ctx} items={props.past} /> : <p>{tr(ctx, 'Chưa có buổi đối thoại nào.', 'None yet.')}</p>}
      <Pagination ctx={ctx} page={props.page} pageSize={PAGE_SIZE} total={props.pastTotal} base={PUBLIC_BASE} query={query} />
    </Layout>
  );
}

interface AskValues {
  question: string;
  name: string;
  contact: string;
  consent: boolean;
  key: string;
}

function AskForm(props: { ctx: PageContext; d: DialogueRow; values: AskValues; errors: FormErrors }) {
  const { ctx, d, values: v, errors } = props;
  return (
    <section aria-labelledby="gui-cau-hoi">
      <h2 id="gui-cau-hoi">{tr(ctx, 'Gửi câu hỏi trước buổi đối thoại', 'Send a question before the dialogue')}</h2>
      <p>
        {tr(
          ctx,
          'Không cần đăng nhập. Câu hỏi được chọn sẽ được trả lời tại buổi đối thoại và đăng trên trang này, không kèm họ tên hay liên hệ của người hỏi.',
          'No sign-in needed. Selected questions are answered at the dialogue and published here, without the asker’s name or contact.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${dialoguePath(d.id)}/cau-hoi`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="key" value={v.key} />
        <TextArea
          name="question"
          label={tr(ctx, 'Câu hỏi, kiến nghị', 'Your question')}
          hint={tr(
            ctx,
            `Từ 10 đến ${QUESTION_MAX} ký tự. Đừng ghi số căn cước, địa chỉ hay thông tin riêng.`,
            `10 to ${QUESTION_MAX} characters. No ID numbers, addresses or private details.`,
          )}
          value={v.question}
          errors={errors}
          rows={5}
          required
        />
        <fieldset class="qa-contact">
          <legend>{tr(ctx, 'Để được báo khi có câu trả lời (không bắt buộc)', 'To be told when answered (optional)')}</legend>
          <p class="hint">
            {tr(
              ctx,
              'Họ tên và số điện thoại hoặc thư điện tử chỉ cán bộ tổ chức đối thoại xem được, chỉ để báo câu trả lời, không bao giờ công khai.',
              'Your name and phone or e-mail are seen only by the organising staff, used only to tell you of the answer, and never published.',
            )}
          </p>
          <Field name="name" label={tr(ctx, 'Họ và tên', 'Full name')} value={v.name} errors={errors} autocomplete="name" maxLength={NAME_MAX} />
          <Field name="contact" label={tr(ctx, 'Số điện thoại hoặc thư điện tử', 'Phone or e-mail')} value={v.contact} errors={errors} maxLength={200} />
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
    </section>
  );
}

function DialoguePage(props: {
  ctx: PageContext;
  d: DialogueRow;
  participants: ParticipantRow[];
  answered: QuestionRow[];
  commitments: CommitmentRow[];
  ask: { values: AskValues; errors: FormErrors } | null;
  today: string;
}) {
  const { ctx, d } = props;
  const overdue = props.commitments.filter((c) => c.status === 'open' && c.deadline < props.today).length;
  return (
    <Layout ctx={ctx} title={d.title}>
      <p class="muted">
        <a href={PUBLIC_BASE}>{tr(ctx, '← Lịch đối thoại', '← All dialogues')}</a>
      </p>
      <h1>{d.title}</h1>
      <DialogueFacts ctx={ctx} d={d} />
      {d.description && <p class="qa-text">{d.description}</p>}
      {props.ask ? (
        <AskForm ctx={ctx} d={d} values={props.ask.values} errors={props.ask.errors} />
      ) : (
        d.status === 'planned' && <p>{tr(ctx, 'Buổi đối thoại đã bắt đầu, không nhận thêm câu hỏi.', 'The dialogue has started; questions are closed.')}</p>
      )}
      {d.status === 'held' && d.summary && (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua">{tr(ctx, 'Kết quả buổi đối thoại', 'Summary')}</h2>
          <p class="qa-text">{d.summary}</p>
        </section>
      )}
      {props.participants.length > 0 && (
        <section aria-labelledby="thanh-phan">
          <h2 id="thanh-phan">{tr(ctx, 'Thành phần tham dự', 'Participants')}</h2>
          <ParticipantList ctx={ctx} items={props.participants} />
        </section>
      )}
      {props.answered.length > 0 && (
        <section aria-labelledby="hoi-dap">
          <h2 id="hoi-dap">{tr(ctx, 'Câu hỏi đã được trả lời', 'Questions answered')}</h2>
          <ul class="qa-list">
            {props.answered.map((q) => (
              <li key={q.id} id={`cau-hoi-${q.id}`}>
                <p class="qa-text">
                  <strong>{tr(ctx, 'Hỏi: ', 'Q: ')}</strong>
                  {q.question}
                </p>
                <p class="qa-text">
                  <strong>{tr(ctx, 'Trả lời: ', 'A: ')}</strong>
                  {q.answer}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.commitments.length > 0 && (
        <section aria-labelledby="cam-ket">
          <h2 id="cam-ket">{tr(ctx, 'Cam kết và kết quả thực hiện', 'Commitments and outcomes')}</h2>
          {overdue > 0 && <p>{tr(ctx, `${overdue} cam kết đã quá hạn mà chưa hoàn thành.`, `${overdue} commitments are overdue.`)}</p>}
          <CommitmentTable ctx={ctx} items={props.commitments} today={props.today} />
        </section>
      )}
    </Layout>
  );
}

function DroppedPage(props: { ctx: PageContext; d: DialogueRow }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đã nhận câu hỏi', 'Question received')}>
      <h1>{tr(ctx, 'Đã nhận câu hỏi', 'Question received')}</h1>
      <p>{tr(ctx, 'Cảm ơn ông/bà.', 'Thank you.')}</p>
      <p>
        <a href={dialoguePath(props.d.id)}>{tr(ctx, 'Về trang buổi đối thoại', 'Back to the dialogue')}</a>
      </p>
    </Layout>
  );
}

const freshAsk = (): AskValues => ({ question: '', name: '', contact: '', consent: false, key: randomUUID() });

async function renderDialogue(
  p: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  d: DialogueRow,
  ask: { values: AskValues; errors: FormErrors } | null,
  status = 200,
) {
  const parts = await dialogueParts(p, d, false);
  const open = acceptsQuestions({ status: d.status, startsAt: new Date(d.starts_at) }, new Date());
  const ctx = pageContext(req, reply);
  return html(
    reply,
    renderPage(
      <DialoguePage
        ctx={ctx}
        d={d}
        participants={parts.participants}
        answered={parts.questions}
        commitments={parts.commitments}
        ask={open ? (ask ?? { values: freshAsk(), errors: {} }) : null}
        today={today()}
      />,
    ),
    status,
  );
}

/** Public routes of the dialogues; /doi-thoai/<id> is a stable address to print on invitations and posters. */
export function registerDialoguesPages(app: App, p: Platform): void {
  app.get(PUBLIC_BASE, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const query: Record<string, string> = {};
    for (const k of ['unit', 'kind']) if (str(raw[k])) query[k] = str(raw[k], 64);
    const unit = query.unit ? await findUnitByCode(p.db, query.unit) : null;
    const kind = dialogueKinds.find((k) => k === query.kind) as DialogueKind | undefined;
    const page = pageOf(raw.page);
    const now = new Date();
    // An unknown unit matches nothing rather than everything.
    const underPath = query.unit ? (unit?.path ?? '/none/') : undefined;
    const [upcoming, past, units] = await Promise.all([
      listDialogues(p.db, { underPath, kind, when: 'upcoming', now, limit: 50, offset: 0 }),
      listDialogues(p.db, { underPath, kind, when: 'past', now, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      unitsWithDialogues(p.db),
    ]);
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(<ListPage ctx={ctx} query={query} upcoming={upcoming.rows} past={past.rows} pastTotal={past.total} page={page} units={units} />),
    );
  });

  app.get(`${PUBLIC_BASE}/lich.ics`, { config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const code = str((req.query as Record<string, unknown>)?.unit, 64);
    const unit = code ? await findUnitByCode(p.db, code) : null;
    if (code && !unit) throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã ${code}`, en: `No unit with code ${code}` } });
    const since = new Date(Date.now() - 366 * 24 * 3600_000);
    const items = await calendarDialogues(p.db, unit?.path ?? null, since, 1000);
    const name = unit ? `Lịch đối thoại · ${unit.name}` : 'Lịch đối thoại · Gần Dân';
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="doi-thoai${unit ? `-${unit.code}` : ''}.ics"`)
      .header('cache-control', 'public, max-age=300')
      .send(dialoguesCalendar(items, p.config.publicUrl, name));
  });

  app.get(`${PUBLIC_BASE}/:id`, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const d = await mustFindDialogue(p, (req.params as { id: string }).id);
    return renderDialogue(p, req, reply, d, null);
  });

  app.post(`${PUBLIC_BASE}/:id/cau-hoi`, { config: { permission: 'public', rateLimit: ASK_RATE_LIMIT } }, async (req, reply) => {
    const d = await mustFindDialogue(p, (req.params as { id: string }).id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = cleanForm(body);
    const values: AskValues = {
      question: typeof form.question === 'string' ? form.question.slice(0, QUESTION_MAX + 100) : '',
      name: str(form.name, 300),
      contact: str(form.contact, 300),
      consent: form.consent === 'on',
      key: KEY_RE.test(str(form.key)) ? str(form.key) : randomUUID(),
    };
    // The honeypot: a filled trap field means a robot. Answer as if all went well and keep nothing.
    if (typeof body.website === 'string' && body.website.trim() !== '') return html(reply, renderPage(<DroppedPage ctx={pageContext(req, reply)} d={d} />));
    if (!acceptsQuestions({ status: d.status, startsAt: new Date(d.starts_at) }, new Date())) {
      return redirectWithFlash(req, reply, dialoguePath(d.id), tr(req, 'Buổi đối thoại không còn nhận câu hỏi.', 'This dialogue no longer takes questions.'));
    }
    const checked = checkQuestion(values);
    if (!checked.ok) return renderDialogue(p, req, reply, d, { values, errors: formErrors(checked.errors, req.lang) }, 400);
    await askDialogueQuestion(
      p.db,
      { userId: null, label: 'public', ip: req.ip ?? null, requestId: req.id },
      d,
      checked.value,
      str(form.key) === values.key ? values.key : null,
    );
    return redirectWithFlash(
      req,
      reply,
      dialoguePath(d.id),
      tr(
        req,
        'Đã gửi câu hỏi. Câu hỏi được chọn sẽ được trả lời tại buổi đối thoại và đăng trên trang này.',
        'Question sent. Selected questions are answered at the dialogue and published here.',
      ),
    );
  });
}
