/**
 * QR guide sheets (phiếu hướng dẫn thủ tục hành chính bằng mã QR): the public pages their QR codes open (a unit's
 * procedures by field, one field's procedures), each field's printable sheet, and the staff page that prints a
 * unit's whole set in one click.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { Select, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { todayInVietnam } from '../procedures/index.ts';
import { findUnitById, listUnits, type UnitRow } from '../units/index.ts';
import { isMerged, loadUnitGuide, type MergedUnit, type UnitGuide } from './commands/load-unit-guide.ts';
import { printGuideSet } from './commands/print-guide-set.ts';
import { renderGuideSheet } from './commands/render-guide-sheet.ts';
import { fieldForSlug } from './rules/field-slug.ts';
import { feeText, type GuideField, timeLimitText } from './rules/guide-sheet.ts';
import { fieldPagePath, PUBLIC_CATALOGUE, procedurePagePath, STAFF_BASE, setPath, sheetPath, unitPagePath } from './rules/paths.ts';

const PERMISSION = 'guides.print';
const today = () => todayInVietnam(new Date());
type Params = { unit: string; field: string };

const fieldNotFound = (guide: UnitGuide, slug: string) =>
  new AppError('PROCEDURE_FIELD_NOT_FOUND', {
    detail: {
      vi: `${guide.unit.name} không có thủ tục đang áp dụng thuộc lĩnh vực “${slug.slice(0, 100)}”. Xem các lĩnh vực tại ${unitPagePath(guide.unit.code)}.`,
      en: `${guide.unit.name} has no procedure in force in the field “${slug.slice(0, 100)}”. See its fields at ${unitPagePath(guide.unit.code)}.`,
    },
  });

function fieldOf(guide: UnitGuide, slug: string): GuideField {
  const name = /^[a-z0-9-]{1,120}$/.test(slug)
    ? fieldForSlug(
        guide.fields.map((f) => f.name),
        slug,
      )
    : null;
  const field = name === null ? undefined : guide.fields.find((f) => f.name === name);
  if (!field) throw fieldNotFound(guide, slug);
  return field;
}

/** A merged unit's address leads to the same page of the unit it was merged into (printed QR codes keep working). */
function toMerged(reply: FastifyReply, req: FastifyRequest, from: string, merged: MergedUnit) {
  const path = (req.url.split('?')[0] as string).replace(unitPagePath(from), unitPagePath(merged.mergedInto));
  return reply.redirect(path, 302);
}

function ProcedureList(props: { ctx: PageContext; field: GuideField }) {
  const { ctx } = props;
  return (
    <ol class="results guide-list">
      {props.field.procedures.map((p) => (
        <li key={p.code}>
          <a href={procedurePagePath(p.code)}>{p.name}</a>
          <br />
          <span class="muted">
            {tr(ctx, 'Thời hạn', 'Time limit')}: {timeLimitText(p.timeLimit)} · {tr(ctx, 'Phí, lệ phí', 'Fees')}: {feeText(p.fees)}
          </span>
        </li>
      ))}
    </ol>
  );
}

function UnitFacts(props: { ctx: PageContext; guide: UnitGuide }) {
  const { ctx, guide } = props;
  const u = guide.unit;
  if (!guide.parentName && !u.address && !u.phone) return null;
  return (
    <p class="muted">
      {guide.parentName}
      {u.address && (
        <>
          {guide.parentName && ' · '}
          {tr(ctx, 'Địa chỉ', 'Address')}: {u.address}
        </>
      )}
      {u.phone && (
        <>
          {' · '}
          {tr(ctx, 'Điện thoại', 'Phone')}: {u.phone}
        </>
      )}
    </p>
  );
}

function SheetLink(props: { ctx: PageContext; unit: string; field: GuideField }) {
  return (
    <p class="actions">
      <a href={sheetPath(props.unit, props.field.slug)}>
        {tr(props.ctx, `Phiếu hướng dẫn bằng mã QR: ${props.field.name}`, `QR guide sheet: ${props.field.name}`)}
      </a>{' '}
      <span class="muted">(PDF, A4)</span>
    </p>
  );
}

function UnitPage(props: { ctx: PageContext; guide: UnitGuide }) {
  const { ctx, guide } = props;
  const count = guide.fields.reduce((n, f) => n + f.procedures.length, 0);
  const title = tr(ctx, `Thủ tục hành chính tại ${guide.unit.name}`, `Procedures at ${guide.unit.name}`);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={PUBLIC_CATALOGUE}>{tr(ctx, '← Tra cứu thủ tục', '← Find a procedure')}</a>
      </p>
      <h1>{title}</h1>
      <UnitFacts ctx={ctx} guide={guide} />
      {count === 0 ? (
        <p>
          {tr(
            ctx,
            'Đơn vị chưa công bố thủ tục hành chính nào đang áp dụng. Hãy tra cứu thủ tục hoặc liên hệ Bộ phận Một cửa.',
            'This unit has published no procedure in force yet. Search the catalogue or ask at the one-stop desk.',
          )}
        </p>
      ) : (
        <>
          <p>
            {tr(
              ctx,
              `${count} thủ tục đang áp dụng, thuộc ${guide.fields.length} lĩnh vực.`,
              `${count} procedures in force, in ${guide.fields.length} fields.`,
            )}
          </p>
          {guide.fields.length > 1 && (
            <nav aria-label={tr(ctx, 'Các lĩnh vực', 'Fields')}>
              <ul>
                {guide.fields.map((f) => (
                  <li key={f.slug}>
                    <a href={`#lv-${f.slug}`}>{f.name}</a> <span class="muted">({f.procedures.length})</span>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {guide.fields.map((f) => (
            <section key={f.slug} aria-labelledby={`lv-${f.slug}`}>
              <h2 id={`lv-${f.slug}`}>
                <a href={fieldPagePath(guide.unit.code, f.slug)}>{f.name}</a>
              </h2>
              <ProcedureList ctx={ctx} field={f} />
              <SheetLink ctx={ctx} unit={guide.unit.code} field={f} />
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}

function FieldPage(props: { ctx: PageContext; guide: UnitGuide; field: GuideField }) {
  const { ctx, guide, field } = props;
  return (
    <Layout ctx={ctx} title={`${field.name} · ${guide.unit.name}`}>
      <p>
        <a href={unitPagePath(guide.unit.code)}>{tr(ctx, `← Thủ tục tại ${guide.unit.name}`, `← Procedures at ${guide.unit.name}`)}</a>
      </p>
      <h1>{field.name}</h1>
      <p>
        {tr(
          ctx,
          `${field.procedures.length} thủ tục hành chính lĩnh vực ${field.name} tại ${guide.unit.name}. Chọn một thủ tục để xem thành phần hồ sơ, mẫu đơn, tờ khai, phí và nơi nộp.`,
          `${field.procedures.length} procedures in the field ${field.name} at ${guide.unit.name}. Choose one to see the documents, forms, fees and where to apply.`,
        )}
      </p>
      <UnitFacts ctx={ctx} guide={guide} />
      <ProcedureList ctx={ctx} field={field} />
      <SheetLink ctx={ctx} unit={guide.unit.code} field={field} />
    </Layout>
  );
}

function StaffPage(props: { ctx: PageContext; guide: UnitGuide; units: UnitRow[] }) {
  const { ctx, guide } = props;
  const code = guide.unit.code;
  const title = tr(ctx, 'Phiếu hướng dẫn bằng mã QR', 'QR guide sheets');
  const count = guide.fields.reduce((n, f) => n + f.procedures.length, 0);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="hint">
        {tr(
          ctx,
          'Mỗi lĩnh vực một phiếu A4: danh sách thủ tục đang áp dụng tại đơn vị, một mã QR mở trang của lĩnh vực và một mã QR cho từng thủ tục. In và niêm yết tại Bộ phận Một cửa; phiếu luôn theo danh mục đang có hiệu lực.',
          'One A4 sheet per field: the procedures in force at the unit, one QR code opening the field’s page and one per procedure. Print them for the one-stop desk; they always follow the catalogue in force.',
        )}
      </p>
      {props.units.length > 1 && (
        <form method="get" action={STAFF_BASE} class="search">
          <Select name="unit" label={tr(ctx, 'Đơn vị', 'Unit')} value={code} options={props.units.map((u) => ({ value: u.code, label: u.name }))} />
          <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
        </form>
      )}
      <h2>{guide.unit.name}</h2>
      {guide.fields.length === 0 ? (
        <p>{tr(ctx, 'Đơn vị chưa có thủ tục hành chính nào đang có hiệu lực.', 'The unit carries no procedure in force.')}</p>
      ) : (
        <>
          <p>
            {tr(ctx, `${count} thủ tục, ${guide.fields.length} lĩnh vực.`, `${count} procedures, ${guide.fields.length} fields.`)}{' '}
            <a href={unitPagePath(code)}>{tr(ctx, 'Trang công khai của đơn vị', 'The unit’s public page')}</a>
          </p>
          <p class="actions">
            <a class="button" href={setPath(code)}>
              {tr(ctx, `In cả bộ phiếu (${guide.fields.length} lĩnh vực, PDF)`, `Print the whole set (${guide.fields.length} fields, PDF)`)}
            </a>
          </p>
          <TableWrap label={tr(ctx, 'Phiếu theo lĩnh vực', 'Sheets by field')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Lĩnh vực', 'Field')}</th>
                  <th scope="col">{tr(ctx, 'Số thủ tục', 'Procedures')}</th>
                  <th scope="col">{tr(ctx, 'Phiếu hướng dẫn', 'Guide sheet')}</th>
                </tr>
              </thead>
              <tbody>
                {guide.fields.map((f) => (
                  <tr key={f.slug}>
                    <td>
                      <a href={fieldPagePath(code, f.slug)}>{f.name}</a>
                    </td>
                    <td>{f.procedures.length}</td>
                    <td>
                      <a href={sheetPath(code, f.slug)}>{tr(ctx, `Phiếu ${f.name} (PDF)`, `${f.name} sheet (PDF)`)}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </Layout>
  );
}

const sendPdf = (reply: FastifyReply, pdf: Buffer, filename: string, disposition: 'inline' | 'attachment' = 'inline') =>
  reply.type('application/pdf').header('content-disposition', `${disposition}; filename="${filename}"`).header('cache-control', 'no-store').send(pdf);

export function registerGuidePages(app: App, p: Platform): void {
  const load = (code: string) => loadUnitGuide(p.db, code, today(), p.config.publicUrl);

  app.get(`${PUBLIC_CATALOGUE}/don-vi/:unit`, { config: { permission: 'public' } }, async (req, reply) => {
    const { unit } = req.params as Params;
    const guide = await load(unit);
    if (isMerged(guide)) return toMerged(reply, req, unit, guide);
    return html(reply, renderPage(<UnitPage ctx={pageContext(req, reply)} guide={guide} />));
  });

  app.get(`${PUBLIC_CATALOGUE}/don-vi/:unit/linh-vuc/:field`, { config: { permission: 'public' } }, async (req, reply) => {
    const { unit, field } = req.params as Params;
    const guide = await load(unit);
    if (isMerged(guide)) return toMerged(reply, req, unit, guide);
    return html(reply, renderPage(<FieldPage ctx={pageContext(req, reply)} guide={guide} field={fieldOf(guide, field)} />));
  });

  // Public information, but each sheet costs a PDF rendering: limited per address like the other public forms.
  app.get(
    `${PUBLIC_CATALOGUE}/don-vi/:unit/linh-vuc/:field/phieu-huong-dan.pdf`,
    { config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } } },
    async (req, reply) => {
      const { unit, field } = req.params as Params;
      const guide = await load(unit);
      if (isMerged(guide)) return toMerged(reply, req, unit, guide);
      const f = fieldOf(guide, field);
      return sendPdf(reply, await renderGuideSheet(guide, f, today()), `phieu-huong-dan-${guide.unit.code}-${f.slug}.pdf`);
    },
  );

  app.get(STAFF_BASE, { config: { permission: PERMISSION } }, async (req, reply) => {
    const units = (await listUnits(p.db)).filter((u) => u.merged_into_id === null && req.can(PERMISSION, u.path));
    const asked = (req.query as Record<string, string | undefined>).unit;
    let code = typeof asked === 'string' && asked.trim() !== '' ? asked.trim() : undefined;
    if (!code) {
      const grant = req.principal?.kind === 'user' ? req.principal.grants.find((g) => req.can(PERMISSION, g.unitPath)) : undefined;
      code = (grant ? await findUnitById(p.db, grant.unitId) : null)?.code ?? units[0]?.code;
    }
    if (!code) throw new AppError('FORBIDDEN');
    const guide = await load(code);
    if (isMerged(guide)) return reply.redirect(`${STAFF_BASE}?unit=${guide.mergedInto}`, 302);
    req.requireOn(PERMISSION, guide.unit.path);
    return html(reply, renderPage(<StaffPage ctx={pageContext(req, reply)} guide={guide} units={units} />));
  });

  app.get(`${STAFF_BASE}/:unit/bo-phieu.pdf`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const { unit } = req.params as Params;
    const guide = await load(unit);
    if (isMerged(guide)) return reply.redirect(setPath(guide.mergedInto), 302);
    req.requireOn(PERMISSION, guide.unit.path);
    const day = today();
    const pdf = await printGuideSet(p.db, req.actor(), guide, day);
    return sendPdf(reply, pdf, `bo-phieu-huong-dan-${guide.unit.code}-${day}.pdf`);
  });
}
