import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { dossierClock } from '../dossiers/index.ts';
import { CccdScanField } from '../identity/index.ts';
import { findVersionInForce } from '../procedures/index.ts';
import { findUnitById, type UnitRow } from '../units/index.ts';
import { FORMS_PERMISSION, mustFindSet, requireOnSet, templatesOf } from './access.ts';
import { mustFindDeskUnit, receiveSetOnce, vietnamToday } from './api.ts';
import { readCard } from './card.ts';
import { createDeclarationSet } from './commands/create-declaration-set.ts';
import { printDeclaration } from './commands/print-declaration.ts';
import { recordSetRead } from './commands/read-declaration-set.ts';
import { dossierOfReceivedSet } from './commands/receive-dossier-from-set.ts';
import { updateDeclarationSet } from './commands/update-declaration-set.ts';
import { type DeclarationSetRow, listSets } from './queries.ts';
import { preselectedProcedure, proceduresOfTemplates, setIntakeChannelLabels, setIntakeChannels } from './rules/intake.ts';
import { type CardIdentity, type FormField, type FormTemplate, sharedSections } from './rules/template.ts';
import { type FormValues, normaliseValues, validateValues } from './rules/values.ts';
import { SetIntakeBody } from './schema.ts';
import { chooseTemplates, currentTemplate, findTemplate, formProcedures, templateKeys } from './templates/index.ts';

const BASE = '/mot-cua/to-khai';
const DOSSIER_PAGE = '/mot-cua/ho-so';
const PAGE_SIZE = 20;

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

const fmtMoment = (m: Date | string) => {
  const local = new Date(new Date(m).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

/** The unit a desk page is about: `?unit=`, else the first unit where the caller may fill declarations. */
async function deskUnit(p: Platform, req: FastifyRequest): Promise<UnitRow> {
  const code = str((req.query as Raw).unit);
  if (code) return mustFindDeskUnit(p, req, code);
  const grant = req.principal?.kind === 'user' ? req.principal.grants.find((g) => req.can(FORMS_PERMISSION, g.unitPath)) : undefined;
  const unit = grant ? await findUnitById(p.db, grant.unitId) : null;
  if (!unit) throw new AppError('FORBIDDEN');
  return unit;
}

function FormsNav(props: { ctx: PageContext; unit: UnitRow }) {
  const q = `?unit=${encodeURIComponent(props.unit.code)}`;
  return (
    <nav class="actions" aria-label={tr(props.ctx, 'Tờ khai', 'Declarations')}>
      <a href={`${BASE}/moi${q}`}>{tr(props.ctx, 'Lập bộ tờ khai mới (quét thẻ căn cước)', 'New declaration set (scan the ID card)')}</a> ·{' '}
      <a href={`${BASE}${q}`}>{tr(props.ctx, 'Bộ tờ khai hôm nay', 'Today’s sets')}</a> ·{' '}
      <a href={`/mot-cua${q}`}>{tr(props.ctx, 'Bộ phận Một cửa', 'One-stop desk')}</a>
    </nav>
  );
}

function NewSetPage(props: { ctx: PageContext; unit: UnitRow; values: Raw; errors: FormErrors }) {
  const { ctx, unit, values, errors } = props;
  const today = vietnamToday(new Date());
  const chosen = new Set([values.templates ?? []].flat().map(String));
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Lập bộ tờ khai', 'New declaration set')}>
      <PageHeading title={`${tr(ctx, 'Lập bộ tờ khai', 'New declaration set')} · ${unit.name}`} />
      <FormsNav ctx={ctx} unit={unit} />
      <p>
        {tr(
          ctx,
          'Người dân không phải tự viết tờ khai: quét thẻ căn cước để điền sẵn các ô về người yêu cầu, nhập một lần các ô còn lại cho cả bộ, rồi in để người dân ký.',
          'The citizen does not write: scan the ID card to fill the requester’s boxes, type the rest once for the whole set, then print for signing.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${BASE}?unit=${encodeURIComponent(unit.code)}`} data-cccd-form="" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="unit" value={unit.code} />
        <Select
          name="procedure"
          label={tr(ctx, 'Thủ tục', 'Procedure')}
          value={str(values.procedure) ?? ''}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, '— Chọn thủ tục hoặc chọn mẫu bên dưới —', '— Choose a procedure or forms below —') },
            ...formProcedures().map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` })),
          ]}
        />
        <fieldset id="f-templates">
          <legend>{tr(ctx, 'Hoặc chọn mẫu tờ khai', 'Or choose forms')}</legend>
          {templateKeys.map((k) => {
            const t = currentTemplate(k, today);
            if (!t) return null;
            return (
              <div class="field" key={k}>
                <input type="checkbox" id={`t-${k}`} name="templates" value={k} checked={chosen.has(k)} /> <label for={`t-${k}`}>{t.name}</label>
              </div>
            );
          })}
        </fieldset>
        <CccdScanField ctx={ctx} error={errors.qr} autofocus />
        <button type="submit">{tr(ctx, 'Lập bộ tờ khai', 'Create the set')}</button>
      </form>
      <script src="/static/cccd-scan.js" defer />
    </Layout>
  );
}

/** One box of a declaration as a form control (the desk page and the citizen's own form share it). */
export function FieldInput(props: { ctx: PageContext; f: FormField; value: string | undefined; errors: FormErrors }) {
  const { f, value, errors } = props;
  switch (f.type) {
    case 'select':
      return (
        <Select
          name={f.key}
          label={f.label}
          value={value ?? ''}
          errors={errors}
          required={f.required}
          hint={f.hint}
          options={[{ value: '', label: '—' }, ...(f.options ?? [])]}
        />
      );
    case 'textarea':
      return <TextArea name={f.key} label={f.label} value={value} errors={errors} required={f.required} hint={f.hint} rows={2} />;
    case 'checkbox':
      return (
        <div class={`field${errors[f.key] ? ' has-error' : ''}`}>
          <input type="checkbox" id={`f-${f.key}`} name={f.key} value="true" checked={value === 'true'} /> <label for={`f-${f.key}`}>{f.label}</label>
        </div>
      );
    default:
      return (
        <Field
          name={f.key}
          label={f.label}
          type={f.type === 'date' ? 'date' : 'text'}
          value={value}
          errors={errors}
          required={f.required}
          hint={f.hint}
          maxLength={f.maxLength}
          inputmode={f.inputMode}
          autocomplete="off"
        />
      );
  }
}

/** The "receive the dossier" section of a set page: what it shows and the clerk's input when a post failed. */
interface IntakeView {
  requester: CardIdentity | null;
  /** The procedures the set's forms serve that are in force today, with the documents each asks for. */
  procedures: { code: string; name: string; documents: string[] }[];
  /** The procedure preselected, whose documents are listed. */
  selected: string | null;
  values: Raw;
  errors: FormErrors;
}

const intakeLabels = (ctx: PageContext): Record<string, string> => ({
  procedure: tr(ctx, 'Thủ tục', 'Procedure'),
  channel: tr(ctx, 'Hình thức nộp', 'Channel'),
  phone: tr(ctx, 'Số điện thoại', 'Phone'),
  documents: tr(ctx, 'Thành phần hồ sơ', 'Documents'),
  note: tr(ctx, 'Ghi chú', 'Note'),
  applicant: tr(ctx, 'Người nộp', 'Applicant'),
});

/** Receiving the dossier from the set (tiếp nhận hồ sơ), or the dossier it became. */
function IntakeSection(props: { ctx: PageContext; set: DeclarationSetRow; intake: IntakeView | null }) {
  const { ctx, set, intake } = props;
  const heading = <h2 id="tiep-nhan">{tr(ctx, 'Tiếp nhận hồ sơ', 'Receive the dossier')}</h2>;
  if (set.dossier_code) {
    return (
      <section aria-labelledby="tiep-nhan">
        {heading}
        <p>
          {tr(ctx, 'Đã tiếp nhận: hồ sơ', 'Received: dossier')} <a href={`${DOSSIER_PAGE}/${encodeURIComponent(set.dossier_code)}`}>{set.dossier_code}</a>
        </p>
      </section>
    );
  }
  if (!intake) return null;
  const v = (k: string) => str(intake.values[k]);
  const selected = intake.procedures.find((x) => x.code === intake.selected) ?? null;
  const ticked = new Set([intake.values.documents ?? []].flat().map(String));
  return (
    <section aria-labelledby="tiep-nhan">
      {heading}
      <ErrorSummary ctx={ctx} errors={intake.errors} labels={intakeLabels(ctx)} />
      {!intake.requester ? (
        <p id="f-applicant">
          {tr(
            ctx,
            'Chưa quét thẻ căn cước của người nộp: hãy quét thẻ (mục «Quét thêm thẻ căn cước» bên dưới) rồi tiếp nhận.',
            'No ID card scanned yet: scan the applicant’s card (below) before receiving the dossier.',
          )}
        </p>
      ) : intake.procedures.length === 0 ? (
        <p>
          {tr(
            ctx,
            'Không có thủ tục nào của bộ tờ khai đang có hiệu lực hôm nay; tiếp nhận tại trang',
            'None of the set’s procedures is in force today; receive it on the page',
          )}{' '}
          <a href={`${DOSSIER_PAGE}/moi?unit=${encodeURIComponent(set.unit_code)}`}>{tr(ctx, 'Tiếp nhận hồ sơ mới', 'New dossier')}</a>.
        </p>
      ) : (
        <>
          <dl class="facts" id="f-applicant">
            <dt>{tr(ctx, 'Người nộp', 'Applicant')}</dt>
            <dd>{intake.requester.fullName}</dd>
            <dt>{tr(ctx, 'Số định danh cá nhân', 'Personal ID number')}</dt>
            <dd>{intake.requester.idNumber}</dd>
            <dt>{tr(ctx, 'Địa chỉ', 'Address')}</dt>
            <dd>{intake.requester.address}</dd>
          </dl>
          <p class="hint">{tr(ctx, 'Lấy từ thẻ căn cước đã quét của người yêu cầu.', 'From the requester’s scanned ID card.')}</p>
          <form method="post" action={`${BASE}/${set.id}/tiep-nhan`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="idempotencyKey" value={v('idempotencyKey') ?? randomUUID()} />
            <input type="hidden" name="documentsFor" value={selected?.code ?? ''} />
            <Select
              name="procedure"
              label={tr(ctx, 'Thủ tục', 'Procedure')}
              value={intake.selected}
              errors={intake.errors}
              required
              hint={
                intake.procedures.length > 1
                  ? tr(
                      ctx,
                      'Đổi thủ tục thì trang hiện lại thành phần hồ sơ của thủ tục mới để đánh dấu.',
                      'Changing the procedure shows its documents again to tick.',
                    )
                  : undefined
              }
              options={intake.procedures.map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` }))}
            />
            <Select
              name="channel"
              label={tr(ctx, 'Hình thức nộp', 'Channel')}
              value={v('channel') ?? 'desk'}
              errors={intake.errors}
              options={setIntakeChannels.map((c) => ({ value: c, label: setIntakeChannelLabels[c][ctx.lang] }))}
            />
            <Field
              name="phone"
              type="tel"
              label={tr(ctx, 'Số điện thoại người nộp (không bắt buộc)', 'Applicant’s phone (optional)')}
              value={v('phone') ?? str(set.field_values['requester.phone'])}
              errors={intake.errors}
              inputmode="tel"
              autocomplete="off"
            />
            {selected && selected.documents.length > 0 ? (
              <fieldset id="f-documents">
                <legend>{tr(ctx, 'Thành phần hồ sơ đã nộp', 'Documents handed in')}</legend>
                {intake.errors.documents && <p class="error">{intake.errors.documents}</p>}
                {selected.documents.map((doc, i) => (
                  <div class="field" key={doc}>
                    <input type="checkbox" id={`f-documents-${i}`} name="documents" value={doc} checked={ticked.has(doc)} />{' '}
                    <label for={`f-documents-${i}`}>{doc}</label>
                  </div>
                ))}
              </fieldset>
            ) : (
              <TextArea
                name="documents"
                label={tr(ctx, 'Thành phần hồ sơ đã nộp (mỗi dòng một giấy tờ)', 'Documents handed in (one per line)')}
                value={[...ticked].join('\n')}
                errors={intake.errors}
                rows={3}
              />
            )}
            <TextArea name="note" label={tr(ctx, 'Ghi chú', 'Note')} value={v('note')} errors={intake.errors} rows={2} />
            <button type="submit">{tr(ctx, 'Tiếp nhận và cấp mã hồ sơ', 'Receive and number')}</button>
          </form>
        </>
      )}
    </section>
  );
}

function SetPage(props: {
  ctx: PageContext;
  set: DeclarationSetRow;
  templates: FormTemplate[];
  values: Raw;
  errors: FormErrors;
  scanError?: string;
  intake: IntakeView | null;
}) {
  const { ctx, set, templates, values, errors } = props;
  const sections = sharedSections(templates);
  const labels = Object.fromEntries(sections.flatMap((s) => s.fields.map((f) => [f.key, f.label])));
  const title = `${tr(ctx, 'Bộ tờ khai số', 'Declaration set')} ${set.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={`${title} · ${set.unit_name}`} />
      <nav class="actions" aria-label={tr(ctx, 'Tờ khai', 'Declarations')}>
        <a href={`${BASE}/moi?unit=${encodeURIComponent(set.unit_code)}`}>{tr(ctx, 'Lập bộ mới', 'New set')}</a> ·{' '}
        <a href={`${BASE}?unit=${encodeURIComponent(set.unit_code)}`}>{tr(ctx, 'Bộ tờ khai hôm nay', 'Today’s sets')}</a>
      </nav>
      {set.warnings.length > 0 && (
        <div class="notice" role="status">
          <h2>{tr(ctx, 'Cần kiểm tra lại thẻ', 'Check the card')}</h2>
          <ul>
            {set.warnings.map((w) => (
              <li key={w.code}>{w.message[ctx.lang]}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>{tr(ctx, 'In tờ khai để người dân ký', 'Print for signing')}</h2>
      <ul>
        {templates.map((t) => (
          <li key={t.key}>
            <a href={`${BASE}/${set.id}/in/${t.key}.pdf`}>
              {tr(ctx, 'In', 'Print')} {t.name} (PDF)
            </a>
          </li>
        ))}
      </ul>
      <p class="hint">
        {set.dossier_id
          ? tr(ctx, 'Bộ tờ khai đã gắn với hồ sơ và được lưu cùng hồ sơ.', 'The set is attached to a dossier and kept with it.')
          : tr(
              ctx,
              'Bộ tờ khai chưa gắn với hồ sơ sẽ tự xóa sau 24 giờ. Ô để trống được in thành dòng chấm để viết tay.',
              'A set not attached to a dossier is deleted after 24 hours. Empty boxes print as dotted lines to write by hand.',
            )}
      </p>

      <IntakeSection ctx={ctx} set={set} intake={props.intake} />

      <h2>{tr(ctx, 'Quét thêm thẻ căn cước', 'Scan another ID card')}</h2>
      <form method="post" action={`${BASE}/${set.id}/quet`} data-cccd-form="" novalidate>
        <CsrfField ctx={ctx} />
        {props.scanError && <ErrorSummary ctx={ctx} errors={{ qr: props.scanError }} />}
        <CccdScanField ctx={ctx} error={props.scanError} autofocus={Boolean(props.scanError)} />
        <button type="submit" class="secondary">
          {tr(ctx, 'Điền từ thẻ', 'Fill from the card')}
        </button>
      </form>

      <h2>{tr(ctx, 'Các ô của bộ tờ khai (nhập một lần, dùng cho mọi tờ khai)', 'Boxes of the set (typed once for every form)')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`${BASE}/${set.id}`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(set.version)} />
        {sections.map((s) => (
          <fieldset key={s.title}>
            <legend>{s.title}</legend>
            {s.fields.map((f) => (
              <FieldInput key={f.key} ctx={ctx} f={f} value={str(values[f.key])} errors={errors} />
            ))}
          </fieldset>
        ))}
        <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
      </form>
      <script src="/static/cccd-scan.js" defer />
    </Layout>
  );
}

/** Desk pages of the forms module: today's sets, a new set from the ID-card scan, the set's boxes, its PDFs. */
export function registerFormsPages(app: App, p: Platform): void {
  app.get(BASE, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const unit = await deskUnit(p, req);
    const page = Math.max(1, Math.min(1000, Number(str((req.query as Raw).page)) || 1));
    const since = new Date(`${vietnamToday(new Date())}T00:00:00+07:00`);
    const found = await listSets(p.db, unit.id, since, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Bộ tờ khai hôm nay', 'Today’s declaration sets')}>
          <PageHeading title={`${tr(ctx, 'Bộ tờ khai hôm nay', 'Today’s declaration sets')} · ${unit.name}`} />
          <FormsNav ctx={ctx} unit={unit} />
          {found.rows.length === 0 ? (
            <p class="muted">{tr(ctx, 'Hôm nay chưa có bộ tờ khai nào.', 'No sets today.')}</p>
          ) : (
            <TableWrap label={tr(ctx, 'Bộ tờ khai hôm nay', 'Today’s sets')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{tr(ctx, 'Số', 'No.')}</th>
                    <th scope="col">{tr(ctx, 'Tờ khai', 'Forms')}</th>
                    <th scope="col">{tr(ctx, 'Người lập', 'Made by')}</th>
                    <th scope="col">{tr(ctx, 'Lúc', 'At')}</th>
                    <th scope="col">{tr(ctx, 'Hồ sơ', 'Dossier')}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.rows.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <a href={`${BASE}/${s.id}`}>{s.id}</a>
                      </td>
                      <td>{s.templates.map((r) => findTemplate(r.key, r.version)?.name ?? r.key).join('; ')}</td>
                      <td>{s.creator_name ?? '—'}</td>
                      <td>{fmtMoment(s.created_at)}</td>
                      <td>
                        {s.dossier_code ? (
                          <a href={`${DOSSIER_PAGE}/${encodeURIComponent(s.dossier_code)}`}>{s.dossier_code}</a>
                        ) : (
                          tr(ctx, 'Chưa tiếp nhận', 'Not received')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pagination ctx={ctx} page={page} pageSize={PAGE_SIZE} total={found.total} base={BASE} query={{ unit: unit.code }} />
        </Layout>,
      ),
    );
  });

  app.get(`${BASE}/moi`, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => {
    const unit = await deskUnit(p, req);
    const q = req.query as Raw;
    return html(
      reply,
      renderPage(<NewSetPage ctx={pageContext(req, reply)} unit={unit} values={{ procedure: q.procedure, templates: q.templates }} errors={{}} />),
    );
  });

  app.post(BASE, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const unit = await mustFindDeskUnit(p, req, String(form.unit ?? ''));
    const again = (errors: FormErrors, status: number) =>
      // The QR text is never echoed back into the page: a bad scan fills nothing.
      html(reply, renderPage(<NewSetPage ctx={pageContext(req, reply)} unit={unit} values={{ ...form, qr: undefined }} errors={errors} />), status);
    const now = new Date();
    const procedure = str(form.procedure);
    const { templates } = chooseTemplates(
      { procedure: procedure && /^[0-9]{1,2}\.[0-9]{5,6}$/.test(procedure) ? procedure : null, templates: [form.templates ?? []].flat().map(String) },
      vietnamToday(now),
    );
    if (templates.length === 0)
      return again({ procedure: tr(req, 'Hãy chọn thủ tục hoặc ít nhất một mẫu tờ khai', 'Choose a procedure or at least one form') }, 400);
    let read: ReturnType<typeof readCard> | null = null;
    const qr = str(form.qr);
    if (qr) {
      try {
        read = readCard(qr);
      } catch (err) {
        if (err instanceof AppError && err.code === 'CCCD_QR_INVALID') return again({ qr: err.detail?.[req.lang] ?? err.code }, 422);
        throw err;
      }
    }
    const id = await inTransaction(p.db, (tx) =>
      createDeclarationSet(
        tx,
        req.actor(),
        unit,
        {
          procedureCode: procedure ?? null,
          templates,
          card: read?.card ?? null,
          warnings: read?.warnings ?? [],
          values: { 'signing.date': vietnamToday(now) },
        },
        now,
      ),
    );
    return redirectWithFlash(req, reply, `${BASE}/${id}`, tr(req, `Đã lập bộ tờ khai số ${id}`, `Declaration set ${id} created`));
  });

  /** The intake section's data: the procedures in force today that the set's forms serve, with their documents. */
  const loadIntake = async (set: DeclarationSetRow, templates: FormTemplate[], failed?: { values: Raw; errors: FormErrors; selected?: string }) => {
    if (set.dossier_id !== null) return null;
    const day = vietnamToday(dossierClock.now());
    const versions = await Promise.all(proceduresOfTemplates(templates).map((x) => findVersionInForce(p.db, x.code, day)));
    const procedures = versions.flatMap((v) => (v ? [{ code: v.code, name: v.name, documents: (v.data.documents ?? []).map((d) => d.name) }] : []));
    return {
      requester: set.identities[0] ?? null,
      procedures,
      selected: preselectedProcedure(
        procedures.map((x) => x.code),
        failed?.selected ?? str(failed?.values.procedure),
        set.procedure_code,
      ),
      values: failed?.values ?? {},
      errors: failed?.errors ?? {},
    };
  };

  const renderSet = async (
    req: FastifyRequest,
    reply: FastifyReply,
    set: DeclarationSetRow,
    failed?: { values: Raw; errors: FormErrors; scanError?: string; intake?: { values: Raw; errors: FormErrors; selected?: string } },
    status = 200,
  ) => {
    await recordSetRead(p.db, req.actor(), set, 'page');
    const templates = templatesOf(set);
    const intake = await loadIntake(set, templates, failed?.intake);
    return html(
      reply,
      renderPage(
        <SetPage
          ctx={pageContext(req, reply)}
          set={set}
          templates={templates}
          values={failed?.values ?? set.field_values}
          errors={failed?.errors ?? {}}
          scanError={failed?.scanError}
          intake={intake}
        />,
      ),
      status,
    );
  };

  const loadSet = async (req: FastifyRequest) => {
    const set = await mustFindSet(p.db, Number((req.params as { id: string }).id));
    requireOnSet(req, set);
    return set;
  };

  app.get(`${BASE}/:id`, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => renderSet(req, reply, await loadSet(req)));

  app.post(`${BASE}/:id`, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => {
    const set = await loadSet(req);
    const templates = templatesOf(set);
    const form = cleanForm(req.body);
    const values: FormValues = normaliseValues(templates, form);
    const errors = validateValues(templates, values, { requireAll: true });
    if (errors.length) return renderSet(req, reply, set, { values: form, errors: formErrors(errors, req.lang) }, 400);
    try {
      await inTransaction(p.db, async (tx) =>
        updateDeclarationSet(
          tx,
          req.actor(),
          await mustFindSet(tx, set.id, true),
          templates,
          { values, replace: true, expectedVersion: Number(form.version) || undefined },
          new Date(),
        ),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT')
        return renderSet(req, reply, set, { values: form, errors: { form: err.detail?.[req.lang] ?? err.code } }, 409);
      throw err;
    }
    return redirectWithFlash(req, reply, `${BASE}/${set.id}`, tr(req, 'Đã lưu bộ tờ khai', 'The set was saved'));
  });

  app.post(`${BASE}/:id/quet`, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => {
    const set = await loadSet(req);
    const qr = str(cleanForm(req.body).qr);
    let read: ReturnType<typeof readCard>;
    try {
      if (!qr) throw new AppError('CCCD_QR_INVALID', { detail: { vi: 'Chưa có nội dung mã QR: hãy quét thẻ căn cước', en: 'No QR text: scan the ID card' } });
      read = readCard(qr);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CCCD_QR_INVALID')
        return renderSet(req, reply, set, { values: set.field_values, errors: {}, scanError: err.detail?.[req.lang] ?? err.code }, 422);
      throw err;
    }
    await inTransaction(p.db, async (tx) =>
      updateDeclarationSet(tx, req.actor(), await mustFindSet(tx, set.id, true), templatesOf(set), { card: read.card, warnings: read.warnings }, new Date()),
    );
    return redirectWithFlash(req, reply, `${BASE}/${set.id}`, tr(req, 'Đã điền các ô từ thẻ căn cước', 'Boxes filled from the ID card'));
  });

  app.post(`${BASE}/:id/tiep-nhan`, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => {
    const set = await loadSet(req);
    const form = cleanForm(req.body);
    const key = str(form.idempotencyKey)?.slice(0, 200) ?? null;
    const received = (code: string) =>
      redirectWithFlash(req, reply, `${DOSSIER_PAGE}/${encodeURIComponent(code)}`, tr(req, `Đã tiếp nhận hồ sơ ${code}`, `Dossier ${code} received`));
    // A repeat of the post that received the set (same key) lands on its dossier; any other post is refused (409).
    if (set.dossier_id !== null) return received((await dossierOfReceivedSet(p.db, set, key)).code);
    const again = (errors: FormErrors, status: number, values: Raw = form, selected?: string) =>
      renderSet(req, reply, set, { values: set.field_values, errors: {}, intake: { values, errors, selected } }, status);
    const procedure = str(form.procedure);
    const documentsFor = str(form.documentsFor);
    if (procedure && documentsFor && procedure !== documentsFor) {
      // Without JavaScript the ticked documents belong to the procedure shown before: list the new one's to tick.
      return again(
        {
          documents: tr(
            req,
            'Đã đổi thủ tục: hãy đánh dấu thành phần hồ sơ của thủ tục vừa chọn rồi bấm tiếp nhận lại',
            'The procedure changed: tick the documents of the one chosen, then receive again',
          ),
        },
        400,
        { ...form, documents: [] },
        procedure,
      );
    }
    const documents = [form.documents ?? []]
      .flat()
      .flatMap((d) => String(d).split(/\r?\n/))
      .map((d) => d.trim())
      .filter(Boolean);
    const checked = validate(SetIntakeBody, {
      procedure,
      channel: str(form.channel) ?? 'desk',
      ...(form.phone ? { phone: form.phone } : {}),
      documents,
      ...(form.note ? { note: form.note } : {}),
    });
    const fieldOf = (f: string) => f.replace(/^(applicant|documents)\..*$/, '$1');
    const keyed = (errs: FormErrors) => Object.fromEntries(Object.entries(errs).map(([k, m]) => [fieldOf(k), m]));
    if (!checked.ok) return again(keyed(formErrors(checked.errors, req.lang)), 400);
    try {
      const { dossier } = await receiveSetOnce(p, req, set.id, checked.value, key);
      return received(dossier.code);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'PROCEDURE_NOT_FOUND' || err.code === 'UNPROCESSABLE')) {
        const errs = err.errors.length ? formErrors(err.errors, req.lang) : { procedure: err.detail?.[req.lang] ?? err.code };
        return again(keyed(errs), err.status);
      }
      throw err;
    }
  });

  app.get(`${BASE}/:id/in/:template.pdf`, { config: { permission: FORMS_PERMISSION } }, async (req, reply) => {
    const set = await loadSet(req);
    const key = (req.params as { template: string }).template;
    const pdf = await printDeclaration(p.db, req.actor(), set, key, new Date());
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="to-khai-${set.id}-${key}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
