/**
 * Staff pages of "Touch to know": a unit's questions (unanswered first), and a page per question to write the public
 * answer and an internal note, publish or hide it, or reject it with a reason. Needs questions.answer on the
 * question's unit. The asker's name and contact show only on request, and each such read is audited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, type FormErrors, PageHeading, Pagination, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findProcedureByCode } from '../procedures/index.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import { mustFindQuestion, today } from './api.ts';
import { readQuestionContact } from './commands/read-question-contact.ts';
import { reviewQuestion } from './commands/review-question.ts';
import { questionPath } from './present.ts';
import { countsAt, proceduresAskedAt, type QuestionContact, type QuestionRow, searchQuestions } from './queries.ts';
import { type QuestionStatus, questionStatuses, type RejectReason, type ReviewAction, rejectReasons, reviewActions } from './rules/review.ts';
import { normaliseQuestionSearch } from './rules/search.ts';
import { rejectReasonLabels, statusLabels } from './schema.ts';
import { excerpt, fmtMoment, labelOf, RejectText, StatusTags } from './views.tsx';

export const STAFF_BASE = '/quan-tri/hoi-dap';
const PERMISSION = 'questions.answer';
const PAGE_SIZE = 20;
const ANSWER_MAX = 5000;
const NOTE_MAX = 2000;
const REJECT_NOTE_MAX = 500;

type Query = Record<string, string | undefined>;
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));

/** Units where the viewer answers questions (not merged away), in tree order. */
async function answerableUnits(p: Platform, req: FastifyRequest): Promise<UnitRow[]> {
  return (await listUnits(p.db)).filter((u) => u.merged_into_id === null && req.can(PERMISSION, u.path));
}

/** A question the viewer may answer: 404 when there is none, 403 when it belongs to a unit they do not serve. */
async function loadForStaff(p: Platform, req: FastifyRequest, code: string): Promise<QuestionRow> {
  const q = await mustFindQuestion(p, code);
  req.requireOn(PERMISSION, q.unit_path);
  return q;
}

// ---------- the list ----------

function ListPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  query: Query;
  items: QuestionRow[];
  total: number;
  page: number;
  counts: Record<QuestionStatus, number>;
  procedures: { code: string; name: string | null }[];
}) {
  const { ctx, unit, query } = props;
  const kept: Record<string, string> = { unit: unit.code };
  for (const k of ['status', 'procedure', 'q']) if (query[k]) kept[k] = query[k] as string;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Hỏi đáp · ${unit.name}`, `Questions · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Hỏi đáp: ${unit.name}`, `Questions: ${unit.name}`)}>
        <a class="button secondary" href={`/hoi-dap?unit=${encodeURIComponent(unit.code)}`}>
          {tr(ctx, 'Trang công khai', 'Public page')}
        </a>
      </PageHeading>
      <p>
        {tr(
          ctx,
          `Chờ trả lời: ${props.counts.pending} · Đã trả lời: ${props.counts.answered} · Không trả lời: ${props.counts.rejected}`,
          `Waiting: ${props.counts.pending} · Answered: ${props.counts.answered} · Rejected: ${props.counts.rejected}`,
        )}
      </p>
      <form class="search" method="get" action={STAFF_BASE}>
        {props.units.length > 1 ? (
          <Select name="unit" label={tr(ctx, 'Đơn vị', 'Unit')} value={unit.code} options={props.units.map((u) => ({ value: u.code, label: u.name }))} />
        ) : (
          <input type="hidden" name="unit" value={unit.code} />
        )}
        <Select
          name="status"
          label={tr(ctx, 'Trạng thái', 'Status')}
          value={query.status ?? ''}
          options={[
            { value: '', label: tr(ctx, 'Tất cả (chờ trả lời trước)', 'All (waiting first)') },
            ...questionStatuses.map((s) => ({ value: s, label: labelOf(ctx, statusLabels[s]) })),
          ]}
        />
        <Select
          name="procedure"
          label={tr(ctx, 'Thủ tục', 'Procedure')}
          value={query.procedure ?? ''}
          options={[
            { value: '', label: tr(ctx, 'Tất cả', 'All') },
            ...props.procedures.map((p) => ({ value: p.code, label: p.name ? `${p.code} · ${excerpt(p.name, 60)}` : p.code })),
          ]}
        />
        <div class="field">
          <label for="f-q">{tr(ctx, 'Tìm (không dấu cũng được)', 'Search (diacritics optional)')}</label>
          <input id="f-q" name="q" type="text" value={query.q ?? ''} />
        </div>
        <button type="submit">{tr(ctx, 'Lọc', 'Filter')}</button>
      </form>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Không có câu hỏi nào.', 'No questions.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Câu hỏi', 'Questions')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Mã', 'Code')}</th>
                <th scope="col">{tr(ctx, 'Câu hỏi', 'Question')}</th>
                <th scope="col">{tr(ctx, 'Thủ tục', 'Procedure')}</th>
                <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
                <th scope="col">{tr(ctx, 'Ngày hỏi', 'Asked')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((q) => (
                <tr key={q.code}>
                  <td>
                    <a href={`${STAFF_BASE}/${q.code}`}>{q.code}</a>
                  </td>
                  <td class="qa-text">
                    {excerpt(q.question, 140)}
                    {q.has_contact && <p class="hint">{tr(ctx, 'Có để lại liên hệ', 'Left a contact')}</p>}
                  </td>
                  <td>{q.procedure_code ?? '—'}</td>
                  <td>
                    <StatusTags ctx={ctx} q={q} />
                  </td>
                  <td>{fmtMoment(q.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={PAGE_SIZE} total={props.total} base={STAFF_BASE} query={kept} />
    </Layout>
  );
}

// ---------- one question ----------

interface ReviewValues {
  answer: string;
  note: string;
  rejectReason: string;
  rejectNote: string;
}

function QuestionPage(props: { ctx: PageContext; q: QuestionRow; contact: QuestionContact | null; values: ReviewValues; errors: FormErrors }) {
  const { ctx, q, contact, values: v, errors } = props;
  const publicUrl = questionPath(q.code);
  return (
    <Layout ctx={ctx} title={tr(ctx, `Câu hỏi ${q.code}`, `Question ${q.code}`)}>
      <p class="muted">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(q.unit_code)}`}>{tr(ctx, '← Hỏi đáp của đơn vị', '← The unit’s questions')}</a>
      </p>
      <h1>{tr(ctx, `Câu hỏi ${q.code}`, `Question ${q.code}`)}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{tr(ctx, 'Đơn vị', 'Unit')}</dt>
        <dd>{q.unit_name}</dd>
        <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
        <dd>{q.procedure_code ? `${q.procedure_code}${q.procedure_name ? ` · ${q.procedure_name}` : ''}` : '—'}</dd>
        <dt>{tr(ctx, 'Thời điểm hỏi', 'Asked at')}</dt>
        <dd>{fmtMoment(q.created_at)}</dd>
        <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
        <dd>
          <StatusTags ctx={ctx} q={q} />
          {q.answered_by_name && (
            <p class="hint">
              {tr(ctx, 'Trả lời: ', 'Answered by: ')}
              {q.answered_by_name} · {fmtMoment(q.answered_at)}
            </p>
          )}
        </dd>
        <dt>{tr(ctx, 'Trang công khai', 'Public page')}</dt>
        <dd>
          <a href={publicUrl}>{publicUrl}</a>
        </dd>
      </dl>
      {q.status === 'rejected' && <RejectText ctx={ctx} q={q} />}
      <h2>{tr(ctx, 'Nội dung câu hỏi', 'The question')}</h2>
      <p class="qa-text">{q.question}</p>

      <section aria-labelledby="lien-he">
        <h2 id="lien-he">{tr(ctx, 'Người hỏi', 'The asker')}</h2>
        {!q.has_contact ? (
          <p>{tr(ctx, 'Người hỏi không để lại họ tên hay liên hệ.', 'The asker left no name or contact.')}</p>
        ) : contact ? (
          <dl class="facts">
            <dt>{tr(ctx, 'Họ và tên', 'Name')}</dt>
            <dd>{contact.asker_name ?? '—'}</dd>
            <dt>{tr(ctx, 'Liên hệ', 'Contact')}</dt>
            <dd>
              {contact.asker_contact ? (
                <a href={contact.contact_kind === 'email' ? `mailto:${contact.asker_contact}` : `tel:${contact.asker_contact}`}>{contact.asker_contact}</a>
              ) : (
                '—'
              )}
              {contact.asker_contact && (
                <p class="hint">
                  {tr(
                    ctx,
                    'Người hỏi đồng ý được báo khi có câu trả lời; chỉ dùng cho việc đó.',
                    'The asker agreed to be told of the answer; use it for that only.',
                  )}
                </p>
              )}
            </dd>
          </dl>
        ) : (
          <>
            <p>
              {tr(
                ctx,
                'Người hỏi để lại họ tên hoặc liên hệ. Đây là dữ liệu cá nhân: mỗi lần xem được ghi vào nhật ký.',
                'The asker left a name or contact. This is personal data: every view is logged.',
              )}
            </p>
            <p>
              <a class="button secondary" href={`${STAFF_BASE}/${q.code}?lien-he=1`}>
                {tr(ctx, 'Xem họ tên và liên hệ', 'Show name and contact')}
              </a>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="tra-loi">
        <h2 id="tra-loi">{tr(ctx, 'Trả lời', 'Answer')}</h2>
        <form method="post" action={`${STAFF_BASE}/${q.code}`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea
            name="answer"
            label={tr(ctx, 'Câu trả lời (công khai)', 'Answer (public)')}
            hint={tr(
              ctx,
              `Tối đa ${ANSWER_MAX} ký tự. Người hỏi và mọi người đọc được khi công bố.`,
              `At most ${ANSWER_MAX} characters. Everyone can read it once published.`,
            )}
            value={v.answer}
            errors={errors}
            rows={8}
          />
          <TextArea name="note" label={tr(ctx, 'Ghi chú nội bộ (không công khai)', 'Internal note (never public)')} value={v.note} errors={errors} rows={3} />
          <div class="actions">
            <button type="submit" name="action" value="publish">
              {tr(ctx, 'Trả lời và công bố', 'Answer and publish')}
            </button>
            <button type="submit" name="action" value="hide" class="secondary">
              {q.status === 'answered' && q.published
                ? tr(ctx, 'Ẩn khỏi trang công khai', 'Hide from the public')
                : tr(ctx, 'Trả lời, không công bố', 'Answer without publishing')}
            </button>
            <button type="submit" name="action" value="save" class="secondary">
              {tr(ctx, 'Lưu', 'Save')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="tu-choi">
        <h2 id="tu-choi">{tr(ctx, 'Từ chối câu hỏi', 'Reject the question')}</h2>
        <form method="post" action={`${STAFF_BASE}/${q.code}`} novalidate>
          <CsrfField ctx={ctx} />
          <Select
            name="rejectReason"
            label={tr(ctx, 'Lý do', 'Reason')}
            value={v.rejectReason}
            errors={errors}
            options={[
              { value: '', label: tr(ctx, '— Chọn lý do —', '— Choose —') },
              ...rejectReasons.map((r) => ({ value: r, label: labelOf(ctx, rejectReasonLabels[r]) })),
            ]}
          />
          <TextArea
            name="rejectNote"
            label={tr(ctx, 'Giải thích cho người hỏi (không bắt buộc)', 'Explanation for the asker (optional)')}
            value={v.rejectNote}
            errors={errors}
            rows={2}
          />
          <button type="submit" name="action" value="reject" class="danger">
            {tr(ctx, 'Từ chối', 'Reject')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

const valuesOf = (q: QuestionRow): ReviewValues => ({
  answer: q.answer ?? '',
  note: q.internal_note ?? '',
  rejectReason: q.reject_reason ?? '',
  rejectNote: q.reject_note ?? '',
});

async function renderQuestion(
  req: FastifyRequest,
  reply: FastifyReply,
  q: QuestionRow,
  contact: QuestionContact | null,
  values: ReviewValues,
  errors: FormErrors,
  status = 200,
) {
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<QuestionPage ctx={ctx} q={q} contact={contact} values={values} errors={errors} />), status);
}

/** Staff routes of "Touch to know". */
export function registerQuestionsStaffPages(app: App, p: Platform): void {
  app.get(STAFF_BASE, { config: { permission: PERMISSION } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const query: Query = {};
    for (const k of ['unit', 'status', 'procedure', 'q']) if (str(raw[k])) query[k] = str(raw[k]);
    const units = await answerableUnits(p, req);
    let unit: UnitRow | null;
    if (query.unit) {
      unit = await findUnitByCode(p.db, query.unit);
      if (!unit) throw new AppError('UNIT_NOT_FOUND');
      req.requireOn(PERMISSION, unit.path);
    } else {
      unit = units[0] ?? null;
      if (!unit) throw new AppError('FORBIDDEN');
    }
    const status = questionStatuses.find((s) => s === query.status);
    const procedure = query.procedure ? await findProcedureByCode(p.db, query.procedure) : null;
    const page = pageOf(raw.page);
    const day = today();
    const [found, counts, procedures] = await Promise.all([
      searchQuestions(p.db, {
        unitIds: [unit.id],
        status,
        procedureId: query.procedure ? (procedure?.id ?? -1) : undefined,
        text: normaliseQuestionSearch(query.q),
        publishedOnly: false,
        day,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      countsAt(p.db, unit.id),
      proceduresAskedAt(p.db, unit.id, day),
    ]);
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <ListPage
          ctx={ctx}
          unit={unit}
          units={shown}
          query={query}
          items={found.rows}
          total={found.total}
          page={page}
          counts={counts}
          procedures={procedures}
        />,
      ),
    );
  });

  app.get(`${STAFF_BASE}/:code`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const q = await loadForStaff(p, req, (req.params as { code: string }).code);
    const showContact = (req.query as Record<string, unknown>)['lien-he'] === '1' && q.has_contact;
    const contact = showContact ? await readQuestionContact(p.db, req.actor(), q) : null;
    return renderQuestion(req, reply, q, contact, valuesOf(q), {});
  });

  app.post(`${STAFF_BASE}/:code`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const q = await loadForStaff(p, req, (req.params as { code: string }).code);
    const form = cleanForm(req.body);
    const action = reviewActions.find((a) => a === form.action) as ReviewAction | undefined;
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).replace(/\r\n?/g, '\n') : '');
    const values: ReviewValues =
      action === 'reject'
        ? { ...valuesOf(q), rejectReason: text('rejectReason'), rejectNote: text('rejectNote') }
        : { ...valuesOf(q), answer: text('answer'), note: text('note') };
    const errors: FormErrors = {};
    if (!action) errors.action = tr(req, 'Hãy chọn một thao tác', 'Choose an action');
    if ([...values.answer].length > ANSWER_MAX) errors.answer = tr(req, `Tối đa ${ANSWER_MAX} ký tự`, `At most ${ANSWER_MAX} characters`);
    if ([...values.note].length > NOTE_MAX) errors.note = tr(req, `Tối đa ${NOTE_MAX} ký tự`, `At most ${NOTE_MAX} characters`);
    if ([...values.rejectNote].length > REJECT_NOTE_MAX)
      errors.rejectNote = tr(req, `Tối đa ${REJECT_NOTE_MAX} ký tự`, `At most ${REJECT_NOTE_MAX} characters`);
    const rejectReason = rejectReasons.find((r) => r === values.rejectReason) as RejectReason | undefined;
    if (values.rejectReason && !rejectReason) errors.rejectReason = tr(req, 'Lý do không hợp lệ', 'Unknown reason');
    if (Object.keys(errors).length || !action) return renderQuestion(req, reply, q, null, values, errors, 400);
    try {
      await reviewQuestion(
        p.db,
        req.actor(),
        q,
        {
          action,
          answer: values.answer || null,
          internalNote: values.note || null,
          rejectReason: rejectReason ?? null,
          rejectNote: values.rejectNote || null,
        },
        today(),
        p.config.publicUrl,
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED')
        return renderQuestion(req, reply, q, null, values, formErrors(err.errors, req.lang), 400);
      throw err;
    }
    const done: Record<ReviewAction, [string, string]> = {
      save: ['Đã lưu', 'Saved'],
      publish: ['Đã trả lời và công bố', 'Answered and published'],
      hide: ['Đã lưu câu trả lời, không công bố', 'Answer saved, not published'],
      reject: ['Đã từ chối câu hỏi', 'Question rejected'],
    };
    return redirectWithFlash(req, reply, `${STAFF_BASE}/${q.code}`, tr(req, ...done[action]));
  });
}
