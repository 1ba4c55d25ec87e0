import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findVersionInForce } from '../procedures/index.ts';
import { findUnitById, type UnitRow } from '../units/index.ts';
import { loadDetails, mustFindDossier, requireOnDossier } from './access.ts';
import { actionBodies, mustFindUnit, rateByCitizen, readUpload, receiveOnce, trackDossier, unitsToList } from './api.ts';
import { dossierClock } from './clock.ts';
import { type ActionInput, actOnDossier } from './commands/act-on-dossier.ts';
import { attachFile } from './commands/attach-file.ts';
import { recordDossierRead } from './commands/read-dossier.ts';
import { DossierPolicyFacts, loadDeskWarnings, loadDossierPolicy, loadPolicyNote, type PolicyNote, PolicyNotice, WarningsSection } from './policy-pages.tsx';
import type { DossierDetails, presentTracking } from './present.ts';
import { type DossierRow, listDossiers } from './queries.ts';
import { actionRules, type DossierAction, dossierActions, isLate, statusLabels } from './rules/lifecycle.ts';
import { vietnamDay } from './rules/pauses.ts';
import { type Urgency, urgencyLabels, urgencyOf, urgencyOrder } from './rules/urgency.ts';
import { channelLabels, channels, RatingBody, ReceiveBody, ratingLabels, ratings, returnChannels } from './schema.ts';
import { RegisterLinks, SlipLinks } from './slip-links.tsx';
import { TrackingLookupForm, TrackingNotFound } from './tracking-form.tsx';

const BASE = '/mot-cua';

const fmtDate = (iso: string) => iso.split('-').reverse().join('/');
const fmtMoment = (m: Date | string) => {
  const local = new Date(new Date(m).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${fmtDate(local.slice(0, 10))}`;
};
const label = (ctx: PageContext, t: { vi: string; en: string }) => tr(ctx, t.vi, t.en);

/** The unit a desk page is about: `?unit=`, else the first unit where the caller may read dossiers. */
async function deskUnit(p: Platform, req: FastifyRequest): Promise<UnitRow> {
  const code = (req.query as Record<string, string | undefined>).unit;
  if (code) {
    const unit = await mustFindUnit(p.db, code);
    req.requireOn('dossiers.read', unit.path);
    return unit;
  }
  const grant = req.principal?.kind === 'user' ? req.principal.grants.find((g) => req.can('dossiers.read', g.unitPath)) : undefined;
  const unit = grant ? await findUnitById(p.db, grant.unitId) : null;
  if (!unit) throw new AppError('FORBIDDEN');
  return unit;
}

function DeskNav(props: { ctx: PageContext; unit: UnitRow }) {
  const q = `?unit=${props.unit.code}`;
  return (
    <nav class="actions" aria-label={tr(props.ctx, 'Bộ phận Một cửa', 'One-stop desk')}>
      <a href={`${BASE}${q}`}>{tr(props.ctx, 'Hàng chờ hôm nay', 'Today’s queue')}</a> ·{' '}
      {props.ctx.can('dossiers.receive') && (
        <>
          <a href={`${BASE}/ho-so/moi${q}`}>{tr(props.ctx, 'Tiếp nhận hồ sơ mới', 'New dossier')}</a> ·{' '}
        </>
      )}
      <a href={`${BASE}/cua-toi`}>{tr(props.ctx, 'Hồ sơ của tôi', 'My dossiers')}</a> ·{' '}
      <a href={`${BASE}/qua-han${q}`}>{tr(props.ctx, 'Hồ sơ quá hạn', 'Overdue')}</a> · <a href="/tra-cuu">{tr(props.ctx, 'Tra cứu', 'Tracking')}</a>
    </nav>
  );
}

function DossierTable(props: { ctx: PageContext; rows: DossierRow[]; now: Date; urgency?: Map<string, Urgency> }) {
  const { ctx } = props;
  if (props.rows.length === 0) return <p class="muted">{tr(ctx, 'Không có hồ sơ nào.', 'No dossiers.')}</p>;
  return (
    <TableWrap label={tr(ctx, 'Danh sách hồ sơ', 'Dossiers')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{tr(ctx, 'Mã hồ sơ', 'Code')}</th>
            <th scope="col">{tr(ctx, 'Người nộp', 'Applicant')}</th>
            <th scope="col">{tr(ctx, 'Thủ tục', 'Procedure')}</th>
            <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
            <th scope="col">{tr(ctx, 'Hẹn trả', 'Due')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((d) => {
            const u = props.urgency?.get(d.code);
            const late = isLate({ status: d.status, dueAt: new Date(d.due_at) }, props.now);
            return (
              <tr key={d.code}>
                <td>
                  <a href={`${BASE}/ho-so/${d.code}`}>{d.code}</a>
                </td>
                <td>{d.applicant_name}</td>
                <td>{d.procedure_name}</td>
                <td>
                  {label(ctx, statusLabels[d.status])}
                  {u && <span class={`tag ${u}`}> {label(ctx, urgencyLabels[u])}</span>}
                </td>
                <td>
                  {fmtDate(d.due_date)}
                  {late && !u && <span class="tag late"> {tr(ctx, 'Quá hạn', 'Late')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

type Values = Record<string, string | string[] | undefined>;

function actionFields(ctx: PageContext, action: DossierAction, values: Values, errors: FormErrors) {
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  switch (action) {
    case 'refuse':
      return (
        <TextArea
          name="reason"
          label={tr(ctx, 'Lý do từ chối (gửi người nộp)', 'Reason (sent to the applicant)')}
          value={v('reason')}
          errors={errors}
          rows={2}
          required
        />
      );
    case 'withdraw':
    case 'stop':
      return <TextArea name="reason" label={tr(ctx, 'Lý do', 'Reason')} value={v('reason')} errors={errors} rows={2} required />;
    case 'request_supplement':
      return (
        <TextArea
          name="missing"
          label={tr(ctx, 'Nội dung cần bổ sung, hoàn thiện', 'What is missing')}
          value={v('missing')}
          errors={errors}
          rows={2}
          required
        />
      );
    case 'start_processing':
    case 'hand_over':
      return (
        <>
          <Field
            name="toUnit"
            label={tr(ctx, 'Mã đơn vị xử lý (để trống: đơn vị hiện tại)', 'Processing unit code (blank: current)')}
            value={v('toUnit')}
            errors={errors}
          />
          <Field name="assignee" label={tr(ctx, 'Tên đăng nhập cán bộ xử lý', 'Specialist’s username')} value={v('assignee')} errors={errors} />
        </>
      );
    case 'return_result':
      return (
        <Select
          name="returnChannel"
          label={tr(ctx, 'Hình thức trả kết quả', 'Return channel')}
          value={v('returnChannel') ?? 'desk'}
          errors={errors}
          options={returnChannels.map((c) => ({ value: c, label: label(ctx, channelLabels[c]) }))}
        />
      );
    case 'extend':
      return (
        <>
          <Field name="newDueDate" type="date" label={tr(ctx, 'Ngày hẹn trả mới', 'New due date')} value={v('newDueDate')} errors={errors} required />
          <TextArea
            name="reason"
            label={tr(ctx, 'Lý do chậm (nội dung văn bản xin lỗi)', 'Reason for the delay')}
            value={v('reason')}
            errors={errors}
            rows={2}
            required
          />
        </>
      );
    default:
      return null;
  }
}

function DossierPage(props: {
  ctx: PageContext;
  d: DossierRow;
  x: DossierDetails;
  now: Date;
  failed?: { action: string; errors: FormErrors; values: Values; message?: string };
  policy?: Awaited<ReturnType<typeof loadDossierPolicy>>;
}) {
  const { ctx, d, x, failed } = props;
  const late = isLate({ status: d.status, dueAt: new Date(d.due_at) }, props.now);
  return (
    <Layout ctx={ctx} title={`${tr(ctx, 'Hồ sơ', 'Dossier')} ${d.code}`}>
      <PageHeading title={`${tr(ctx, 'Hồ sơ', 'Dossier')} ${d.code}`} />
      {failed?.message && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{tr(ctx, 'Chưa thực hiện được', 'Not done')}</h2>
          <p>{failed.message}</p>
        </div>
      )}
      <dl class="facts">
        <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
        <dd>
          {label(ctx, statusLabels[d.status])}
          {late && <span class="tag late"> {tr(ctx, 'Quá hạn: cần văn bản xin lỗi và gia hạn', 'Late: an apology and extension is needed')}</span>}
        </dd>
        <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
        <dd>
          {d.procedure_name} ({d.procedure_code}, {tr(ctx, 'phiên bản', 'version')} {d.procedure_version})
        </dd>
        <dt>{tr(ctx, 'Người nộp', 'Applicant')}</dt>
        <dd>
          {d.applicant_name}
          {d.applicant_id_number && ` · ${d.applicant_id_number}`}
          {d.applicant_phone && ` · ${d.applicant_phone}`}
        </dd>
        <dt>{tr(ctx, 'Tiếp nhận', 'Received')}</dt>
        <dd>
          {fmtMoment(d.received_at)} · {d.unit_name} · {label(ctx, channelLabels[d.channel])}
        </dd>
        <dt>{tr(ctx, 'Hẹn trả kết quả', 'Appointment')}</dt>
        <dd>
          {fmtMoment(d.due_at)}
          {d.paused_working_days > 0 &&
            ` · ${tr(ctx, 'đã lùi', 'moved by')} ${d.paused_working_days} ${tr(ctx, 'ngày làm việc do chờ bổ sung', 'working days for supplements')}`}
          {d.extension_count > 0 && ` · ${tr(ctx, 'gia hạn', 'extended')} ${d.extension_count} ${tr(ctx, 'lần', 'time(s)')}`}
        </dd>
        <dt>{tr(ctx, 'Đang xử lý tại', 'Processing at')}</dt>
        <dd>
          {d.processing_unit_name ?? '—'}
          {d.assignee_name && ` · ${d.assignee_name}`}
        </dd>
        <dt>{tr(ctx, 'Thành phần hồ sơ', 'Documents')}</dt>
        <dd>{(d.documents ?? []).join('; ') || '—'}</dd>
        <DossierPolicyFacts ctx={ctx} policy={props.policy ?? null} />
      </dl>

      <SlipLinks ctx={ctx} d={d} x={x} />
      {ctx.can('payments.collect') && (
        <p>
          <a href={`${BASE}/ho-so/${d.code}/thanh-toan`}>{tr(ctx, 'Phí, lệ phí và mã QR thanh toán', 'Fees and payment QR codes')}</a>
        </p>
      )}
      <p>
        <a href={`${BASE}/ho-so/${d.code}/buu-dien`}>{tr(ctx, 'Gửi qua bưu điện, theo dõi bưu gửi', 'By post: hand over and track')}</a>
      </p>

      {(d.status === 'returned' || d.status === 'closed') && !x.rating && (
        <p>
          <a class="button secondary" href={`/tra-cuu?ma=${encodeURIComponent(d.code)}`}>
            {tr(ctx, 'Mời người dân đánh giá (mở trên máy tính bảng tại quầy)', 'Ask the citizen to rate (open on the desk tablet)')}
          </a>
        </p>
      )}

      <h2>{tr(ctx, 'Thao tác', 'Actions')}</h2>
      {x.allowed.length === 0 && <p class="muted">{tr(ctx, 'Bạn không có thao tác nào với hồ sơ ở trạng thái này.', 'No actions for you at this status.')}</p>}
      {x.allowed.map((a) => {
        const rule = actionRules[a];
        const mine = failed?.action === a;
        const errors = mine ? failed.errors : {};
        const values = mine ? failed.values : {};
        return (
          <details key={a} open={mine}>
            <summary>{label(ctx, rule.label)}</summary>
            <form method="post" action={`${BASE}/ho-so/${d.code}/${rule.slug}`} novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(d.version)} />
              <ErrorSummary ctx={ctx} errors={errors} />
              {actionFields(ctx, a, values, errors)}
              <TextArea name="note" label={tr(ctx, 'Ghi chú nội bộ', 'Internal note')} value={values.note as string | undefined} errors={errors} rows={2} />
              <button type="submit">{label(ctx, rule.label)}</button>
            </form>
          </details>
        );
      })}

      {ctx.can('dossiers.receive') && (
        <>
          <h2>{tr(ctx, 'Bản quét, tệp đính kèm', 'Scans and files')}</h2>
          <ul>
            {x.attachments.map((f) => (
              <li key={f.id}>
                <a href={`/api/v1/dossiers/${d.code}/attachments/${f.id}`}>{f.name}</a>{' '}
                <span class="muted">
                  ({Math.ceil(f.size / 1024)} KB, SHA-256 {f.sha256.slice(0, 12)}…)
                </span>
              </li>
            ))}
          </ul>
          <form method="post" action={`${BASE}/ho-so/${d.code}/tep?_csrf=${encodeURIComponent(ctx.csrf)}`} enctype="multipart/form-data">
            <div class="field">
              <label for="f-file">{tr(ctx, 'Tệp PDF, JPEG hoặc PNG, tối đa 10 MB', 'PDF, JPEG or PNG, up to 10 MB')}</label>
              <input id="f-file" type="file" name="file" accept="application/pdf,image/jpeg,image/png" />
            </div>
            <button type="submit">{tr(ctx, 'Đính kèm', 'Attach')}</button>
          </form>
        </>
      )}

      <h2>{tr(ctx, 'Quá trình giải quyết', 'Timeline')}</h2>
      <ol class="timeline">
        {x.events.map((e) => (
          <li key={e.id}>
            <strong>{fmtMoment(e.at)}</strong> · {label(ctx, statusLabels[e.to_status as keyof typeof statusLabels] ?? { vi: e.to_status, en: e.to_status })} ·{' '}
            {e.actor_name ?? e.actor_label}
            {e.unit_name && ` (${e.unit_name})`}
            {e.to_unit_name && ` → ${e.to_unit_name}`}
            {e.internal_note && <p class="muted">{e.internal_note}</p>}
            {e.public_note && (
              <p>
                {tr(ctx, 'Thông báo người dân: ', 'To the citizen: ')}
                {e.public_note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

type NewValues = Record<string, string | string[] | undefined>;

function NewDossierPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  procedure: { code: string; name: string; documents: string[] } | null;
  policyNote?: PolicyNote | null;
  values: NewValues;
  errors: FormErrors;
}) {
  const { ctx, unit, procedure, values, errors } = props;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const ticked = new Set([values.documents ?? []].flat());
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Tiếp nhận hồ sơ', 'Receive a dossier')}>
      <PageHeading title={`${tr(ctx, 'Tiếp nhận hồ sơ', 'Receive a dossier')} · ${unit.name}`} />
      <DeskNav ctx={ctx} unit={unit} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={`${BASE}/ho-so/moi`} class="search">
        <input type="hidden" name="unit" value={unit.code} />
        <Field
          name="procedure"
          label={tr(ctx, 'Mã thủ tục (vd. 1.001193)', 'Procedure code (e.g. 1.001193)')}
          value={procedure?.code ?? v('procedure')}
          errors={errors}
        />
        <button type="submit" class="secondary">
          {tr(ctx, 'Chọn thủ tục', 'Choose')}
        </button>
        <p class="hint">
          <a href="/thu-tuc">{tr(ctx, 'Tìm mã thủ tục trong danh mục', 'Find the code in the catalogue')}</a>
        </p>
      </form>
      {procedure && (
        <form method="post" action={`${BASE}/ho-so?unit=${unit.code}`} novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="unit" value={unit.code} />
          <input type="hidden" name="procedure" value={procedure.code} />
          <input type="hidden" name="idempotencyKey" value={v('idempotencyKey') ?? randomUUID()} />
          <h2>{procedure.name}</h2>
          {props.policyNote && <PolicyNotice ctx={ctx} note={props.policyNote} />}
          <fieldset>
            <legend>{tr(ctx, 'Thành phần hồ sơ đã nộp', 'Documents handed in')}</legend>
            {procedure.documents.map((doc, i) => (
              <div class="field" key={doc}>
                <input type="checkbox" id={`doc-${i}`} name="documents" value={doc} checked={ticked.has(doc)} /> <label for={`doc-${i}`}>{doc}</label>
              </div>
            ))}
          </fieldset>
          <Field
            name="applicantName"
            label={tr(ctx, 'Họ và tên người nộp', 'Applicant’s full name')}
            value={v('applicantName')}
            errors={errors}
            required
            autocomplete="off"
          />
          <Field
            name="applicantIdNumber"
            label={tr(ctx, 'Số định danh cá nhân', 'Personal ID number')}
            value={v('applicantIdNumber')}
            errors={errors}
            inputmode="numeric"
            autocomplete="off"
          />
          <Field name="applicantPhone" type="tel" label={tr(ctx, 'Số điện thoại', 'Phone')} value={v('applicantPhone')} errors={errors} autocomplete="off" />
          <Field name="applicantEmail" type="email" label={tr(ctx, 'Thư điện tử', 'E-mail')} value={v('applicantEmail')} errors={errors} autocomplete="off" />
          <Field name="applicantAddress" label={tr(ctx, 'Địa chỉ', 'Address')} value={v('applicantAddress')} errors={errors} autocomplete="off" />
          <Select
            name="channel"
            label={tr(ctx, 'Hình thức nộp', 'Channel')}
            value={v('channel') ?? 'desk'}
            errors={errors}
            options={channels.map((c) => ({ value: c, label: label(ctx, channelLabels[c]) }))}
          />
          <TextArea name="note" label={tr(ctx, 'Ghi chú', 'Note')} value={v('note')} errors={errors} rows={2} />
          <p class="hint">{tr(ctx, 'Sau khi tiếp nhận, đính kèm bản quét ở trang hồ sơ.', 'Attach scans on the dossier page after receiving it.')}</p>
          <button type="submit">{tr(ctx, 'Tiếp nhận và cấp mã hồ sơ', 'Receive and number')}</button>
        </form>
      )}
    </Layout>
  );
}

/** The staff's desk pages and the public tracking page. */
export function registerDossiersPages(app: App, p: Platform): void {
  app.get(BASE, { config: { permission: 'dossiers.read' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const unit = await deskUnit(p, req);
    const now = dossierClock.now();
    const today = vietnamDay(now);
    const [todays, waiting] = await Promise.all([
      listDossiers(p.db, { unitIds: [unit.id], receivedOn: today, limit: 200, offset: 0, order: 'received' }),
      listDossiers(p.db, { unitIds: [unit.id], statuses: ['received', 'accepted', 'result_ready', 'returned'], limit: 200, offset: 0 }),
    ]);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Bộ phận Một cửa', 'One-stop desk')}>
          <PageHeading title={`${tr(ctx, 'Bộ phận Một cửa', 'One-stop desk')} · ${unit.name}`} />
          <DeskNav ctx={ctx} unit={unit} />
          <RegisterLinks ctx={ctx} unitCode={unit.code} now={now} />
          <WarningsSection ctx={ctx} unitCode={unit.code} warnings={await loadDeskWarnings(p, req, unit)} />
          <h2>{tr(ctx, `Chờ thao tác tại quầy (${waiting.total})`, `Waiting at the desk (${waiting.total})`)}</h2>
          <DossierTable ctx={ctx} rows={waiting.rows} now={now} />
          <h2>{tr(ctx, `Tiếp nhận hôm nay ${fmtDate(today)} (${todays.total})`, `Received today (${todays.total})`)}</h2>
          <DossierTable ctx={ctx} rows={todays.rows} now={now} />
        </Layout>,
      ),
    );
  });

  app.get(`${BASE}/cua-toi`, { config: { permission: 'dossiers.read' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const unit = await deskUnit(p, req);
    const now = dossierClock.now();
    const me = req.principal?.kind === 'user' ? req.principal.userId : -1;
    const unitIds = await unitsToList(p.db, req, unit, true);
    const open = await listDossiers(p.db, {
      unitIds,
      assigneeUserId: me,
      statuses: ['received', 'supplement_requested', 'accepted', 'in_processing', 'pending_approval', 'approved'],
      limit: 500,
      offset: 0,
    });
    const today = vietnamDay(now);
    const soon = vietnamDay(new Date(now.getTime() + 3 * 86400_000));
    const urgency = new Map(open.rows.map((d) => [d.code, urgencyOf({ status: d.status, dueAt: new Date(d.due_at), dueDate: d.due_date }, now, today, soon)]));
    const sorted = [...open.rows].sort((a, b) => urgencyOrder.indexOf(urgency.get(a.code) as Urgency) - urgencyOrder.indexOf(urgency.get(b.code) as Urgency));
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Hồ sơ của tôi', 'My dossiers')}>
          <PageHeading title={tr(ctx, 'Hồ sơ của tôi, theo mức khẩn', 'My dossiers by urgency')} />
          <DeskNav ctx={ctx} unit={unit} />
          <DossierTable ctx={ctx} rows={sorted} now={now} urgency={urgency} />
        </Layout>,
      ),
    );
  });

  app.get(`${BASE}/qua-han`, { config: { permission: 'dossiers.read' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const unit = await deskUnit(p, req);
    const now = dossierClock.now();
    // Leaders see their whole subtree (the units they may read under this one); others the unit itself.
    const unitIds = await unitsToList(p.db, req, unit, req.can('dossiers.approve', unit.path));
    const late = await listDossiers(p.db, { unitIds, overdueAt: now, limit: 500, offset: 0 });
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Hồ sơ quá hạn', 'Overdue dossiers')}>
          <PageHeading title={`${tr(ctx, 'Hồ sơ quá hạn', 'Overdue dossiers')} · ${unit.name} (${late.total})`} />
          <DeskNav ctx={ctx} unit={unit} />
          <DossierTable ctx={ctx} rows={late.rows} now={now} />
        </Layout>,
      ),
    );
  });

  const renderNew = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, values: NewValues, errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    const code = typeof values.procedure === 'string' ? values.procedure : undefined;
    const version = code && /^[0-9]{1,2}\.[0-9]{5,6}$/.test(code) ? await findVersionInForce(p.db, code, vietnamDay(dossierClock.now())) : null;
    const errs = { ...errors };
    if (code && !version) errs.procedure = tr(req, `Không có thủ tục mã ${code} đang có hiệu lực`, `No procedure ${code} in force`);
    const procedure = version ? { code: version.code, name: version.name, documents: (version.data.documents ?? []).map((d) => d.name) } : null;
    const policyNote = version ? await loadPolicyNote(p.db, unit, version) : null;
    return html(
      reply,
      renderPage(<NewDossierPage ctx={ctx} unit={unit} procedure={procedure} policyNote={policyNote} values={values} errors={errs} />),
      status,
    );
  };

  app.get(`${BASE}/ho-so/moi`, { config: { permission: 'dossiers.receive' } }, async (req, reply) => {
    const unit = await deskUnit(p, req);
    req.requireOn('dossiers.receive', unit.path);
    return renderNew(req, reply, unit, { ...(req.query as NewValues) }, {});
  });

  app.post(`${BASE}/ho-so`, { config: { permission: 'dossiers.receive' } }, async (req, reply) => {
    const form = cleanForm(req.body) as NewValues;
    const unit = await mustFindUnit(p.db, String(form.unit ?? ''));
    req.requireOn('dossiers.receive', unit.path);
    const input = {
      unit: form.unit,
      procedure: form.procedure,
      channel: form.channel ?? 'desk',
      applicant: {
        name: form.applicantName,
        ...(form.applicantIdNumber ? { idNumber: form.applicantIdNumber } : {}),
        ...(form.applicantPhone ? { phone: form.applicantPhone } : {}),
        ...(form.applicantEmail ? { email: form.applicantEmail } : {}),
        ...(form.applicantAddress ? { address: form.applicantAddress } : {}),
      },
      documents: [form.documents ?? []].flat(),
      ...(form.note ? { note: form.note } : {}),
    };
    const checked = validate(ReceiveBody, input);
    const fieldOf = (f: string) => f.replace(/^applicant\.(\w)/, (_m, c: string) => `applicant${c.toUpperCase()}`);
    if (!checked.ok) {
      const errs = formErrors(checked.errors, req.lang);
      return renderNew(req, reply, unit, form, Object.fromEntries(Object.entries(errs).map(([k, v]) => [fieldOf(k), v])), 400);
    }
    try {
      const key = typeof form.idempotencyKey === 'string' ? form.idempotencyKey.slice(0, 200) : null;
      const { dossier } = await receiveOnce(p, req, unit.code, checked.value, key);
      return redirectWithFlash(req, reply, `${BASE}/ho-so/${dossier.code}`, tr(req, `Đã tiếp nhận hồ sơ ${dossier.code}`, `Dossier ${dossier.code} received`));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'PROCEDURE_NOT_FOUND')) {
        const errs = err.errors.length ? formErrors(err.errors, req.lang) : { procedure: err.detail?.[req.lang] ?? err.code };
        return renderNew(req, reply, unit, form, Object.fromEntries(Object.entries(errs).map(([k, v]) => [fieldOf(k), v])), err.status);
      }
      throw err;
    }
  });

  const renderDossier = async (
    req: FastifyRequest,
    reply: FastifyReply,
    d: DossierRow,
    failed?: { action: string; errors: FormErrors; values: Values; message?: string },
    status = 200,
  ) => {
    const ctx = pageContext(req, reply);
    const now = dossierClock.now();
    const x = await loadDetails(p.db, req, d, now);
    const policy = await loadDossierPolicy(p.db, d.id);
    return html(reply, renderPage(<DossierPage ctx={ctx} d={d} x={x} now={now} failed={failed} policy={policy} />), status);
  };

  app.get(`${BASE}/ho-so/:code`, { config: { permission: 'dossiers.read' } }, async (req, reply) => {
    const d = await mustFindDossier(p.db, (req.params as { code: string }).code);
    requireOnDossier(req, 'dossiers.read', d);
    await recordDossierRead(p.db, req.actor(), d, 'page');
    return renderDossier(req, reply, d);
  });

  app.post(`${BASE}/ho-so/:code/tep`, { config: { permission: 'dossiers.receive' } }, async (req, reply) => {
    const d = await mustFindDossier(p.db, (req.params as { code: string }).code);
    requireOnDossier(req, 'dossiers.receive', d);
    try {
      const file = await readUpload(req);
      await inTransaction(p.db, async (tx) => attachFile(tx, req.actor(), await mustFindDossier(tx, d.code, true), file, dossierClock.now()));
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 403) {
        return renderDossier(req, reply, d, { action: 'attach', errors: {}, values: {}, message: err.detail?.[req.lang] ?? err.message }, err.status);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, `${BASE}/ho-so/${d.code}`, tr(req, 'Đã đính kèm tệp', 'File attached'));
  });

  for (const action of dossierActions) {
    const rule = actionRules[action];
    app.post(`${BASE}/ho-so/:code/${rule.slug}`, { config: { permission: rule.permission } }, async (req, reply) => {
      const code = (req.params as { code: string }).code;
      const form = cleanForm(req.body) as Values;
      const d = await mustFindDossier(p.db, code);
      requireOnDossier(req, rule.permission, d);
      const checked = validate(actionBodies[action], { ...form, version: Number(form.version) });
      if (!checked.ok) return renderDossier(req, reply, d, { action, errors: formErrors(checked.errors, req.lang), values: form }, 400);
      try {
        await inTransaction(p.db, async (tx) => {
          const locked = await mustFindDossier(tx, code, true);
          return actOnDossier(tx, req.actor(), locked, action, checked.value as ActionInput, dossierClock.now());
        });
      } catch (err) {
        if (err instanceof AppError && ['CONFLICT', 'UNPROCESSABLE', 'VALIDATION_FAILED'].includes(err.code)) {
          const fresh = await mustFindDossier(p.db, code);
          return renderDossier(
            req,
            reply,
            fresh,
            {
              action,
              errors: formErrors(err.errors, req.lang),
              values: form,
              message: err.detail?.[req.lang] ?? (err.errors.length ? undefined : err.message),
            },
            err.status,
          );
        }
        throw err;
      }
      return redirectWithFlash(req, reply, `${BASE}/ho-so/${code}`, tr(req, `Đã thực hiện: ${rule.label.vi}`, `Done: ${rule.label.en}`));
    });
  }

  registerTrackingPages(app, p);
}

function TrackingPage(props: {
  ctx: PageContext;
  code: string;
  check: string;
  result: ReturnType<typeof presentTracking> | null;
  notFound: boolean;
  errors: FormErrors;
  status?: number;
}) {
  const { ctx, result } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Tra cứu hồ sơ', 'Track a dossier')}>
      <h1>{tr(ctx, 'Tra cứu tình trạng hồ sơ', 'Track your dossier')}</h1>
      <TrackingLookupForm ctx={ctx} action="/tra-cuu" code={props.code} check={props.check} errors={props.errors} submit={{ vi: 'Tra cứu', en: 'Look up' }} />
      {props.notFound && <TrackingNotFound ctx={ctx} />}
      {result && (
        <section aria-labelledby="kq">
          <h2 id="kq">
            {tr(ctx, 'Hồ sơ', 'Dossier')} {result.code}
          </h2>
          <dl class="facts">
            <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
            <dd>{result.procedure}</dd>
            <dt>{tr(ctx, 'Nơi tiếp nhận', 'Received at')}</dt>
            <dd>{result.unit}</dd>
            <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
            <dd>
              <strong>{result.statusLabel}</strong>
            </dd>
            <dt>{tr(ctx, 'Ngày hẹn trả kết quả', 'Appointment')}</dt>
            <dd>{fmtDate(result.dueDate)}</dd>
            {result.missing && (
              <>
                <dt>{tr(ctx, 'Cần bổ sung', 'Missing')}</dt>
                <dd>{result.missing}</dd>
              </>
            )}
          </dl>
          <p>
            <a href={`/tra-cuu/phi?code=${encodeURIComponent(result.code)}&check=${encodeURIComponent(props.check)}`}>
              {tr(ctx, 'Phí, lệ phí và mã QR thanh toán', 'Fees and payment QR codes')}
            </a>
          </p>
          <h3>{tr(ctx, 'Quá trình giải quyết', 'Progress')}</h3>
          <ol class="timeline">
            {result.timeline.map((e) => (
              <li key={e.at + e.status}>
                {fmtMoment(e.at)} · {e.statusLabel}
                {e.note && <p>{e.note}</p>}
              </li>
            ))}
          </ol>
          <p>
            <a href={`/tra-cuu/${encodeURIComponent(result.code)}/buu-dien?check=${encodeURIComponent(props.check)}`}>
              {tr(ctx, 'Hồ sơ gửi, nhận qua bưu điện: xem hành trình bưu gửi', 'Sent by post: follow the postal item')}
            </a>
          </p>
          {result.canRate && (
            <form method="post" action="/tra-cuu/danh-gia" novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="code" value={result.code} />
              <input type="hidden" name="check" value={props.check} />
              <fieldset>
                <legend>{tr(ctx, 'Ông/bà đánh giá việc giải quyết hồ sơ thế nào?', 'How was your dossier handled?')}</legend>
                {ratings.map((r) => (
                  <div class="field" key={r}>
                    <input type="radio" id={`r-${r}`} name="rating" value={r} required /> <label for={`r-${r}`}>{label(ctx, ratingLabels[r])}</label>
                  </div>
                ))}
              </fieldset>
              {result.officials.length > 0 && (
                <Select
                  name="official"
                  label={tr(ctx, 'Cán bộ đã phục vụ (không bắt buộc)', 'Official who served you (optional)')}
                  options={[{ value: '', label: '—' }, ...result.officials.map((o) => ({ value: String(o.id), label: o.name }))]}
                />
              )}
              <TextArea name="comment" label={tr(ctx, 'Góp ý (không bắt buộc)', 'Comment (optional)')} rows={3} />
              <button type="submit">{tr(ctx, 'Gửi đánh giá', 'Send')}</button>
            </form>
          )}
          {result.rated && <p>{tr(ctx, 'Cảm ơn ông/bà đã đánh giá.', 'Thank you for your rating.')}</p>}
        </section>
      )}
    </Layout>
  );
}

function registerTrackingPages(app: App, p: Platform): void {
  app.get('/tra-cuu', { config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const q = req.query as Record<string, string | undefined>;
    // `?ma=` is the address printed as the QR code on every slip: it fills in the code, the citizen adds the check digits.
    const fromQr = q.code === undefined && !q.check && Boolean(q.ma);
    const code = (q.code ?? q.ma ?? '').trim().toUpperCase();
    const check = (q.check ?? '').trim();
    let result = null;
    let notFound = false;
    const errors: FormErrors = {};
    if ((code || check) && !fromQr) {
      if (!/^[A-Z0-9][A-Z0-9.]{0,63}-[0-9]{6}-[0-9]{4,6}$/.test(code))
        errors.code = tr(req, 'Mã hồ sơ có dạng 30337-260213-0001', 'A code looks like 30337-260213-0001');
      if (!/^[0-9]{4}$/.test(check)) errors.check = tr(req, 'Nhập đúng 4 chữ số', 'Enter exactly 4 digits');
      if (Object.keys(errors).length === 0) {
        try {
          result = await trackDossier(p, code, check, req.lang);
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 404) throw err;
          notFound = true;
        }
      }
    }
    const status = notFound ? 404 : Object.keys(errors).length ? 400 : 200;
    return html(reply, renderPage(<TrackingPage ctx={ctx} code={code} check={check} result={result} notFound={notFound} errors={errors} />), status);
  });

  app.post('/tra-cuu/danh-gia', { config: { permission: 'public', rateLimit: { max: 10, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const form = cleanForm(req.body) as Record<string, string>;
    const checked = validate(RatingBody, { ...form, ...(form.official ? { official: Number(form.official) } : {}) });
    const back = `/tra-cuu?code=${encodeURIComponent(form.code ?? '')}&check=${encodeURIComponent(form.check ?? '')}`;
    if (!checked.ok) return redirectWithFlash(req, reply, back, tr(req, 'Hãy chọn một mức đánh giá', 'Choose a rating'));
    try {
      await rateByCitizen(p, req, checked.value, 'tracking');
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT')
        return redirectWithFlash(req, reply, back, tr(req, 'Hồ sơ này đã được đánh giá', 'Already rated'));
      throw err;
    }
    return redirectWithFlash(req, reply, back, tr(req, 'Cảm ơn ông/bà đã đánh giá', 'Thank you for your rating'));
  });
}
