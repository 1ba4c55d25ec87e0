/**
 * The APS self-service machine (máy APS tự phục vụ, issue 6 item 6): on the kiosk's touch screen at `/kiosk/<unit>/aps`
 * a citizen files a dossier on their own by scanning the QR code of their chip ID card, prints the receipt, checks a
 * dossier's status by scanning the receipt's QR code, and rates the handling once the result has been returned.
 *
 * Public, no sign-in. The listing kiosk's full-screen look (/static/kiosk.css, /static/kiosk.js: idle return to this
 * start screen, offline notice) plus /static/aps.css (forms, the receipt, its print stylesheet) and /static/aps.js
 * (the print button). Every screen is a plain page of links and forms that works without JavaScript: the handheld
 * scanner types into a box and its Enter submits. No file is uploaded at the machine: documents are handed in at the
 * desk, and the dossier's note says so.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Actor } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { qrDataUrl } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext } from '../../web/page.ts';
import { dossierClock, findDossierByCode, type Rating, rateByCitizen, ratingLabels, ratings, trackDossier, trackingUrlOf } from '../dossiers/index.ts';
import { CccdScanField, type IdentityFields, parseCccdQr, presentCccd } from '../identity/index.ts';
import {
  fieldSlugs,
  findKioskProcedure,
  KioskNav,
  type KioskProcedureRow,
  type KioskTiming,
  listKioskProcedures,
  timingFrom,
  timingQuery,
} from '../kiosks/index.ts';
import { acceptsOnline } from '../submissions/index.ts';
import { findUnitByCode, findUnitById, type UnitRow } from '../units/index.ts';
import { fileAtKiosk } from './commands/file-at-kiosk.ts';
import { checkDigits, codeFromTrackingInput, TRACKING_INPUT_MAX } from './rules/tracking-input.ts';

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** Dossiers filed on this machine lately, with when: only this screen, and only for a while, shows their receipt. */
    apsReceipts?: { code: string; at: number }[];
  }
}

const UNIT_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const PROCEDURE_CODE = /^[0-9]{1,2}\.[0-9]{5,6}$/;
const KEY_RE = /^[0-9a-f-]{36}$/;
/** How long the receipt stays reachable after filing: enough to print it, not long enough for the next person. */
const RECEIPT_MS = 10 * 60 * 1000;
const KEPT_RECEIPTS = 5;
/** The machine is one address shared by everyone who uses it: limits sized for a queue, not for one person. */
const FILE_RATE_LIMIT = { max: 10, timeWindow: 60 * 1000 };
const SCAN_RATE_LIMIT = { max: 60, timeWindow: 60 * 1000 };
const TRACK_RATE_LIMIT = { max: 30, timeWindow: 60 * 1000 };
const RATE_RATE_LIMIT = { max: 10, timeWindow: 60 * 1000 };

const now = () => dossierClock.now();
const fmtDate = (iso: string) => iso.split('-').reverse().join('/');
const fmtMoment = (m: Date | string) => {
  const local = new Date(new Date(m).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${fmtDate(local.slice(0, 10))}`;
};

/** The machine's addresses, all under the unit's kiosk. */
const paths = (unit: UnitRow) => {
  const base = `/kiosk/${unit.code}/aps`;
  return {
    home: base,
    fields: `${base}/nop`,
    field: (slug: string) => `${base}/nop/linh-vuc/${slug}`,
    procedure: (code: string) => `${base}/nop/${code}`,
    scan: (code: string) => `${base}/nop/${code}/quet`,
    receipt: (code: string) => `${base}/bien-nhan/${encodeURIComponent(code)}`,
    track: `${base}/tra-cuu`,
    rate: `${base}/danh-gia`,
  };
};

/** Who files or rates at the machine: nobody signed in; the label names the machine's unit, never the citizen. */
function machineActor(req: FastifyRequest, unit: UnitRow): Actor {
  return { ...req.actor(), userId: null, label: `public:aps:${unit.code}` };
}

// Layout -------------------------------------------------------------------------------------------------------

interface Frame {
  ctx: PageContext;
  title: string;
  unit: UnitRow | null;
  timing: KioskTiming;
  /** Back button target; the start screen has none (and no Home button either). */
  back?: string;
  nav?: boolean;
  scripts?: string[];
  children: ComponentChildren;
}

/** The listing kiosk's full-screen frame (kiosk.css), headed as the self-service machine. */
function ApsFrame(props: Frame) {
  const { ctx, unit, timing } = props;
  const q = timingQuery(timing);
  const home = unit ? `${paths(unit).home}${q}` : undefined;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${tr(ctx, 'Máy tự phục vụ', 'Self-service')} · Gần Dân`}</title>
        <link rel="stylesheet" href="/static/kiosk.css" />
        <link rel="stylesheet" href="/static/aps.css" />
        <script src="/static/kiosk.js" defer />
        {(props.scripts ?? []).map((s) => (
          <script key={s} src={s} defer />
        ))}
      </head>
      <body
        class="k-kiosk aps"
        data-kiosk="kiosk"
        data-version-url={unit ? `/kiosk/${unit.code}/version` : undefined}
        data-home={home}
        data-idle={String(timing.idle)}
        data-poll={String(timing.poll)}
        data-offline-text={tr(ctx, 'Mất kết nối mạng — đang thử lại…', 'Network connection lost — retrying…')}
      >
        <header class="k-top">
          <p class="k-brand">{tr(ctx, 'Máy tự phục vụ (APS)', 'Self-service machine (APS)')}</p>
          {unit && <p class="k-unit">{unit.name}</p>}
        </header>
        {home && props.nav && <KioskNav ctx={ctx} home={home} back={props.back} />}
        <main id="main">{props.children}</main>
        <div id="k-offline" class="k-offline" aria-live="assertive" aria-atomic="true" />
      </body>
    </html>
  );
}

// Screens ------------------------------------------------------------------------------------------------------

/**
 * The machine's one "not here" answer, 404 (an unknown unit, a procedure not filed here, a receipt no longer shown): a
 * heading and one line in the words of `title` and `text` ([vi, en]), with the way back home.
 */
function replyMissing(reply: FastifyReply, ctx: PageContext, unit: UnitRow | null, timing: KioskTiming, title: [string, string], text: [string, string]) {
  const heading = tr(ctx, ...title);
  return html(
    reply,
    renderPage(
      <ApsFrame ctx={ctx} title={heading} unit={unit} timing={timing} nav>
        <section class="k-panel">
          <h1>{heading}</h1>
          <p class="k-lead">{tr(ctx, ...text)}</p>
        </section>
      </ApsFrame>,
    ),
    404,
  );
}

function StartScreen(props: { ctx: PageContext; unit: UnitRow; timing: KioskTiming }) {
  const { ctx, unit, timing } = props;
  const q = timingQuery(timing);
  const to = paths(unit);
  return (
    <ApsFrame ctx={ctx} title={unit.name} unit={unit} timing={timing}>
      <h1 class="k-title">{tr(ctx, 'Xin chào! Ông/bà cần làm gì?', 'Welcome! What would you like to do?')}</h1>
      <ul class="aps-actions">
        <li>
          <a class="aps-action" href={`${to.fields}${q}`}>
            <span class="aps-action-name">{tr(ctx, 'Nộp hồ sơ', 'File a dossier')}</span>
            <span class="aps-action-hint">{tr(ctx, 'Quét mã QR trên thẻ căn cước, nhận phiếu hẹn', 'Scan your ID card’s QR code, get a receipt')}</span>
          </a>
        </li>
        <li>
          <a class="aps-action" href={`${to.track}${q}`}>
            <span class="aps-action-name">{tr(ctx, 'Tra cứu hồ sơ', 'Check a dossier')}</span>
            <span class="aps-action-hint">{tr(ctx, 'Quét mã QR trên phiếu hẹn', 'Scan the QR code on your receipt')}</span>
          </a>
        </li>
        <li>
          <a class="aps-action" href={`${to.rate}${q}`}>
            <span class="aps-action-name">{tr(ctx, 'Đánh giá', 'Rate the service')}</span>
            <span class="aps-action-hint">{tr(ctx, 'Sau khi đã nhận kết quả', 'Once you have your result')}</span>
          </a>
        </li>
      </ul>
      <p class="k-muted">{tr(ctx, 'Cần giúp đỡ? Xin hỏi cán bộ tại Bộ phận Một cửa.', 'Need help? Please ask the staff at the one-stop desk.')}</p>
      <p>
        <a class="k-button aps-secondary" href={`/kiosk/${unit.code}${q}`}>
          {tr(ctx, 'Xem danh mục thủ tục', 'See the procedures')}
        </a>
      </p>
    </ApsFrame>
  );
}

function FieldsScreen(props: { ctx: PageContext; unit: UnitRow; timing: KioskTiming; fields: { name: string; slug: string; count: number }[] }) {
  const { ctx, unit, timing } = props;
  const q = timingQuery(timing);
  const to = paths(unit);
  return (
    <ApsFrame ctx={ctx} title={tr(ctx, 'Nộp hồ sơ', 'File a dossier')} unit={unit} timing={timing} nav back={`${to.home}${q}`}>
      <h1 class="k-title">{tr(ctx, 'Nộp hồ sơ: chọn lĩnh vực', 'File a dossier: choose a field')}</h1>
      {props.fields.length === 0 ? (
        <p class="k-lead">{tr(ctx, 'Đơn vị chưa có thủ tục nào. Xin hỏi cán bộ tại quầy.', 'No procedures here yet. Please ask at the desk.')}</p>
      ) : (
        <ul class="k-tiles">
          {props.fields.map((f) => (
            <li key={f.slug}>
              <a class="k-tile" href={`${to.field(f.slug)}${q}`}>
                <span class="k-tile-name">{f.name}</span>
                <span class="k-tile-count">{tr(ctx, `${f.count} thủ tục`, `${f.count} procedure${f.count === 1 ? '' : 's'}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </ApsFrame>
  );
}

function ProceduresScreen(props: { ctx: PageContext; unit: UnitRow; timing: KioskTiming; field: string; procedures: KioskProcedureRow[] }) {
  const { ctx, unit, timing } = props;
  const q = timingQuery(timing);
  const to = paths(unit);
  return (
    <ApsFrame ctx={ctx} title={props.field} unit={unit} timing={timing} nav back={`${to.fields}${q}`}>
      <h1 class="k-title">
        {tr(ctx, 'Chọn thủ tục', 'Choose a procedure')} · {props.field}
      </h1>
      <ul class="k-list">
        {props.procedures.map((p) => (
          <li key={p.code}>
            <a class="k-item" href={`${to.procedure(p.code)}${q}`}>
              <span class="k-item-name">{p.name}</span>
              <span class="k-item-meta">
                {tr(ctx, 'Mã thủ tục', 'Code')} {p.code}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </ApsFrame>
  );
}

interface Chosen {
  code: string;
  name: string;
  fieldSlug: string;
}

function ScanScreen(props: { ctx: PageContext; unit: UnitRow; timing: KioskTiming; procedure: Chosen; error?: string }) {
  const { ctx, unit, timing, procedure } = props;
  const q = timingQuery(timing);
  const to = paths(unit);
  const errors: FormErrors = props.error ? { qr: props.error } : {};
  return (
    <ApsFrame
      ctx={ctx}
      title={tr(ctx, 'Quét thẻ căn cước', 'Scan your ID card')}
      unit={unit}
      timing={timing}
      nav
      back={`${to.field(procedure.fieldSlug)}${q}`}
      scripts={['/static/cccd-scan.js']}
    >
      <h1 class="k-title">{tr(ctx, 'Bước 1: quét mã QR trên thẻ căn cước', 'Step 1: scan the QR code on your ID card')}</h1>
      <p class="aps-procedure">
        {tr(ctx, 'Thủ tục', 'Procedure')}: <strong>{procedure.name}</strong>
      </p>
      <form method="post" action={`${to.scan(procedure.code)}${q}`} class="aps-form" data-cccd-form="" novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} title={tr(ctx, 'Không đọc được mã QR', 'The QR code could not be read')} />
        <CccdScanField
          ctx={ctx}
          error={props.error}
          autofocus
          hint={tr(
            ctx,
            'Đưa mặt sau thẻ căn cước (có mã QR) vào trước đầu đọc. Máy tự điền và chuyển sang bước sau.',
            'Hold the back of your ID card (with the QR code) in front of the reader. It fills in and moves on by itself.',
          )}
        />
        <button type="submit" class="aps-submit">
          {tr(ctx, 'Đọc mã', 'Read the code')}
        </button>
      </form>
      <p class="k-muted">
        {tr(
          ctx,
          'Máy chỉ đọc họ tên, số định danh và nơi cư trú trên thẻ để ghi vào hồ sơ.',
          'The machine only reads the name, ID number and residence on the card for the dossier.',
        )}
      </p>
    </ApsFrame>
  );
}

function ConfirmScreen(props: {
  ctx: PageContext;
  unit: UnitRow;
  timing: KioskTiming;
  procedure: Chosen;
  raw: string;
  read: ReturnType<typeof presentCccd>;
  phone: string;
  consent: boolean;
  idempotencyKey: string;
  errors: FormErrors;
}) {
  const { ctx, unit, timing, procedure, read, errors } = props;
  const q = timingQuery(timing);
  const to = paths(unit);
  const f = read.fields;
  return (
    <ApsFrame
      ctx={ctx}
      title={tr(ctx, 'Xác nhận thông tin', 'Confirm your details')}
      unit={unit}
      timing={timing}
      nav
      back={`${to.procedure(procedure.code)}${q}`}
    >
      <h1 class="k-title">{tr(ctx, 'Bước 2: kiểm tra thông tin và nộp', 'Step 2: check your details and file')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="aps-procedure">
        {tr(ctx, 'Thủ tục', 'Procedure')}: <strong>{procedure.name}</strong>
      </p>
      <section class="k-panel" aria-labelledby="aps-card">
        <h2 id="aps-card">{tr(ctx, 'Người nộp (theo thẻ căn cước)', 'Applicant (from the ID card)')}</h2>
        {read.warnings.length > 0 && (
          <div role="status">
            <p>
              <strong>{tr(ctx, 'Xin kiểm tra lại với thẻ:', 'Please check against the card:')}</strong>
            </p>
            <ul class="aps-warnings">
              {read.warnings.map((w) => (
                <li key={w.code} data-warning={w.code}>
                  {w.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <dl class="aps-facts">
          <dt>{tr(ctx, 'Họ và tên', 'Full name')}</dt>
          <dd data-field="fullName">{f.fullName}</dd>
          <dt>{tr(ctx, 'Số định danh cá nhân', 'Personal ID number')}</dt>
          <dd data-field="idNumber">{f.idNumber}</dd>
          <dt>{tr(ctx, 'Nơi cư trú', 'Place of residence')}</dt>
          <dd data-field="address">{f.address}</dd>
        </dl>
        <p>
          <a class="k-button aps-secondary" href={`${to.procedure(procedure.code)}${q}`}>
            {tr(ctx, 'Không đúng? Quét lại', 'Not right? Scan again')}
          </a>
        </p>
      </section>
      <form method="post" action={`${to.procedure(procedure.code)}${q}`} class="aps-form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="qr" value={props.raw} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <Field
          name="applicantPhone"
          type="tel"
          inputmode="numeric"
          autocomplete="off"
          maxLength={15}
          value={props.phone}
          errors={errors}
          label={tr(ctx, 'Số điện thoại (không bắt buộc)', 'Phone number (optional)')}
          hint={tr(ctx, 'Để cán bộ liên hệ khi cần. Ví dụ: 0912345678', 'So the staff can reach you. For example: 0912345678')}
        />
        <div class={`field aps-check${errors.consent ? ' has-error' : ''}`}>
          {errors.consent && (
            <p class="error" id="f-consent-error">
              {errors.consent}
            </p>
          )}
          <input
            id="f-consent"
            name="consent"
            type="checkbox"
            checked={props.consent}
            aria-invalid={errors.consent ? 'true' : undefined}
            aria-describedby={errors.consent ? 'f-consent-error' : undefined}
          />
          <label for="f-consent">
            {tr(
              ctx,
              'Tôi đồng ý để cơ quan dùng thông tin cá nhân trên để giải quyết hồ sơ.',
              'I agree that the office uses the details above to handle my dossier.',
            )}
          </label>
        </div>
        <p class="aps-note">
          {tr(
            ctx,
            'Máy không nhận giấy tờ: sau khi nộp, xin mang giấy tờ của hồ sơ đến quầy tiếp nhận.',
            'The machine takes no documents: after filing, please bring the dossier’s documents to the desk.',
          )}
        </p>
        <button type="submit" class="aps-submit">
          {tr(ctx, 'Nộp hồ sơ', 'File the dossier')}
        </button>
      </form>
    </ApsFrame>
  );
}

interface ReceiptView {
  code: string;
  procedure: string;
  unit: string;
  applicant: string;
  receivedAt: Date | string;
  dueDate: string;
  trackingUrl: string;
  qr: string;
}

function ReceiptScreen(props: { ctx: PageContext; unit: UnitRow; timing: KioskTiming; r: ReceiptView }) {
  const { ctx, unit, timing, r } = props;
  const q = timingQuery(timing);
  return (
    <ApsFrame ctx={ctx} title={tr(ctx, 'Phiếu hẹn', 'Receipt')} unit={unit} timing={timing} nav scripts={['/static/aps.js']}>
      <h1 class="k-title aps-done">{tr(ctx, 'Đã nộp hồ sơ', 'Your dossier is filed')}</h1>
      <section class="aps-receipt" id="aps-receipt" aria-labelledby="aps-receipt-title">
        <p class="aps-receipt-unit">{r.unit}</p>
        <h2 id="aps-receipt-title">{tr(ctx, 'Phiếu hẹn trả kết quả (nộp qua máy APS)', 'Receipt and appointment (filed at the APS machine)')}</h2>
        <p class="aps-label">{tr(ctx, 'Mã hồ sơ', 'Dossier code')}</p>
        <p class="aps-code" data-code={r.code}>
          {r.code}
        </p>
        <dl class="aps-facts">
          <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
          <dd>{r.procedure}</dd>
          <dt>{tr(ctx, 'Người nộp', 'Applicant')}</dt>
          <dd>{r.applicant}</dd>
          <dt>{tr(ctx, 'Thời điểm nộp', 'Filed at')}</dt>
          <dd>{fmtMoment(r.receivedAt)}</dd>
          <dt>{tr(ctx, 'Ngày hẹn trả kết quả', 'Appointment')}</dt>
          <dd class="aps-due">{fmtDate(r.dueDate)}</dd>
        </dl>
        <p class="aps-note">
          {tr(
            ctx,
            'Xin mang giấy tờ của hồ sơ đến quầy tiếp nhận ngay hôm nay. Ngày hẹn tính từ khi nộp; cán bộ có thể hẹn lại nếu giấy tờ chưa đủ.',
            'Please bring the dossier’s documents to the desk today. The appointment counts from filing; the staff may set a new one if documents are missing.',
          )}
        </p>
        <figure class="aps-qr">
          <img
            src={r.qr}
            width="280"
            height="280"
            alt={tr(ctx, `Mã QR tra cứu hồ sơ ${r.code}`, `QR code to track dossier ${r.code}`)}
            data-tracking-url={r.trackingUrl}
          />
          <figcaption>
            {tr(
              ctx,
              'Quét mã này để tra cứu hồ sơ (cần 4 số cuối số định danh hoặc số điện thoại).',
              'Scan this code to track the dossier (you need the last 4 digits of your ID or phone number).',
            )}
          </figcaption>
        </figure>
      </section>
      <div class="aps-buttons">
        <button type="button" class="k-button aps-print" data-aps-print="" hidden>
          {tr(ctx, 'In phiếu', 'Print the receipt')}
        </button>
        <a class="k-button aps-secondary" href={`${paths(unit).home}${q}`}>
          {tr(ctx, 'Xong', 'Done')}
        </a>
      </div>
    </ApsFrame>
  );
}

type Tracked = Awaited<ReturnType<typeof trackDossier>>;

function TrackScreen(props: {
  ctx: PageContext;
  unit: UnitRow;
  timing: KioskTiming;
  mode: 'track' | 'rate';
  input: string;
  code: string | null;
  check: string;
  errors: FormErrors;
  notFound: boolean;
  result: Tracked | null;
}) {
  const { ctx, unit, timing, mode, errors, result } = props;
  const q = timingQuery(timing);
  const to = paths(unit);
  const action = mode === 'rate' ? to.rate : to.track;
  const title = mode === 'rate' ? tr(ctx, 'Đánh giá sự phục vụ', 'Rate the service') : tr(ctx, 'Tra cứu hồ sơ', 'Check a dossier');
  // The scanner reads the receipt first; the check digits are then asked for in the same form.
  const askCheck = props.code !== null && !result;
  return (
    <ApsFrame ctx={ctx} title={title} unit={unit} timing={timing} nav back={`${to.home}${q}`}>
      <h1 class="k-title">{title}</h1>
      {!result && (
        <p class="k-lead">
          {mode === 'rate'
            ? tr(
                ctx,
                'Quét mã QR trên phiếu hẹn của hồ sơ đã nhận kết quả (hoặc nhập mã hồ sơ), rồi nhập 4 số cuối số định danh hoặc số điện thoại.',
                'Scan the QR code on the receipt of a dossier whose result you have (or type its code), then the last 4 digits of your ID or phone number.',
              )
            : tr(
                ctx,
                'Quét mã QR trên phiếu hẹn (hoặc nhập mã hồ sơ), rồi nhập 4 số cuối số định danh hoặc số điện thoại.',
                'Scan the QR code on your receipt (or type the dossier code), then the last 4 digits of your ID or phone number.',
              )}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notFound && (
        <p class="aps-alert" role="alert">
          {tr(
            ctx,
            'Không tìm thấy hồ sơ với mã và 4 số kiểm tra này. Xin kiểm tra lại mã trên phiếu hẹn.',
            'No dossier matches this code and these digits. Check the code on your receipt.',
          )}
        </p>
      )}
      <form method="get" action={action} class="aps-form" novalidate>
        {timing.idle !== timingFrom({}).idle && <input type="hidden" name="idle" value={String(timing.idle)} />}
        <div class={`field${errors.ma ? ' has-error' : ''}`}>
          <label for="f-ma">{tr(ctx, 'Mã hồ sơ (quét mã QR trên phiếu hẹn)', 'Dossier code (scan the QR code on your receipt)')}</label>
          {errors.ma && (
            <p class="error" id="f-ma-error">
              {errors.ma}
            </p>
          )}
          <input
            id="f-ma"
            name="ma"
            type="text"
            value={props.code ?? props.input}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={TRACKING_INPUT_MAX}
            autofocus={!askCheck && !result}
            aria-invalid={errors.ma ? 'true' : undefined}
            aria-describedby={errors.ma ? 'f-ma-error' : undefined}
          />
        </div>
        <Field
          name="check"
          inputmode="numeric"
          autocomplete="off"
          maxLength={4}
          value={props.check}
          autofocus={askCheck}
          errors={errors}
          label={tr(ctx, '4 số cuối số định danh hoặc số điện thoại', 'Last 4 digits of your ID or phone number')}
        />
        <button type="submit" class="aps-submit">
          {tr(ctx, 'Tra cứu', 'Look up')}
        </button>
      </form>
      {result && <TrackResult ctx={ctx} unit={unit} timing={timing} mode={mode} check={props.check} result={result} />}
    </ApsFrame>
  );
}

function TrackResult(props: { ctx: PageContext; unit: UnitRow; timing: KioskTiming; mode: 'track' | 'rate'; check: string; result: Tracked }) {
  const { ctx, unit, timing, result } = props;
  const q = timingQuery(timing);
  return (
    <section class="aps-result" aria-labelledby="aps-result-title">
      <h2 id="aps-result-title">
        {tr(ctx, 'Hồ sơ', 'Dossier')} {result.code}
      </h2>
      <p class="aps-label">{tr(ctx, 'Trạng thái', 'Status')}</p>
      <p class="aps-status" data-status={result.status}>
        {result.statusLabel}
      </p>
      <dl class="aps-facts">
        <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
        <dd>{result.procedure}</dd>
        <dt>{tr(ctx, 'Nơi tiếp nhận', 'Received at')}</dt>
        <dd>{result.unit}</dd>
        <dt>{tr(ctx, 'Ngày hẹn trả kết quả', 'Appointment')}</dt>
        <dd>{fmtDate(result.dueDate)}</dd>
        {result.missing && (
          <>
            <dt>{tr(ctx, 'Cần bổ sung', 'Missing')}</dt>
            <dd>{result.missing}</dd>
          </>
        )}
      </dl>
      {result.canRate && (
        <form method="post" action={`${paths(unit).rate}${q}`} class="aps-rate" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="code" value={result.code} />
          <input type="hidden" name="check" value={props.check} />
          <fieldset>
            <legend>{tr(ctx, 'Ông/bà đánh giá việc giải quyết hồ sơ thế nào?', 'How was your dossier handled?')}</legend>
            <div class="aps-rate-buttons">
              {ratings.map((r) => (
                <button key={r} type="submit" name="rating" value={r} class={`aps-rating aps-rating-${r}`}>
                  {tr(ctx, ratingLabels[r].vi, ratingLabels[r].en)}
                </button>
              ))}
            </div>
          </fieldset>
        </form>
      )}
      {result.rated && (
        <p class="aps-thanks" role="status">
          {tr(ctx, 'Cảm ơn ông/bà đã đánh giá.', 'Thank you for your rating.')}
        </p>
      )}
      {!result.canRate && !result.rated && props.mode === 'rate' && (
        <p class="aps-note">
          {tr(
            ctx,
            'Hồ sơ chưa trả kết quả. Ông/bà đánh giá được sau khi đã nhận kết quả.',
            'The result has not been returned yet. You can rate once you have received it.',
          )}
        </p>
      )}
    </section>
  );
}

// Routes -------------------------------------------------------------------------------------------------------

type Params = { unit: string; procedure?: string; field?: string; code?: string };

/** The form fields of a urlencoded POST, as strings. */
function fieldsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Registers the APS machine's screens under /kiosk/<unit>/aps (public). */
export function registerApsPages(app: App, p: Platform): void {
  /** Resolves the unit of the URL: a merged unit's machine moves to its successor; an unknown one gets the 404 screen. */
  const withUnit = async (req: FastifyRequest, reply: FastifyReply, render: (unit: UnitRow, timing: KioskTiming, ctx: PageContext) => Promise<unknown>) => {
    const code = (req.params as Params).unit;
    const timing = timingFrom(req.query as Record<string, unknown>);
    const ctx = pageContext(req, reply);
    const unit = UNIT_CODE.test(code) ? await findUnitByCode(p.db, code) : null;
    if (!unit) {
      return replyMissing(
        reply,
        ctx,
        null,
        timing,
        ['Không tìm thấy đơn vị', 'Unit not found'],
        ['Máy này chưa được cài đặt đúng địa chỉ: xin báo cán bộ Bộ phận Một cửa.', 'This machine is set to a wrong address: please tell the desk staff.'],
      );
    }
    if (unit.merged_into_id !== null && req.method === 'GET') {
      const into = await findUnitById(p.db, Number(unit.merged_into_id));
      if (into) return reply.redirect(`/kiosk/${into.code}/aps${timingQuery(timing)}`, 302);
    }
    return render(unit, timing, ctx);
  };

  const missingProcedure = (reply: FastifyReply, ctx: PageContext, unit: UnitRow, timing: KioskTiming) =>
    replyMissing(
      reply,
      ctx,
      unit,
      timing,
      ['Thủ tục không nộp được tại đây', 'Procedure not available here'],
      [
        'Thủ tục này hiện không được niêm yết tại đơn vị (có thể vừa được cập nhật). Xin chạm “Trang đầu” để chọn lại.',
        'This procedure is no longer listed at this unit (it may just have been updated). Touch “Home” to choose again.',
      ],
    );

  /** The procedure of the URL when the unit carries it and it is in force today, with its field's URL segment. */
  /** What a citizen may file at the machine: the unit's procedures open to online filing (the machine files online). */
  const fileable = async (unitId: number, day: string) => (await listKioskProcedures(p.db, unitId, day)).filter((x) => acceptsOnline(x.online_level));

  const chosenProcedure = async (unit: UnitRow, raw: string | undefined): Promise<Chosen | null> => {
    const code = String(raw ?? '');
    if (!PROCEDURE_CODE.test(code)) return null;
    const day = todayInVietnam(now());
    const [procedure, all] = await Promise.all([findKioskProcedure(p.db, unit.id, code, day), fileable(unit.id, day)]);
    if (!procedure || !acceptsOnline(procedure.online_level)) return null;
    const slug = fieldSlugs([...new Set(all.map((x) => x.field))]).get(procedure.field) ?? '';
    return { code: procedure.code, name: procedure.name, fieldSlug: slug };
  };

  app.get('/kiosk/:unit/aps', { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing, ctx) => html(reply, renderPage(<StartScreen ctx={ctx} unit={unit} timing={timing} />))),
  );

  app.get('/kiosk/:unit/aps/nop', { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing, ctx) => {
      const all = await fileable(unit.id, todayInVietnam(now()));
      const counts = new Map<string, number>();
      for (const x of all) counts.set(x.field, (counts.get(x.field) ?? 0) + 1);
      const slugs = fieldSlugs([...counts.keys()]);
      const fields = [...counts].map(([name, count]) => ({ name, slug: slugs.get(name) as string, count }));
      return html(reply, renderPage(<FieldsScreen ctx={ctx} unit={unit} timing={timing} fields={fields} />));
    }),
  );

  app.get('/kiosk/:unit/aps/nop/linh-vuc/:field', { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing, ctx) => {
      const all = await fileable(unit.id, todayInVietnam(now()));
      const slugs = fieldSlugs([...new Set(all.map((x) => x.field))]);
      const wanted = (req.params as Params).field;
      const field = [...slugs].find(([, slug]) => slug === wanted)?.[0];
      if (!field) return missingProcedure(reply, ctx, unit, timing);
      return html(
        reply,
        renderPage(<ProceduresScreen ctx={ctx} unit={unit} timing={timing} field={field} procedures={all.filter((x) => x.field === field)} />),
      );
    }),
  );

  app.get('/kiosk/:unit/aps/nop/:procedure', { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing, ctx) => {
      const procedure = await chosenProcedure(unit, (req.params as Params).procedure);
      if (!procedure) return missingProcedure(reply, ctx, unit, timing);
      return html(reply, renderPage(<ScanScreen ctx={ctx} unit={unit} timing={timing} procedure={procedure} />));
    }),
  );

  /** Reads the scan: a refused one shows the parser's message with an empty box; a good one the confirmation. */
  app.post('/kiosk/:unit/aps/nop/:procedure/quet', { config: { permission: 'public', rateLimit: SCAN_RATE_LIMIT } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing, ctx) => {
      const procedure = await chosenProcedure(unit, (req.params as Params).procedure);
      if (!procedure) return missingProcedure(reply, ctx, unit, timing);
      const raw = fieldsOf(req.body).qr ?? '';
      const r = parseCccdQr(raw, todayInVietnam(now()));
      if (!r.ok) {
        return html(reply, renderPage(<ScanScreen ctx={ctx} unit={unit} timing={timing} procedure={procedure} error={r.message[req.lang]} />), 422);
      }
      return html(
        reply,
        renderPage(
          <ConfirmScreen
            ctx={ctx}
            unit={unit}
            timing={timing}
            procedure={procedure}
            raw={raw}
            read={presentCccd(r, req.lang)}
            phone=""
            consent={false}
            idempotencyKey={randomUUID()}
            errors={{}}
          />,
        ),
      );
    }),
  );

  /** Files the dossier: the card is read again from the scan carried by the form, so what is filed is what the card holds. */
  app.post('/kiosk/:unit/aps/nop/:procedure', { config: { permission: 'public', rateLimit: FILE_RATE_LIMIT } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing, ctx) => {
      const procedure = await chosenProcedure(unit, (req.params as Params).procedure);
      if (!procedure) return missingProcedure(reply, ctx, unit, timing);
      const fields = fieldsOf(req.body);
      const raw = fields.qr ?? '';
      const r = parseCccdQr(raw, todayInVietnam(now()));
      if (!r.ok) {
        return html(reply, renderPage(<ScanScreen ctx={ctx} unit={unit} timing={timing} procedure={procedure} error={r.message[req.lang]} />), 422);
      }
      const phone = (fields.applicantPhone ?? '').trim().slice(0, 30);
      const consent = fields.consent === 'on';
      const key = (fields.idempotencyKey ?? '').slice(0, 36);
      const idempotencyKey = KEY_RE.test(key) ? key : randomUUID();
      const confirm = (errors: FormErrors, status: number) =>
        html(
          reply,
          renderPage(
            <ConfirmScreen
              ctx={ctx}
              unit={unit}
              timing={timing}
              procedure={procedure}
              raw={raw}
              read={presentCccd(r, req.lang)}
              phone={phone}
              consent={consent}
              idempotencyKey={idempotencyKey}
              errors={errors}
            />,
          ),
          status,
        );
      const card: IdentityFields = r.fields;
      let code: string;
      try {
        const filed = await fileAtKiosk(p.db, machineActor(req, unit), unit, { procedure: procedure.code, card, phone, consent, idempotencyKey }, now());
        if (!filed.ok) return confirm(formErrors(filed.errors, req.lang), 400);
        code = filed.dossier.code;
      } catch (err) {
        if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'UNPROCESSABLE')) {
          return confirm(err.errors.length ? formErrors(err.errors, req.lang) : { form: err.detail?.[req.lang] ?? err.message }, err.status);
        }
        if (err instanceof AppError && err.code === 'PROCEDURE_NOT_FOUND') return missingProcedure(reply, ctx, unit, timing);
        throw err;
      }
      const at = Date.now();
      req.session.apsReceipts = [...(req.session.apsReceipts ?? []).filter((x) => x.code !== code && at - x.at < RECEIPT_MS), { code, at }].slice(
        -KEPT_RECEIPTS,
      );
      return reply.redirect(`${paths(unit).receipt(code)}${timingQuery(timing)}`, 303);
    }),
  );

  // Only this machine's session, and only for a few minutes after filing, sees the receipt; anyone else the 404 screen.
  app.get('/kiosk/:unit/aps/bien-nhan/:code', { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing, ctx) => {
      const code = String((req.params as Params).code ?? '').slice(0, 80);
      const kept = req.session?.apsReceipts?.find((x) => x.code === code && Date.now() - x.at < RECEIPT_MS);
      const d = kept ? await findDossierByCode(p.db, code) : null;
      if (!d || d.unit_id !== unit.id) {
        return replyMissing(
          reply,
          ctx,
          unit,
          timing,
          ['Phiếu hẹn không còn hiển thị', 'The receipt is no longer shown'],
          [
            'Phiếu hẹn chỉ hiển thị ít phút sau khi nộp. Để xem hồ sơ, chạm “Trang đầu” rồi “Tra cứu hồ sơ”.',
            'A receipt is shown only for a few minutes after filing. To see the dossier, touch “Home”, then “Check a dossier”.',
          ],
        );
      }
      const trackingUrl = trackingUrlOf(p.config.publicUrl, d.code);
      const r: ReceiptView = {
        code: d.code,
        procedure: d.procedure_name,
        unit: d.unit_name,
        applicant: d.applicant_name,
        receivedAt: d.received_at,
        dueDate: d.due_date,
        trackingUrl,
        qr: await qrDataUrl(trackingUrl, { scale: 8 }),
      };
      return html(reply, renderPage(<ReceiptScreen ctx={ctx} unit={unit} timing={timing} r={r} />));
    }),
  );

  /** Tracking and the rating screen share one form: the scanned address (or typed code) and the 4 check digits. */
  const track = (mode: 'track' | 'rate') => async (req: FastifyRequest, reply: FastifyReply) =>
    withUnit(req, reply, async (unit, timing, ctx) => {
      const query = req.query as Record<string, unknown>;
      const input = typeof query.ma === 'string' ? query.ma.slice(0, TRACKING_INPUT_MAX) : '';
      const rawCheck = typeof query.check === 'string' ? query.check.slice(0, 20) : '';
      const code = codeFromTrackingInput(input);
      const check = checkDigits(rawCheck);
      const errors: FormErrors = {};
      if (input.trim() !== '' && !code)
        errors.ma = tr(ctx, 'Không đọc được mã hồ sơ. Mã có dạng 30337-260213-0001', 'No dossier code found. A code looks like 30337-260213-0001');
      if (code && rawCheck.trim() !== '' && !check) errors.check = tr(ctx, 'Nhập đúng 4 chữ số', 'Enter exactly 4 digits');
      let result: Tracked | null = null;
      let notFound = false;
      if (code && check) {
        try {
          result = await trackDossier(p, code, check, req.lang);
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 404) throw err;
          notFound = true;
        }
      }
      const status = notFound ? 404 : Object.keys(errors).length ? 400 : 200;
      return html(
        reply,
        renderPage(
          <TrackScreen
            ctx={ctx}
            unit={unit}
            timing={timing}
            mode={mode}
            input={errors.ma ? '' : input}
            code={code}
            check={check ?? ''}
            errors={errors}
            notFound={notFound}
            result={result}
          />,
        ),
        status,
      );
    });

  app.get('/kiosk/:unit/aps/tra-cuu', { config: { permission: 'public', rateLimit: TRACK_RATE_LIMIT } }, track('track'));
  app.get('/kiosk/:unit/aps/danh-gia', { config: { permission: 'public', rateLimit: TRACK_RATE_LIMIT } }, track('rate'));

  /** One of the four levels, through the dossiers module's rating (once per dossier, only when returned). */
  app.post('/kiosk/:unit/aps/danh-gia', { config: { permission: 'public', rateLimit: RATE_RATE_LIMIT } }, async (req, reply) =>
    withUnit(req, reply, async (unit, timing) => {
      const fields = fieldsOf(req.body);
      const code = codeFromTrackingInput(fields.code ?? '');
      const check = checkDigits(fields.check ?? '');
      const rating = (ratings as readonly string[]).includes(fields.rating ?? '') ? (fields.rating as Rating) : null;
      const q = new URLSearchParams({ ma: code ?? '', check: check ?? '' });
      if (timingQuery(timing)) q.set('idle', String(timing.idle));
      const back = `${paths(unit).rate}?${q}`;
      if (!code || !check || !rating) return reply.redirect(back, 303);
      try {
        await rateByCitizen(p, req, { code, check, rating }, 'tracking');
      } catch (err) {
        // Rated already: the screen it returns to says thank you; not returned yet or a wrong pair: it shows why.
        if (!(err instanceof AppError) || (err.code !== 'CONFLICT' && err.code !== 'UNPROCESSABLE' && err.status !== 404)) throw err;
      }
      return reply.redirect(back, 303);
    }),
  );
}
