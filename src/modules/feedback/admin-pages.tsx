/**
 * Administration of feedback (feedback.manage): categories with their responsible unit and time limits, routing rules,
 * and the leaders' hotline numbers each unit publishes. A category or rule belongs to its unit: managing it needs
 * feedback.manage there; a category without a unit applies everywhere and needs the power over a whole province.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { cleanText } from '../../platform/text/index.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { holdsGlobally } from '../staff/index.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import { checkCategory, saveFeedbackCategory } from './commands/save-feedback-category.ts';
import { addRoutingRule, changeRoutingRule } from './commands/save-routing-rule.ts';
import { addUnitHotline, changeUnitHotline, checkHotline } from './commands/save-unit-hotline.ts';
import {
  type CategoryAdminRow,
  findCategoryByCode,
  findCategoryById,
  findHotline,
  findRoutingRule,
  type HotlineRow,
  listCategoriesForAdmin,
  listHotlines,
  listRoutingRules,
  type RoutingRuleRow,
} from './handling-queries.ts';
import { channelLabels, feedbackChannels } from './rules/lifecycle.ts';
import { MANAGE } from './staff-access.ts';
import { STAFF_BASE } from './staff-present.ts';

const CATEGORIES = `${STAFF_BASE}/linh-vuc`;
const RULES = `${STAFF_BASE}/dieu-phoi`;
const HOTLINES = '/quan-tri/duong-day-nong';

const idOf = (v: unknown): number => {
  const n = typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new AppError('NOT_FOUND');
  return n;
};
const fieldErr = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/** May manage a category or rule of this unit (null: a catalogue-wide one). */
function mayManage(req: FastifyRequest, unitPath: string | null): boolean {
  if (unitPath === null) return req.principal !== null && req.principal.kind !== 'citizen' && holdsGlobally(req.principal, MANAGE);
  return req.can(MANAGE, unitPath);
}

function requireManage(req: FastifyRequest, unitPath: string | null): void {
  if (!mayManage(req, unitPath)) throw new AppError('FORBIDDEN');
}

async function activeUnits(p: Platform): Promise<UnitRow[]> {
  return (await listUnits(p.db)).filter((u) => u.merged_into_id === null);
}

function AdminNav(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <nav aria-label={tr(ctx, 'Quản trị phản ánh', 'Feedback administration')}>
      <p>
        <a href={STAFF_BASE}>{tr(ctx, 'Danh sách phản ánh', 'Feedback list')}</a> · <a href={CATEGORIES}>{tr(ctx, 'Lĩnh vực', 'Categories')}</a> ·{' '}
        <a href={RULES}>{tr(ctx, 'Điều phối', 'Routing')}</a> · <a href={HOTLINES}>{tr(ctx, 'Đường dây nóng', 'Hotlines')}</a>
      </p>
    </nav>
  );
}

// ---------- categories ----------

function CategoryForm(props: { ctx: PageContext; action: string; units: UnitRow[]; values: Record<string, string>; errors: FormErrors; submit: string }) {
  const { ctx, values: v, errors } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField ctx={ctx} />
      <Field name="name" label={tr(ctx, 'Tên lĩnh vực', 'Name')} value={v.name} errors={errors} maxLength={200} required />
      <Field name="code" label={tr(ctx, 'Mã (chữ thường không dấu)', 'Code (lower case)')} value={v.code} errors={errors} maxLength={63} required />
      <Select
        name="unit"
        label={tr(ctx, 'Đơn vị chịu trách nhiệm', 'Responsible unit')}
        hint={tr(ctx, 'Để trống: đơn vị người gửi chọn hoặc xã, phường nơi xảy ra.', 'Empty: the unit addressed or the commune of the place.')}
        value={v.unit ?? ''}
        errors={errors}
        options={[{ value: '', label: tr(ctx, '— Theo địa điểm —', '— By place —') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
      />
      <Field
        name="classifyDays"
        label={tr(ctx, 'Hạn phân loại (ngày làm việc)', 'Classify within (working days)')}
        value={v.classifyDays ?? '3'}
        errors={errors}
        inputmode="numeric"
      />
      <Field
        name="answerDays"
        label={tr(ctx, 'Hạn trả lời (ngày làm việc)', 'Answer within (working days)')}
        value={v.answerDays ?? '10'}
        errors={errors}
        inputmode="numeric"
      />
      <Field
        name="warnDays"
        label={tr(ctx, 'Nhắc trước hạn (ngày làm việc)', 'Warn ahead (working days)')}
        value={v.warnDays ?? '2'}
        errors={errors}
        inputmode="numeric"
      />
      <Field name="position" label={tr(ctx, 'Thứ tự', 'Order')} value={v.position ?? '0'} errors={errors} inputmode="numeric" />
      <Checkbox name="active" label={tr(ctx, 'Đang dùng', 'Active')} checked={v.active !== 'off'} />
      <button type="submit">{props.submit}</button>
    </form>
  );
}

function CategoriesPage(props: { ctx: PageContext; rows: CategoryAdminRow[]; units: UnitRow[]; values: Record<string, string>; errors: FormErrors }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Lĩnh vực phản ánh', 'Feedback categories')}>
      <PageHeading title={tr(ctx, 'Lĩnh vực phản ánh', 'Feedback categories')} />
      <AdminNav ctx={ctx} />
      <p class="hint">
        {tr(
          ctx,
          'Mặc định theo Nghị định 20/2008/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP): phân loại trong 3 ngày làm việc, trả lời trong 10 ngày làm việc, tính theo lịch làm việc của đơn vị xử lý.',
          'Defaults follow Decree 20/2008 as amended by Decree 92/2017: classify within 3 working days, answer within 10, in the handling unit’s calendar.',
        )}
      </p>
      {props.rows.length > 0 && (
        <TableWrap label={tr(ctx, 'Lĩnh vực', 'Categories')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Lĩnh vực', 'Category')}</th>
                <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
                <th scope="col">{tr(ctx, 'Phân loại / trả lời / nhắc (ngày làm việc)', 'Classify / answer / warn (working days)')}</th>
                <th scope="col">{tr(ctx, 'Trạng thái', 'State')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`${CATEGORIES}/${c.id}`}>{c.name}</a>
                    <p class="hint">{c.code}</p>
                  </td>
                  <td>{c.unit_name ?? tr(ctx, 'Theo địa điểm', 'By place')}</td>
                  <td>
                    {c.classify_days} / {c.answer_days} / {c.warn_days}
                  </td>
                  <td>{c.active ? tr(ctx, 'Đang dùng', 'Active') : tr(ctx, 'Ngừng dùng', 'Inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{tr(ctx, 'Thêm lĩnh vực', 'Add a category')}</h2>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <CategoryForm ctx={ctx} action={CATEGORIES} units={props.units} values={props.values} errors={props.errors} submit={tr(ctx, 'Thêm', 'Add')} />
    </Layout>
  );
}

function CategoryPage(props: { ctx: PageContext; row: CategoryAdminRow; units: UnitRow[]; values: Record<string, string>; errors: FormErrors }) {
  const { ctx, row } = props;
  return (
    <Layout ctx={ctx} title={row.name}>
      <PageHeading title={tr(ctx, `Lĩnh vực: ${row.name}`, `Category: ${row.name}`)} />
      <AdminNav ctx={ctx} />
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <CategoryForm
        ctx={ctx}
        action={`${CATEGORIES}/${row.id}`}
        units={props.units}
        values={props.values}
        errors={props.errors}
        submit={tr(ctx, 'Lưu', 'Save')}
      />
    </Layout>
  );
}

const categoryValues = (c: CategoryAdminRow): Record<string, string> => ({
  name: c.name,
  code: c.code,
  unit: c.unit_code ?? '',
  classifyDays: String(c.classify_days),
  answerDays: String(c.answer_days),
  warnDays: String(c.warn_days),
  position: String(c.position),
  active: c.active ? 'on' : 'off',
});

// ---------- routing rules ----------

function RulesPage(props: {
  ctx: PageContext;
  rows: RoutingRuleRow[];
  units: UnitRow[];
  categories: CategoryAdminRow[];
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { ctx, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Quy tắc điều phối phản ánh', 'Feedback routing rules')}>
      <PageHeading title={tr(ctx, 'Quy tắc điều phối phản ánh', 'Feedback routing rules')} />
      <AdminNav ctx={ctx} />
      <p class="hint">
        {tr(
          ctx,
          'Quy tắc đầu tiên (theo thứ tự) mà mọi điều kiện đều đúng quyết định đơn vị xử lý. Điều kiện để trống là không xét.',
          'The first rule (by order) whose conditions all hold decides the handling unit. An empty condition matches anything.',
        )}
      </p>
      {props.rows.length > 0 && (
        <TableWrap label={tr(ctx, 'Quy tắc', 'Rules')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Thứ tự', 'Order')}</th>
                <th scope="col">{tr(ctx, 'Điều kiện', 'Conditions')}</th>
                <th scope="col">{tr(ctx, 'Chuyển đến', 'Send to')}</th>
                <th scope="col">{tr(ctx, 'Thao tác', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.position}</td>
                  <td>
                    {[
                      r.category_name && `${tr(ctx, 'Lĩnh vực', 'Category')}: ${r.category_name}`,
                      r.place_name && `${tr(ctx, 'Địa điểm', 'Place')}: ${r.place_name}`,
                      r.channel && `${tr(ctx, 'Kênh', 'Channel')}: ${tr(ctx, channelLabels[r.channel].vi, channelLabels[r.channel].en)}`,
                      r.keywords && `${tr(ctx, 'Từ khóa', 'Keywords')}: ${r.keywords}`,
                    ]
                      .filter(Boolean)
                      .join(' · ') || tr(ctx, 'Mọi phản ánh', 'Everything')}
                    {!r.active && <p class="hint">{tr(ctx, 'Đang tắt', 'Off')}</p>}
                  </td>
                  <td>{r.target_name}</td>
                  <td>
                    <form method="post" action={`${RULES}/${r.id}`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit" name="change" value={r.active ? 'disable' : 'enable'} class="secondary">
                        {r.active ? tr(ctx, 'Tắt', 'Turn off') : tr(ctx, 'Bật', 'Turn on')}
                      </button>{' '}
                      <button type="submit" name="change" value="delete" class="danger">
                        {tr(ctx, 'Xóa', 'Delete')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{tr(ctx, 'Thêm quy tắc', 'Add a rule')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={RULES} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="target"
          label={tr(ctx, 'Chuyển đến đơn vị', 'Send to unit')}
          value={v.target ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Chọn đơn vị —', '— Choose —') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <Select
          name="category"
          label={tr(ctx, 'Khi lĩnh vực là', 'When the category is')}
          value={v.category ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Bất kỳ —', '— Any —') }, ...props.categories.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <Select
          name="place"
          label={tr(ctx, 'Khi địa điểm thuộc', 'When the place is in')}
          value={v.place ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Bất kỳ —', '— Any —') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <Select
          name="channel"
          label={tr(ctx, 'Khi kênh là', 'When the channel is')}
          value={v.channel ?? ''}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, '— Bất kỳ —', '— Any —') },
            ...feedbackChannels.map((c) => ({ value: c, label: tr(ctx, channelLabels[c].vi, channelLabels[c].en) })),
          ]}
        />
        <Field
          name="keywords"
          label={tr(ctx, 'Khi có một trong các từ (cách nhau bởi dấu phẩy)', 'When one of these words appears (comma separated)')}
          value={v.keywords}
          errors={errors}
          maxLength={500}
        />
        <Field name="position" label={tr(ctx, 'Thứ tự', 'Order')} value={v.position ?? '0'} errors={errors} inputmode="numeric" />
        <Field name="note" label={tr(ctx, 'Ghi chú', 'Note')} value={v.note} errors={errors} maxLength={500} />
        <button type="submit">{tr(ctx, 'Thêm', 'Add')}</button>
      </form>
    </Layout>
  );
}

// ---------- hotlines ----------

function HotlinesPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; rows: HotlineRow[]; values: Record<string, string>; errors: FormErrors }) {
  const { ctx, unit, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đường dây nóng của lãnh đạo', 'Leaders’ hotlines')}>
      <PageHeading title={tr(ctx, `Đường dây nóng: ${unit.name}`, `Hotlines: ${unit.name}`)} />
      <AdminNav ctx={ctx} />
      {props.units.length > 1 && (
        <form class="search" method="get" action={HOTLINES}>
          <Select name="unit" label={tr(ctx, 'Đơn vị', 'Unit')} value={unit.code} options={props.units.map((u) => ({ value: u.code, label: u.name }))} />
          <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
        </form>
      )}
      {props.rows.length === 0 ? (
        <p>{tr(ctx, 'Đơn vị chưa công bố số đường dây nóng nào.', 'The unit publishes no hotline yet.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Đường dây nóng', 'Hotlines')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Họ tên, chức vụ', 'Name, title')}</th>
                <th scope="col">{tr(ctx, 'Điện thoại', 'Phone')}</th>
                <th scope="col">{tr(ctx, 'Thao tác', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((h) => (
                <tr key={h.id}>
                  <td>
                    {h.name}
                    <p class="hint">{h.title}</p>
                  </td>
                  <td>
                    {h.phone}
                    {h.email && <p class="hint">{h.email}</p>}
                  </td>
                  <td>
                    <form method="post" action={`${HOTLINES}/${h.id}`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit" name="change" value="delete" class="danger">
                        {tr(ctx, `Xóa số của ${h.name}`, `Delete ${h.name}`)}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{tr(ctx, 'Thêm số đường dây nóng', 'Add a hotline number')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={HOTLINES} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="unit" value={unit.code} />
        <Field name="name" label={tr(ctx, 'Họ và tên lãnh đạo', 'Leader’s name')} value={v.name} errors={errors} maxLength={120} required />
        <Field name="title" label={tr(ctx, 'Chức vụ', 'Title')} value={v.title} errors={errors} maxLength={200} required />
        <Field name="phone" label={tr(ctx, 'Số điện thoại', 'Phone')} value={v.phone} errors={errors} type="tel" maxLength={30} required />
        <Field name="email" label={tr(ctx, 'Thư điện tử (không bắt buộc)', 'E-mail (optional)')} value={v.email} errors={errors} type="email" maxLength={254} />
        <Field name="position" label={tr(ctx, 'Thứ tự', 'Order')} value={v.position ?? '0'} errors={errors} inputmode="numeric" />
        <button type="submit">{tr(ctx, 'Thêm', 'Add')}</button>
      </form>
    </Layout>
  );
}

const valuesOf = (body: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof val === 'string' && k !== '_csrf') out[k] = val.normalize('NFC');
  return out;
};

/** Staff routes administering feedback (feedback.manage). */
export function registerFeedbackAdminPages(app: App, p: Platform): void {
  const manageableUnits = async (req: FastifyRequest) => (await activeUnits(p)).filter((u) => req.can(MANAGE, u.path));

  const showCategories = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, status = 200) => {
    const [rows, units] = await Promise.all([listCategoriesForAdmin(p.db), manageableUnits(req)]);
    return html(reply, renderPage(<CategoriesPage ctx={pageContext(req, reply)} rows={rows} units={units} values={values} errors={errors} />), status);
  };

  /** The unit a category form names (null: none); its field error when unknown. */
  const unitOf = async (code: unknown): Promise<UnitRow | null | FieldError> => {
    const c = cleanText(code);
    if (!c) return null;
    return (await findUnitByCode(p.db, c)) ?? fieldErr('unit', 'Không có đơn vị này', 'No such unit');
  };

  app.get(CATEGORIES, { config: { permission: MANAGE } }, (req, reply) => showCategories(req, reply, {}, {}));

  const saveCategory = async (req: FastifyRequest, reply: FastifyReply, existing: CategoryAdminRow | null) => {
    const form = cleanForm(req.body);
    const values = valuesOf(req.body);
    if (!form.active) values.active = 'off';
    const unit = await unitOf(form.unit);
    const show = async (errors: FieldError[], status: number) => {
      const fe = formErrors(errors, req.lang);
      if (existing) {
        const units = await manageableUnits(req);
        return html(reply, renderPage(<CategoryPage ctx={pageContext(req, reply)} row={existing} units={units} values={values} errors={fe} />), status);
      }
      return showCategories(req, reply, values, fe, status);
    };
    if (unit && 'field' in unit) return show([unit], 400);
    requireManage(req, unit?.path ?? null);
    const checked = checkCategory(form, unit?.id ?? null);
    if (!checked.ok) return show(checked.errors, 400);
    try {
      await saveFeedbackCategory(p.db, req.actor(), existing?.id ?? null, checked.value);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT') return show(err.errors, 409);
      throw err;
    }
    return redirectWithFlash(req, reply, CATEGORIES, tr(req, `Đã lưu lĩnh vực ${checked.value.name}`, `Saved ${checked.value.name}`));
  };

  app.post(CATEGORIES, { config: { permission: MANAGE } }, (req, reply) => saveCategory(req, reply, null));

  app.get(`${CATEGORIES}/:id`, { config: { permission: MANAGE } }, async (req, reply) => {
    const row = await findCategoryById(p.db, idOf((req.params as { id: string }).id));
    if (!row) throw new AppError('NOT_FOUND');
    requireManage(req, row.unit_path);
    const units = await manageableUnits(req);
    return html(reply, renderPage(<CategoryPage ctx={pageContext(req, reply)} row={row} units={units} values={categoryValues(row)} errors={{}} />));
  });

  app.post(`${CATEGORIES}/:id`, { config: { permission: MANAGE } }, async (req, reply) => {
    const row = await findCategoryById(p.db, idOf((req.params as { id: string }).id));
    if (!row) throw new AppError('NOT_FOUND');
    requireManage(req, row.unit_path);
    return saveCategory(req, reply, row);
  });

  const showRules = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, status = 200) => {
    const [rows, units, categories] = await Promise.all([listRoutingRules(p.db), activeUnits(p), listCategoriesForAdmin(p.db)]);
    return html(
      reply,
      renderPage(<RulesPage ctx={pageContext(req, reply)} rows={rows} units={units} categories={categories} values={values} errors={errors} />),
      status,
    );
  };

  app.get(RULES, { config: { permission: MANAGE } }, (req, reply) => showRules(req, reply, {}, {}));

  app.post(RULES, { config: { permission: MANAGE } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const values = valuesOf(req.body);
    const errors: FieldError[] = [];
    const target = typeof form.target === 'string' ? await findUnitByCode(p.db, form.target) : null;
    if (!target) errors.push(fieldErr('target', 'Hãy chọn đơn vị nhận', 'Choose the receiving unit'));
    const place = typeof form.place === 'string' ? await findUnitByCode(p.db, form.place) : null;
    if (form.place && !place) errors.push(fieldErr('place', 'Không có đơn vị này', 'No such unit'));
    const category = typeof form.category === 'string' ? await findCategoryByCode(p.db, form.category) : null;
    if (form.category && !category) errors.push(fieldErr('category', 'Không có lĩnh vực này', 'No such category'));
    const channel = feedbackChannels.find((c) => c === form.channel) ?? null;
    if (form.channel && !channel) errors.push(fieldErr('channel', 'Kênh không hợp lệ', 'Unknown channel'));
    const keywords = cleanText(form.keywords) || null;
    if (keywords && [...keywords].length > 500) errors.push(fieldErr('keywords', 'Tối đa 500 ký tự', 'At most 500 characters'));
    const note = cleanText(form.note) || null;
    if (note && [...note].length > 500) errors.push(fieldErr('note', 'Tối đa 500 ký tự', 'At most 500 characters'));
    const pos = cleanText(form.position);
    const position = pos === '' ? 0 : /^\d{1,6}$/.test(pos) ? Number(pos) : null;
    if (position === null) errors.push(fieldErr('position', 'Thứ tự là số từ 0', 'A number from 0'));
    if (target) requireManage(req, target.path);
    if (errors.length || !target) return showRules(req, reply, values, formErrors(errors, req.lang), 400);
    await addRoutingRule(p.db, req.actor(), {
      position: position as number,
      categoryId: category ? Number(category.id) : null,
      placeUnitId: place?.id ?? null,
      channel,
      keywords,
      targetUnitId: target.id,
      note,
    });
    return redirectWithFlash(req, reply, RULES, tr(req, 'Đã thêm quy tắc điều phối', 'Rule added'));
  });

  app.post(`${RULES}/:id`, { config: { permission: MANAGE } }, async (req, reply) => {
    const rule = await findRoutingRule(p.db, idOf((req.params as { id: string }).id));
    if (!rule) throw new AppError('NOT_FOUND');
    requireManage(req, rule.target_path);
    const change = (['enable', 'disable', 'delete'] as const).find((c) => c === cleanForm(req.body).change);
    if (!change) throw new AppError('VALIDATION_FAILED', { errors: [fieldErr('change', 'Thao tác không hợp lệ', 'Unknown change')] });
    await changeRoutingRule(p.db, req.actor(), rule, change);
    return redirectWithFlash(req, reply, RULES, tr(req, 'Đã cập nhật quy tắc điều phối', 'Rule updated'));
  });

  const showHotlines = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, values: Record<string, string>, errors: FormErrors, status = 200) => {
    const [rows, units] = await Promise.all([listHotlines(p.db, unit.id), manageableUnits(req)]);
    return html(
      reply,
      renderPage(<HotlinesPage ctx={pageContext(req, reply)} unit={unit} units={units} rows={rows} values={values} errors={errors} />),
      status,
    );
  };

  app.get(HOTLINES, { config: { permission: MANAGE } }, async (req, reply) => {
    const code = cleanText((req.query as Record<string, unknown>).unit);
    let unit: UnitRow | null;
    if (code) {
      unit = await findUnitByCode(p.db, code);
      if (!unit) throw new AppError('UNIT_NOT_FOUND');
      requireManage(req, unit.path);
    } else {
      unit = (await manageableUnits(req))[0] ?? null;
      if (!unit) throw new AppError('FORBIDDEN');
    }
    return showHotlines(req, reply, unit, {}, {});
  });

  app.post(HOTLINES, { config: { permission: MANAGE } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const unit = typeof form.unit === 'string' ? await findUnitByCode(p.db, form.unit) : null;
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    requireManage(req, unit.path);
    const checked = checkHotline(form);
    if (!checked.ok) return showHotlines(req, reply, unit, valuesOf(req.body), formErrors(checked.errors, req.lang), 400);
    await addUnitHotline(p.db, req.actor(), unit.id, checked.value);
    return redirectWithFlash(req, reply, `${HOTLINES}?unit=${encodeURIComponent(unit.code)}`, tr(req, 'Đã thêm số đường dây nóng', 'Hotline added'));
  });

  app.post(`${HOTLINES}/:id`, { config: { permission: MANAGE } }, async (req, reply) => {
    const row = await findHotline(p.db, idOf((req.params as { id: string }).id));
    if (!row) throw new AppError('NOT_FOUND');
    const unit = (await activeUnits(p)).find((u) => u.id === Number(row.unit_id)) ?? null;
    if (!unit) throw new AppError('NOT_FOUND');
    requireManage(req, unit.path);
    const form = cleanForm(req.body);
    if (form.change === 'delete') {
      await changeUnitHotline(p.db, req.actor(), row, null);
    } else {
      const checked = checkHotline(form);
      if (!checked.ok) return showHotlines(req, reply, unit, valuesOf(req.body), formErrors(checked.errors, req.lang), 400);
      await changeUnitHotline(p.db, req.actor(), row, checked.value);
    }
    return redirectWithFlash(req, reply, `${HOTLINES}?unit=${encodeURIComponent(unit.code)}`, tr(req, 'Đã cập nhật đường dây nóng', 'Hotlines updated'));
  });
}
