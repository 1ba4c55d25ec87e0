/**
 * `/mot-cua/quet-cccd`: the desk's card check. A clerk scans a citizen's chip ID card (handheld scanner or camera) and
 * sees what the QR code holds, with the warnings, before typing anything into a dossier. Nothing is stored: the page
 * only reads the scan. The form is the contract the scan script enhances (`form[data-cccd-form]`, `input[data-cccd-scan]`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import type { App } from '../../platform/http/server.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { CsrfField, ErrorSummary, type FormErrors, PageHeading } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { presentCccd } from './present.ts';
import { parseCccdQr } from './rules/cccd.ts';

export const SCAN_PAGE = '/mot-cua/quet-cccd';

type Read = ReturnType<typeof presentCccd>;

const fmtDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The scan box: a handheld scanner types into it and its Enter submits (no JavaScript needed); /static/cccd-scan.js
 * adds the camera button. `hint` replaces the default instructions; `error` is the parser's message.
 */
export function CccdScanField(props: { ctx: PageContext; error?: string; autofocus?: boolean; hint?: string }) {
  const { ctx, error: err } = props;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for="f-qr">{tr(ctx, 'Mã QR trên thẻ căn cước', 'QR code on the ID card')}</label>
      <p class="hint" id="f-qr-hint">
        {props.hint ??
          tr(
            ctx,
            'Đặt con trỏ vào ô rồi quét bằng máy quét cầm tay (máy tự nhấn Enter), hoặc bấm “Quét bằng camera”.',
            'Put the cursor in the box and scan with the handheld scanner (it presses Enter itself), or press “Scan with the camera”.',
          )}
      </p>
      {err && (
        <p class="error" id="f-qr-error">
          {err}
        </p>
      )}
      <input
        id="f-qr"
        name="qr"
        type="text"
        data-cccd-scan=""
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        maxLength={2000}
        autofocus={props.autofocus}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={err ? 'f-qr-hint f-qr-error' : 'f-qr-hint'}
      />
    </div>
  );
}

function ScanPage(props: { ctx: PageContext; read: Read | null; errors: FormErrors }) {
  const { ctx, read, errors } = props;
  const f = read?.fields;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Quét thẻ căn cước', 'Scan an ID card')}>
      <PageHeading title={tr(ctx, 'Quét mã QR trên thẻ căn cước', 'Scan the QR code of an ID card')} />
      <p>
        {tr(
          ctx,
          'Trang này chỉ đọc và kiểm tra mã QR trên thẻ căn cước gắn chip, không lưu thông tin nào.',
          'This page only reads and checks the QR code of a chip ID card; it stores nothing.',
        )}{' '}
        <a href="/mot-cua">{tr(ctx, 'Về Bộ phận Một cửa', 'Back to the desk')}</a>
      </p>
      <form method="post" action={SCAN_PAGE} data-cccd-form="" novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} title={tr(ctx, 'Không đọc được mã QR', 'The QR code could not be read')} />
        <CccdScanField ctx={ctx} error={errors.qr} autofocus />
        <button type="submit">{tr(ctx, 'Đọc mã', 'Read the code')}</button>
      </form>
      {read && f && (
        <section aria-labelledby="ket-qua" data-cccd-result="">
          <h2 id="ket-qua">{tr(ctx, 'Thông tin trên thẻ', 'What the card holds')}</h2>
          {read.warnings.length > 0 && (
            <div class="notice" role="status">
              <p>
                <strong>{tr(ctx, 'Cần đối chiếu với thẻ:', 'Check against the card:')}</strong>
              </p>
              <ul class="warnings">
                {read.warnings.map((w) => (
                  <li key={w.code} data-warning={w.code}>
                    {w.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <dl class="facts">
            <dt>{tr(ctx, 'Số định danh cá nhân', 'Personal ID number')}</dt>
            <dd data-field="idNumber">{f.idNumber}</dd>
            <dt>{tr(ctx, 'Số CMND cũ', 'Old ID card number')}</dt>
            <dd data-field="oldIdNumber">{f.oldIdNumber ?? tr(ctx, 'Không có', 'None')}</dd>
            <dt>{tr(ctx, 'Họ và tên', 'Full name')}</dt>
            <dd data-field="fullName">{f.fullName}</dd>
            <dt>{tr(ctx, 'Ngày sinh', 'Date of birth')}</dt>
            <dd data-field="dateOfBirth">{fmtDate(f.dateOfBirth)}</dd>
            <dt>{tr(ctx, 'Giới tính', 'Sex')}</dt>
            <dd data-field="sex">{f.sex}</dd>
            <dt>{tr(ctx, 'Nơi cư trú', 'Place of residence')}</dt>
            <dd data-field="address">{f.address}</dd>
            <dt>{tr(ctx, 'Ngày cấp', 'Date of issue')}</dt>
            <dd data-field="issueDate">{fmtDate(f.issueDate)}</dd>
          </dl>
          {read.extras.some((x) => x !== '') && (
            <>
              <h3>{tr(ctx, 'Thông tin thêm trên mã (thẻ căn cước 2024)', 'More fields in the code (2024 ID card)')}</h3>
              <ol>
                {read.extras.map((x, i) => (
                  <li key={i}>{x === '' ? tr(ctx, '(trống)', '(empty)') : x}</li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
      <script src="/static/cccd-scan.js" defer />
    </Layout>
  );
}

/** The desk's card-check page; the same permission as receiving dossiers. */
export function registerIdentityPages(app: App, _p: Platform): void {
  const render = (req: FastifyRequest, reply: FastifyReply, read: Read | null, errors: FormErrors, status = 200) =>
    html(reply, renderPage(<ScanPage ctx={pageContext(req, reply)} read={read} errors={errors} />), status);

  app.get(SCAN_PAGE, { config: { permission: 'dossiers.receive' } }, async (req, reply) => render(req, reply, null, {}));

  app.post(SCAN_PAGE, { config: { permission: 'dossiers.receive', rateLimit: { max: 60, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const body = req.body as Record<string, unknown> | undefined;
    const raw = typeof body?.qr === 'string' ? body.qr : '';
    const r = parseCccdQr(raw, todayInVietnam(new Date()));
    // On a refusal the box is left empty (not re-filled): the next scan must not be appended to the bad one.
    if (!r.ok) return render(req, reply, null, { qr: r.message[req.lang] }, 422);
    return render(req, reply, presentCccd(r, req.lang), {});
  });
}
