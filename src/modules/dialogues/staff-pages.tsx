/**
 * Staff pages of the dialogues (dialogues.manage on the unit): the list of a unit's dialogues and those below it,
 * scheduling and editing, recording a dialogue held (with its summary) or cancelled, participants (officials and
 * businesses by tax code), the questions sent beforehand (select, answer, decline; the asker's contact only on
 * request, audited), commitments, the open and overdue commitments across a subtree, and the coverage view of which
 * units have not held this quarter's dialogues.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Fragment } from 'preact';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { scopesFor } from '../staff/index.ts';
import { findUnitByCode, listUnits, pageUnitOf, type UnitRow, unitsWhere } from '../units/index.ts';
import { commitmentValuesFrom, dialogueParts, loadCommitment, loadForStaff, PERMISSION, participantFrom, today } from './access.ts';
import { addParticipant } from './commands/add-participant.ts';
import { createCommitment } from './commands/create-commitment.ts';
import { createDialogue } from './commands/create-dialogue.ts';
import { readDialogueQuestionContact } from './commands/read-question-contact.ts';
import { recordDialogueOutcome } from './commands/record-dialogue-outcome.ts';
import { removeParticipant } from './commands/remove-participant.ts';
import { reviewDialogueQuestion } from './commands/review-dialogue-question.ts';
import { updateDialogueCommitment } from './commands/update-commitment.ts';
import { updateDialogue } from './commands/update-dialogue.ts';
import { dialoguePath } from './present.ts';
import {
  type CommitmentRow,
  type DialogueRow,
  findQuestion,
  heldDialogues,
  listDialogues,
  openCommitments,
  type ParticipantRow,
  type QuestionContact,
  type QuestionRow,
} from './queries.ts';
import { commitmentStatuses } from './rules/commitments.ts';
import { type CoverageRow, coverage, parseQuarter, type Quarter, quarterKey, quarterOf, quarterPeriod, shiftQuarter } from './rules/coverage.ts';
import { type ReviewAction, reviewActions } from './rules/questions.ts';
import {
  checkDialogueDraft,
  type DialogueKind,
  type DialogueStatus,
  dateToVietnamLocal,
  dialogueFormats,
  dialogueKinds,
  dialogueStatuses,
  type OutcomeAction,
  vietnamLocalToDate,
} from './rules/schedule.ts';
import { commitmentStatusLabels, formatLabels, kindLabels, questionStatusLabels, statusLabels } from './schema.ts';
import { CommitmentTable, CommitmentTag, DialogueFacts, fmtDay, fmtWhen, kindText, labelOf, StatusTag } from './views.tsx';

export const STAFF_BASE = '/quan-tri/doi-thoai';
const PAGE_SIZE = 30;

type Values = Record<string, string>;
type FormState = { values: Values; errors: FormErrors };
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const text = (form: Record<string, unknown>, k: string, max = 25000) =>
  typeof form[k] === 'string' ? (form[k] as string).replace(/\r\n?/g, '\n').slice(0, max) : '';
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));
const staffPath = (id: number) => `${STAFF_BASE}/${id}`;

function UnitSelect(props: { ctx: PageContext; units: UnitRow[]; value: string; name?: string; label?: string; errors?: FormErrors }) {
  return (
    <Select
      name={props.name ?? 'unit'}
      label={props.label ?? tr(props.ctx, 'Đơn vị', 'Unit')}
      value={props.value}
      errors={props.errors}
      options={props.units.map((u) => ({ value: u.code, label: `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
    />
  );
}

function SubNav(props: { ctx: PageContext; unit: UnitRow }) {
  const { ctx, unit } = props;
  const q = `?unit=${encodeURIComponent(unit.code)}`;
  return (
    <p class="register-links">
      <a href={`${STAFF_BASE}${q}`}>{tr(ctx, 'Danh sách', 'List')}</a> · <a href={`${STAFF_BASE}/moi${q}`}>{tr(ctx, 'Lên lịch mới', 'Schedule')}</a> ·{' '}
      <a href={`${STAFF_BASE}/cam-ket${q}`}>{tr(ctx, 'Cam kết đang theo dõi', 'Open commitments')}</a> ·{' '}
      <a href={`${STAFF_BASE}/bao-phu${q}`}>{tr(ctx, 'Bao phủ theo quý', 'Quarterly coverage')}</a>
    </p>
  );
}

// ---------- the list ----------

function ListPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; query: Values; items: DialogueRow[]; total: number; page: number }) {
  const { ctx, unit, query } = props;
  const kept: Values = { unit: unit.code };
  for (const k of ['kind', 'status']) if (query[k]) kept[k] = query[k] as string;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Đối thoại · ${unit.name}`, `Dialogues · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Đối thoại: ${unit.name}`, `Dialogues: ${unit.name}`)}>
        <a class="button" href={`${STAFF_BASE}/moi?unit=${encodeURIComponent(unit.code)}`}>
          {tr(ctx, 'Lên lịch đối thoại', 'Schedule a dialogue')}
        </a>
      </PageHeading>
      <SubNav ctx={ctx} unit={unit} />
      <form class="search" method="get" action={STAFF_BASE}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <Select
          name="kind"
          label={tr(ctx, 'Chương trình', 'Programme')}
          value={query.kind ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...dialogueKinds.map((k) => ({ value: k, label: labelOf(ctx, kindLabels[k]) }))]}
        />
        <Select
          name="status"
          label={tr(ctx, 'Trạng thái', 'Status')}
          value={query.status ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...dialogueStatuses.map((s) => ({ value: s, label: labelOf(ctx, statusLabels[s]) }))]}
        />
        <button type="submit">{tr(ctx, 'Lọc', 'Filter')}</button>
      </form>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có buổi đối thoại nào.', 'No dialogues.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Các buổi đối thoại', 'Dialogues')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Chủ đề', 'Title')}</th>
                <th scope="col">{tr(ctx, 'Thời gian', 'When')}</th>
                <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
                <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={staffPath(d.id)}>{d.title}</a>
                    <p class="hint">{kindText(ctx, d)}</p>
                  </td>
                  <td>{fmtWhen(d.starts_at, d.ends_at)}</td>
                  <td>{d.unit_name}</td>
                  <td>
                    <StatusTag ctx={ctx} d={d} />
                  </td>
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

// ---------- schedule form (new and edit) ----------

const scheduleLabels = (ctx: PageContext) => ({
  unit: tr(ctx, 'Đơn vị tổ chức', 'Organising unit'),
  kind: tr(ctx, 'Chương trình', 'Programme'),
  format: tr(ctx, 'Hình thức', 'Format'),
  title: tr(ctx, 'Chủ đề', 'Title'),
  description: tr(ctx, 'Nội dung, thành phần mời', 'Description'),
  startsAt: tr(ctx, 'Bắt đầu', 'Starts'),
  endsAt: tr(ctx, 'Kết thúc', 'Ends'),
  place: tr(ctx, 'Địa điểm hoặc kênh phát sóng', 'Place or channel'),
});

function SchedulePage(props: { ctx: PageContext; d: DialogueRow | null; units: UnitRow[]; state: FormState }) {
  const { ctx, d, state } = props;
  const v = state.values;
  const errors = state.errors;
  const L = scheduleLabels(ctx);
  const title = d ? tr(ctx, 'Sửa lịch đối thoại', 'Edit the dialogue') : tr(ctx, 'Lên lịch đối thoại', 'Schedule a dialogue');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="muted">
        <a href={d ? staffPath(d.id) : STAFF_BASE}>{d ? tr(ctx, '← Buổi đối thoại', '← The dialogue') : tr(ctx, '← Danh sách', '← The list')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={L} />
      <form method="post" action={d ? staffPath(d.id) : STAFF_BASE} novalidate>
        <CsrfField ctx={ctx} />
        {d ? (
          <p>{tr(ctx, `Đơn vị tổ chức: ${d.unit_name}`, `Organised by ${d.unit_name}`)}</p>
        ) : (
          <UnitSelect ctx={ctx} units={props.units} value={v.unit ?? ''} label={L.unit} errors={errors} />
        )}
        <Select
          name="kind"
          label={L.kind}
          value={v.kind ?? ''}
          errors={errors}
          required
          options={[{ value: '', label: tr(ctx, '— Chọn —', '— Choose —') }, ...dialogueKinds.map((k) => ({ value: k, label: labelOf(ctx, kindLabels[k]) }))]}
        />
        <Select
          name="format"
          label={L.format}
          hint={tr(ctx, 'Chỉ với Cà phê Doanh nhân – Doanh nghiệp', 'Business coffee only')}
          value={v.format ?? ''}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, '— Không (đối thoại trên sóng phát thanh) —', '— None (radio dialogue) —') },
            ...dialogueFormats.map((f) => ({ value: f, label: labelOf(ctx, formatLabels[f]) })),
          ]}
        />
        <Field name="title" label={L.title} value={v.title} errors={errors} required maxLength={300} />
        <TextArea name="description" label={L.description} value={v.description} errors={errors} rows={4} />
        <Field
          name="startsAt"
          type="datetime-local"
          label={L.startsAt}
          hint={tr(ctx, 'Giờ Việt Nam', 'Vietnam time')}
          value={v.startsAt}
          errors={errors}
          required
        />
        <Field name="endsAt" type="datetime-local" label={L.endsAt} hint={tr(ctx, 'Giờ Việt Nam', 'Vietnam time')} value={v.endsAt} errors={errors} required />
        <Field name="place" label={L.place} value={v.place} errors={errors} required maxLength={300} />
        <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
      </form>
    </Layout>
  );
}

const scheduleValuesOf = (d: DialogueRow): Values => ({
  unit: d.unit_code,
  kind: d.kind,
  format: d.format ?? '',
  title: d.title,
  description: d.description ?? '',
  startsAt: dateToVietnamLocal(new Date(d.starts_at)),
  endsAt: dateToVietnamLocal(new Date(d.ends_at)),
  place: d.place,
});

function scheduleFromForm(body: unknown): { values: Values; check: ReturnType<typeof checkDialogueDraft>; errors: FormErrors } {
  const form = cleanForm(body);
  const values: Values = {
    unit: str(form.unit, 64),
    kind: str(form.kind, 40),
    format: str(form.format, 40),
    title: str(form.title, 400),
    description: text(form, 'description', 6000),
    startsAt: str(form.startsAt, 40),
    endsAt: str(form.endsAt, 40),
    place: str(form.place, 400),
  };
  const check = checkDialogueDraft({ ...values, startsAt: vietnamLocalToDate(values.startsAt), endsAt: vietnamLocalToDate(values.endsAt) });
  return { values, check, errors: {} };
}

// ---------- one dialogue ----------

interface DetailForms {
  outcome?: FormState;
  participant?: FormState;
  commitment?: FormState;
  question?: FormState & { id: number };
  commitmentEdit?: FormState & { id: number };
}

function OutcomeForms(props: { ctx: PageContext; d: DialogueRow; state?: FormState }) {
  const { ctx, d } = props;
  const errors = props.state?.errors ?? {};
  const v = props.state?.values ?? {};
  const action = `${staffPath(d.id)}/ket-qua`;
  if (d.status === 'cancelled')
    return <p>{tr(ctx, 'Buổi đối thoại đã hủy. Hãy lên lịch buổi mới nếu cần.', 'Cancelled. Schedule a new dialogue if needed.')}</p>;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      {d.status === 'planned' && new Date(d.starts_at).getTime() > Date.now() ? (
        <p>{tr(ctx, 'Ghi nhận kết quả sau khi buổi đối thoại bắt đầu.', 'Record the outcome once the dialogue has started.')}</p>
      ) : (
        <form method="post" action={action} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea
            name="summary"
            label={tr(ctx, 'Tóm tắt kết quả (công khai)', 'Summary (public)')}
            hint={tr(ctx, 'Các vấn đề đã trao đổi, số câu hỏi đã trả lời, các cam kết chính.', 'What was discussed, questions answered, main commitments.')}
            value={v.summary ?? d.summary ?? ''}
            errors={errors}
            rows={6}
          />
          <button type="submit" name="action" value={d.status === 'held' ? 'summary' : 'hold'}>
            {d.status === 'held' ? tr(ctx, 'Lưu tóm tắt', 'Save the summary') : tr(ctx, 'Ghi nhận đã diễn ra', 'Record as held')}
          </button>
        </form>
      )}
      {d.status === 'planned' && (
        <form method="post" action={action} novalidate>
          <CsrfField ctx={ctx} />
          <Field name="reason" label={tr(ctx, 'Lý do hủy', 'Reason for cancelling')} value={v.reason ?? ''} errors={errors} maxLength={1000} />
          <button type="submit" name="action" value="cancel" class="danger">
            {tr(ctx, 'Hủy buổi đối thoại', 'Cancel the dialogue')}
          </button>
        </form>
      )}
    </>
  );
}

function ParticipantsSection(props: { ctx: PageContext; d: DialogueRow; items: ParticipantRow[]; state?: FormState }) {
  const { ctx, d } = props;
  const errors = props.state?.errors ?? {};
  const v = props.state?.values ?? {};
  return (
    <section aria-labelledby="thanh-phan">
      <h2 id="thanh-phan">{tr(ctx, 'Thành phần tham dự', 'Participants')}</h2>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có.', 'None yet.')}</p>
      ) : (
        <ul>
          {props.items.map((x) => (
            <li key={x.id}>
              {x.kind === 'business'
                ? `${x.name} (MST ${x.tax_code})${x.representative ? ` · ${tr(ctx, 'đại diện', 'represented by')} ${x.representative}` : ''}`
                : `${x.name}${x.position ? `, ${x.position}` : ''}${x.username ? ` (${x.username})` : ''}`}
              <form method="post" action={`${staffPath(d.id)}/thanh-phan/${x.id}/xoa`} class="inline">
                <CsrfField ctx={ctx} />{' '}
                <button type="submit" class="link">
                  {tr(ctx, 'Xóa', 'Remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h3>{tr(ctx, 'Thêm người tham dự', 'Add a participant')}</h3>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${staffPath(d.id)}/thanh-phan`} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="kind"
          label={tr(ctx, 'Loại', 'Kind')}
          value={v.kind ?? 'official'}
          errors={errors}
          options={[
            { value: 'official', label: tr(ctx, 'Lãnh đạo, cán bộ', 'Official') },
            { value: 'business', label: tr(ctx, 'Doanh nghiệp', 'Business') },
          ]}
        />
        <Field
          name="name"
          label={tr(ctx, 'Họ tên cán bộ hoặc tên doanh nghiệp', 'Official’s name or business name')}
          value={v.name}
          errors={errors}
          maxLength={300}
        />
        <Field name="position" label={tr(ctx, 'Chức vụ (cán bộ)', 'Position (official)')} value={v.position} errors={errors} maxLength={200} />
        <Field
          name="username"
          label={tr(ctx, 'Tên đăng nhập của cán bộ (không bắt buộc)', 'Staff username (optional)')}
          value={v.username}
          errors={errors}
          maxLength={64}
          autocomplete="off"
        />
        <Field
          name="taxCode"
          label={tr(ctx, 'Mã số thuế (doanh nghiệp)', 'Tax code (business)')}
          hint={tr(ctx, '10 chữ số, chi nhánh thêm -001…', '10 digits; branches add -001…')}
          value={v.taxCode}
          errors={errors}
          inputmode="numeric"
          maxLength={20}
        />
        <Field
          name="representative"
          label={tr(ctx, 'Người đại diện (doanh nghiệp)', 'Representative (business)')}
          value={v.representative}
          errors={errors}
          maxLength={300}
        />
        <button type="submit">{tr(ctx, 'Thêm', 'Add')}</button>
      </form>
    </section>
  );
}

function QuestionsSection(props: {
  ctx: PageContext;
  d: DialogueRow;
  items: QuestionRow[];
  contact: { id: number; c: QuestionContact } | null;
  state?: FormState & { id: number };
}) {
  const { ctx, d } = props;
  return (
    <section aria-labelledby="cau-hoi">
      <h2 id="cau-hoi">{tr(ctx, 'Câu hỏi gửi trước', 'Questions sent beforehand')}</h2>
      <p>
        <a href={dialoguePath(d.id)}>{tr(ctx, 'Trang công khai để người dân gửi câu hỏi', 'Public page where people send questions')}</a>
      </p>
      {props.items.length === 0 && <p>{tr(ctx, 'Chưa có câu hỏi.', 'No questions yet.')}</p>}
      <ul class="qa-list">
        {props.items.map((q) => {
          const mine = props.state?.id === q.id ? props.state : undefined;
          const errors = mine?.errors ?? {};
          const fieldName = `answer-${q.id}`;
          const shown = props.contact?.id === q.id ? props.contact.c : null;
          return (
            <li key={q.id} id={`q-${q.id}`}>
              <p class="qa-text">{q.question}</p>
              <p>
                <span class={`tag ${q.status === 'answered' ? 'done' : q.status === 'declined' ? 'off' : q.status === 'selected' ? 'normal' : 'draft'}`}>
                  {labelOf(ctx, questionStatusLabels[q.status])}
                </span>
              </p>
              {q.has_contact &&
                (shown ? (
                  <p>
                    {tr(ctx, 'Người hỏi: ', 'Asker: ')}
                    {shown.asker_name ?? '—'} · {shown.asker_contact ?? '—'}
                  </p>
                ) : (
                  <p>
                    <a href={`${staffPath(d.id)}?lien-he=${q.id}#q-${q.id}`}>
                      {tr(ctx, 'Xem họ tên và liên hệ (ghi nhật ký)', 'Show name and contact (logged)')}
                    </a>
                  </p>
                ))}
              <ErrorSummary ctx={ctx} errors={errors} />
              <form method="post" action={`${staffPath(d.id)}/cau-hoi/${q.id}`} novalidate>
                <CsrfField ctx={ctx} />
                <TextArea
                  name={fieldName}
                  label={tr(ctx, 'Câu trả lời tại buổi đối thoại (công khai)', 'Answer given at the dialogue (public)')}
                  value={mine?.values[fieldName] ?? q.answer ?? ''}
                  errors={errors}
                  rows={3}
                />
                <div class="actions">
                  <button type="submit" name="action" value="answer">
                    {tr(ctx, 'Lưu câu trả lời', 'Save the answer')}
                  </button>
                  <button type="submit" name="action" value="select" class="secondary">
                    {tr(ctx, 'Chọn để trả lời', 'Select')}
                  </button>
                  <button type="submit" name="action" value="decline" class="secondary">
                    {tr(ctx, 'Không chọn', 'Decline')}
                  </button>
                </div>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function CommitmentFields(props: {
  ctx: PageContext;
  prefix: string;
  v: Values;
  errors: FormErrors;
  units: UnitRow[];
  questions: QuestionRow[];
  withStatus: boolean;
}) {
  const { ctx, prefix, v, errors } = props;
  const n = (k: string) => `${prefix}${k}`;
  return (
    <>
      <TextArea name={n('text')} label={tr(ctx, 'Vấn đề, kiến nghị được cam kết', 'The issue committed to')} value={v[n('text')]} errors={errors} rows={3} />
      <Select
        name={n('ownerUnit')}
        label={tr(ctx, 'Đơn vị chủ trì', 'Owner unit')}
        value={v[n('ownerUnit')] ?? ''}
        errors={errors}
        options={[{ value: '', label: tr(ctx, '— Chọn —', '— Choose —') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
      />
      <Field name={n('deadline')} type="date" label={tr(ctx, 'Hạn hoàn thành', 'Deadline')} value={v[n('deadline')]} errors={errors} />
      {props.questions.length > 0 && (
        <Select
          name={n('questionId')}
          label={tr(ctx, 'Từ câu hỏi (không bắt buộc)', 'From a question (optional)')}
          value={v[n('questionId')] ?? ''}
          errors={errors}
          options={[{ value: '', label: '—' }, ...props.questions.map((q) => ({ value: String(q.id), label: q.question.slice(0, 80) }))]}
        />
      )}
      {props.withStatus && (
        <Select
          name={n('status')}
          label={tr(ctx, 'Trạng thái', 'Status')}
          value={v[n('status')] ?? 'open'}
          errors={errors}
          options={commitmentStatuses.map((s) => ({ value: s, label: labelOf(ctx, commitmentStatusLabels[s]) }))}
        />
      )}
      <TextArea name={n('outcome')} label={tr(ctx, 'Kết quả thực hiện (công khai)', 'Outcome (public)')} value={v[n('outcome')]} errors={errors} rows={3} />
    </>
  );
}

const commitmentValuesOf = (c: CommitmentRow, prefix: string): Values => ({
  [`${prefix}text`]: c.text,
  [`${prefix}ownerUnit`]: c.owner_unit_code,
  [`${prefix}deadline`]: c.deadline,
  [`${prefix}status`]: c.status,
  [`${prefix}outcome`]: c.outcome ?? '',
  [`${prefix}questionId`]: c.question_id ? String(c.question_id) : '',
});

function CommitmentsSection(props: {
  ctx: PageContext;
  d: DialogueRow;
  items: CommitmentRow[];
  units: UnitRow[];
  questions: QuestionRow[];
  create?: FormState;
  edit?: FormState & { id: number };
  today: string;
}) {
  const { ctx, d } = props;
  const canRecord = d.status !== 'cancelled' && new Date(d.starts_at).getTime() <= Date.now();
  return (
    <section aria-labelledby="cam-ket">
      <h2 id="cam-ket">{tr(ctx, 'Cam kết', 'Commitments')}</h2>
      {props.items.length === 0 && <p>{tr(ctx, 'Chưa có cam kết.', 'No commitments yet.')}</p>}
      {props.items.map((c) => {
        const prefix = `c${c.id}-`;
        const mine = props.edit?.id === c.id ? props.edit : undefined;
        return (
          <details key={c.id} id={`cam-ket-${c.id}`} open={Boolean(mine)}>
            <summary>
              <CommitmentTag ctx={ctx} c={c} today={props.today} /> {c.text.slice(0, 120)} · {c.owner_unit_name} · {fmtDay(c.deadline)}
            </summary>
            <ErrorSummary ctx={ctx} errors={mine?.errors ?? {}} />
            <form method="post" action={`${staffPath(d.id)}/cam-ket/${c.id}`} novalidate>
              <CsrfField ctx={ctx} />
              <CommitmentFields
                ctx={ctx}
                prefix={prefix}
                v={mine?.values ?? commitmentValuesOf(c, prefix)}
                errors={mine?.errors ?? {}}
                units={props.units}
                questions={props.questions}
                withStatus
              />
              <button type="submit">{tr(ctx, 'Lưu cam kết', 'Save the commitment')}</button>
            </form>
          </details>
        );
      })}
      <h3>{tr(ctx, 'Ghi cam kết mới', 'Record a commitment')}</h3>
      {canRecord ? (
        <>
          <ErrorSummary ctx={ctx} errors={props.create?.errors ?? {}} />
          <form method="post" action={`${staffPath(d.id)}/cam-ket`} novalidate>
            <CsrfField ctx={ctx} />
            <CommitmentFields
              ctx={ctx}
              prefix=""
              v={props.create?.values ?? { ownerUnit: d.unit_code }}
              errors={props.create?.errors ?? {}}
              units={props.units}
              questions={props.questions}
              withStatus={false}
            />
            <button type="submit">{tr(ctx, 'Ghi cam kết', 'Record')}</button>
          </form>
        </>
      ) : (
        <p>
          {tr(
            ctx,
            'Cam kết được ghi khi buổi đối thoại đã bắt đầu (và không bị hủy).',
            'Commitments are recorded once the dialogue has started (unless cancelled).',
          )}
        </p>
      )}
    </section>
  );
}

function DetailPage(props: {
  ctx: PageContext;
  d: DialogueRow;
  participants: ParticipantRow[];
  questions: QuestionRow[];
  commitments: CommitmentRow[];
  units: UnitRow[];
  contact: { id: number; c: QuestionContact } | null;
  forms: DetailForms;
  today: string;
}) {
  const { ctx, d } = props;
  return (
    <Layout ctx={ctx} title={d.title}>
      <p class="muted">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(d.unit_code)}`}>{tr(ctx, '← Danh sách đối thoại', '← Dialogues')}</a>
      </p>
      <PageHeading title={d.title}>
        {d.status === 'planned' && (
          <a class="button secondary" href={`${staffPath(d.id)}/sua`}>
            {tr(ctx, 'Sửa lịch', 'Edit')}
          </a>
        )}
        <a class="button secondary" href={dialoguePath(d.id)}>
          {tr(ctx, 'Trang công khai', 'Public page')}
        </a>
      </PageHeading>
      <DialogueFacts ctx={ctx} d={d} />
      {d.description && <p class="qa-text">{d.description}</p>}
      <section aria-labelledby="ket-qua">
        <h2 id="ket-qua">{tr(ctx, 'Kết quả', 'Outcome')}</h2>
        <OutcomeForms ctx={ctx} d={d} state={props.forms.outcome} />
      </section>
      <ParticipantsSection ctx={ctx} d={d} items={props.participants} state={props.forms.participant} />
      <QuestionsSection ctx={ctx} d={d} items={props.questions} contact={props.contact} state={props.forms.question} />
      <CommitmentsSection
        ctx={ctx}
        d={d}
        items={props.commitments}
        units={props.units}
        questions={props.questions}
        create={props.forms.commitment}
        edit={props.forms.commitmentEdit}
        today={props.today}
      />
    </Layout>
  );
}

async function renderDetail(
  p: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  d: DialogueRow,
  forms: DetailForms,
  status = 200,
  contact: { id: number; c: QuestionContact } | null = null,
) {
  const [parts, all] = await Promise.all([dialogueParts(p, d, true), listUnits(p.db)]);
  const units = all.filter((u) => u.merged_into_id === null);
  const ctx = pageContext(req, reply);
  return html(
    reply,
    renderPage(
      <DetailPage
        ctx={ctx}
        d={d}
        participants={parts.participants}
        questions={parts.questions}
        commitments={parts.commitments}
        units={units}
        contact={contact}
        forms={forms}
        today={today()}
      />,
    ),
    status,
  );
}

/** Field errors of a failed command, or rethrows anything else. */
function errorsOf(err: unknown, req: FastifyRequest, prefix = ''): FormErrors {
  if (err instanceof AppError && ['VALIDATION_FAILED', 'CONFLICT', 'UNIT_NOT_FOUND'].includes(err.code)) {
    const out: FormErrors = {};
    for (const [k, v] of Object.entries(formErrors(err.errors, req.lang))) out[`${prefix}${k}`] = v;
    if (Object.keys(out).length === 0) out[`${prefix}form`] = err.detail ? err.detail[req.lang] : err.code;
    return out;
  }
  throw err;
}

// ---------- open commitments across a subtree ----------

function CommitmentsPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; items: CommitmentRow[]; overdueOnly: boolean; today: string }) {
  const { ctx, unit } = props;
  const overdue = props.items.filter((c) => c.deadline < props.today).length;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Cam kết đang theo dõi', 'Open commitments')}>
      <h1>{tr(ctx, `Cam kết đang theo dõi: ${unit.name}`, `Open commitments: ${unit.name}`)}</h1>
      <SubNav ctx={ctx} unit={unit} />
      <form class="search" method="get" action={`${STAFF_BASE}/cam-ket`}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <Select
          name="qua-han"
          label={tr(ctx, 'Hiển thị', 'Show')}
          value={props.overdueOnly ? '1' : ''}
          options={[
            { value: '', label: tr(ctx, 'Tất cả cam kết đang thực hiện', 'All open') },
            { value: '1', label: tr(ctx, 'Chỉ cam kết quá hạn', 'Overdue only') },
          ]}
        />
        <button type="submit">{tr(ctx, 'Lọc', 'Filter')}</button>
      </form>
      <p>{tr(ctx, `${props.items.length} cam kết đang thực hiện, ${overdue} quá hạn.`, `${props.items.length} open, ${overdue} overdue.`)}</p>
      <CommitmentTable ctx={ctx} items={props.items} today={props.today} showDialogue editHref={(c) => `${staffPath(c.dialogue_id)}#cam-ket-${c.id}`} />
    </Layout>
  );
}

// ---------- coverage ----------

function PeriodTags(props: { ctx: PageContext; row: CoverageRow | undefined }) {
  const { ctx, row } = props;
  if (!row) return <>—</>;
  return (
    <>
      {row.periods.map((p) => {
        const label = p.kind === 'month' ? tr(ctx, `Tháng ${Number(p.key.slice(5))}: `, `Month ${Number(p.key.slice(5))}: `) : '';
        const state =
          p.state === 'held'
            ? { cls: 'done', text: tr(ctx, 'đã tổ chức', 'held') }
            : p.state === 'missing'
              ? { cls: 'late', text: tr(ctx, 'chưa tổ chức', 'missing') }
              : { cls: 'due_soon', text: tr(ctx, 'còn trong kỳ', 'running') };
        return (
          <Fragment key={p.key}>
            <span class={`tag ${state.cls}`}>
              {label}
              {state.text}
            </span>{' '}
          </Fragment>
        );
      })}
    </>
  );
}

function CoveragePage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; quarter: Quarter; rows: CoverageRow[]; quarterError: string | null }) {
  const { ctx, unit, quarter } = props;
  const byUnit = new Map<number, { unit: CoverageRow['unit']; radio?: CoverageRow; business_coffee?: CoverageRow }>();
  for (const r of props.rows) {
    const entry = byUnit.get(r.unit.id) ?? { unit: r.unit };
    entry[r.kind] = r;
    byUnit.set(r.unit.id, entry);
  }
  const entries = [...byUnit.values()];
  const lacking = entries.filter((e) => !(e.radio?.complete ?? true) || !(e.business_coffee?.complete ?? true));
  const options = [-4, -3, -2, -1, 0, 1].map((n) => quarterKey(shiftQuarter(quarterOf(today()), n)));
  if (!options.includes(quarterKey(quarter))) options.push(quarterKey(quarter));
  const period = quarterPeriod(quarter);
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Bao phủ đối thoại theo quý', 'Dialogue coverage by quarter')}>
      <h1>
        {tr(
          ctx,
          `Bao phủ đối thoại quý ${quarter.quarter}/${quarter.year}: ${unit.name}`,
          `Dialogue coverage, Q${quarter.quarter} ${quarter.year}: ${unit.name}`,
        )}
      </h1>
      <SubNav ctx={ctx} unit={unit} />
      <p>
        {tr(
          ctx,
          'Đối thoại trên sóng phát thanh: mỗi tháng ở cấp tỉnh, mỗi quý ở cấp huyện, thị xã, thành phố, xã, phường. Cà phê Doanh nhân – Doanh nghiệp: mỗi quý ở mỗi đơn vị. Chỉ tính buổi đã ghi nhận “đã diễn ra”.',
          'Radio dialogue: monthly at the province, quarterly at districts, towns, cities, communes and wards. Business coffee: quarterly at each. Only dialogues recorded as held count.',
        )}
      </p>
      <form class="search" method="get" action={`${STAFF_BASE}/bao-phu`}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <Select
          name="quarter"
          label={tr(ctx, 'Quý', 'Quarter')}
          value={quarterKey(quarter)}
          errors={props.quarterError ? { quarter: props.quarterError } : {}}
          options={options.map((k) => ({ value: k, label: k }))}
        />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      <p class="hint">
        {tr(
          ctx,
          '“Chưa tổ chức”: kỳ đã qua mà không có buổi nào; “còn trong kỳ”: chưa có buổi nào nhưng kỳ chưa kết thúc.',
          '“Missing”: the period ended without a dialogue; “running”: none yet, the period has not ended.',
        )}
      </p>
      <p>
        {tr(
          ctx,
          `Từ ${fmtDay(period.from)} đến ${fmtDay(period.to)}: ${lacking.length}/${entries.length} đơn vị chưa tổ chức đủ.`,
          `${fmtDay(period.from)} to ${fmtDay(period.to)}: ${lacking.length} of ${entries.length} units have not held all dialogues due.`,
        )}
      </p>
      {entries.length > 0 && (
        <TableWrap label={tr(ctx, 'Bao phủ theo đơn vị', 'Coverage by unit')}>
          <table class="coverage">
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
                <th scope="col">{labelOf(ctx, kindLabels.radio)}</th>
                <th scope="col">{labelOf(ctx, kindLabels.business_coffee)}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.unit.id} data-unit={e.unit.code}>
                  <th scope="row">{e.unit.name}</th>
                  <td>
                    <PeriodTags ctx={ctx} row={e.radio} />
                  </td>
                  <td>
                    <PeriodTags ctx={ctx} row={e.business_coffee} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

/** Staff routes of the dialogues. */
export function registerDialoguesStaffPages(app: App, p: Platform): void {
  const cfg = { config: { permission: PERMISSION } };

  app.get(STAFF_BASE, cfg, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const query: Values = {};
    for (const k of ['unit', 'kind', 'status']) if (str(raw[k])) query[k] = str(raw[k], 64);
    const units = await unitsWhere(p.db, req, PERMISSION);
    const unit = await pageUnitOf(p.db, req, query.unit ?? '', units, PERMISSION);
    const page = pageOf(raw.page);
    const found = await listDialogues(p.db, {
      scopes: scopesFor(req.principal!, PERMISSION),
      underPath: unit.path,
      kind: dialogueKinds.find((k) => k === query.kind) as DialogueKind | undefined,
      status: dialogueStatuses.find((s) => s === query.status) as DialogueStatus | undefined,
      when: 'all',
      now: new Date(),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    return html(
      reply,
      renderPage(<ListPage ctx={pageContext(req, reply)} unit={unit} units={shown} query={query} items={found.rows} total={found.total} page={page} />),
    );
  });

  app.get(`${STAFF_BASE}/moi`, cfg, async (req, reply) => {
    const units = await unitsWhere(p.db, req, PERMISSION);
    const unit = await pageUnitOf(p.db, req, str((req.query as Record<string, unknown>)?.unit, 64), units, PERMISSION);
    const values: Values = { unit: unit.code, kind: '', format: '', title: '', description: '', startsAt: '', endsAt: '', place: '' };
    return html(reply, renderPage(<SchedulePage ctx={pageContext(req, reply)} d={null} units={units} state={{ values, errors: {} }} />));
  });

  app.post(STAFF_BASE, cfg, async (req, reply) => {
    const { values, check } = scheduleFromForm(req.body);
    const units = await unitsWhere(p.db, req, PERMISSION);
    const unit = values.unit ? await findUnitByCode(p.db, values.unit) : null;
    if (unit) req.requireOn(PERMISSION, unit.path);
    const errors: FormErrors = check.ok ? {} : formErrors(check.errors, req.lang);
    if (!unit || unit.merged_into_id !== null) errors.unit = tr(req, 'Hãy chọn đơn vị tổ chức', 'Choose the organising unit');
    if (!check.ok || !unit || Object.keys(errors).length) {
      return html(reply, renderPage(<SchedulePage ctx={pageContext(req, reply)} d={null} units={units} state={{ values, errors }} />), 400);
    }
    const id = await createDialogue(p.db, req.actor(), unit, check.value);
    return redirectWithFlash(req, reply, staffPath(id), tr(req, 'Đã lên lịch buổi đối thoại', 'Dialogue scheduled'));
  });

  app.get(`${STAFF_BASE}/cam-ket`, cfg, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const units = await unitsWhere(p.db, req, PERMISSION);
    const unit = await pageUnitOf(p.db, req, str(raw.unit, 64), units, PERMISSION);
    const overdueOnly = str(raw['qua-han']) === '1';
    const day = today();
    const items = await openCommitments(p.db, {
      underPath: unit.path,
      scopes: scopesFor(req.principal!, PERMISSION),
      overdueBefore: overdueOnly ? day : null,
      limit: 500,
    });
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    return html(
      reply,
      renderPage(<CommitmentsPage ctx={pageContext(req, reply)} unit={unit} units={shown} items={items} overdueOnly={overdueOnly} today={day} />),
    );
  });

  app.get(`${STAFF_BASE}/bao-phu`, cfg, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const units = await unitsWhere(p.db, req, PERMISSION);
    const unit = await pageUnitOf(p.db, req, str(raw.unit, 64), units, PERMISSION);
    const day = today();
    const asked = str(raw.quarter, 20);
    const parsed = asked ? parseQuarter(asked) : null;
    const quarter = parsed ?? quarterOf(day);
    const quarterError = asked && !parsed ? tr(req, 'Quý có dạng 2026-Q4', 'A quarter looks like 2026-Q4') : null;
    const period = quarterPeriod(quarter);
    const all = await listUnits(p.db);
    const subtree = all
      .filter((u) => u.path.startsWith(unit.path))
      .map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, path: u.path, merged: u.merged_into_id !== null }));
    const held = (await heldDialogues(p.db, unit.path, period.from, period.to)).map((h) => ({ unitId: h.unit_id, kind: h.kind, day: h.day }));
    const rows = coverage(subtree, held, quarter, day);
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    return html(
      reply,
      renderPage(<CoveragePage ctx={pageContext(req, reply)} unit={unit} units={shown} quarter={quarter} rows={rows} quarterError={quarterError} />),
      quarterError ? 400 : 200,
    );
  });

  app.get(`${STAFF_BASE}/:id`, cfg, async (req, reply) => {
    const d = await loadForStaff(p, req, (req.params as { id: string }).id);
    const wanted = Number(str((req.query as Record<string, unknown>)?.['lien-he'], 20));
    let contact: { id: number; c: QuestionContact } | null = null;
    if (Number.isSafeInteger(wanted) && wanted > 0) {
      const q = await findQuestion(p.db, d.id, wanted);
      if (q?.has_contact) contact = { id: q.id, c: await readDialogueQuestionContact(p.db, req.actor(), q, d.unit_id) };
    }
    return renderDetail(p, req, reply, d, {}, 200, contact);
  });

  app.get(`${STAFF_BASE}/:id/sua`, cfg, async (req, reply) => {
    const d = await loadForStaff(p, req, (req.params as { id: string }).id);
    return html(reply, renderPage(<SchedulePage ctx={pageContext(req, reply)} d={d} units={[]} state={{ values: scheduleValuesOf(d), errors: {} }} />));
  });

  app.post(`${STAFF_BASE}/:id`, cfg, async (req, reply) => {
    const d = await loadForStaff(p, req, (req.params as { id: string }).id);
    const { values, check } = scheduleFromForm(req.body);
    const again = (errors: FormErrors) =>
      html(reply, renderPage(<SchedulePage ctx={pageContext(req, reply)} d={d} units={[]} state={{ values, errors }} />), 400);
    if (!check.ok) return again(formErrors(check.errors, req.lang));
    try {
      await updateDialogue(p.db, req.actor(), d, check.value);
    } catch (err) {
      return again(errorsOf(err, req));
    }
    return redirectWithFlash(req, reply, staffPath(d.id), tr(req, 'Đã lưu lịch đối thoại', 'Schedule saved'));
  });

  app.post(`${STAFF_BASE}/:id/ket-qua`, cfg, async (req, reply) => {
    const d = await loadForStaff(p, req, (req.params as { id: string }).id);
    const form = cleanForm(req.body);
    const action = (['hold', 'cancel', 'summary'] as const).find((a) => a === form.action) as OutcomeAction | undefined;
    const values: Values = { summary: text(form, 'summary'), reason: str(form.reason, 1200) };
    if (!action) return renderDetail(p, req, reply, d, { outcome: { values, errors: { action: tr(req, 'Hãy chọn một thao tác', 'Choose an action') } } }, 400);
    try {
      await recordDialogueOutcome(p.db, req.actor(), d, action, { summary: values.summary, reason: values.reason }, new Date());
    } catch (err) {
      return renderDetail(p, req, reply, d, { outcome: { values, errors: errorsOf(err, req) } }, 400);
    }
    const done = {
      hold: ['Đã ghi nhận buổi đối thoại đã diễn ra', 'Recorded as held'],
      cancel: ['Đã hủy buổi đối thoại', 'Dialogue cancelled'],
      summary: ['Đã lưu tóm tắt', 'Summary saved'],
    } as const;
    return redirectWithFlash(req, reply, staffPath(d.id), tr(req, done[action][0], done[action][1]));
  });

  app.post(`${STAFF_BASE}/:id/thanh-phan`, cfg, async (req, reply) => {
    const d = await loadForStaff(p, req, (req.params as { id: string }).id);
    const form = cleanForm(req.body);
    const values: Values = {};
    for (const k of ['kind', 'name', 'position', 'username', 'taxCode', 'representative']) values[k] = str(form[k], 400);
    try {
      await addParticipant(p.db, req.actor(), d, await participantFrom(p, values));
    } catch (err) {
      return renderDetail(p, req, reply, d, { participant: { values, errors: errorsOf(err, req) } }, 400);
    }
    return redirectWithFlash(req, reply, `${staffPath(d.id)}#thanh-phan`, tr(req, 'Đã thêm người tham dự', 'Participant added'));
  });

  app.post(`${STAFF_BASE}/:id/thanh-phan/:participantId/xoa`, cfg, async (req, reply) => {
    const params = req.params as { id: string; participantId: string };
    const d = await loadForStaff(p, req, params.id);
    const pid = Number(params.participantId);
    if (!Number.isSafeInteger(pid) || pid < 1) throw new AppError('NOT_FOUND');
    await removeParticipant(p.db, req.actor(), d, pid);
    return redirectWithFlash(req, reply, `${staffPath(d.id)}#thanh-phan`, tr(req, 'Đã xóa người tham dự', 'Participant removed'));
  });

  app.post(`${STAFF_BASE}/:id/cau-hoi/:questionId`, cfg, async (req, reply) => {
    const params = req.params as { id: string; questionId: string };
    const d = await loadForStaff(p, req, params.id);
    const qid = Number(params.questionId);
    const q = Number.isSafeInteger(qid) && qid > 0 ? await findQuestion(p.db, d.id, qid) : null;
    if (!q) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có câu hỏi này', en: 'No such question' } });
    const form = cleanForm(req.body);
    const field = `answer-${q.id}`;
    const values: Values = { [field]: text(form, field, 6000) };
    const action = reviewActions.find((a) => a === form.action) as ReviewAction | undefined;
    if (!action)
      return renderDetail(p, req, reply, d, { question: { id: q.id, values, errors: { [field]: tr(req, 'Hãy chọn một thao tác', 'Choose an action') } } }, 400);
    try {
      await reviewDialogueQuestion(p.db, req.actor(), d, q, action, values[field]);
    } catch (err) {
      const errors = errorsOf(err, req);
      const renamed: FormErrors = {};
      for (const [k, v] of Object.entries(errors)) renamed[k === 'answer' ? field : k] = v;
      return renderDetail(p, req, reply, d, { question: { id: q.id, values, errors: renamed } }, 400);
    }
    return redirectWithFlash(req, reply, `${staffPath(d.id)}#q-${q.id}`, tr(req, 'Đã lưu câu hỏi', 'Question saved'));
  });

  app.post(`${STAFF_BASE}/:id/cam-ket`, cfg, async (req, reply) => {
    const d = await loadForStaff(p, req, (req.params as { id: string }).id);
    const form = cleanForm(req.body);
    const values: Values = {
      text: text(form, 'text', 2500),
      ownerUnit: str(form.ownerUnit, 64),
      deadline: str(form.deadline, 20),
      outcome: text(form, 'outcome', 6000),
      questionId: str(form.questionId, 20),
    };
    try {
      const v = await commitmentValuesFrom(p, d, values);
      await createCommitment(p.db, req.actor(), d, v, new Date());
    } catch (err) {
      return renderDetail(p, req, reply, d, { commitment: { values, errors: errorsOf(err, req) } }, 400);
    }
    return redirectWithFlash(req, reply, `${staffPath(d.id)}#cam-ket`, tr(req, 'Đã ghi cam kết', 'Commitment recorded'));
  });

  app.post(`${STAFF_BASE}/:id/cam-ket/:commitmentId`, cfg, async (req, reply) => {
    const params = req.params as { id: string; commitmentId: string };
    const { d, c } = await loadCommitment(p, req, params.id, params.commitmentId);
    const form = cleanForm(req.body);
    const prefix = `c${c.id}-`;
    const values: Values = {};
    for (const k of ['text', 'ownerUnit', 'deadline', 'status', 'outcome', 'questionId']) values[`${prefix}${k}`] = text(form, `${prefix}${k}`, 6000).trim();
    const input = {
      text: values[`${prefix}text`],
      ownerUnit: values[`${prefix}ownerUnit`],
      deadline: values[`${prefix}deadline`],
      status: values[`${prefix}status`],
      outcome: values[`${prefix}outcome`],
      questionId: values[`${prefix}questionId`],
    };
    try {
      const v = await commitmentValuesFrom(p, d, input);
      if (v.ownerUnitId !== c.owner_unit_id) req.requireOn(PERMISSION, d.unit_path);
      await updateDialogueCommitment(p.db, req.actor(), c, v, d.unit_id);
    } catch (err) {
      return renderDetail(p, req, reply, d, { commitmentEdit: { id: c.id, values, errors: errorsOf(err, req, prefix) } }, 400);
    }
    return redirectWithFlash(req, reply, `${staffPath(d.id)}#cam-ket-${c.id}`, tr(req, 'Đã lưu cam kết', 'Commitment saved'));
  });
}
