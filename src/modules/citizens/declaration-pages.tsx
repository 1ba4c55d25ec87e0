import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, type FormErrors } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext } from '../../web/page.ts';
import {
  currentTemplate,
  FieldInput,
  type FormField,
  type FormTemplate,
  formTemplates,
  normaliseValues,
  renderDeclarationPdf,
  validateValues,
} from '../forms/index.ts';
import { CccdScanField, type IdentityFields, type IdentityWarning, parseCccdQr } from '../identity/index.ts';
import { citizenIdentity } from './commands/citizen-identity.ts';
import { fillFromOtherCard, otherPersonKeys, otherPersonSections } from './rules/other-card.ts';
import { prefilledKeys, prefillValues } from './rules/prefill.ts';

export const CITIZEN_FORMS = '/cong-dan/to-khai';

type Raw = Record<string, unknown>;

/** Today in Vietnam (UTC+7), YYYY-MM-DD: which template versions are current and the signing date. */
const vietnamToday = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The current version of every template, in catalogue order. */
function currentTemplates(today: string): FormTemplate[] {
  return [...new Set(formTemplates.map((t) => t.key))].flatMap((k) => currentTemplate(k, today) ?? []);
}

/** @throws AppError FORM_TEMPLATE_NOT_FOUND for a key no template has (the error page is in Vietnamese). */
function mustFindTemplate(key: string, today: string): FormTemplate {
  const t = formTemplates.some((x) => x.key === key) ? currentTemplate(key, today) : null;
  if (!t) {
    throw new AppError('FORM_TEMPLATE_NOT_FOUND', {
      detail: {
        vi: 'Không có mẫu tờ khai này. Xin chọn một mẫu trong danh sách tờ khai.',
        en: 'There is no such form. Please choose one from the list of forms.',
      },
    });
  }
  return t;
}

/** The signed-in citizen's identity. @throws AppError FORBIDDEN when the principal is not (or no longer) a citizen. */
async function mustLoadIdentity(p: Platform, req: FastifyRequest): Promise<IdentityFields> {
  const identity = await citizenIdentity(p.db, req.principal);
  if (!identity) throw new AppError('FORBIDDEN');
  return identity;
}

function PrivacyNote(props: { ctx: PageContext }) {
  return (
    <p class="notice">
      {tr(
        props.ctx,
        'Thông tin chỉ dùng để in tờ khai này, hệ thống không lưu lại.',
        'Your details are used only to print this form; the system does not keep them.',
      )}
    </p>
  );
}

function TemplateListPage(props: { ctx: PageContext; templates: FormTemplate[] }) {
  const { ctx } = props;
  const title = tr(ctx, 'Điền và in tờ khai', 'Fill in and print a form');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        {tr(
          ctx,
          'Chọn tờ khai cần nộp. Các ô về ông/bà được điền sẵn từ VNeID; ông/bà điền các ô còn lại, in tờ khai ra giấy, ký và mang đến Bộ phận Một cửa.',
          'Choose the form you need. The boxes about you are filled from VNeID; fill in the rest, print the form, sign it and bring it to the one-stop desk.',
        )}
      </p>
      <ul class="citizen-forms">
        {props.templates.map((t) => (
          <li key={t.key}>
            <p>
              <a href={`${CITIZEN_FORMS}/${t.key}`}>
                <strong>{t.name}</strong>
              </a>
            </p>
            <p class="hint">{t.legalBasis}</p>
          </li>
        ))}
      </ul>
      <PrivacyNote ctx={ctx} />
      <p>
        <a href="/cong-dan">{tr(ctx, 'Về trang của tôi', 'Back to my page')}</a>
      </p>
    </Layout>
  );
}

/** The sections holding the other person's boxes a scanned card can fill ("Bên nam"). */
interface OtherPerson {
  sections: string[];
}

/** What the last scan filled: shown above the form with the parser's warnings. */
interface ScanFilled {
  keys: Set<string>;
  warnings: IdentityWarning[];
}

const quoted = (sections: string[]) => sections.map((s) => `«${s}»`).join(', ');

/**
 * The box a phone camera, a handheld scanner or a paste fills with the card's QR text. Its value is never rendered
 * back: a refused scan leaves it empty so the next scan is not appended to the bad one. `/static/cccd-scan.js` adds the
 * camera button after it (the form is `data-cccd-form`).
 */
function OtherCardScan(props: { ctx: PageContext; other: OtherPerson; error?: string }) {
  const { ctx, other, error } = props;
  return (
    <section class="other-card" aria-labelledby="quet-cccd">
      <h2 id="quet-cccd">{tr(ctx, 'Quét CCCD của người khác', 'Scan another person’s ID card')}</h2>
      <p>
        {tr(
          ctx,
          `Quét mã QR trên thẻ căn cước của người kia để điền các ô trong phần ${quoted(other.sections)}. Các ô về ông/bà không bị thay đổi. Thông tin trên thẻ không được lưu lại.`,
          `Scan the QR code on the other person’s ID card to fill the boxes in ${quoted(other.sections)}. Your own boxes are not changed. Nothing from the card is kept.`,
        )}
      </p>
      <CccdScanField
        ctx={ctx}
        error={error}
        hint={tr(
          ctx,
          'Trên điện thoại có camera, nút «Quét bằng camera» hiện ra dưới ô này: bấm nút rồi đưa mã QR trên thẻ vào giữa khung hình. Có máy quét mã thì đặt con trỏ vào ô rồi quét.',
          'On a phone with a camera, a “Scan with the camera” button appears below this box: press it and hold the card’s QR code in the middle of the picture. With a barcode scanner, put the cursor in the box and scan.',
        )}
      />
      <button type="submit" name="action" value="scan" class="secondary">
        {tr(ctx, 'Điền từ thẻ', 'Fill from the card')}
      </button>
    </section>
  );
}

function DeclarationPage(props: {
  ctx: PageContext;
  template: FormTemplate;
  values: Raw;
  errors: FormErrors;
  prefilled: Set<string>;
  other: OtherPerson | null;
  scanned: ScanFilled | null;
}) {
  const { ctx, template: t, values, errors, prefilled, other, scanned } = props;
  const fromVneid = tr(ctx, 'Điền sẵn từ VNeID; sửa nếu chưa đúng', 'Filled from VNeID; correct it if needed');
  const fromCard = tr(ctx, 'Điền từ thẻ căn cước vừa quét; đối chiếu với thẻ', 'Filled from the ID card just scanned; check it against the card');
  const hinted = (f: FormField, note: string): FormField => ({ ...f, hint: f.hint ? `${note}. ${f.hint}` : note });
  return (
    <Layout ctx={ctx} title={t.name}>
      <h1>{t.name}</h1>
      <p class="hint">{t.legalBasis}</p>
      <p>
        {tr(
          ctx,
          'Các ô về ông/bà đã được điền sẵn từ VNeID (ông/bà có thể sửa, ví dụ khi đã chuyển nơi ở). Điền các ô còn lại rồi bấm «In tờ khai» để nhận tệp PDF, in ra giấy và ký tên. Ô có dấu * là bắt buộc.',
          'The boxes about you are filled from VNeID (you may correct them, e.g. after moving). Fill in the rest and press “Print the form” to get a PDF to print and sign. Boxes marked * are required.',
        )}
      </p>
      {other && !scanned && (
        <p>
          {tr(
            ctx,
            `Có thẻ căn cước của người kia? Các ô trong phần ${quoted(other.sections)} có thể điền bằng cách `,
            `Have the other person’s ID card? The boxes in ${quoted(other.sections)} can be filled by `,
          )}
          <a href="#quet-cccd">{tr(ctx, 'quét mã QR trên thẻ', 'scanning the QR code on the card')}</a>.
        </p>
      )}
      <PrivacyNote ctx={ctx} />
      {scanned && other && (
        <div class="notice" role="status">
          <p>
            <strong>
              {tr(
                ctx,
                `Đã điền các ô trong phần ${quoted(other.sections)} từ thẻ căn cước vừa quét.`,
                `The boxes in ${quoted(other.sections)} were filled from the ID card just scanned.`,
              )}
            </strong>{' '}
            {tr(
              ctx,
              'Hãy đối chiếu với thẻ, điền các ô còn lại rồi bấm «In tờ khai».',
              'Check them against the card, fill in the rest and press “Print the form”.',
            )}
          </p>
          {scanned.warnings.length > 0 && (
            <>
              <p>{tr(ctx, 'Cần đối chiếu với thẻ:', 'Check against the card:')}</p>
              <ul class="warnings">
                {scanned.warnings.map((w) => (
                  <li key={w.code} data-warning={w.code}>
                    {w.message[ctx.lang]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${CITIZEN_FORMS}/${t.key}`} data-cccd-form={other ? '' : undefined} novalidate>
        <CsrfField ctx={ctx} />
        {t.sections.map((s) => (
          <fieldset key={s.title}>
            <legend>{s.title}</legend>
            {s.fields.map((f) => {
              const field = scanned?.keys.has(f.key) ? hinted(f, fromCard) : prefilled.has(f.key) ? hinted(f, fromVneid) : f;
              const v = values[f.key];
              return <FieldInput key={f.key} ctx={ctx} f={field} value={typeof v === 'string' ? v : undefined} errors={errors} />;
            })}
          </fieldset>
        ))}
        {/* The print button comes first: it is the button Enter presses in any box (a scan is told by the QR box). */}
        <button type="submit">{tr(ctx, 'In tờ khai (PDF)', 'Print the form (PDF)')}</button>
        {other && <OtherCardScan ctx={ctx} other={other} error={errors.qr} />}
      </form>
      <p>
        <a href={CITIZEN_FORMS}>{tr(ctx, 'Chọn tờ khai khác', 'Choose another form')}</a>
      </p>
      {other && <script src="/static/cccd-scan.js" defer />}
    </Layout>
  );
}

/**
 * The citizen's own declarations: the list of forms, and each form pre-filled from their VNeID identity, printed as
 * PDF. Stateless (purpose-bound use, STANDARDS §7): nothing typed or printed is stored, logged or audited.
 */
export function registerCitizenDeclarationPages(app: App, p: Platform): void {
  const page = (
    req: FastifyRequest,
    reply: FastifyReply,
    t: FormTemplate,
    identity: IdentityFields,
    values: Raw,
    errors: FormErrors,
    status = 200,
    scanned: ScanFilled | null = null,
  ) => {
    const keys = otherPersonKeys(t, identity);
    const other = keys.size > 0 ? { sections: otherPersonSections(t, keys) } : null;
    return html(
      reply,
      renderPage(
        <DeclarationPage
          ctx={pageContext(req, reply)}
          template={t}
          values={values}
          errors={errors}
          prefilled={prefilledKeys(t, identity)}
          other={other}
          scanned={scanned}
        />,
      ),
      status,
    );
  };

  app.get(CITIZEN_FORMS, { config: { permission: 'citizen' } }, async (req, reply) =>
    html(reply, renderPage(<TemplateListPage ctx={pageContext(req, reply)} templates={currentTemplates(vietnamToday(new Date()))} />)),
  );

  app.get(`${CITIZEN_FORMS}/:template`, { config: { permission: 'citizen' } }, async (req, reply) => {
    const today = vietnamToday(new Date());
    const t = mustFindTemplate((req.params as { template: string }).template, today);
    const identity = await mustLoadIdentity(p, req);
    return page(req, reply, t, identity, prefillValues(t, identity, today), {});
  });

  /**
   * Prints the form; or, when the QR box holds a card's text (or "Điền từ thẻ" was pressed), fills the other person's
   * boxes from that card and shows the form again with everything typed kept. Nothing of the card is stored, logged,
   * audited or echoed: a refused scan fills nothing and leaves the QR box empty.
   */
  app.post(`${CITIZEN_FORMS}/:template`, { config: { permission: 'citizen' } }, async (req, reply) => {
    const now = new Date();
    const today = vietnamToday(now);
    const t = mustFindTemplate((req.params as { template: string }).template, today);
    const identity = await mustLoadIdentity(p, req);
    const { qr, action, ...form } = cleanForm(req.body);
    if (otherPersonKeys(t, identity).size > 0 && (qr !== undefined || action === 'scan')) {
      const parsed = parseCccdQr(typeof qr === 'string' ? qr : '', today);
      if (!parsed.ok) return page(req, reply, t, identity, form, { qr: parsed.message[req.lang] }, 422);
      const fill = fillFromOtherCard(t, identity, parsed.fields);
      if (!fill.ok) return page(req, reply, t, identity, form, { qr: fill.message[req.lang] }, 422);
      return page(req, reply, t, identity, { ...form, ...fill.values }, {}, 200, { keys: new Set(Object.keys(fill.values)), warnings: parsed.warnings });
    }
    const values = normaliseValues([t], form);
    const errors = validateValues([t], values, { requireAll: true });
    if (errors.length) return page(req, reply, t, identity, form, formErrors(errors, req.lang), 400);
    const pdf = await renderDeclarationPdf(t, values, { creationDate: now });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${t.key}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });
}
