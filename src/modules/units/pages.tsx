import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { createUnit } from './commands/create-unit.ts';
import { mergeUnit } from './commands/merge-unit.ts';
import { updateUnit } from './commands/update-unit.ts';
import { findUnitByCode, listUnits, searchUnits, type UnitRow } from './queries.ts';
import { CreateUnitBody, MergeUnitBody, UpdateUnitBody, unitKindLabels, unitKinds } from './schema.ts';

const BASE = '/quan-tri/don-vi';

function kindLabel(ctx: PageContext, kind: string): string {
  const l = unitKindLabels[kind as keyof typeof unitKindLabels];
  return l ? tr(ctx, l.vi, l.en) : kind;
}

function Tree(props: { ctx: PageContext; units: UnitRow[]; parentId: number | null }) {
  const children = props.units.filter((u) => u.parent_id === props.parentId);
  if (children.length === 0) return null;
  return (
    <ul class={props.parentId === null ? 'tree' : undefined}>
      {children.map((u) => (
        <li key={u.id}>
          <a href={`${BASE}/${u.code}`}>{u.name}</a>{' '}
          <span class="muted">
            ({kindLabel(props.ctx, u.kind)}
            {u.admin_code ? ` · ${u.admin_code}` : ''})
          </span>
          {u.merged_into_id && <span class="tag merged">{tr(props.ctx, 'Đã sáp nhập', 'Merged')}</span>}
          <Tree ctx={props.ctx} units={props.units} parentId={u.id} />
        </li>
      ))}
    </ul>
  );
}

type UnitForm = Record<string, string | undefined>;

/** Field names as people read them, for the error summary. */
function unitLabels(ctx: PageContext): Record<string, string> {
  return {
    code: tr(ctx, 'Mã đơn vị', 'Unit code'),
    name: tr(ctx, 'Tên đơn vị', 'Name'),
    kind: tr(ctx, 'Loại đơn vị', 'Kind'),
    parent: tr(ctx, 'Đơn vị cấp trên', 'Parent unit'),
    adminCode: tr(ctx, 'Mã đơn vị hành chính', 'Administrative code'),
    address: tr(ctx, 'Địa chỉ', 'Address'),
    phone: tr(ctx, 'Điện thoại', 'Phone'),
    email: tr(ctx, 'Thư điện tử', 'E-mail'),
    into: tr(ctx, 'Sáp nhập vào', 'Merge into'),
    date: tr(ctx, 'Từ ngày', 'From date'),
  };
}

function UnitFields(props: { ctx: PageContext; values: UnitForm; errors: FormErrors; units: UnitRow[]; isNew: boolean }) {
  const { ctx, values, errors } = props;
  return (
    <>
      {props.isNew && (
        <Field
          name="code"
          label={tr(ctx, 'Mã đơn vị (chữ thường, không dấu)', 'Unit code (lower case)')}
          value={values.code}
          errors={errors}
          required
          hint="vd. phuong-1-cao-lanh"
        />
      )}
      <Field name="name" label={tr(ctx, 'Tên đơn vị', 'Name')} value={values.name} errors={errors} required maxLength={200} />
      <Select
        name="kind"
        label={tr(ctx, 'Loại đơn vị', 'Kind')}
        value={values.kind}
        errors={errors}
        options={unitKinds.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
      />
      <Select
        name="parent"
        label={tr(ctx, 'Đơn vị cấp trên', 'Parent unit')}
        value={values.parent ?? ''}
        errors={errors}
        options={[
          { value: '', label: tr(ctx, '(không có: đơn vị gốc)', '(none: a root unit)') },
          ...props.units.filter((u) => !u.merged_into_id).map((u) => ({ value: u.code, label: `${'— '.repeat(u.depth)}${u.name}` })),
        ]}
      />
      <Field
        name="adminCode"
        label={tr(ctx, 'Mã đơn vị hành chính (nếu có)', 'National administrative code (if any)')}
        value={values.adminCode}
        errors={errors}
        inputmode="numeric"
      />
      <Field name="address" label={tr(ctx, 'Địa chỉ', 'Address')} value={values.address} errors={errors} />
      <Field name="phone" label={tr(ctx, 'Điện thoại', 'Phone')} value={values.phone} errors={errors} type="tel" />
      <Field name="email" label={tr(ctx, 'Thư điện tử', 'E-mail')} value={values.email} errors={errors} type="email" />
    </>
  );
}

function unitFormValues(u: UnitRow, units: UnitRow[]): UnitForm {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parent: units.find((x) => x.id === u.parent_id)?.code ?? '',
    adminCode: u.admin_code ?? '',
    address: u.address ?? '',
    phone: u.phone ?? '',
    email: u.email ?? '',
  };
}

/** Staff pages: the unit tree, a unit's details, create, edit, move and merge. */
export function registerUnitsPages(app: App, p: Platform): void {
  app.get(BASE, { config: { permission: 'units.read' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const q = typeof (req.query as Record<string, unknown>).q === 'string' ? ((req.query as Record<string, string>).q ?? '').trim().slice(0, 100) : '';
    const units = await listUnits(p.db);
    const found = q ? await searchUnits(p.db, q) : null;
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Đơn vị', 'Units')}>
          <PageHeading title={tr(ctx, 'Cây đơn vị', 'Unit tree')}>
            {ctx.can('units.manage') && (
              <a class="button" href={`${BASE}/moi`}>
                {tr(ctx, 'Thêm đơn vị', 'Add a unit')}
              </a>
            )}
          </PageHeading>
          <form class="search" method="get" action={BASE}>
            <Field name="q" label={tr(ctx, 'Tìm đơn vị (gõ có dấu hoặc không dấu)', 'Find a unit (with or without diacritics)')} value={q} />
            <button type="submit">{tr(ctx, 'Tìm', 'Search')}</button>
          </form>
          {found ? (
            <>
              <h2>{tr(ctx, `Kết quả cho “${q}”: ${found.length}`, `Results for “${q}”: ${found.length}`)}</h2>
              <ul>
                {found.map((u) => (
                  <li key={u.id}>
                    <a href={`${BASE}/${u.code}`}>{u.name}</a> <span class="muted">({kindLabel(ctx, u.kind)})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Tree ctx={ctx} units={units} parentId={null} />
          )}
        </Layout>,
      ),
    );
  });

  const renderForm = (req: FastifyRequest, reply: FastifyReply, units: UnitRow[], values: UnitForm, errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Thêm đơn vị', 'Add a unit')}>
          <h1>{tr(ctx, 'Thêm đơn vị', 'Add a unit')}</h1>
          <ErrorSummary ctx={ctx} errors={errors} labels={unitLabels(ctx)} />
          <form method="post" action={BASE} novalidate>
            <CsrfField ctx={ctx} />
            <UnitFields ctx={ctx} values={values} errors={errors} units={units} isNew />
            <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
          </form>
        </Layout>,
      ),
      status,
    );
  };

  app.get(`${BASE}/moi`, { config: { permission: 'units.manage' } }, async (req, reply) => {
    const parent = (req.query as Record<string, string>).parent ?? '';
    return renderForm(req, reply, await listUnits(p.db), { kind: 'commune', parent }, {});
  });

  app.post(BASE, { config: { permission: 'units.manage' } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const units = await listUnits(p.db);
    const checked = validate(CreateUnitBody, { ...form });
    if (!checked.ok) return renderForm(req, reply, units, form as UnitForm, formErrors(checked.errors, req.lang), 400);
    try {
      const unit = await inTransaction(p.db, async (tx) => {
        const parent = checked.value.parent ? await findUnitByCode(tx, checked.value.parent) : null;
        if (checked.value.parent && !parent) throw new AppError('UNIT_NOT_FOUND');
        if (parent) req.requireOn('units.manage', parent.path);
        else if (!req.can('units.manage', '/')) throw new AppError('FORBIDDEN');
        return createUnit(tx, req.actor(), checked.value, parent);
      });
      return redirectWithFlash(req, reply, `${BASE}/${unit.code}`, tr(req, `Đã thêm đơn vị ${unit.name}`, `Unit ${unit.name} added`));
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNIT_CODE_TAKEN') {
        return renderForm(req, reply, units, form as UnitForm, { code: tr(req, 'Mã đơn vị đã tồn tại', 'This code is already used') }, 409);
      }
      throw err;
    }
  });

  const renderDetail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    unit: UnitRow,
    values: UnitForm | null,
    errors: FormErrors,
    mergeErrors: FormErrors,
    status = 200,
  ) => {
    const ctx = pageContext(req, reply);
    const units = await listUnits(p.db);
    const parent = units.find((u) => u.id === unit.parent_id);
    const mergedInto = units.find((u) => u.id === unit.merged_into_id);
    const children = units.filter((u) => u.parent_id === unit.id);
    const canManage = req.can('units.manage', unit.path) && !unit.merged_into_id;
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={unit.name}>
          <PageHeading title={unit.name}>
            {canManage && (
              <a class="button secondary" href={`${BASE}/moi?parent=${unit.code}`}>
                {tr(ctx, 'Thêm đơn vị trực thuộc', 'Add a child unit')}
              </a>
            )}
          </PageHeading>
          <dl class="facts">
            <dt>{tr(ctx, 'Mã', 'Code')}</dt>
            <dd>{unit.code}</dd>
            <dt>{tr(ctx, 'Loại', 'Kind')}</dt>
            <dd>{kindLabel(ctx, unit.kind)}</dd>
            <dt>{tr(ctx, 'Mã hành chính', 'Administrative code')}</dt>
            <dd>{unit.admin_code ?? '—'}</dd>
            <dt>{tr(ctx, 'Cấp trên', 'Parent')}</dt>
            <dd>{parent ? <a href={`${BASE}/${parent.code}`}>{parent.name}</a> : '—'}</dd>
            {mergedInto && (
              <>
                <dt>{tr(ctx, 'Đã sáp nhập vào', 'Merged into')}</dt>
                <dd>
                  <a href={`${BASE}/${mergedInto.code}`}>{mergedInto.name}</a> {tr(ctx, 'từ ngày', 'from')} {unit.merged_on}
                </dd>
              </>
            )}
          </dl>
          {children.length > 0 && (
            <>
              <h2>{tr(ctx, 'Đơn vị trực thuộc', 'Child units')}</h2>
              <ul>
                {children.map((c) => (
                  <li key={c.id}>
                    <a href={`${BASE}/${c.code}`}>{c.name}</a>
                    {c.merged_into_id && <span class="tag merged">{tr(ctx, 'Đã sáp nhập', 'Merged')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a href={`/quan-tri/nguoi-dung?unit=${unit.code}`}>{tr(ctx, 'Cán bộ của đơn vị', 'Staff of this unit')}</a> ·{' '}
            <a href={`/quan-tri/lich?unit=${unit.code}`}>{tr(ctx, 'Lịch làm việc', 'Working calendar')}</a> ·{' '}
            <a href={`/quan-tri/nhat-ky?unit=${unit.code}`}>{tr(ctx, 'Nhật ký thay đổi', 'Audit log')}</a>
          </p>
          {canManage && (
            <>
              <h2>{tr(ctx, 'Sửa thông tin', 'Edit')}</h2>
              <ErrorSummary ctx={ctx} errors={errors} labels={unitLabels(ctx)} />
              <form method="post" action={`${BASE}/${unit.code}`} novalidate>
                <CsrfField ctx={ctx} />
                <UnitFields
                  ctx={ctx}
                  values={values ?? unitFormValues(unit, units)}
                  errors={errors}
                  units={units.filter((u) => !u.path.startsWith(unit.path))}
                  isNew={false}
                />
                <button type="submit">{tr(ctx, 'Lưu thay đổi', 'Save changes')}</button>
              </form>
              <h2>{tr(ctx, 'Sáp nhập đơn vị', 'Merge this unit')}</h2>
              <p class="hint">
                {tr(
                  ctx,
                  'Cán bộ, đơn vị trực thuộc và thủ tục của đơn vị này chuyển sang đơn vị nhận sáp nhập; lịch sử được giữ nguyên.',
                  'Staff, child units and procedures move to the receiving unit; history is kept.',
                )}
              </p>
              <ErrorSummary ctx={ctx} errors={mergeErrors} labels={unitLabels(ctx)} />
              <form method="post" action={`${BASE}/${unit.code}/sap-nhap`} novalidate>
                <CsrfField ctx={ctx} />
                <Select
                  name="into"
                  label={tr(ctx, 'Sáp nhập vào', 'Merge into')}
                  errors={mergeErrors}
                  options={units
                    .filter((u) => !u.merged_into_id && !u.path.startsWith(unit.path))
                    .map((u) => ({ value: u.code, label: `${'— '.repeat(u.depth)}${u.name}` }))}
                />
                <Field name="date" type="date" label={tr(ctx, 'Từ ngày', 'From date')} errors={mergeErrors} required />
                <button type="submit" class="danger">
                  {tr(ctx, 'Sáp nhập', 'Merge')}
                </button>
              </form>
            </>
          )}
        </Layout>,
      ),
      status,
    );
  };

  const loadUnit = async (code: string) => {
    const unit = await findUnitByCode(p.db, code);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    return unit;
  };

  app.get(`${BASE}/:code`, { config: { permission: 'units.read' } }, async (req, reply) => {
    const unit = await loadUnit((req.params as { code: string }).code);
    return renderDetail(req, reply, unit, null, {}, {});
  });

  app.post(`${BASE}/:code`, { config: { permission: 'units.manage' } }, async (req, reply) => {
    const unit = await loadUnit((req.params as { code: string }).code);
    req.requireOn('units.manage', unit.path);
    const form = cleanForm(req.body);
    // Every field is on the form: one left empty is cleared.
    const input = {
      ...form,
      parent: form.parent ?? null,
      adminCode: form.adminCode ?? null,
      address: form.address ?? null,
      phone: form.phone ?? null,
      email: form.email ?? null,
    };
    const checked = validate(UpdateUnitBody, input);
    if (!checked.ok) return renderDetail(req, reply, unit, form as UnitForm, formErrors(checked.errors, req.lang), {}, 400);
    try {
      await inTransaction(p.db, async (tx) => {
        const parent = checked.value.parent ? await findUnitByCode(tx, checked.value.parent) : null;
        if (checked.value.parent && !parent) throw new AppError('UNIT_NOT_FOUND');
        if (parent) req.requireOn('units.manage', parent.path);
        else if (!req.can('units.manage', '/') && unit.parent_id !== null) throw new AppError('FORBIDDEN');
        return updateUnit(tx, req.actor(), unit, checked.value, parent);
      });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'UNIT_MOVE_INVALID' || err.code === 'UNIT_NOT_FOUND')) {
        const message =
          err.code === 'UNIT_NOT_FOUND'
            ? tr(req, 'Không có đơn vị cấp trên này', 'No such parent unit')
            : tr(req, 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới', 'Cannot move a unit under itself');
        return renderDetail(req, reply, unit, form as UnitForm, { parent: message }, {}, err.status);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, `${BASE}/${unit.code}`, tr(req, 'Đã lưu thay đổi', 'Changes saved'));
  });

  app.post(`${BASE}/:code/sap-nhap`, { config: { permission: 'units.manage' } }, async (req, reply) => {
    const unit = await loadUnit((req.params as { code: string }).code);
    req.requireOn('units.manage', unit.path);
    const checked = validate(MergeUnitBody, cleanForm(req.body));
    if (!checked.ok) return renderDetail(req, reply, unit, null, {}, formErrors(checked.errors, req.lang), 400);
    try {
      await inTransaction(p.db, async (tx) => {
        const into = await findUnitByCode(tx, checked.value.into);
        if (!into) throw new AppError('UNIT_NOT_FOUND');
        req.requireOn('units.manage', into.path);
        await mergeUnit(tx, req.actor(), unit, into, checked.value.date, todayInVietnam(new Date()));
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        return renderDetail(req, reply, unit, null, {}, formErrors(err.errors, req.lang), 400);
      }
      if (err instanceof AppError && (err.code === 'UNIT_MERGE_INVALID' || err.code === 'UNIT_ALREADY_MERGED' || err.code === 'UNIT_NOT_FOUND')) {
        const message = err.detail?.[req.lang] ?? tr(req, 'Không thể sáp nhập vào đơn vị này', 'Cannot merge into this unit');
        return renderDetail(req, reply, unit, null, {}, { into: message }, err.status);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, `${BASE}/${unit.code}`, tr(req, 'Đã sáp nhập đơn vị', 'Unit merged'));
  });
}
