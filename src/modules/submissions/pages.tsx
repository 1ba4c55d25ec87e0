import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { Checkbox, ErrorSummary, Field, type FormErrors, RobotTrap, Select, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext } from '../../web/page.ts';
import { citizenIdentity } from '../citizens/index.ts';
import { dossierClock, findDossierByCode } from '../dossiers/index.ts';
import { type CarryingUnit, findVersionInForce, todayInVietnam, unitsCarrying, type VersionRow } from '../procedures/index.ts';
import { findUnitByCode } from '../units/index.ts';
import { submitDossier } from './commands/submit-dossier.ts';
import {
  acceptsOnline,
  checkApplicant,
  checkFiles,
  fileMessages,
  NAME_MAX,
  NOTE_MAX,
  type SubmissionValues,
  type UploadedFileFacts,
} from './rules/submission.ts';
import { readSubmission, uploadLimits } from './upload.ts';

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** Codes of the dossiers this browser filed online lately: only they may see their confirmation page. */
    onlineDossiers?: string[];
  }
}

export const SUBMIT_BASE = '/nop-truc-tuyen';
/** Per address: a person files a few dossiers at most in a minute; more is a robot or a loop. */
export const SUBMIT_RATE_LIMIT = { max: 5, timeWindow: 60 * 1000 };
const PROCEDURE_RE = /^[0-9]{1,2}\.[0-9]{5,6}$/;
const KEY_RE = /^[0-9a-f-]{36}$/;
const KEPT_CODES = 10;

const fmtDate = (iso: string) => iso.split('-').reverse().join('/');
const fmtMoment = (m: Date | string) => {
  const local = new Date(new Date(m).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${fmtDate(local.slice(0, 10))}`;
};
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

interface Procedure {
  code: string;
  name: string;
  onlineLevel: VersionRow['online_level'];
  documents: { name: string; copies: number }[];
  units: CarryingUnit[];
}

/** The procedure in force today with the units that carry it. @throws AppError PROCEDURE_NOT_FOUND (a 404 page) */
async function loadProcedure(p: Platform, raw: string): Promise<Procedure> {
  const code = raw.slice(0, 20);
  const v = PROCEDURE_RE.test(code) ? await findVersionInForce(p.db, code, todayInVietnam(dossierClock.now())) : null;
  if (!v) {
    throw new AppError('PROCEDURE_NOT_FOUND', {
      detail: { vi: `Không có thủ tục mã ${code} đang áp dụng`, en: `No procedure with code ${code} is in force` },
    });
  }
  const units = await unitsCarrying(p.db, v.procedure_id);
  return {
    code: v.code,
    name: v.name,
    onlineLevel: v.online_level,
    documents: (v.data.documents ?? []).map((d) => ({ name: d.name, copies: d.copies })),
    units,
  };
}

const unitLabel = (u: CarryingUnit) => (u.parent_name ? `${u.name} (${u.parent_name})` : u.name);

/** The words the browser script shows for a file: the server's own (rules/submission.ts), so both say the same. */
function scriptMessages(ctx: PageContext) {
  const m = fileMessages(uploadLimits);
  return {
    size: tr(ctx, m.size.vi, m.size.en),
    empty: tr(ctx, m.empty.vi, m.empty.en),
    type: tr(ctx, m.type.vi, m.type.en),
    total: tr(ctx, m.total.vi, m.total.en),
  };
}

function SubmitPage(props: { ctx: PageContext; procedure: Procedure; values: SubmissionValues; errors: FormErrors; prefilled: boolean }) {
  const { ctx, procedure, values: v, errors } = props;
  const msgs = scriptMessages(ctx);
  const filesErr = errors.files;
  const title = tr(ctx, 'Nộp hồ sơ trực tuyến', 'File a dossier online');
  return (
    <Layout ctx={ctx} title={`${title}: ${procedure.name}`}>
      <p>
        <a href={`/thu-tuc/${procedure.code}`}>{tr(ctx, '← Thông tin thủ tục', '← About the procedure')}</a>
      </p>
      <h1>{title}</h1>
      <p class="sub-procedure">
        <strong>{procedure.name}</strong>
        <br />
        <span class="muted">
          {tr(ctx, 'Mã thủ tục', 'Procedure code')} {procedure.code}
        </span>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={`${SUBMIT_BASE}/${procedure.code}?_csrf=${encodeURIComponent(ctx.csrf)}`}
        enctype="multipart/form-data"
        novalidate
        class="sub-form"
        data-max-file={String(uploadLimits.maxFileBytes)}
        data-max-total={String(uploadLimits.maxTotalBytes)}
        data-msg-size={msgs.size}
        data-msg-empty={msgs.empty}
        data-msg-type={msgs.type}
        data-msg-total={msgs.total}
        data-msg-summary={tr(ctx, 'Có lỗi cần sửa', 'There is a problem')}
      >
        <input type="hidden" name="idempotencyKey" value={v.idempotencyKey} />
        <h2>{tr(ctx, '1. Nơi nộp hồ sơ', '1. Where to file')}</h2>
        <Select
          name="unit"
          label={tr(ctx, 'Cơ quan giải quyết', 'Office')}
          value={v.unit}
          errors={errors}
          required
          options={[{ value: '', label: tr(ctx, '— Chọn đơn vị —', '— Choose —') }, ...procedure.units.map((u) => ({ value: u.code, label: unitLabel(u) }))]}
        />
        <h2>{tr(ctx, '2. Người nộp hồ sơ', '2. Applicant')}</h2>
        {props.prefilled && (
          <p class="hint">
            {tr(
              ctx,
              'Thông tin lấy từ tài khoản định danh điện tử VNeID của ông/bà; sửa nếu nộp thay người khác.',
              'Filled in from your VNeID account; change it if you file for someone else.',
            )}
          </p>
        )}
        <Field
          name="applicantName"
          label={tr(ctx, 'Họ và tên', 'Full name')}
          value={v.applicantName}
          errors={errors}
          required
          autocomplete="name"
          maxLength={NAME_MAX}
        />
        <Field
          name="applicantIdNumber"
          label={tr(ctx, 'Số định danh cá nhân (số căn cước)', 'Personal ID number')}
          hint={tr(
            ctx,
            '12 chữ số. Cần số định danh hoặc số điện thoại để tra cứu hồ sơ.',
            '12 digits. The ID number or a phone number is needed to track the dossier.',
          )}
          value={v.applicantIdNumber}
          errors={errors}
          inputmode="numeric"
          maxLength={12}
        />
        <Field
          name="applicantPhone"
          label={tr(ctx, 'Số điện thoại', 'Phone')}
          hint={tr(ctx, 'vd. 0912 345 678', 'e.g. 0912 345 678')}
          value={v.applicantPhone}
          errors={errors}
          type="tel"
          autocomplete="tel"
          maxLength={20}
        />
        <Field
          name="applicantEmail"
          label={tr(ctx, 'Thư điện tử (không bắt buộc)', 'E-mail (optional)')}
          value={v.applicantEmail}
          errors={errors}
          type="email"
          autocomplete="email"
          maxLength={200}
        />
        <Field
          name="applicantAddress"
          label={tr(ctx, 'Địa chỉ (không bắt buộc)', 'Address (optional)')}
          value={v.applicantAddress}
          errors={errors}
          autocomplete="street-address"
          maxLength={300}
        />
        <h2>{tr(ctx, '3. Thành phần hồ sơ', '3. Documents')}</h2>
        <p class="hint" id="sub-files-hint">
          {tr(
            ctx,
            `Đính kèm bản chụp hoặc bản quét từng giấy tờ: tệp PDF, JPEG hoặc PNG, mỗi tệp tối đa ${mb(uploadLimits.maxFileBytes)}, tất cả tối đa ${mb(uploadLimits.maxTotalBytes)}. Cần ít nhất một tệp.`,
            `Attach a photo or scan of each document: PDF, JPEG or PNG, at most ${mb(uploadLimits.maxFileBytes)} each and ${mb(uploadLimits.maxTotalBytes)} in all. At least one file is needed.`,
          )}
        </p>
        {Object.keys(errors).length > 0 && (
          <p class="hint">
            <strong>
              {tr(
                ctx,
                'Trình duyệt không gửi lại các tệp đã chọn: hãy chọn lại tệp cho từng giấy tờ.',
                'Browsers do not send chosen files again: choose the file for each document again.',
              )}
            </strong>
          </p>
        )}
        <div id="f-files" class={`field${filesErr ? ' has-error' : ''}`} tabIndex={-1}>
          {filesErr && (
            <p class="error" id="f-files-error">
              {filesErr}
            </p>
          )}
          <ol class="sub-docs">
            {procedure.documents.map((d, i) => {
              const name = `doc-${i}`;
              const err = errors[name];
              const described = ['sub-files-hint', err ? `f-${name}-error` : ''].filter(Boolean).join(' ');
              return (
                <li key={name} class={`field${err ? ' has-error' : ''}`}>
                  <label for={`f-${name}`}>
                    {d.name}
                    {d.copies > 1 && <span class="muted"> ({tr(ctx, `${d.copies} bản`, `${d.copies} copies`)})</span>}
                  </label>
                  {err && (
                    <p class="error" id={`f-${name}-error`}>
                      {err}
                    </p>
                  )}
                  <input
                    type="file"
                    id={`f-${name}`}
                    name={name}
                    accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                    aria-invalid={err ? 'true' : undefined}
                    aria-describedby={described}
                  />
                </li>
              );
            })}
          </ol>
        </div>
        <TextArea
          name="note"
          label={tr(ctx, 'Ghi chú cho cơ quan (không bắt buộc)', 'Note to the office (optional)')}
          value={v.note}
          errors={errors}
          rows={3}
        />
        <h2>{tr(ctx, '4. Xác nhận', '4. Confirm')}</h2>
        <Checkbox
          name="consent"
          checked={v.consent}
          errors={errors}
          label={tr(
            ctx,
            'Tôi đồng ý để cơ quan giải quyết thủ tục xử lý thông tin cá nhân và giấy tờ trên, chỉ để giải quyết hồ sơ này và báo kết quả cho tôi (Luật Bảo vệ dữ liệu cá nhân).',
            'I agree that the office handling the procedure processes the personal data and documents above, only to handle this dossier and tell me its result (Personal Data Protection Law).',
          )}
        />
        <RobotTrap ctx={ctx} />
        <button type="submit" class="large">
          {tr(ctx, 'Nộp hồ sơ', 'File the dossier')}
        </button>
      </form>
      <script src="/static/submit.js" defer />
    </Layout>
  );
}

function NotOnlinePage(props: { ctx: PageContext; procedure: Procedure }) {
  const { ctx, procedure } = props;
  const noUnit = acceptsOnline(procedure.onlineLevel);
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Chưa nộp trực tuyến được', 'Not available online')}>
      <h1>{tr(ctx, 'Thủ tục này chưa nộp trực tuyến được', 'This procedure cannot be filed online yet')}</h1>
      <p>
        <strong>{procedure.name}</strong> ({procedure.code})
      </p>
      <p>
        {noUnit
          ? tr(
              ctx,
              'Chưa có cơ quan nào nhận hồ sơ trực tuyến của thủ tục này trên cổng.',
              'No office takes this procedure’s dossiers online on this portal yet.',
            )
          : tr(
              ctx,
              'Hồ sơ của thủ tục này nộp trực tiếp tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính công ích.',
              'Dossiers of this procedure are filed in person at the one-stop desk or by post.',
            )}
      </p>
      <p>
        <a href={`/thu-tuc/${procedure.code}`}>{tr(ctx, 'Xem giấy tờ cần mang và nơi nộp', 'See the documents to bring and where to go')}</a>
      </p>
    </Layout>
  );
}

function ConfirmationPage(props: { ctx: PageContext; d: NonNullable<Awaited<ReturnType<typeof findDossierByCode>>> }) {
  const { ctx, d } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Đã nộp hồ sơ ${d.code}`, `Dossier ${d.code} filed`)}>
      <div class="sub-done" role="status">
        <h1>{tr(ctx, 'Đã nộp hồ sơ', 'Dossier filed')}</h1>
        <p>{tr(ctx, 'Mã hồ sơ của ông/bà', 'Your dossier code')}</p>
        <p class="sub-code">{d.code}</p>
      </div>
      <p>{tr(ctx, 'Hãy ghi lại mã này để tra cứu hồ sơ.', 'Note this code to track your dossier.')}</p>
      <dl class="facts">
        <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
        <dd>{d.procedure_name}</dd>
        <dt>{tr(ctx, 'Nơi giải quyết', 'Office')}</dt>
        <dd>{d.unit_name}</dd>
        <dt>{tr(ctx, 'Thời điểm nộp', 'Filed at')}</dt>
        <dd>{fmtMoment(d.received_at)}</dd>
        <dt>{tr(ctx, 'Ngày hẹn trả kết quả', 'Appointment')}</dt>
        <dd>
          <strong class="sub-due">{fmtDate(d.due_date)}</strong>
        </dd>
        <dt>{tr(ctx, 'Số tệp đính kèm', 'Files attached')}</dt>
        <dd>{d.documents.length}</dd>
      </dl>
      <h2>{tr(ctx, 'Tiếp theo', 'What happens next')}</h2>
      <ol>
        <li>
          {tr(
            ctx,
            'Bộ phận Một cửa kiểm tra hồ sơ. Hồ sơ đủ thì được tiếp nhận và cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả; thiếu thì cơ quan báo ông/bà bổ sung, có nêu rõ giấy tờ cần bổ sung.',
            'The one-stop desk checks the dossier. A complete one is accepted and a receipt with the appointment is issued; if something is missing, the office tells you exactly what to add.',
          )}
        </li>
        <li>
          {tr(
            ctx,
            'Ngày hẹn có thể đổi nếu hồ sơ phải bổ sung. Theo dõi tình trạng trên trang tra cứu bằng mã hồ sơ và 4 số cuối số định danh hoặc số điện thoại đã khai.',
            'The appointment may move if something must be added. Follow the status on the tracking page with the code and the last 4 digits of the ID or phone number you gave.',
          )}
        </li>
        <li>
          {tr(
            ctx,
            'Khi đến nhận kết quả, mang theo bản chính các giấy tờ đã gửi để đối chiếu.',
            'When you collect the result, bring the originals of the documents you sent.',
          )}
        </li>
      </ol>
      <p>
        <a class="button" href={`/tra-cuu?ma=${encodeURIComponent(d.code)}`}>
          {tr(ctx, 'Tra cứu hồ sơ này', 'Track this dossier')}
        </a>
      </p>
      {ctx.principal?.kind === 'citizen' && (
        <p>
          <a href="/cong-dan/ho-so">{tr(ctx, 'Hồ sơ của tôi', 'My dossiers')}</a>
        </p>
      )}
    </Layout>
  );
}

function DroppedPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đã nhận', 'Received')}>
      <h1>{tr(ctx, 'Đã nhận', 'Received')}</h1>
      <p>{tr(ctx, 'Cảm ơn ông/bà.', 'Thank you.')}</p>
    </Layout>
  );
}

const emptyValues = (): SubmissionValues => ({
  unit: '',
  applicantName: '',
  applicantIdNumber: '',
  applicantPhone: '',
  applicantEmail: '',
  applicantAddress: '',
  note: '',
  consent: false,
  idempotencyKey: randomUUID(),
});

function valuesFrom(fields: Record<string, string>): SubmissionValues {
  const s = (k: string, max = 300) => (fields[k] ?? '').trim().normalize('NFC').slice(0, max);
  const key = s('idempotencyKey', 36);
  return {
    unit: s('unit', 64),
    applicantName: s('applicantName', NAME_MAX + 50),
    applicantIdNumber: s('applicantIdNumber', 30),
    applicantPhone: s('applicantPhone', 30),
    applicantEmail: s('applicantEmail', 250),
    applicantAddress: s('applicantAddress', 350),
    note: s('note', NOTE_MAX + 100),
    consent: fields.consent === 'on',
    idempotencyKey: KEY_RE.test(key) ? key : randomUUID(),
  };
}

/** Who files: the signed-in citizen by their label (citizen:<id>, no name), anyone else as 'public:online'. */
function submitter(req: FastifyRequest): Actor {
  const actor = req.actor();
  return { ...actor, userId: null, label: req.principal?.kind === 'citizen' ? req.principal.label : 'public:online' };
}

function renderForm(
  req: FastifyRequest,
  reply: FastifyReply,
  procedure: Procedure,
  values: SubmissionValues,
  errors: FormErrors,
  prefilled: boolean,
  status: number,
) {
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<SubmitPage ctx={ctx} procedure={procedure} values={values} errors={errors} prefilled={prefilled} />), status);
}

/**
 * Online submission for citizens (nộp hồ sơ trực tuyến): the form per procedure, its multipart POST and the
 * confirmation. Public: anonymous citizens file too; a citizen signed in through VNeID finds the applicant boxes
 * filled in, and the dossier then shows among theirs (same ID number). Works without JavaScript; /static/submit.js
 * only checks files before upload, with the server's words.
 */
export function registerSubmissionPages(app: App, p: Platform): void {
  app.get(`${SUBMIT_BASE}/:procedure`, { config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const procedure = await loadProcedure(p, (req.params as { procedure: string }).procedure);
    if (!acceptsOnline(procedure.onlineLevel) || procedure.units.length === 0) {
      return html(reply, renderPage(<NotOnlinePage ctx={pageContext(req, reply)} procedure={procedure} />));
    }
    const values = emptyValues();
    const wanted = String((req.query as Record<string, unknown>).unit ?? '');
    if (procedure.units.some((u) => u.code === wanted)) values.unit = wanted;
    else if (procedure.units.length === 1) values.unit = (procedure.units[0] as CarryingUnit).code;
    const me = await citizenIdentity(p.db, req.principal);
    if (me) {
      values.applicantName = me.fullName;
      values.applicantIdNumber = me.idNumber;
      values.applicantAddress = me.address;
    }
    return renderForm(req, reply, procedure, values, {}, me !== null, 200);
  });

  app.post(`${SUBMIT_BASE}/:procedure`, { config: { permission: 'public', rateLimit: SUBMIT_RATE_LIMIT } }, async (req, reply) => {
    const procedure = await loadProcedure(p, (req.params as { procedure: string }).procedure);
    if (!acceptsOnline(procedure.onlineLevel) || procedure.units.length === 0) {
      return html(reply, renderPage(<NotOnlinePage ctx={pageContext(req, reply)} procedure={procedure} />), 422);
    }
    const { fields, files } = await readSubmission(req, procedure.documents.length);
    // The honeypot: a filled trap box means a robot. Answer as if all went well and keep nothing.
    if ((fields.website ?? '').trim() !== '') return html(reply, renderPage(<DroppedPage ctx={pageContext(req, reply)} />));
    const values = valuesFrom(fields);
    const checked = checkApplicant(
      values,
      procedure.units.map((u) => u.code),
    );
    const fileErrors = checkFiles(new Map<string, UploadedFileFacts>(files.map((f) => [`doc-${f.index}`, f])), uploadLimits);
    const errors: FormErrors = { ...(checked.ok ? {} : formErrors(checked.errors, req.lang)), ...formErrors(fileErrors, req.lang) };
    if (!checked.ok || fileErrors.length) {
      const status = files.some((f) => f.truncated) ? 413 : files.some((f) => f.size > 0 && !f.mime) ? 415 : 400;
      return renderForm(req, reply, procedure, values, errors, false, status);
    }
    const unit = await findUnitByCode(p.db, values.unit);
    if (!unit) return renderForm(req, reply, procedure, values, { unit: tr(req, 'Hãy chọn nơi nộp hồ sơ', 'Choose where to file the dossier') }, false, 400);
    const sorted = [...files].sort((a, b) => a.index - b.index);
    let code: string;
    try {
      const { dossier } = await submitDossier(
        p.db,
        submitter(req),
        unit,
        {
          procedure: procedure.code,
          checked: checked.value,
          documents: sorted.map((f) => (procedure.documents[f.index] as { name: string }).name.slice(0, 1000)),
          files: sorted.map((f) => ({ name: f.name ? `${f.index + 1}-${f.name}` : undefined, content: f.content })),
        },
        dossierClock.now(),
        values.idempotencyKey,
      );
      code = dossier.code;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'PROCEDURE_NOT_FOUND' || err.code === 'UNPROCESSABLE')) {
        const errs = err.errors.length ? formErrors(err.errors, req.lang) : { unit: err.detail?.[req.lang] ?? err.message };
        return renderForm(req, reply, procedure, values, errs, false, err.status);
      }
      throw err;
    }
    req.session.onlineDossiers = [...(req.session.onlineDossiers ?? []).filter((c) => c !== code), code].slice(-KEPT_CODES);
    return reply.redirect(`${SUBMIT_BASE}/da-nop/${encodeURIComponent(code)}`, 303);
  });

  // Only the browser that filed the dossier sees this page (its session keeps the code); anyone else gets the 404.
  app.get(`${SUBMIT_BASE}/da-nop/:code`, { config: { permission: 'public' } }, async (req, reply) => {
    const code = String((req.params as { code: string }).code).slice(0, 80);
    const d = req.session?.onlineDossiers?.includes(code) ? await findDossierByCode(p.db, code) : null;
    if (!d) throw new AppError('NOT_FOUND');
    return html(reply, renderPage(<ConfirmationPage ctx={pageContext(req, reply)} d={d} />));
  });
}
