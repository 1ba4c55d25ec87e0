/**
 * Staff pages of the samples module (hồ sơ mẫu): per procedure the unit carries out, the sample files it uploaded;
 * upload, replace and delete them. Needs samples.manage on the unit. Uploads are multipart with the CSRF token in
 * the action URL (?_csrf=); a bad upload re-renders the form with an error summary and writes nothing.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanText } from '../../platform/text/index.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { listCarriedInForce, type VersionRow } from '../procedures/index.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import { today } from './catalogue.ts';
import { deleteSample } from './commands/delete-sample.ts';
import { replaceSample } from './commands/replace-sample.ts';
import { uploadSample } from './commands/upload-sample.ts';
import { sizeText } from './pages.tsx';
import { SAMPLES_PAGE, samplePath } from './present.ts';
import { findSample, listSamplesOfUnit, type SampleRow } from './queries.ts';
import { checkSample } from './rules/check-sample.ts';
import { mimeLabels, NOTE_MAX, TITLE_MAX } from './rules/sample-file.ts';
import { readSampleForm, type SampleForm } from './upload.ts';

export const STAFF_BASE = '/quan-tri/ho-so-mau';
const PERMISSION = 'samples.manage';

interface Values {
  procedure: string;
  title: string;
  note: string;
}
const empty: Values = { procedure: '', title: '', note: '' };

const str = (v: unknown, max = 100): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const excerpt = (s: string, max: number) => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);
const fmtMoment = (d: Date | string) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(d));

/** Units where the viewer manages samples (not merged away), in tree order. */
async function manageableUnits(p: Platform, req: FastifyRequest): Promise<UnitRow[]> {
  return (await listUnits(p.db)).filter((u) => u.merged_into_id === null && req.can(PERMISSION, u.path));
}

/** The unit named by `?unit=` (checked), or the viewer's first. */
async function chosenUnit(p: Platform, req: FastifyRequest, units: UnitRow[]): Promise<UnitRow> {
  const code = str((req.query as Record<string, unknown>).unit);
  if (code) {
    const unit = await findUnitByCode(p.db, code);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    req.requireOn(PERMISSION, unit.path);
    return unit;
  }
  const first = units[0];
  if (!first) throw new AppError('FORBIDDEN');
  return first;
}

/** A sample the viewer may manage: 404 when there is none, 403 when it belongs to a unit they do not serve. */
async function loadForStaff(p: Platform, req: FastifyRequest): Promise<SampleRow> {
  const raw = (req.params as { id: string }).id;
  const s = /^[1-9][0-9]{0,14}$/.test(raw) ? await findSample(p.db, Number(raw)) : null;
  if (!s) throw new AppError('SAMPLE_NOT_FOUND');
  req.requireOn(PERMISSION, s.unit_path);
  return s;
}

function FileField(props: { ctx: PageContext; errors: FormErrors; replacing?: boolean }) {
  const { ctx, errors } = props;
  const err = errors.file;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for="f-file">
        {props.replacing ? tr(ctx, 'Tệp mới (để trống nếu giữ tệp cũ)', 'New file (leave empty to keep the current one)') : tr(ctx, 'Tệp', 'File')}
      </label>
      <p class="hint" id="f-file-hint">
        {tr(
          ctx,
          'PDF, JPEG, PNG hoặc Word (.docx), tối đa 5 MB. Điền bằng thông tin giả định; không dùng hồ sơ thật của công dân.',
          'PDF, JPEG, PNG or Word (.docx), at most 5 MB. Fill it in with made-up details, never a real citizen’s dossier.',
        )}
      </p>
      {err && (
        <p class="error" id="f-file-error">
          {err}
        </p>
      )}
      <input
        id="f-file"
        type="file"
        name="file"
        accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-describedby={err ? 'f-file-hint f-file-error' : 'f-file-hint'}
        aria-invalid={err ? 'true' : undefined}
      />
    </div>
  );
}

function TextFields(props: { ctx: PageContext; values: Values; errors: FormErrors }) {
  const { ctx, values, errors } = props;
  return (
    <>
      <Field
        name="title"
        label={tr(ctx, 'Tên hồ sơ mẫu', 'Title')}
        hint={tr(ctx, `Ví dụ: Tờ khai đăng ký khai sinh đã điền mẫu. Tối đa ${TITLE_MAX} ký tự.`, `At most ${TITLE_MAX} characters.`)}
        value={values.title}
        errors={errors}
        maxLength={TITLE_MAX}
        required
      />
      <TextArea
        name="note"
        label={tr(ctx, 'Ghi chú cho người xem (không bắt buộc)', 'Note for readers (optional)')}
        hint={tr(ctx, `Tối đa ${NOTE_MAX} ký tự.`, `At most ${NOTE_MAX} characters.`)}
        value={values.note}
        errors={errors}
        rows={3}
      />
    </>
  );
}

function ListPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  procedures: VersionRow[];
  samples: SampleRow[];
  values: Values;
  errors: FormErrors;
}) {
  const { ctx, unit, procedures, samples, values, errors } = props;
  const byProcedure = new Map<number, SampleRow[]>();
  for (const s of samples) byProcedure.set(s.procedure_id, [...(byProcedure.get(s.procedure_id) ?? []), s]);
  const carried = new Set(procedures.map((v) => v.procedure_id));
  const withSamples = procedures.filter((v) => byProcedure.has(v.procedure_id));
  const without = procedures.filter((v) => !byProcedure.has(v.procedure_id));
  const orphans = samples.filter((s) => !carried.has(s.procedure_id));
  const action = `${STAFF_BASE}?unit=${encodeURIComponent(unit.code)}&_csrf=${encodeURIComponent(ctx.csrf)}`;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Hồ sơ mẫu · ${unit.name}`, `Sample dossiers · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Hồ sơ mẫu: ${unit.name}`, `Sample dossiers: ${unit.name}`)} />
      {props.units.length > 1 && (
        <form class="search" method="get" action={STAFF_BASE}>
          <Select name="unit" label={tr(ctx, 'Đơn vị', 'Unit')} value={unit.code} options={props.units.map((u) => ({ value: u.code, label: u.name }))} />
          <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
        </form>
      )}
      <section aria-labelledby="dang-mau">
        <h2 id="dang-mau">{tr(ctx, 'Đăng hồ sơ mẫu', 'Upload a sample')}</h2>
        {procedures.length === 0 ? (
          <p>{tr(ctx, 'Đơn vị chưa thực hiện thủ tục nào đang có hiệu lực.', 'The unit carries out no procedure in force.')}</p>
        ) : (
          <form method="post" action={action} enctype="multipart/form-data" novalidate>
            <ErrorSummary ctx={ctx} errors={errors} />
            <Select
              name="procedure"
              label={tr(ctx, 'Thủ tục', 'Procedure')}
              value={values.procedure}
              errors={errors}
              required
              options={[
                { value: '', label: tr(ctx, '— Chọn thủ tục —', '— Choose —') },
                ...procedures.map((v) => ({ value: v.code, label: `${v.code} · ${excerpt(v.name, 70)}` })),
              ]}
            />
            <TextFields ctx={ctx} values={values} errors={errors} />
            <FileField ctx={ctx} errors={errors} />
            <button type="submit">{tr(ctx, 'Đăng hồ sơ mẫu', 'Upload')}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="da-dang">
        <h2 id="da-dang">{tr(ctx, 'Hồ sơ mẫu đã đăng', 'Uploaded samples')}</h2>
        {samples.length === 0 && <p>{tr(ctx, 'Đơn vị chưa đăng hồ sơ mẫu nào.', 'The unit has uploaded no sample yet.')}</p>}
        {withSamples.map((v) => (
          <section key={v.procedure_id} aria-labelledby={`tt-${v.procedure_id}`}>
            <h3 id={`tt-${v.procedure_id}`}>
              {v.name} <span class="muted">({v.code})</span>
            </h3>
            <SampleTable ctx={ctx} samples={byProcedure.get(v.procedure_id) ?? []} />
            <p>
              <a href={`${SAMPLES_PAGE(v.code)}?unit=${encodeURIComponent(unit.code)}`}>{tr(ctx, 'Xem trang công khai', 'See the public page')}</a>
            </p>
          </section>
        ))}
        {orphans.length > 0 && (
          <section aria-labelledby="tt-khac">
            <h3 id="tt-khac">
              {tr(ctx, 'Thủ tục đơn vị không còn thực hiện (không hiện công khai)', 'Procedures the unit no longer carries out (not public)')}
            </h3>
            <SampleTable ctx={ctx} samples={orphans} showCode />
          </section>
        )}
        {without.length > 0 && (
          <details>
            <summary>{tr(ctx, `${without.length} thủ tục chưa có hồ sơ mẫu`, `${without.length} procedures without a sample`)}</summary>
            <ul>
              {without.map((v) => (
                <li key={v.procedure_id}>
                  {v.code} · {v.name}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </Layout>
  );
}

function SampleTable(props: { ctx: PageContext; samples: SampleRow[]; showCode?: boolean }) {
  const { ctx } = props;
  return (
    <TableWrap label={tr(ctx, 'Hồ sơ mẫu', 'Samples')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{tr(ctx, 'Tên', 'Title')}</th>
            <th scope="col">{tr(ctx, 'Tệp', 'File')}</th>
            <th scope="col">{tr(ctx, 'Cập nhật', 'Updated')}</th>
          </tr>
        </thead>
        <tbody>
          {props.samples.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`${STAFF_BASE}/${s.id}`}>{s.title}</a>
                {props.showCode && <p class="hint">{s.procedure_code}</p>}
              </td>
              <td>
                <a href={samplePath(s)}>
                  {mimeLabels[s.mime]}, {sizeText(s.size)}
                </a>
              </td>
              <td>{fmtMoment(s.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function EditPage(props: { ctx: PageContext; s: SampleRow; values: Values; errors: FormErrors }) {
  const { ctx, s, values, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Hồ sơ mẫu · ${s.title}`, `Sample · ${s.title}`)}>
      <p>
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(s.unit_code)}`}>{tr(ctx, '← Hồ sơ mẫu của đơn vị', '← The unit’s samples')}</a>
      </p>
      <h1>{s.title}</h1>
      <dl class="facts">
        <dt>{tr(ctx, 'Đơn vị', 'Unit')}</dt>
        <dd>{s.unit_name}</dd>
        <dt>{tr(ctx, 'Thủ tục', 'Procedure')}</dt>
        <dd>
          <a href={SAMPLES_PAGE(s.procedure_code)}>{s.procedure_code}</a>
        </dd>
        <dt>{tr(ctx, 'Tệp', 'File')}</dt>
        <dd>
          <a href={samplePath(s)}>{samplePath(s)}</a>
          <p class="hint">
            {mimeLabels[s.mime]}, {sizeText(s.size)} · SHA-256 {s.sha256.slice(0, 16)}…
          </p>
        </dd>
        <dt>{tr(ctx, 'Cập nhật', 'Updated')}</dt>
        <dd>
          {fmtMoment(s.updated_at)}
          {s.uploaded_by_name && ` · ${s.uploaded_by_name}`}
        </dd>
      </dl>
      <section aria-labelledby="thay">
        <h2 id="thay">{tr(ctx, 'Sửa tên, ghi chú hoặc thay tệp', 'Edit or replace the file')}</h2>
        <form method="post" action={`${STAFF_BASE}/${s.id}?_csrf=${encodeURIComponent(ctx.csrf)}`} enctype="multipart/form-data" novalidate>
          <ErrorSummary ctx={ctx} errors={errors} />
          <TextFields ctx={ctx} values={values} errors={errors} />
          <FileField ctx={ctx} errors={errors} replacing />
          <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
        </form>
      </section>
      <section aria-labelledby="xoa">
        <h2 id="xoa">{tr(ctx, 'Xoá hồ sơ mẫu', 'Delete the sample')}</h2>
        <p>{tr(ctx, 'Tệp bị xoá hẳn; đường dẫn công khai không còn dùng được.', 'The file is deleted for good; its public link stops working.')}</p>
        <form method="post" action={`${STAFF_BASE}/${s.id}/xoa`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">
            {tr(ctx, 'Xoá hồ sơ mẫu', 'Delete the sample')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

const valuesOf = (s: SampleRow): Values => ({ procedure: s.procedure_code, title: s.title, note: s.note ?? '' });
const valuesFrom = (f: SampleForm): Values => ({
  procedure: str(f.fields.procedure, 20),
  title: cleanText(f.fields.title),
  note: cleanText(f.fields.note),
});

/** The form could not be read at all (not multipart): the error goes on the file box. */
function unreadable(req: FastifyRequest, err: unknown): { errors: FormErrors; status: number } | null {
  if (err instanceof AppError && (err.code === 'UNSUPPORTED_MEDIA_TYPE' || err.code === 'MALFORMED_REQUEST' || err.code === 'PAYLOAD_TOO_LARGE')) {
    return { errors: { file: err.detail?.[req.lang] ?? err.message }, status: err.status };
  }
  return null;
}

/** Staff routes of the samples module. */
export function registerSamplesStaffPages(app: App, p: Platform): void {
  const renderList = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, values: Values, errors: FormErrors, status = 200) => {
    const [units, procedures, samples] = await Promise.all([
      manageableUnits(p, req),
      listCarriedInForce(p.db, unit.id, today()),
      listSamplesOfUnit(p.db, unit.id),
    ]);
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(<ListPage ctx={ctx} unit={unit} units={shown} procedures={procedures} samples={samples} values={values} errors={errors} />),
      status,
    );
  };
  const renderEdit = (req: FastifyRequest, reply: FastifyReply, s: SampleRow, values: Values, errors: FormErrors, status = 200) =>
    html(reply, renderPage(<EditPage ctx={pageContext(req, reply)} s={s} values={values} errors={errors} />), status);

  app.get(STAFF_BASE, { config: { permission: PERMISSION } }, async (req, reply) => {
    const unit = await chosenUnit(p, req, await manageableUnits(p, req));
    return renderList(req, reply, unit, empty, {});
  });

  app.post(STAFF_BASE, { config: { permission: PERMISSION } }, async (req, reply) => {
    const code = str((req.query as Record<string, unknown>).unit);
    const unit = code ? await findUnitByCode(p.db, code) : null;
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    req.requireOn(PERMISSION, unit.path);
    let form: SampleForm;
    try {
      form = await readSampleForm(req);
    } catch (err) {
      const bad = unreadable(req, err);
      if (bad) return renderList(req, reply, unit, empty, bad.errors, bad.status);
      throw err;
    }
    const values = valuesFrom(form);
    const procedures = await listCarriedInForce(p.db, unit.id, today());
    const procedure = procedures.find((v) => v.code === values.procedure);
    const checked = checkSample({ title: values.title, note: values.note, file: form.file, fileRequired: true });
    const errors: FormErrors = {};
    if (!procedure) {
      errors.procedure = values.procedure
        ? tr(req, 'Đơn vị không thực hiện thủ tục này', 'The unit does not carry out this procedure')
        : tr(req, 'Hãy chọn thủ tục', 'Choose a procedure');
    }
    if (!checked.ok) Object.assign(errors, formErrors(checked.errors, req.lang));
    if (!procedure || !checked.ok || !checked.mime || !form.file) {
      return renderList(req, reply, unit, values, errors, checked.ok ? 400 : checked.status);
    }
    const content = form.file.content;
    const mime = checked.mime;
    await inTransaction(p.db, (tx) =>
      uploadSample(
        tx,
        req.actor(),
        { unitId: unit.id, procedureId: procedure.procedure_id, procedureCode: procedure.code },
        { title: checked.title, note: checked.note, mime, content },
      ),
    );
    return redirectWithFlash(req, reply, `${STAFF_BASE}?unit=${encodeURIComponent(unit.code)}`, tr(req, 'Đã đăng hồ sơ mẫu', 'Sample uploaded'));
  });

  app.get(`${STAFF_BASE}/:id`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const s = await loadForStaff(p, req);
    return renderEdit(req, reply, s, valuesOf(s), {});
  });

  app.post(`${STAFF_BASE}/:id`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const s = await loadForStaff(p, req);
    let form: SampleForm;
    try {
      form = await readSampleForm(req);
    } catch (err) {
      const bad = unreadable(req, err);
      if (bad) return renderEdit(req, reply, s, valuesOf(s), bad.errors, bad.status);
      throw err;
    }
    const values = { ...valuesFrom(form), procedure: s.procedure_code };
    const checked = checkSample({ title: values.title, note: values.note, file: form.file, fileRequired: false });
    if (!checked.ok) return renderEdit(req, reply, s, values, formErrors(checked.errors, req.lang), checked.status);
    const file = checked.mime && form.file ? { mime: checked.mime, content: form.file.content } : null;
    await inTransaction(p.db, async (tx) => {
      const locked = await findSample(tx, s.id, true);
      if (!locked) throw new AppError('SAMPLE_NOT_FOUND');
      await replaceSample(tx, req.actor(), locked, { title: checked.title, note: checked.note, file });
    });
    return redirectWithFlash(req, reply, `${STAFF_BASE}/${s.id}`, file ? tr(req, 'Đã thay tệp', 'File replaced') : tr(req, 'Đã lưu', 'Saved'));
  });

  app.post(`${STAFF_BASE}/:id/xoa`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const s = await loadForStaff(p, req);
    await inTransaction(p.db, async (tx) => {
      const locked = await findSample(tx, s.id, true);
      if (!locked) throw new AppError('SAMPLE_NOT_FOUND');
      await deleteSample(tx, req.actor(), locked);
    });
    return redirectWithFlash(req, reply, `${STAFF_BASE}?unit=${encodeURIComponent(s.unit_code)}`, tr(req, 'Đã xoá hồ sơ mẫu', 'Sample deleted'));
  });
}
