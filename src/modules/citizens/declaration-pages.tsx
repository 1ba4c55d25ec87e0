import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, type FormErrors } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext } from '../../web/page.ts';
import { currentTemplate, FieldInput, type FormTemplate, formTemplates, normaliseValues, renderDeclarationPdf, validateValues } from '../forms/index.ts';
import type { IdentityFields } from '../identity/index.ts';
import { citizenIdentity } from './commands/citizen-identity.ts';
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

function DeclarationPage(props: { ctx: PageContext; template: FormTemplate; values: Raw; errors: FormErrors; prefilled: Set<string> }) {
  const { ctx, template: t, values, errors, prefilled } = props;
  const fromVneid = tr(ctx, 'Điền sẵn từ VNeID; sửa nếu chưa đúng', 'Filled from VNeID; correct it if needed');
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
      <PrivacyNote ctx={ctx} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${CITIZEN_FORMS}/${t.key}`} novalidate>
        <CsrfField ctx={ctx} />
        {t.sections.map((s) => (
          <fieldset key={s.title}>
            <legend>{s.title}</legend>
            {s.fields.map((f) => {
              const field = prefilled.has(f.key) ? { ...f, hint: f.hint ? `${fromVneid}. ${f.hint}` : fromVneid } : f;
              const v = values[f.key];
              return <FieldInput key={f.key} ctx={ctx} f={field} value={typeof v === 'string' ? v : undefined} errors={errors} />;
            })}
          </fieldset>
        ))}
        <button type="submit">{tr(ctx, 'In tờ khai (PDF)', 'Print the form (PDF)')}</button>
      </form>
      <p>
        <a href={CITIZEN_FORMS}>{tr(ctx, 'Chọn tờ khai khác', 'Choose another form')}</a>
      </p>
    </Layout>
  );
}

/**
 * The citizen's own declarations: the list of forms, and each form pre-filled from their VNeID identity, printed as
 * PDF. Stateless (purpose-bound use, STANDARDS §7): nothing typed or printed is stored, logged or audited.
 */
export function registerCitizenDeclarationPages(app: App, p: Platform): void {
  const page = (req: FastifyRequest, reply: FastifyReply, t: FormTemplate, identity: IdentityFields, values: Raw, errors: FormErrors, status = 200) =>
    html(
      reply,
      renderPage(<DeclarationPage ctx={pageContext(req, reply)} template={t} values={values} errors={errors} prefilled={prefilledKeys(t, identity)} />),
      status,
    );

  app.get(CITIZEN_FORMS, { config: { permission: 'citizen' } }, async (req, reply) =>
    html(reply, renderPage(<TemplateListPage ctx={pageContext(req, reply)} templates={currentTemplates(vietnamToday(new Date()))} />)),
  );

  app.get(`${CITIZEN_FORMS}/:template`, { config: { permission: 'citizen' } }, async (req, reply) => {
    const today = vietnamToday(new Date());
    const t = mustFindTemplate((req.params as { template: string }).template, today);
    const identity = await mustLoadIdentity(p, req);
    return page(req, reply, t, identity, prefillValues(t, identity, today), {});
  });

  app.post(`${CITIZEN_FORMS}/:template`, { config: { permission: 'citizen' } }, async (req, reply) => {
    const now = new Date();
    const t = mustFindTemplate((req.params as { template: string }).template, vietnamToday(now));
    const identity = await mustLoadIdentity(p, req);
    const form = cleanForm(req.body);
    const values = normaliseValues([t], form);
    const errors = validateValues([t], values, { requireAll: true });
    if (errors.length) return page(req, reply, t, identity, form, formErrors(errors, req.lang), 400);
    const pdf = await renderDeclarationPdf(t, values, { creationDate: now });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${t.key}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });
}
