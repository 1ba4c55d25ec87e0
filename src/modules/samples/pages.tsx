/**
 * Public pages of the samples module: for a procedure in force, its forms to download (blank declarations printed
 * from the forms module) and the sample filled dossiers (hồ sơ mẫu) its units uploaded, grouped by unit with a
 * `?unit=` filter; each sample downloadable at a stable URL. No JavaScript needed, nothing personal shown.
 */
import type { FastifyReply } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { Select } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import type { FormTemplate } from '../forms/index.ts';
import type { VersionRow } from '../procedures/index.ts';
import { blankDeclaration, byUnit, etagMatches, formOf, procedureSamples } from './catalogue.ts';
import { blankFormPath, SAMPLES_PAGE, samplePath } from './present.ts';
import { findSample, type SampleRow, sampleContent } from './queries.ts';
import { DOCX_MIME, mimeLabels, sampleFileName } from './rules/sample-file.ts';

/** How long browsers and proxies may keep a sample before asking again (a replaced file shows within this time). */
const SAMPLE_MAX_AGE = 300;
const BLANK_MAX_AGE = 86_400;

const str = (v: unknown, max = 100): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** "1,2 MB" or "85 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

function FormsSection(props: { ctx: PageContext; version: VersionRow; forms: FormTemplate[] }) {
  const { ctx, version: v, forms } = props;
  const printed = new Set(forms.map((f) => f.name.toLowerCase()));
  const named = v.data.documents.filter((d) => d.formTemplate && !printed.has(d.name.toLowerCase()));
  return (
    <section aria-labelledby="mau-don">
      <h2 id="mau-don">{tr(ctx, 'Mẫu đơn, tờ khai', 'Forms')}</h2>
      {forms.length === 0 && named.length === 0 && (
        <p>{tr(ctx, 'Thủ tục này không có mẫu đơn, tờ khai để tải về.', 'This procedure has no form to download.')}</p>
      )}
      {forms.length > 0 && (
        <ul class="results">
          {forms.map((t) => (
            <li key={t.key}>
              <a href={blankFormPath(v.code, t.key)}>
                {t.name} <span class="muted">{tr(ctx, '(PDF, tờ khai trống để in và điền)', '(PDF, blank, to print and fill in)')}</span>
              </a>
              <p class="hint">{t.legalBasis}</p>
            </li>
          ))}
        </ul>
      )}
      {named.length > 0 && (
        <>
          <p>{tr(ctx, 'Mẫu ghi trong thành phần hồ sơ (xin tại Bộ phận Một cửa):', 'Forms named in the documents to bring (ask at the one-stop desk):')}</p>
          <ul>
            {named.map((d, i) => (
              <li key={i}>
                {d.name}
                <p class="hint">{d.formTemplate}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SampleItem(props: { ctx: PageContext; s: SampleRow }) {
  const { ctx, s } = props;
  return (
    <li>
      <a href={samplePath(s)} type={s.mime}>
        {s.title}
      </a>{' '}
      <span class="muted">
        ({mimeLabels[s.mime]}, {sizeText(s.size)})
      </span>
      {s.note && <p class="hint">{s.note}</p>}
      {s.mime === DOCX_MIME && <p class="hint">{tr(ctx, 'Tệp Word: tải về để xem.', 'A Word file: download to open it.')}</p>}
    </li>
  );
}

function SamplesPage(props: { ctx: PageContext; version: VersionRow; forms: FormTemplate[]; all: SampleRow[]; shown: SampleRow[]; unit: string }) {
  const { ctx, version: v, unit } = props;
  const units = byUnit(props.all);
  const groups = byUnit(props.shown);
  return (
    <Layout ctx={ctx} title={tr(ctx, `Mẫu đơn, tờ khai và hồ sơ mẫu · ${v.name}`, `Forms and sample dossiers · ${v.name}`)}>
      <p>
        <a href={`/thu-tuc/${encodeURIComponent(v.code)}`}>{tr(ctx, '← Về trang thủ tục', '← Back to the procedure')}</a>
      </p>
      <h1>{tr(ctx, 'Mẫu đơn, tờ khai và hồ sơ mẫu', 'Forms and sample dossiers')}</h1>
      <p>
        <strong>{v.name}</strong> <span class="muted">({v.code})</span>
      </p>
      <FormsSection ctx={ctx} version={v} forms={props.forms} />
      <section aria-labelledby="ho-so-mau">
        <h2 id="ho-so-mau">{tr(ctx, 'Hồ sơ mẫu', 'Sample filled dossiers')}</h2>
        <p>
          {tr(
            ctx,
            'Hồ sơ đã điền sẵn bằng thông tin giả định để ông/bà xem cách ghi cho đúng. Không nộp các tệp này thay cho hồ sơ của mình.',
            'Dossiers filled in with made-up details, to show how to fill yours in. Do not hand these in as your own.',
          )}
        </p>
        {units.length > 1 && (
          <form class="search" method="get" action={SAMPLES_PAGE(v.code)}>
            <Select
              name="unit"
              label={tr(ctx, 'Đơn vị', 'Unit')}
              value={unit}
              options={[{ value: '', label: tr(ctx, 'Tất cả đơn vị', 'All units') }, ...units.map((u) => ({ value: u.code, label: u.name }))]}
            />
            <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
          </form>
        )}
        {groups.length === 0 ? (
          <p>
            {unit
              ? tr(ctx, 'Đơn vị này chưa đăng hồ sơ mẫu cho thủ tục này.', 'This unit has not published a sample for this procedure.')
              : tr(ctx, 'Chưa có đơn vị nào đăng hồ sơ mẫu cho thủ tục này.', 'No unit has published a sample for this procedure yet.')}
            {unit && (
              <>
                {' '}
                <a href={SAMPLES_PAGE(v.code)}>{tr(ctx, 'Xem của mọi đơn vị', 'See every unit’s samples')}</a>
              </>
            )}
          </p>
        ) : (
          groups.map((g) => (
            <section key={g.code} aria-labelledby={`dv-${g.code}`}>
              <h3 id={`dv-${g.code}`}>{g.name}</h3>
              <ul class="results">
                {g.samples.map((s) => (
                  <SampleItem key={s.id} ctx={ctx} s={s} />
                ))}
              </ul>
            </section>
          ))
        )}
      </section>
    </Layout>
  );
}

function notModified(reply: FastifyReply, etag: string, cacheControl: string) {
  return reply.status(304).header('etag', etag).header('cache-control', cacheControl).send();
}

/** Public routes: the samples page of a procedure, the sample downloads and the blank declarations. */
export function registerSamplesPages(app: App, p: Platform): void {
  app.get('/thu-tuc/:code/ho-so-mau', { config: { permission: 'public' } }, async (req, reply) => {
    const code = str((req.params as { code: string }).code, 20);
    const unit = str((req.query as Record<string, unknown>).unit);
    const s = await procedureSamples(p, code, unit || undefined);
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<SamplesPage ctx={ctx} version={s.version} forms={s.forms} all={s.all} shown={s.shown} unit={unit} />));
  });

  app.get('/thu-tuc/:code/to-khai/:template.pdf', { config: { permission: 'public' } }, async (req, reply) => {
    const params = req.params as { code: string; template: string };
    const s = await procedureSamples(p, str(params.code, 20));
    const t = formOf(s, str(params.template));
    const { pdf, sha256 } = await blankDeclaration(t);
    const etag = `"${sha256}"`;
    const cacheControl = `public, max-age=${BLANK_MAX_AGE}`;
    if (etagMatches(req.headers['if-none-match'], etag)) return notModified(reply, etag, cacheControl);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="to-khai-trong-${t.key}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', cacheControl)
      .header('etag', etag)
      .send(pdf);
  });

  app.get('/ho-so-mau/:id/:file', { config: { permission: 'public' } }, async (req, reply) => {
    const params = req.params as { id: string; file: string };
    const id = /^[1-9][0-9]{0,14}$/.test(params.id) ? Number(params.id) : null;
    const s = id ? await findSample(p.db, id) : null;
    if (!s) throw new AppError('SAMPLE_NOT_FOUND');
    const name = sampleFileName(s.title, s.mime);
    // The id is the stable part: a link made before the title changed still finds the file, under its new name.
    if (params.file !== name) return reply.redirect(samplePath(s), 301);
    const etag = `"${s.sha256}"`;
    const cacheControl = `public, max-age=${SAMPLE_MAX_AGE}`;
    if (etagMatches(req.headers['if-none-match'], etag)) return notModified(reply, etag, cacheControl);
    // Matched on the hash too: a replacement between the two reads sends no mismatched headers and bytes.
    const content = await sampleContent(p.db, s.id, s.sha256);
    if (!content) throw new AppError('SAMPLE_NOT_FOUND');
    return reply
      .type(s.mime)
      .header('content-disposition', `${s.mime === DOCX_MIME ? 'attachment' : 'inline'}; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', cacheControl)
      .header('etag', etag)
      .header('last-modified', new Date(s.updated_at).toUTCString())
      .send(content);
  });
}
