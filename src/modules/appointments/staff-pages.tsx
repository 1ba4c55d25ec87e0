/**
 * Staff pages of home appointments (appointments.manage on the unit): the list (open requests first, priority groups
 * first among them, then by time), entering a request that came by phone, e-mail, Zalo or Facebook, a request's page
 * (the citizen's data, audited) with its actions: propose a time, confirm, assign an official or a helper, record the
 * outcome or cancel; the unit's visit length and travel time. Any signed-in person sees the visits assigned to them,
 * records how they went, and gets the secret address of their iCalendar feed.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import type { Text } from '../../platform/i18n/index.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { listUnits, type UnitRow } from '../units/index.ts';
import { loadForStaff, PERMISSION, readScopes, unitFor } from './access.ts';
import { type AssignableRow, listAssignable } from './assignable.ts';
import { type ActionInput, actOnAppointment, appointmentNotFound } from './commands/act-on-appointment.ts';
import { issueFeedToken } from './commands/issue-feed-token.ts';
import { recordAppointmentRead } from './commands/read-appointment.ts';
import { requestAppointment } from './commands/request-appointment.ts';
import { saveAppointmentSettings } from './commands/save-appointment-settings.ts';
import { FEED_BASE } from './public-pages.tsx';
import { type AppointmentRow, type EventRow, hasFeedToken, listAppointmentEvents, listAppointments, listVisitsOf, settingsOf } from './queries.ts';
import {
  type AppointmentAction,
  type AppointmentStatus,
  actionsFor,
  appointmentKinds,
  appointmentStatuses,
  channelLabels,
  kindLabels,
  priorityGroups,
  priorityLabels,
  staffChannels,
  statusLabels,
} from './rules/lifecycle.ts';
import { checkRequest } from './rules/request.ts';
import { describeVisit, type SlotSettings, vietnamLocal } from './rules/slots.ts';

export const STAFF_BASE = '/quan-tri/hen-tai-nha';
export const MINE_PATH = `${STAFF_BASE}/cua-toi`;
const PAGE_SIZE = 30;
type Values = Record<string, string>;
const t = (ctx: { lang: 'vi' | 'en' }, text: Text) => tr(ctx, text.vi, text.en);
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const detailPath = (code: string) => `${STAFF_BASE}/${code}`;
const when = (a: AppointmentRow) => describeVisit(new Date(a.slot_start), new Date(a.slot_end));
const fmtAt = (v: Date | string) => {
  const l = vietnamLocal(new Date(v));
  return `${String(Math.floor(l.minute / 60)).padStart(2, '0')}:${String(l.minute % 60).padStart(2, '0')} ${l.date.split('-').reverse().join('/')}`;
};

/** Units where the viewer handles requests (not merged away), in tree order. */
async function managedUnits(p: Platform, req: FastifyRequest): Promise<UnitRow[]> {
  return (await listUnits(p.db)).filter((u) => u.merged_into_id === null && req.can(PERMISSION, u.path));
}

async function unitOf(p: Platform, req: FastifyRequest, code: string, units: UnitRow[]): Promise<UnitRow> {
  if (code) {
    const unit = await unitFor(p, code);
    req.requireOn(PERMISSION, unit.path);
    return unit;
  }
  const first = units[0];
  if (!first) throw new AppError('FORBIDDEN');
  return first;
}

function StatusTag(props: { ctx: PageContext; status: AppointmentStatus }) {
  const cls =
    props.status === 'confirmed' || props.status === 'done' ? 'published' : props.status === 'cancelled' || props.status === 'absent' ? 'off' : 'draft';
  return <span class={`tag ${cls}`}>{t(props.ctx, statusLabels[props.status])}</span>;
}

function FreeTag(props: { ctx: PageContext; a: AppointmentRow }) {
  if (!props.a.free) return null;
  return <span class="tag published">{tr(props.ctx, 'Ưu tiên · miễn phí', 'Priority · free')}</span>;
}

function SubNav(props: { ctx: PageContext; unit: UnitRow }) {
  const q = `?unit=${encodeURIComponent(props.unit.code)}`;
  return (
    <p class="register-links">
      <a href={`${STAFF_BASE}${q}`}>{tr(props.ctx, 'Danh sách', 'List')}</a> ·{' '}
      <a href={`${STAFF_BASE}/moi${q}`}>{tr(props.ctx, 'Nhập yêu cầu mới', 'Enter a request')}</a> ·{' '}
      <a href={MINE_PATH}>{tr(props.ctx, 'Lịch hẹn của tôi', 'My visits')}</a>
    </p>
  );
}

// ---------- the list ----------

function ListPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  status: string;
  items: AppointmentRow[];
  total: number;
  page: number;
  settings: SlotSettings;
  settingsErrors: FormErrors;
}) {
  const { ctx, unit } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Hẹn tại nhà · ${unit.name}`, `Home visits · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Hẹn tại nhà: ${unit.name}`, `Home visits: ${unit.name}`)} />
      <SubNav ctx={ctx} unit={unit} />
      <form method="get" action={STAFF_BASE} class="filters">
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={unit.code}
          options={props.units.map((u) => ({ value: u.code, label: `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
        />
        <Select
          name="status"
          label={tr(ctx, 'Tình trạng', 'Status')}
          value={props.status}
          options={[
            { value: 'open', label: tr(ctx, 'Đang mở (chưa thực hiện)', 'Open') },
            { value: '', label: tr(ctx, 'Tất cả', 'All') },
            ...appointmentStatuses.map((s) => ({ value: s, label: t(ctx, statusLabels[s]) })),
          ]}
        />
        <button type="submit" class="secondary">
          {tr(ctx, 'Lọc', 'Filter')}
        </button>
      </form>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Không có yêu cầu nào.', 'No requests.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Yêu cầu hẹn tại nhà', 'Home-visit requests')}>
          <table class="appt-list">
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Giờ hẹn', 'Time')}</th>
                <th scope="col">{tr(ctx, 'Người dân', 'Citizen')}</th>
                <th scope="col">{tr(ctx, 'Việc', 'What')}</th>
                <th scope="col">{tr(ctx, 'Tình trạng', 'Status')}</th>
                <th scope="col">{tr(ctx, 'Người đi', 'Assigned')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((a) => (
                <tr key={a.code}>
                  <td>
                    <a href={detailPath(a.code)}>{when(a)}</a>
                  </td>
                  <td>
                    {a.citizen_name} <FreeTag ctx={ctx} a={a} />
                    <br />
                    <span class="muted">{a.address}</span>
                  </td>
                  <td>{t(ctx, kindLabels[a.kind])}</td>
                  <td>
                    <StatusTag ctx={ctx} status={a.status} />
                  </td>
                  <td>{a.assignee_name ?? '—'}</td>
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
        total={props.total}
        base={STAFF_BASE}
        query={{ unit: unit.code, ...(props.status ? { status: props.status } : {}) }}
      />
      <details open={Object.keys(props.settingsErrors).length > 0}>
        <summary>{tr(ctx, 'Thời lượng lượt hẹn và thời gian đi lại', 'Visit length and travel time')}</summary>
        <ErrorSummary ctx={ctx} errors={props.settingsErrors} />
        <form method="post" action={`${STAFF_BASE}/cai-dat`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="unit" value={unit.code} />
          <Field
            name="visitMinutes"
            label={tr(ctx, 'Thời lượng một lượt hẹn (phút)', 'Visit length (minutes)')}
            value={props.settings.visitMinutes}
            errors={props.settingsErrors}
            inputmode="numeric"
            maxLength={3}
          />
          <Field
            name="travelMinutes"
            label={tr(ctx, 'Thời gian đi lại giữa hai lượt hẹn (phút)', 'Travel time between visits (minutes)')}
            value={props.settings.travelMinutes}
            errors={props.settingsErrors}
            inputmode="numeric"
            maxLength={3}
          />
          <button type="submit" class="secondary">
            {tr(ctx, 'Lưu', 'Save')}
          </button>
        </form>
      </details>
    </Layout>
  );
}

// ---------- entering a request ----------

function NewPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; values: Values; errors: FormErrors }) {
  const { ctx, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Nhập yêu cầu hẹn tại nhà', 'Enter a home-visit request')}>
      <PageHeading title={tr(ctx, 'Nhập yêu cầu hẹn tại nhà', 'Enter a home-visit request')} />
      <SubNav ctx={ctx} unit={props.unit} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={STAFF_BASE}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="key" value={v.key ?? ''} />
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={v.unit}
          errors={errors}
          options={props.units.map((u) => ({ value: u.code, label: u.name }))}
        />
        <Select
          name="channel"
          label={tr(ctx, 'Người dân liên hệ qua', 'Came by')}
          value={v.channel}
          errors={errors}
          options={staffChannels.map((c) => ({ value: c, label: t(ctx, channelLabels[c]) }))}
        />
        <Select
          name="kind"
          label={tr(ctx, 'Việc cần làm tại nhà', 'What is needed')}
          value={v.kind}
          errors={errors}
          options={appointmentKinds.map((k) => ({ value: k, label: t(ctx, kindLabels[k]) }))}
        />
        <Field name="date" type="date" label={tr(ctx, 'Ngày hẹn', 'Date')} value={v.date} errors={errors} />
        <Field name="time" type="time" label={tr(ctx, 'Giờ hẹn', 'Time')} hint="HH:MM" value={v.time} errors={errors} />
        <Field name="name" label={tr(ctx, 'Họ và tên', 'Full name')} value={v.name} errors={errors} maxLength={200} />
        <Field name="phone" type="tel" label={tr(ctx, 'Số điện thoại', 'Phone')} value={v.phone} errors={errors} maxLength={30} />
        <Field name="email" type="email" label={tr(ctx, 'Thư điện tử (không bắt buộc)', 'E-mail (optional)')} value={v.email} errors={errors} maxLength={254} />
        <Field name="address" label={tr(ctx, 'Địa chỉ nhà', 'Home address')} value={v.address} errors={errors} maxLength={300} />
        <Select
          name="priority"
          label={tr(ctx, 'Đối tượng ưu tiên', 'Priority group')}
          value={v.priority}
          errors={errors}
          options={[{ value: '', label: tr(ctx, 'Không', 'None') }, ...priorityGroups.map((g) => ({ value: g, label: t(ctx, priorityLabels[g]) }))]}
        />
        <Field name="procedure" label={tr(ctx, 'Thủ tục (tên hoặc mã)', 'Procedure (name or code)')} value={v.procedure} errors={errors} maxLength={300} />
        <Field name="dossierCode" label={tr(ctx, 'Mã hồ sơ', 'Dossier code')} value={v.dossierCode} errors={errors} maxLength={70} />
        <TextArea name="need" label={tr(ctx, 'Nội dung cần hỗ trợ', 'What is needed')} value={v.need} errors={errors} rows={3} />
        <Checkbox
          name="consent"
          checked={v.consent === 'on'}
          errors={errors}
          label={tr(
            ctx,
            'Người dân đã đồng ý cho cơ quan dùng thông tin trên để sắp xếp và thực hiện lịch hẹn tại nhà',
            'The citizen agreed that the office uses this information to arrange and carry out the visit',
          )}
        />
        <button type="submit">{tr(ctx, 'Lưu yêu cầu', 'Save the request')}</button>
      </form>
    </Layout>
  );
}

// ---------- one request ----------

const eventText: Record<string, Text> = {
  requested: { vi: 'Tiếp nhận yêu cầu', en: 'Requested' },
  proposed: { vi: 'Đề xuất giờ hẹn', en: 'Time proposed' },
  confirmed: { vi: 'Xác nhận lịch hẹn', en: 'Confirmed' },
  assigned: { vi: 'Phân công người đi', en: 'Assigned' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
  absent: { vi: 'Người dân vắng nhà', en: 'Citizen absent' },
  cancelled: { vi: 'Hủy lịch hẹn', en: 'Cancelled' },
};

function DetailPage(props: { ctx: PageContext; a: AppointmentRow; events: EventRow[]; people: AssignableRow[]; values: Values; errors: FormErrors }) {
  const { ctx, a, values: v, errors } = props;
  const actions = actionsFor(a.status);
  const has = (x: AppointmentAction) => actions.includes(x);
  const post = (x: string) => `${detailPath(a.code)}/${x}`;
  const Version = () => <input type="hidden" name="version" value={String(a.version)} />;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Lịch hẹn ${a.code}`, `Appointment ${a.code}`)}>
      <p class="muted">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(a.unit_code)}`}>{tr(ctx, '← Danh sách hẹn tại nhà', '← Home visits')}</a>
      </p>
      <PageHeading title={tr(ctx, `Lịch hẹn ${a.code}`, `Appointment ${a.code}`)} />
      <p>
        <StatusTag ctx={ctx} status={a.status} /> <FreeTag ctx={ctx} a={a} />
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{tr(ctx, 'Việc', 'What')}</dt>
        <dd>{t(ctx, kindLabels[a.kind])}</dd>
        <dt>{tr(ctx, 'Giờ hẹn', 'Time')}</dt>
        <dd class="appt-when">{when(a)}</dd>
        <dt>{tr(ctx, 'Người dân', 'Citizen')}</dt>
        <dd>{a.citizen_name}</dd>
        <dt>{tr(ctx, 'Điện thoại', 'Phone')}</dt>
        <dd>
          <a href={`tel:${a.citizen_phone}`}>{a.citizen_phone}</a>
        </dd>
        {a.citizen_email && (
          <>
            <dt>{tr(ctx, 'Thư điện tử', 'E-mail')}</dt>
            <dd>{a.citizen_email}</dd>
          </>
        )}
        <dt>{tr(ctx, 'Địa chỉ', 'Address')}</dt>
        <dd>{a.address}</dd>
        <dt>{tr(ctx, 'Đối tượng ưu tiên', 'Priority group')}</dt>
        <dd>{a.priority_group ? `${t(ctx, priorityLabels[a.priority_group])} · ${tr(ctx, 'miễn phí', 'free of charge')}` : tr(ctx, 'Không', 'None')}</dd>
        <dt>{tr(ctx, 'Kênh', 'Channel')}</dt>
        <dd>{t(ctx, channelLabels[a.channel])}</dd>
        {a.procedure_text && (
          <>
            <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
            <dd>{a.procedure_text}</dd>
          </>
        )}
        {a.dossier_code && (
          <>
            <dt>{tr(ctx, 'Hồ sơ', 'Dossier')}</dt>
            <dd>{a.dossier_code}</dd>
          </>
        )}
        {a.need && (
          <>
            <dt>{tr(ctx, 'Nội dung', 'Need')}</dt>
            <dd class="qa-text">{a.need}</dd>
          </>
        )}
        <dt>{tr(ctx, 'Người đi', 'Assigned to')}</dt>
        <dd class="appt-assignee">{a.assignee_name ?? tr(ctx, 'Chưa phân công', 'Nobody yet')}</dd>
        {a.visited_by && (
          <>
            <dt>{tr(ctx, 'Đã đến nhà', 'Visited')}</dt>
            <dd>{`${a.visited_by} · ${a.visited_at ? fmtAt(a.visited_at) : ''}`}</dd>
          </>
        )}
        {a.outcome_note && (
          <>
            <dt>{tr(ctx, 'Ghi chú kết quả', 'Outcome note')}</dt>
            <dd class="qa-text">{a.outcome_note}</dd>
          </>
        )}
        {a.cancel_reason && (
          <>
            <dt>{tr(ctx, 'Lý do hủy', 'Reason')}</dt>
            <dd>{a.cancel_reason}</dd>
          </>
        )}
      </dl>

      {has('confirm') && (
        <section aria-labelledby="h-confirm">
          <h2 id="h-confirm">{tr(ctx, 'Xác nhận lịch hẹn', 'Confirm')}</h2>
          <p>
            {tr(
              ctx,
              'Đã gọi điện thống nhất với người dân? Xác nhận sẽ gửi tin nhắn xác nhận và hẹn nhắc lịch lúc 16:00 ngày hôm trước.',
              'Agreed with the citizen by phone? Confirming sends the confirmation and queues the reminder for 16:00 the day before.',
            )}
          </p>
          <form method="post" action={post('confirm')}>
            <CsrfField ctx={ctx} />
            <Version />
            <button type="submit">{tr(ctx, `Xác nhận ${when(a)}`, `Confirm ${when(a)}`)}</button>
          </form>
        </section>
      )}
      {has('assign') && (
        <section aria-labelledby="h-assign">
          <h2 id="h-assign">{tr(ctx, 'Phân công người đi', 'Assign')}</h2>
          <form method="post" action={post('assign')}>
            <CsrfField ctx={ctx} />
            <Version />
            <Select
              name="assignee"
              label={tr(ctx, 'Cán bộ hoặc tình nguyện viên', 'Official or helper')}
              value={v.assignee ?? a.assignee_username ?? ''}
              errors={errors}
              options={[
                { value: '', label: tr(ctx, '— Chọn người —', '— Choose —') },
                ...props.people.map((u) => ({
                  value: u.username,
                  label: `${u.full_name}${u.role === 'support_volunteer' ? tr(ctx, ' (tình nguyện viên)', ' (helper)') : ''}`,
                })),
              ]}
            />
            <button type="submit" class="secondary">
              {tr(ctx, 'Phân công', 'Assign')}
            </button>
          </form>
        </section>
      )}
      {has('propose') && (
        <section aria-labelledby="h-propose">
          <h2 id="h-propose">{tr(ctx, 'Đề xuất giờ khác', 'Propose another time')}</h2>
          <form method="post" action={post('propose')}>
            <CsrfField ctx={ctx} />
            <Version />
            <Field name="date" type="date" label={tr(ctx, 'Ngày', 'Date')} value={v.date} errors={errors} />
            <Field name="time" type="time" label={tr(ctx, 'Giờ', 'Time')} hint="HH:MM" value={v.time} errors={errors} />
            <button type="submit" class="secondary">
              {tr(ctx, 'Đề xuất và báo người dân', 'Propose and tell the citizen')}
            </button>
          </form>
        </section>
      )}
      {has('done') && (
        <section aria-labelledby="h-outcome">
          <h2 id="h-outcome">{tr(ctx, 'Ghi nhận kết quả', 'Record the outcome')}</h2>
          <OutcomeForm ctx={ctx} a={a} action={post('ket-qua')} values={v} errors={errors} />
        </section>
      )}
      {has('cancel') && (
        <section aria-labelledby="h-cancel">
          <h2 id="h-cancel">{tr(ctx, 'Hủy lịch hẹn', 'Cancel')}</h2>
          <form method="post" action={post('cancel')}>
            <CsrfField ctx={ctx} />
            <Version />
            <Field
              name="reason"
              label={tr(ctx, 'Lý do (báo cho người dân)', 'Reason (told to the citizen)')}
              value={v.reason}
              errors={errors}
              maxLength={1000}
            />
            <button type="submit" class="danger">
              {tr(ctx, 'Hủy lịch hẹn', 'Cancel the visit')}
            </button>
          </form>
        </section>
      )}

      <h2>{tr(ctx, 'Diễn biến', 'Timeline')}</h2>
      <ol class="timeline">
        {props.events.map((e) => (
          <li key={e.id}>
            <strong>{fmtAt(e.at)}</strong> · {t(ctx, eventText[e.action] ?? { vi: e.action, en: e.action })} · {e.actor_name ?? e.actor_label}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

function OutcomeForm(props: { ctx: PageContext; a: AppointmentRow; action: string; values: Values; errors: FormErrors }) {
  const { ctx, a, values: v, errors } = props;
  const start = vietnamLocal(new Date(a.slot_start));
  const hm = `${String(Math.floor(start.minute / 60)).padStart(2, '0')}:${String(start.minute % 60).padStart(2, '0')}`;
  return (
    <form method="post" action={props.action}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(a.version)} />
      <Select
        name="outcome"
        label={tr(ctx, 'Kết quả', 'Outcome')}
        value={v.outcome ?? 'done'}
        errors={errors}
        options={[
          { value: 'done', label: tr(ctx, 'Đã thực hiện', 'Done') },
          { value: 'absent', label: tr(ctx, 'Người dân vắng nhà', 'Citizen absent') },
        ]}
      />
      <Field name="visitedBy" label={tr(ctx, 'Người đã đến nhà', 'Who went')} value={v.visitedBy ?? a.assignee_name ?? ''} errors={errors} maxLength={300} />
      <Field name="visitedDate" type="date" label={tr(ctx, 'Ngày đến', 'Date')} value={v.visitedDate ?? start.date} errors={errors} />
      <Field name="visitedTime" type="time" label={tr(ctx, 'Giờ đến', 'Time')} value={v.visitedTime ?? hm} errors={errors} />
      {a.kind === 'pickup' && (
        <Field
          name="dossierCode"
          label={tr(ctx, 'Mã hồ sơ đã tiếp nhận (nếu có)', 'Code of the dossier received (if any)')}
          value={v.dossierCode ?? a.dossier_code ?? ''}
          errors={errors}
          maxLength={70}
        />
      )}
      <TextArea name="note" label={tr(ctx, 'Ghi chú', 'Note')} value={v.note} errors={errors} rows={2} />
      <button type="submit">{tr(ctx, 'Ghi nhận', 'Record')}</button>
    </form>
  );
}

// ---------- the visits of the signed-in person ----------

function MinePage(props: { ctx: PageContext; items: AppointmentRow[]; hasFeed: boolean; feedUrl: string | null; errors: FormErrors }) {
  const { ctx, items } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Lịch hẹn tại nhà của tôi', 'My home visits')}>
      <PageHeading title={tr(ctx, 'Lịch hẹn tại nhà của tôi', 'My home visits')} />
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có lượt hẹn nào được phân công cho ông/bà.', 'No visit is assigned to you.')}</p>
      ) : (
        <ul class="appt-mine">
          {items.map((a) => (
            <li key={a.code}>
              <h2>
                {when(a)} <StatusTag ctx={ctx} status={a.status} /> <FreeTag ctx={ctx} a={a} />
              </h2>
              <p>
                {t(ctx, kindLabels[a.kind])} · {a.citizen_name} · <a href={`tel:${a.citizen_phone}`}>{a.citizen_phone}</a>
                <br />
                {a.address}
              </p>
              {a.status === 'confirmed' && (
                <details>
                  <summary>{tr(ctx, 'Ghi nhận kết quả', 'Record the outcome')}</summary>
                  <OutcomeForm ctx={ctx} a={a} action={`${MINE_PATH}/${a.code}/ket-qua`} values={{}} errors={{}} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{tr(ctx, 'Lịch trên điện thoại (iCalendar)', 'Calendar on your phone (iCalendar)')}</h2>
      {props.feedUrl ? (
        <div role="status">
          <p>
            {tr(
              ctx,
              'Địa chỉ lịch riêng của ông/bà (chỉ hiện một lần; giữ bí mật vì lịch có thông tin của người dân):',
              'Your private calendar address (shown once; keep it secret: it holds citizens’ details):',
            )}
          </p>
          <p>
            <code class="appt-feed">{props.feedUrl}</code>
          </p>
        </div>
      ) : (
        <p>
          {props.hasFeed
            ? tr(
                ctx,
                'Ông/bà đã có địa chỉ lịch. Tạo địa chỉ mới thì địa chỉ cũ thôi hoạt động.',
                'You have a calendar address. A new one disables the old one.',
              )
            : tr(
                ctx,
                'Thêm các lượt hẹn vào lịch của điện thoại bằng một địa chỉ lịch riêng.',
                'Add your visits to your phone’s calendar with a private address.',
              )}
        </p>
      )}
      <form method="post" action={`${MINE_PATH}/lich`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="secondary">
          {props.hasFeed || props.feedUrl
            ? tr(ctx, 'Tạo địa chỉ lịch mới', 'New calendar address')
            : tr(ctx, 'Tạo địa chỉ lịch', 'Create the calendar address')}
        </button>
      </form>
    </Layout>
  );
}

/** The fields of an action form, as the command takes them. */
function actionInput(form: Record<string, unknown>): ActionInput {
  const s = (k: string, max = 1000) => (typeof form[k] === 'string' ? (form[k] as string).slice(0, max) : undefined);
  const version = Number(s('version', 12));
  return {
    version: Number.isInteger(version) && version > 0 ? version : undefined,
    date: s('date', 20),
    time: s('time', 10),
    assignee: s('assignee', 64),
    visitedBy: s('visitedBy', 400),
    visitedDate: s('visitedDate', 20),
    visitedTime: s('visitedTime', 10),
    dossierCode: s('dossierCode', 80),
    note: s('note', 2100),
    reason: s('reason', 1100),
  };
}

const actionSlugs: Record<string, AppointmentAction | 'outcome'> = {
  propose: 'propose',
  confirm: 'confirm',
  assign: 'assign',
  cancel: 'cancel',
  'ket-qua': 'outcome',
};

const flashOf: Record<AppointmentAction, Text> = {
  propose: { vi: 'Đã đề xuất giờ hẹn và báo cho người dân.', en: 'Time proposed; the citizen is told.' },
  confirm: { vi: 'Đã xác nhận lịch hẹn; tin nhắn xác nhận và nhắc lịch đã được xếp gửi.', en: 'Confirmed; the confirmation and the reminder are queued.' },
  assign: { vi: 'Đã phân công người đi.', en: 'Assigned.' },
  done: { vi: 'Đã ghi nhận đã thực hiện.', en: 'Recorded as done.' },
  absent: { vi: 'Đã ghi nhận người dân vắng nhà.', en: 'Recorded: citizen absent.' },
  cancel: { vi: 'Đã hủy lịch hẹn và báo cho người dân.', en: 'Cancelled; the citizen is told.' },
};

export function registerAppointmentsStaffPages(app: App, p: Platform): void {
  const cfg = { config: { permission: PERMISSION } };
  const mine = { config: { permission: 'signed-in' } };

  const renderDetail = async (req: FastifyRequest, reply: FastifyReply, a: AppointmentRow, values: Values, errors: FormErrors, status = 200) => {
    const [events, people] = await Promise.all([listAppointmentEvents(p.db, a.id), listAssignable(p.db, a.unit_id)]);
    await recordAppointmentRead(p.db, req.actor(), a, 'page');
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<DetailPage ctx={ctx} a={a} events={events} people={people} values={values} errors={errors} />), status);
  };

  const renderList = async (
    req: FastifyRequest,
    reply: FastifyReply,
    unitCode: string,
    status: string,
    page: number,
    settingsErrors: FormErrors = {},
    code = 200,
  ) => {
    const units = await managedUnits(p, req);
    const unit = await unitOf(p, req, unitCode, units);
    const wanted = status === 'open' || (appointmentStatuses as readonly string[]).includes(status) ? (status as AppointmentStatus | 'open') : undefined;
    const [found, settings] = await Promise.all([
      listAppointments(p.db, { scopes: readScopes(req), unitPath: unit.path, status: wanted, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      settingsOf(p.db, unit.id),
    ]);
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <ListPage
          ctx={ctx}
          unit={unit}
          units={units}
          status={wanted ?? ''}
          items={found.rows}
          total={found.total}
          page={page}
          settings={settings}
          settingsErrors={settingsErrors}
        />,
      ),
      code,
    );
  };

  app.get(STAFF_BASE, cfg, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const status = q.status === undefined ? 'open' : str(q.status, 20);
    const page = Math.min(10_000, Math.max(1, Number.parseInt(str(q.page, 6), 10) || 1));
    return renderList(req, reply, str(q.unit, 64), status, page);
  });

  app.post(`${STAFF_BASE}/cai-dat`, cfg, async (req, reply) => {
    const form = cleanForm(req.body);
    const unit = await unitFor(p, str(form.unit, 64));
    req.requireOn(PERMISSION, unit.path);
    try {
      await saveAppointmentSettings(p.db, req.actor(), unit, form);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED')
        return renderList(req, reply, unit.code, 'open', 1, formErrors(err.errors, req.lang), 400);
      throw err;
    }
    return redirectWithFlash(req, reply, `${STAFF_BASE}?unit=${encodeURIComponent(unit.code)}`, tr(req, 'Đã lưu.', 'Saved.'));
  });

  app.get(`${STAFF_BASE}/moi`, cfg, async (req, reply) => {
    const units = await managedUnits(p, req);
    const unit = await unitOf(p, req, str((req.query as Record<string, unknown>)?.unit, 64), units);
    const values: Values = { unit: unit.code, channel: 'phone', kind: 'guidance', key: randomUUID() };
    return html(reply, renderPage(<NewPage ctx={pageContext(req, reply)} unit={unit} units={units} values={values} errors={{}} />));
  });

  app.post(STAFF_BASE, cfg, async (req, reply) => {
    const form = cleanForm(req.body);
    const values: Values = {};
    for (const [k, v] of Object.entries(form)) if (typeof v === 'string') values[k] = v.slice(0, 2100);
    const units = await managedUnits(p, req);
    const unit = await unitFor(p, values.unit ?? '');
    req.requireOn(PERMISSION, unit.path);
    const again = (errors: FormErrors, status: number) =>
      html(reply, renderPage(<NewPage ctx={pageContext(req, reply)} unit={unit} units={units} values={values} errors={errors} />), status);
    const checked = checkRequest(form, staffChannels);
    if (!checked.ok) return again(formErrors(checked.errors, req.lang), 400);
    const key = /^[A-Za-z0-9_-]{8,200}$/.test(values.key ?? '') ? (values.key as string) : null;
    try {
      const { appointment } = await requestAppointment(p.db, req.actor(), checked.value, { idempotencyKey: key, now: new Date() });
      return redirectWithFlash(req, reply, detailPath(appointment.code), tr(req, `Đã lưu yêu cầu ${appointment.code}.`, `Request ${appointment.code} saved.`));
    } catch (err) {
      if (err instanceof AppError && err.errors.length) return again(formErrors(err.errors, req.lang), err.status);
      throw err;
    }
  });

  app.get(MINE_PATH, mine, async (req, reply) => {
    const principal = req.principal;
    const userId = principal?.kind === 'user' ? principal.userId : null;
    const items = userId ? await listVisitsOf(p.db, userId, new Date(Date.now() - 7 * 86_400_000), 200) : [];
    const hasFeed = userId ? await hasFeedToken(p.db, userId) : false;
    return html(reply, renderPage(<MinePage ctx={pageContext(req, reply)} items={items} hasFeed={hasFeed} feedUrl={null} errors={{}} />));
  });

  app.post(`${MINE_PATH}/lich`, mine, async (req, reply) => {
    const principal = req.principal;
    if (principal?.kind !== 'user') throw new AppError('FORBIDDEN');
    const token = await issueFeedToken(p.db, req.actor(), principal.userId);
    const items = await listVisitsOf(p.db, principal.userId, new Date(Date.now() - 7 * 86_400_000), 200);
    const feedUrl = `${p.config.publicUrl}${FEED_BASE}/${token}.ics`;
    return html(reply, renderPage(<MinePage ctx={pageContext(req, reply)} items={items} hasFeed feedUrl={feedUrl} errors={{}} />));
  });

  // The person assigned records how their own visit went; anyone else gets the same 404 as for a code that does not exist.
  app.post(`${MINE_PATH}/:code/ket-qua`, mine, async (req, reply) => {
    const principal = req.principal;
    const userId = principal?.kind === 'user' ? principal.userId : null;
    const form = cleanForm(req.body);
    const outcome = form.outcome === 'absent' ? 'absent' : 'done';
    try {
      await actOnAppointment(
        p.db,
        req.actor(),
        str((req.params as { code: string }).code, 40).toUpperCase(),
        outcome,
        actionInput(form),
        { now: new Date(), publicUrl: p.config.publicUrl },
        (a) => {
          if (userId === null || a.assignee_user_id !== userId) throw appointmentNotFound();
        },
      );
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 404) {
        const items = userId ? await listVisitsOf(p.db, userId, new Date(Date.now() - 7 * 86_400_000), 200) : [];
        const errors = err.errors.length ? formErrors(err.errors, req.lang) : { form: err.detail?.[req.lang] ?? err.code };
        return html(reply, renderPage(<MinePage ctx={pageContext(req, reply)} items={items} hasFeed={false} feedUrl={null} errors={errors} />), err.status);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, MINE_PATH, t(req, flashOf[outcome]));
  });

  app.get(`${STAFF_BASE}/:code`, cfg, async (req, reply) => {
    const a = await loadForStaff(p, req, (req.params as { code: string }).code);
    return renderDetail(req, reply, a, {}, {});
  });

  app.post(`${STAFF_BASE}/:code/:action`, cfg, async (req, reply) => {
    const params = req.params as { code: string; action: string };
    const slug = actionSlugs[params.action];
    if (!slug) throw new AppError('NOT_FOUND');
    const a = await loadForStaff(p, req, params.code);
    const form = cleanForm(req.body);
    const values: Values = {};
    for (const [k, v] of Object.entries(form)) if (typeof v === 'string') values[k] = v.slice(0, 2100);
    const action: AppointmentAction = slug === 'outcome' ? (form.outcome === 'absent' ? 'absent' : 'done') : slug;
    try {
      await actOnAppointment(p.db, req.actor(), a.code, action, actionInput(form), { now: new Date(), publicUrl: p.config.publicUrl }, (row) =>
        req.requireOn(PERMISSION, row.unit_path),
      );
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 403 && err.status !== 404) {
        const fresh = await loadForStaff(p, req, a.code);
        const errors = err.errors.length ? formErrors(err.errors, req.lang) : { form: err.detail?.[req.lang] ?? err.code };
        return renderDetail(req, reply, fresh, values, errors, err.status);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, detailPath(a.code), t(req, flashOf[action]));
  });
}
