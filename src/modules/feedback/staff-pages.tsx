/**
 * Staff pages of feedback (phản ánh, kiến nghị): the list of the viewer's units (and their subtree), one item with its
 * place, attachments, history and a form for each action its status allows, the sender's contact on request (POST,
 * audited), and the 1022 operator's entry of a call. Every page works without JavaScript; every text is escaped.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { normaliseShortCode } from '../../platform/text/index.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import { type HandlerRow, handlersOf } from './commands/assign-feedback.ts';
import { readFeedbackContact } from './commands/read-feedback-contact.ts';
import { type StaffAction, staffActionLabels } from './handling.ts';
import {
  type AttachmentMeta,
  type EventRow,
  type FeedbackContact,
  findAttachment,
  type HandlingRow,
  type ListRow,
  listAttachments,
  listEvents,
  searchFeedback,
} from './handling-queries.ts';
import { type CategoryRow, listCategories } from './queries.ts';
import {
  channelLabels,
  type FeedbackChannel,
  type FeedbackStatus,
  feedbackChannels,
  feedbackKinds,
  feedbackStatuses,
  feedbackStatusLabels,
  isFeedbackLate,
  kindLabels,
} from './rules/lifecycle.ts';
import { viDate } from './rules/notices.ts';
import {
  enterCall,
  HANDLE,
  MANAGE,
  mayRead,
  mayReadSomewhere,
  mustFindForStaff,
  performAction,
  RECEIVE,
  readScopes,
  requireRead,
  staffActions,
} from './staff-access.ts';
import { STAFF_BASE, staffActionsFor } from './staff-present.ts';

const PAGE_SIZE = 20;
const ENTRY = `${STAFF_BASE}/tiep-nhan`;

type Query = Record<string, string | undefined>;
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));
const label = (ctx: PageContext, t: { vi: string; en: string }) => tr(ctx, t.vi, t.en);

const momentFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const fmtMoment = (v: Date | string | null) => (v === null ? '—' : momentFormat.format(new Date(v)));
const fmtDate = (v: Date | string | null) => (v === null ? '—' : dateFormat.format(new Date(v)));

const eventLabels: Record<string, { vi: string; en: string }> = {
  received: { vi: 'Tiếp nhận', en: 'Received' },
  accepted: { vi: 'Phân loại', en: 'Classified' },
  assigned: { vi: 'Giao xử lý', en: 'Assigned' },
  started: { vi: 'Bắt đầu xử lý', en: 'Started' },
  transferred: { vi: 'Chuyển đơn vị', en: 'Transferred' },
  note: { vi: 'Ghi chú nội bộ', en: 'Internal note' },
  answered: { vi: 'Trả lời', en: 'Answered' },
  closed: { vi: 'Kết thúc', en: 'Closed' },
  rejected: { vi: 'Không thuộc phạm vi', en: 'Rejected' },
  merged: { vi: 'Gộp vào phản ánh trùng', en: 'Merged' },
  rated: { vi: 'Người gửi đánh giá', en: 'Rated by the sender' },
  reopened: { vi: 'Người gửi đề nghị xem xét lại', en: 'Reopened by the sender' },
  warned: { vi: 'Nhắc sắp đến hạn', en: 'Deadline warning' },
  escalated: { vi: 'Quá hạn, chuyển cấp trên theo dõi', en: 'Late, escalated to the parent unit' },
  published: { vi: 'Công khai kết quả', en: 'Published' },
  unpublished: { vi: 'Thôi công khai', en: 'Unpublished' },
  notified: { vi: 'Đã báo người gửi', en: 'Sender notified' },
};

function statusClass(s: FeedbackStatus): string {
  if (s === 'answered' || s === 'closed') return 'published';
  if (s === 'rejected' || s === 'merged') return 'merged';
  return 'draft';
}

function StatusTag(props: { ctx: PageContext; status: FeedbackStatus; late: boolean; escalated: boolean }) {
  const { ctx } = props;
  return (
    <>
      <span class={`tag ${statusClass(props.status)}`}>{label(ctx, feedbackStatusLabels[props.status])}</span>
      {props.late && (
        <>
          {' '}
          <span class="tag late">{tr(ctx, 'Quá hạn', 'Late')}</span>
        </>
      )}
      {props.escalated && <p class="hint">{tr(ctx, 'Quá hạn, chuyển cấp trên theo dõi', 'Late, escalated to the parent unit')}</p>}
    </>
  );
}

/** Units whose feedback the viewer reads, not merged away, in tree order. */
async function readableUnits(p: Platform, req: FastifyRequest): Promise<UnitRow[]> {
  return (await listUnits(p.db)).filter((u) => u.merged_into_id === null && mayRead(req, u.path));
}

// ---------- the list ----------

function ListPage(props: {
  ctx: PageContext;
  units: UnitRow[];
  categories: CategoryRow[];
  query: Query;
  items: ListRow[];
  total: number;
  page: number;
  now: Date;
}) {
  const { ctx, query, now } = props;
  const kept: Record<string, string> = {};
  for (const k of ['unit', 'status', 'channel', 'category', 'late', 'escalated', 'q']) if (query[k]) kept[k] = query[k] as string;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Phản ánh, kiến nghị', 'Feedback')}>
      <PageHeading title={tr(ctx, 'Phản ánh, kiến nghị', 'Feedback')}>
        {ctx.can(RECEIVE) && (
          <a class="button" href={ENTRY}>
            {tr(ctx, 'Nhập cuộc gọi 1022', 'Enter a 1022 call')}
          </a>
        )}
        {ctx.can(MANAGE) && (
          <a class="button secondary" href={`${STAFF_BASE}/linh-vuc`}>
            {tr(ctx, 'Lĩnh vực, điều phối', 'Categories, routing')}
          </a>
        )}
      </PageHeading>
      <form class="search" method="get" action={STAFF_BASE}>
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị (gồm cấp dưới)', 'Unit (with those below)')}
          value={query.unit ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả đơn vị của tôi', 'All my units') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <Select
          name="status"
          label={tr(ctx, 'Trạng thái', 'Status')}
          value={query.status ?? ''}
          options={[
            { value: '', label: tr(ctx, 'Tất cả', 'All') },
            { value: 'open', label: tr(ctx, 'Chưa xử lý xong', 'Open') },
            ...feedbackStatuses.map((s) => ({ value: s, label: label(ctx, feedbackStatusLabels[s]) })),
          ]}
        />
        <Select
          name="channel"
          label={tr(ctx, 'Kênh', 'Channel')}
          value={query.channel ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...feedbackChannels.map((c) => ({ value: c, label: label(ctx, channelLabels[c]) }))]}
        />
        <Select
          name="category"
          label={tr(ctx, 'Lĩnh vực', 'Category')}
          value={query.category ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...props.categories.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <div class="field">
          <label for="f-q">{tr(ctx, 'Tìm (mã, tiêu đề, nội dung; không dấu cũng được)', 'Search (code, title, text; diacritics optional)')}</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} />
        </div>
        <Checkbox name="late" label={tr(ctx, 'Chỉ phản ánh quá hạn', 'Late only')} checked={query.late === 'on'} />
        <Checkbox
          name="escalated"
          label={tr(ctx, 'Chỉ phản ánh cấp dưới quá hạn chuyển đơn vị đã chọn theo dõi', 'Only late items escalated to the chosen unit')}
          checked={query.escalated === 'on'}
        />
        <button type="submit">{tr(ctx, 'Lọc', 'Filter')}</button>
      </form>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Không có phản ánh nào.', 'No feedback.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Danh sách phản ánh', 'Feedback list')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Mã', 'Code')}</th>
                <th scope="col">{tr(ctx, 'Nội dung', 'Subject')}</th>
                <th scope="col">{tr(ctx, 'Tiếp nhận', 'Received')}</th>
                <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
                <th scope="col">{tr(ctx, 'Lĩnh vực', 'Category')}</th>
                <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
                <th scope="col">{tr(ctx, 'Hạn trả lời', 'Answer due')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((f) => {
                const late = isFeedbackLate({ status: f.status, answerDueAt: new Date(f.answer_due_at) }, now);
                return (
                  <tr key={f.code}>
                    <td>
                      <a href={`${STAFF_BASE}/${f.code}`}>{f.code}</a>
                    </td>
                    <td class="fb-subject">
                      {f.title ?? excerpt(f.description, 100)}
                      <p class="hint">{label(ctx, channelLabels[f.channel])}</p>
                    </td>
                    <td>{fmtMoment(f.received_at)}</td>
                    <td>{f.unit_name}</td>
                    <td>{f.category_name ?? '—'}</td>
                    <td>
                      <StatusTag ctx={ctx} status={f.status} late={false} escalated={f.escalated_at !== null} />
                    </td>
                    <td>
                      {fmtDate(f.answer_due_at)}
                      {late && (
                        <>
                          {' '}
                          <span class="tag late">{tr(ctx, 'Quá hạn', 'Late')}</span>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={PAGE_SIZE} total={props.total} base={STAFF_BASE} query={kept} />
    </Layout>
  );
}

function excerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

// ---------- one item ----------

/** Form fields of each action; the page names a few differently so that every control's id is unique. */
const formFields: Record<StaffAction, Record<string, string>> = {
  accept: { category: 'category', kind: 'kind' },
  assign: { assignee: 'assignee' },
  start: {},
  answer: { answer: 'answer' },
  close: {},
  reject: { reason: 'rejectReason' },
  merge: { into: 'into' },
  transfer: { unit: 'transferUnit', reason: 'transferReason' },
  note: { note: 'note' },
  publish: { publicTitle: 'publicTitle', publicSummary: 'publicSummary' },
  unpublish: {},
};

interface DetailData {
  item: HandlingRow;
  events: EventRow[];
  attachments: AttachmentMeta[];
  contact: FeedbackContact | null;
  categories: CategoryRow[];
  handlers: HandlerRow[];
  units: UnitRow[];
  canHandle: boolean;
  values: Record<string, string>;
  errors: FormErrors;
  openAction: StaffAction | null;
}

function osmLink(lat: number, lng: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
}

function ActionForm(props: { ctx: PageContext; d: DetailData; action: StaffAction }) {
  const { ctx, d, action } = props;
  const { item, values: v, errors } = d;
  const primary = d.openAction === action;
  const submit = (text: string, cls?: string) => (
    <button type="submit" class={cls}>
      {text}
    </button>
  );
  let body: preact.VNode;
  switch (action) {
    case 'accept':
      body = (
        <>
          <Select
            name="category"
            label={tr(ctx, 'Lĩnh vực', 'Category')}
            value={v.category ?? item.category_code ?? ''}
            errors={errors}
            options={[
              { value: '', label: tr(ctx, '— Giữ nguyên / chưa chọn —', '— Keep / none —') },
              ...d.categories.map((c) => ({ value: c.code, label: c.name })),
            ]}
          />
          <Select
            name="kind"
            label={tr(ctx, 'Loại', 'Kind')}
            value={v.kind ?? item.kind}
            errors={errors}
            options={feedbackKinds.map((k) => ({ value: k, label: label(ctx, kindLabels[k]) }))}
          />
          {submit(tr(ctx, 'Tiếp nhận, phân loại', 'Accept'))}
        </>
      );
      break;
    case 'assign':
      body = (
        <>
          <Select
            name="assignee"
            label={tr(ctx, 'Cán bộ xử lý', 'Official')}
            value={v.assignee ?? ''}
            errors={errors}
            options={[{ value: '', label: tr(ctx, '— Chọn cán bộ —', '— Choose —') }, ...d.handlers.map((h) => ({ value: h.username, label: h.full_name }))]}
          />
          {submit(tr(ctx, 'Giao xử lý', 'Assign'))}
        </>
      );
      break;
    case 'answer':
      body = (
        <>
          <TextArea
            name="answer"
            label={tr(ctx, 'Nội dung trả lời (gửi cho người phản ánh)', 'Answer (sent to the sender)')}
            hint={tr(
              ctx,
              'Người gửi đọc được câu trả lời bằng mã phản ánh và nhận thư hoặc tin nhắn nếu đã để lại liên hệ.',
              'The sender reads it with the code and gets an e-mail or SMS if they left a contact.',
            )}
            value={v.answer ?? item.answer ?? ''}
            errors={errors}
            rows={8}
          />
          {submit(tr(ctx, 'Gửi trả lời', 'Send the answer'))}
        </>
      );
      break;
    case 'reject':
      body = (
        <>
          <TextArea
            name="rejectReason"
            label={tr(ctx, 'Lý do (người gửi đọc được)', 'Reason (the sender reads it)')}
            value={v.rejectReason ?? ''}
            errors={errors}
            rows={3}
          />
          {submit(tr(ctx, 'Không thuộc phạm vi xử lý', 'Reject as out of scope'), 'danger')}
        </>
      );
      break;
    case 'merge':
      body = (
        <>
          <Field
            name="into"
            label={tr(ctx, 'Mã phản ánh trùng được giữ lại', 'Code of the item to keep')}
            value={v.into ?? ''}
            errors={errors}
            maxLength={20}
          />
          {submit(tr(ctx, 'Gộp vào phản ánh này', 'Merge'))}
        </>
      );
      break;
    case 'transfer':
      body = (
        <>
          <Select
            name="transferUnit"
            label={tr(ctx, 'Đơn vị nhận', 'Receiving unit')}
            value={v.transferUnit ?? ''}
            errors={errors}
            options={[
              { value: '', label: tr(ctx, '— Chọn đơn vị —', '— Choose —') },
              ...d.units.filter((u) => u.id !== item.unit_id).map((u) => ({ value: u.code, label: u.name })),
            ]}
          />
          <TextArea
            name="transferReason"
            label={tr(ctx, 'Lý do chuyển (nội bộ)', 'Reason (internal)')}
            hint={tr(
              ctx,
              'Hạn phân loại, trả lời được tính lại theo lịch làm việc của đơn vị nhận.',
              'Deadlines are counted again in the receiving unit’s calendar.',
            )}
            value={v.transferReason ?? ''}
            errors={errors}
            rows={3}
          />
          {submit(tr(ctx, 'Chuyển đơn vị', 'Transfer'))}
        </>
      );
      break;
    case 'note':
      body = (
        <>
          <TextArea
            name="note"
            label={tr(ctx, 'Ghi chú nội bộ (không bao giờ công khai)', 'Internal note (never public)')}
            value={v.note ?? ''}
            errors={errors}
            rows={3}
          />
          {submit(tr(ctx, 'Lưu ghi chú', 'Save the note'), 'secondary')}
        </>
      );
      break;
    case 'publish':
      body = (
        <>
          <Field
            name="publicTitle"
            label={tr(ctx, 'Tiêu đề công khai', 'Public title')}
            hint={tr(ctx, 'Không ghi họ tên, số điện thoại, địa chỉ thư của người gửi.', 'No name, phone or e-mail of the sender.')}
            value={v.publicTitle ?? item.public_title ?? item.title ?? ''}
            errors={errors}
            maxLength={200}
          />
          <TextArea
            name="publicSummary"
            label={tr(ctx, 'Tóm tắt nội dung phản ánh (công khai)', 'Summary of the feedback (public)')}
            value={v.publicSummary ?? item.public_summary ?? ''}
            errors={errors}
            rows={4}
          />
          {submit(item.published ? tr(ctx, 'Cập nhật nội dung công khai', 'Update the public text') : tr(ctx, 'Công khai kết quả trả lời', 'Publish'))}
        </>
      );
      break;
    case 'start':
      body = submit(tr(ctx, 'Bắt đầu xử lý', 'Start handling'));
      break;
    case 'close':
      body = submit(tr(ctx, 'Kết thúc phản ánh', 'Close'));
      break;
    case 'unpublish':
      body = submit(tr(ctx, 'Thôi công khai', 'Unpublish'), 'secondary');
      break;
  }
  return (
    <details class="fb-action" open={primary}>
      <summary>{label(ctx, staffActionLabels[action])}</summary>
      <form method="post" action={`${STAFF_BASE}/${item.code}`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="action" value={action} />
        <input type="hidden" name="version" value={item.version} />
        {body}
      </form>
    </details>
  );
}

function DetailPage(props: { ctx: PageContext; d: DetailData; now: Date }) {
  const { ctx, d, now } = props;
  const f = d.item;
  const late = isFeedbackLate({ status: f.status, answerDueAt: new Date(f.answer_due_at) }, now);
  const actions = d.canHandle ? staffActionsFor(f) : [];
  return (
    <Layout ctx={ctx} title={tr(ctx, `Phản ánh ${f.code}`, `Feedback ${f.code}`)}>
      <p class="muted">
        <a href={STAFF_BASE}>{tr(ctx, '← Danh sách phản ánh', '← Feedback list')}</a>
      </p>
      <h1>
        {tr(ctx, 'Phản ánh ', 'Feedback ')}
        <span class="qa-code">{f.code}</span>
      </h1>
      <ErrorSummary ctx={ctx} errors={d.errors} />
      <dl class="facts">
        <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
        <dd>
          <StatusTag ctx={ctx} status={f.status} late={late} escalated={false} />
          {f.escalated_at && (
            <p class="hint">
              {tr(ctx, 'Quá hạn, chuyển cấp trên theo dõi: ', 'Late, escalated to: ')}
              {f.escalated_to_name ?? '—'} · {fmtMoment(f.escalated_at)}
            </p>
          )}
        </dd>
        <dt>{tr(ctx, 'Loại, lĩnh vực', 'Kind, category')}</dt>
        <dd>
          {label(ctx, kindLabels[f.kind])} · {f.category_name ?? tr(ctx, 'chưa phân loại', 'not classified')}
        </dd>
        <dt>{tr(ctx, 'Kênh', 'Channel')}</dt>
        <dd>
          {label(ctx, channelLabels[f.channel])}
          {f.received_by_name && ` · ${tr(ctx, 'nhập bởi', 'entered by')} ${f.received_by_name}`}
        </dd>
        <dt>{tr(ctx, 'Đơn vị xử lý', 'Handling unit')}</dt>
        <dd>{f.unit_name}</dd>
        <dt>{tr(ctx, 'Cán bộ xử lý', 'Official')}</dt>
        <dd>{f.assignee_name ?? '—'}</dd>
        <dt>{tr(ctx, 'Tiếp nhận lúc', 'Received')}</dt>
        <dd>{fmtMoment(f.received_at)}</dd>
        <dt>{tr(ctx, 'Hạn phân loại', 'Classify by')}</dt>
        <dd>{fmtDate(f.classify_due_at)}</dd>
        <dt>{tr(ctx, 'Hạn trả lời', 'Answer by')}</dt>
        <dd>
          {fmtDate(f.answer_due_at)}
          {late && (
            <>
              {' '}
              <span class="tag late">{tr(ctx, 'Quá hạn', 'Late')}</span>
            </>
          )}
        </dd>
        {f.merged_into_code && (
          <>
            <dt>{tr(ctx, 'Gộp vào', 'Merged into')}</dt>
            <dd>
              <a href={`${STAFF_BASE}/${f.merged_into_code}`}>{f.merged_into_code}</a>
            </dd>
          </>
        )}
      </dl>

      <h2>{f.title ?? tr(ctx, 'Nội dung phản ánh', 'The feedback')}</h2>
      <p class="qa-text">{f.description}</p>

      <section aria-labelledby="dia-diem">
        <h2 id="dia-diem">{tr(ctx, 'Địa điểm', 'Place')}</h2>
        {!f.place_name && !f.address && f.lat === null ? (
          <p>{tr(ctx, 'Không nêu địa điểm.', 'No place given.')}</p>
        ) : (
          <dl class="facts">
            {f.place_name && (
              <>
                <dt>{tr(ctx, 'Xã, phường', 'Commune, ward')}</dt>
                <dd>{f.place_name}</dd>
              </>
            )}
            {f.address && (
              <>
                <dt>{tr(ctx, 'Địa chỉ', 'Address')}</dt>
                <dd>{f.address}</dd>
              </>
            )}
            {f.lat !== null && f.lng !== null && (
              <>
                <dt>{tr(ctx, 'Tọa độ', 'Coordinates')}</dt>
                <dd>
                  {f.lat.toFixed(6)}, {f.lng.toFixed(6)} ·{' '}
                  <a href={osmLink(f.lat, f.lng)} rel="noopener noreferrer">
                    {tr(ctx, 'Xem trên bản đồ OpenStreetMap', 'View on OpenStreetMap')}
                  </a>
                </dd>
              </>
            )}
          </dl>
        )}
      </section>

      {d.attachments.length > 0 && (
        <section aria-labelledby="tep">
          <h2 id="tep">{tr(ctx, 'Tệp đính kèm', 'Attachments')}</h2>
          <ul>
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a href={`${STAFF_BASE}/${f.code}/tep/${a.id}`}>{a.name}</a> <span class="muted">({Math.ceil(a.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(f.answer || f.reject_reason) && (
        <section aria-labelledby="tra-loi">
          <h2 id="tra-loi">{f.answer ? tr(ctx, 'Câu trả lời', 'Answer') : tr(ctx, 'Lý do không xử lý', 'Reason for rejection')}</h2>
          <p class="qa-text">{f.answer ?? f.reject_reason}</p>
          {f.answered_at && <p class="hint">{fmtMoment(f.answered_at)}</p>}
          {f.published && (
            <p>
              <span class="tag published">{tr(ctx, 'Đã công khai', 'Published')}</span> {f.public_title}
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="lien-he">
        <h2 id="lien-he">{tr(ctx, 'Người gửi', 'The sender')}</h2>
        {!f.has_contact ? (
          <p>{tr(ctx, 'Người gửi không để lại họ tên hay liên hệ (ẩn danh).', 'The sender left no name or contact (anonymous).')}</p>
        ) : d.contact ? (
          <dl class="facts">
            <dt>{tr(ctx, 'Họ và tên', 'Name')}</dt>
            <dd>{d.contact.contact_name ?? '—'}</dd>
            <dt>{tr(ctx, 'Điện thoại', 'Phone')}</dt>
            <dd>{d.contact.contact_phone ? <a href={`tel:${d.contact.contact_phone}`}>{d.contact.contact_phone}</a> : '—'}</dd>
            <dt>{tr(ctx, 'Thư điện tử', 'E-mail')}</dt>
            <dd>{d.contact.contact_email ? <a href={`mailto:${d.contact.contact_email}`}>{d.contact.contact_email}</a> : '—'}</dd>
          </dl>
        ) : d.canHandle ? (
          <form method="post" action={`${STAFF_BASE}/${f.code}/lien-he`}>
            <CsrfField ctx={ctx} />
            <p>
              {tr(
                ctx,
                'Người gửi để lại liên hệ để được trả lời. Đây là dữ liệu cá nhân: mỗi lần xem được ghi vào nhật ký.',
                'The sender left a contact to be answered. This is personal data: every view is logged.',
              )}
            </p>
            <button type="submit" class="secondary">
              {tr(ctx, 'Xem họ tên và liên hệ', 'Show name and contact')}
            </button>
          </form>
        ) : (
          <p>{tr(ctx, 'Người gửi có để lại liên hệ; cán bộ xử lý xem được.', 'The sender left a contact; handling officials can see it.')}</p>
        )}
      </section>

      {actions.length > 0 && (
        <section aria-labelledby="xu-ly">
          <h2 id="xu-ly">{tr(ctx, 'Xử lý', 'Handle')}</h2>
          {actions.map((a) => (
            <ActionForm key={a} ctx={ctx} d={d} action={a} />
          ))}
        </section>
      )}

      <section aria-labelledby="lich-su">
        <h2 id="lich-su">{tr(ctx, 'Lịch sử xử lý', 'History')}</h2>
        <ol class="qa-list">
          {d.events.map((e) => (
            <li key={e.id}>
              <strong>{label(ctx, eventLabels[e.kind] ?? { vi: e.kind, en: e.kind })}</strong>{' '}
              <span class={`tag ${e.public ? 'published' : 'off'}`}>{e.public ? tr(ctx, 'Công khai', 'Public') : tr(ctx, 'Nội bộ', 'Internal')}</span>
              <p class="hint">
                {fmtMoment(e.at)}
                {e.actor_name && ` · ${e.actor_name}`}
                {e.from_unit_name && e.to_unit_name && ` · ${e.from_unit_name} → ${e.to_unit_name}`}
              </p>
              {e.public_text && <p class="qa-text">{e.public_text}</p>}
              {e.note && (
                <p class="qa-text">
                  <span class="muted">{tr(ctx, 'Nội bộ: ', 'Internal: ')}</span>
                  {e.note}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

async function renderDetail(
  p: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  item: HandlingRow,
  extra: { contact?: FeedbackContact | null; values?: Record<string, string>; errors?: FormErrors; openAction?: StaffAction | null; status?: number } = {},
) {
  const canHandle = req.can(HANDLE, item.unit_path);
  const [events, attachments, categories, handlers, units] = await Promise.all([
    listEvents(p.db, item.id),
    listAttachments(p.db, item.id),
    canHandle ? listCategories(p.db) : Promise.resolve([]),
    canHandle ? handlersOf(p.db, item) : Promise.resolve([]),
    canHandle ? listUnits(p.db).then((us) => us.filter((u) => u.merged_into_id === null)) : Promise.resolve([]),
  ]);
  const defaultOpen: StaffAction | null =
    item.status === 'received' ? 'accept' : ['accepted', 'assigned', 'in_progress'].includes(item.status) ? 'answer' : null;
  const d: DetailData = {
    item,
    events,
    attachments,
    contact: extra.contact ?? null,
    categories,
    handlers,
    units,
    canHandle,
    values: extra.values ?? {},
    errors: extra.errors ?? {},
    openAction: extra.openAction ?? defaultOpen,
  };
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<DetailPage ctx={ctx} d={d} now={new Date()} />), extra.status ?? 200);
}

// ---------- the 1022 operator's entry ----------

const entryFields = ['unit', 'kind', 'category', 'title', 'description', 'place', 'address', 'lat', 'lng', 'name', 'phone', 'email'] as const;

function EntryPage(props: {
  ctx: PageContext;
  units: UnitRow[];
  places: UnitRow[];
  categories: CategoryRow[];
  values: Record<string, string>;
  errors: FormErrors;
  key_: string;
  done: string | null;
}) {
  const { ctx, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Tiếp nhận phản ánh qua Tổng đài 1022', 'Enter a 1022 hotline call')}>
      <p class="muted">
        <a href={STAFF_BASE}>{tr(ctx, '← Danh sách phản ánh', '← Feedback list')}</a>
      </p>
      <h1>{tr(ctx, 'Tiếp nhận phản ánh qua Tổng đài 1022', 'Enter a 1022 hotline call')}</h1>
      {props.done && (
        <section class="register-links" aria-labelledby="ma-moi">
          <h2 id="ma-moi">{tr(ctx, 'Đọc mã cho người gọi', 'Read the code to the caller')}</h2>
          <p class="qa-code">{props.done}</p>
          <p>
            {tr(ctx, 'Đọc từng ký tự: ', 'Character by character: ')}
            {[...props.done].join(' · ')}
          </p>
          <p>
            <a href={`${STAFF_BASE}/${props.done}`}>{tr(ctx, 'Xem phản ánh vừa nhập', 'Open the item')}</a>
          </p>
        </section>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={ENTRY} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="key" value={props.key_} />
        <TextArea
          name="description"
          label={tr(ctx, 'Nội dung người gọi phản ánh', 'What the caller reports')}
          hint={tr(ctx, 'Ghi ngắn gọn, đủ ý; vài chữ cũng được.', 'Short is fine.')}
          value={v.description}
          errors={errors}
          rows={5}
          required
        />
        <Field name="title" label={tr(ctx, 'Tiêu đề (không bắt buộc)', 'Title (optional)')} value={v.title} errors={errors} maxLength={200} />
        <Select
          name="kind"
          label={tr(ctx, 'Loại', 'Kind')}
          value={v.kind ?? 'report'}
          errors={errors}
          options={feedbackKinds.map((k) => ({ value: k, label: label(ctx, kindLabels[k]) }))}
        />
        <Select
          name="category"
          label={tr(ctx, 'Lĩnh vực', 'Category')}
          value={v.category ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Chưa rõ —', '— Not sure —') }, ...props.categories.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <Select
          name="place"
          label={tr(ctx, 'Xã, phường nơi xảy ra', 'Commune or ward where it happens')}
          value={v.place ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Chưa rõ —', '— Not sure —') }, ...props.places.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <Field name="address" label={tr(ctx, 'Địa chỉ, địa điểm cụ thể', 'Address or landmark')} value={v.address} errors={errors} maxLength={300} />
        <Select
          name="unit"
          label={tr(ctx, 'Chuyển đơn vị xử lý', 'Send to unit')}
          hint={tr(ctx, 'Để trống: hệ thống điều phối theo lĩnh vực và địa điểm.', 'Empty: routed by category and place.')}
          value={v.unit ?? ''}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, '— Theo quy tắc điều phối —', '— By the routing rules —') },
            ...props.units.map((u) => ({ value: u.code, label: u.name })),
          ]}
        />
        <fieldset>
          <legend>{tr(ctx, 'Người gọi (không bắt buộc)', 'The caller (optional)')}</legend>
          <Field name="name" label={tr(ctx, 'Họ và tên', 'Name')} value={v.name} errors={errors} maxLength={200} />
          <Field name="phone" label={tr(ctx, 'Số điện thoại', 'Phone')} value={v.phone} errors={errors} type="tel" inputmode="tel" maxLength={30} />
          <Field name="email" label={tr(ctx, 'Thư điện tử', 'E-mail')} value={v.email} errors={errors} type="email" maxLength={254} />
          <Checkbox
            name="consent"
            label={tr(
              ctx,
              'Người gọi đồng ý cho cơ quan dùng họ tên, số điện thoại, thư điện tử để xử lý và trả lời phản ánh này (đã hỏi bằng lời).',
              'The caller agrees that the office uses their name, phone and e-mail to handle and answer this (asked orally).',
            )}
            checked={v.consent === 'on'}
            errors={errors}
          />
        </fieldset>
        <button type="submit">{tr(ctx, 'Tiếp nhận', 'Receive')}</button>
      </form>
    </Layout>
  );
}

async function renderEntry(
  p: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  errors: FormErrors,
  key: string,
  done: string | null,
  status = 200,
) {
  const all = (await listUnits(p.db)).filter((u) => u.merged_into_id === null);
  const [categories] = await Promise.all([listCategories(p.db)]);
  const ctx = pageContext(req, reply);
  return html(
    reply,
    renderPage(
      <EntryPage
        ctx={ctx}
        units={all.filter((u) => req.can(RECEIVE, u.path))}
        places={all.filter((u) => u.kind === 'commune' || u.kind === 'ward')}
        categories={categories}
        values={values}
        errors={errors}
        key_={key}
        done={done}
      />,
    ),
    status,
  );
}

const freshKey = () => `hl-${crypto.randomUUID()}`;

/** Staff routes of feedback. */
export function registerFeedbackStaffPages(app: App, p: Platform): void {
  app.get(STAFF_BASE, { config: { permission: 'signed-in' } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const query: Query = {};
    for (const k of ['unit', 'status', 'channel', 'category', 'late', 'escalated', 'q']) if (str(raw[k])) query[k] = str(raw[k]);
    let unit: UnitRow | null = null;
    if (query.unit) {
      unit = await findUnitByCode(p.db, query.unit);
      if (!unit) throw new AppError('UNIT_NOT_FOUND');
      requireRead(req, unit.path);
    } else if (!mayReadSomewhere(req)) throw new AppError('FORBIDDEN');
    const page = pageOf(raw.page);
    const now = new Date();
    const status = feedbackStatuses.find((s) => s === query.status);
    const [found, units, categories] = await Promise.all([
      searchFeedback(p.db, {
        scopes: readScopes(req),
        unitPath: unit?.path,
        status,
        openOnly: query.status === 'open',
        channel: feedbackChannels.find((c) => c === query.channel) as FeedbackChannel | undefined,
        categoryCode: query.category,
        late: query.late === 'on',
        escalatedToUnitId: query.escalated === 'on' ? (unit?.id ?? -1) : undefined,
        text: query.q,
        now,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      readableUnits(p, req),
      listCategories(p.db, false),
    ]);
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(<ListPage ctx={ctx} units={units} categories={categories} query={query} items={found.rows} total={found.total} page={page} now={now} />),
    );
  });

  app.get(ENTRY, { config: { permission: RECEIVE } }, async (req, reply) => {
    const done = normaliseShortCode(str((req.query as Record<string, unknown>).ma));
    return renderEntry(p, req, reply, {}, {}, freshKey(), done);
  });

  app.post(ENTRY, { config: { permission: RECEIVE } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = cleanForm(body);
    const values: Record<string, string> = {};
    for (const k of entryFields) if (typeof body[k] === 'string') values[k] = (body[k] as string).normalize('NFC');
    if (form.consent) values.consent = 'on';
    const key = typeof form.key === 'string' && /^hl-[0-9a-f-]{36}$/.test(form.key) ? form.key : freshKey();
    try {
      const r = await enterCall(p, req, { ...form, consent: form.consent === 'on' }, key);
      return redirectWithFlash(
        req,
        reply,
        `${ENTRY}?ma=${r.code}`,
        tr(
          req,
          `Đã tiếp nhận phản ánh mã ${r.code}, chuyển ${r.unitName} xử lý, hạn trả lời ${viDate(r.answerDueAt)}.`,
          `Feedback ${r.code} received and sent to ${r.unitName}; answer due ${viDate(r.answerDueAt)}.`,
        ),
      );
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'UNIT_NOT_FOUND') && err.errors.length) {
        return renderEntry(p, req, reply, values, formErrors(err.errors, req.lang), key, null, 400);
      }
      throw err;
    }
  });

  app.get(`${STAFF_BASE}/:code`, { config: { permission: 'signed-in' } }, async (req, reply) => {
    const item = await mustFindForStaff(p, req, (req.params as { code: string }).code);
    return renderDetail(p, req, reply, item);
  });

  app.post(`${STAFF_BASE}/:code/lien-he`, { config: { permission: HANDLE } }, async (req, reply) => {
    const item = await mustFindForStaff(p, req, (req.params as { code: string }).code);
    req.requireOn(HANDLE, item.unit_path);
    const contact = await readFeedbackContact(p.db, req.actor(), item);
    return renderDetail(p, req, reply, item, { contact });
  });

  app.get(`${STAFF_BASE}/:code/tep/:id`, { config: { permission: 'signed-in' } }, async (req, reply) => {
    const params = req.params as { code: string; id: string };
    const item = await mustFindForStaff(p, req, params.code);
    const id = Number.parseInt(params.id, 10);
    const file = Number.isSafeInteger(id) ? await findAttachment(p.db, item.id, id) : null;
    if (!file) throw new AppError('NOT_FOUND');
    const ascii =
      file.name
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/["\\]/g, '_') || 'tep';
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  app.post(`${STAFF_BASE}/:code`, { config: { permission: HANDLE } }, async (req, reply) => {
    const item = await mustFindForStaff(p, req, (req.params as { code: string }).code);
    req.requireOn(HANDLE, item.unit_path);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = cleanForm(body);
    const action = staffActions.find((a) => a === form.action);
    if (!action) {
      return renderDetail(p, req, reply, item, { errors: { action: tr(req, 'Hãy chọn một thao tác', 'Choose an action') }, status: 400 });
    }
    const fields = formFields[action];
    const values: Record<string, string> = {};
    const input: Record<string, string | null> = { version: typeof form.version === 'string' ? form.version : null };
    for (const [apiName, formName] of Object.entries(fields)) {
      const rawValue = typeof body[formName] === 'string' ? (body[formName] as string).normalize('NFC') : '';
      values[formName] = rawValue;
      input[apiName] = typeof form[formName] === 'string' ? (form[formName] as string) : null;
    }
    try {
      await performAction(p, req, item, action, input);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        const errors: FormErrors = {};
        for (const [field, msg] of Object.entries(formErrors(err.errors, req.lang))) errors[fields[field] ?? field] = msg;
        return renderDetail(p, req, reply, item, { values, errors, openAction: action, status: 400 });
      }
      if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'FEEDBACK_ACTION_NOT_ALLOWED')) {
        const fresh = await mustFindForStaff(p, req, item.code);
        const message = err.detail ? err.detail[req.lang] : tr(req, 'Không thực hiện được thao tác', 'The action could not be done');
        return renderDetail(p, req, reply, fresh, { errors: { action: message }, status: 409 });
      }
      throw err;
    }
    return redirectWithFlash(
      req,
      reply,
      `${STAFF_BASE}/${item.code}`,
      tr(req, `Đã ghi: ${staffActionLabels[action].vi}`, `Done: ${staffActionLabels[action].en}`),
    );
  });
}
