/**
 * Pages of the reform registry and inspections: the public list of models and who runs each (/mo-hinh); the catalogue
 * kept by holders of reform.manage; a unit's registrations (reform.register); the compliance view of a subtree
 * (reform.inspect); inspections: plan, findings, corrections, closing (/quan-tri/kiem-tra). Every form works without
 * JavaScript and re-renders with the input and an error summary.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import {
  canInspect,
  INSPECT,
  inspectionParts,
  loadCorrection,
  loadFinding,
  loadInspection,
  loadRegistration,
  MANAGE,
  mustFindModel,
  REGISTER,
  requireInspector,
  today,
} from './access.ts';
import { complianceFor, modelFrom, modelsNamed, planUnits, unitsByModel } from './api.ts';
import { closeInspectionFinding } from './commands/close-finding.ts';
import { planInspection } from './commands/plan-inspection.ts';
import { recordFinding } from './commands/record-finding.ts';
import { addCorrection, editCorrection } from './commands/save-correction.ts';
import { createModel, editModel } from './commands/save-model.ts';
import { editRegistration, registerModel } from './commands/save-registration.ts';
import {
  type CorrectionRow,
  type FindingRow,
  type InspectionRow,
  listInspections,
  listModels,
  listUnitRegistrations,
  type ModelRow,
  type RegistrationRow,
} from './queries.ts';
import type { ComplianceIssue } from './rules/compliance.ts';
import { checkCorrection, checkFinding, checkPlan, correctionState, indexGroups, type Member, severities } from './rules/inspections.ts';
import { catalogueCodes, modelOrigins } from './rules/models.ts';
import { checkRegistration } from './rules/registrations.ts';
import { correctionStateLabels, indexGroupLabels, originLabels, ruleLabels, severityLabels } from './schema.ts';

export const ADMIN = '/quan-tri/mo-hinh';
export const INSPECTIONS = '/quan-tri/kiem-tra';
export const PUBLIC_PAGE = '/mo-hinh';

type Values = Record<string, string>;
type Lang = 'vi' | 'en';
const L = (ctx: PageContext, t: { vi: string; en: string }) => t[ctx.lang as Lang] ?? t.vi;
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const fmtDay = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
const errorsOf = (err: unknown, lang: Lang): FormErrors | null => {
  if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.errors.length)) {
    const out = formErrors(err.errors, lang);
    if (Object.keys(out).length === 0) out.form = (err.detail ?? { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' })[lang];
    return out;
  }
  if (err instanceof AppError && err.status === 409) return { form: (err.detail ?? { vi: err.message, en: err.message })[lang] ?? err.code };
  return null;
};
const indent = (u: UnitRow) => `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}`;

function UnitSelect(props: { ctx: PageContext; units: UnitRow[]; value: string; name?: string; label?: string; errors?: FormErrors }) {
  return (
    <Select
      name={props.name ?? 'unit'}
      label={props.label ?? tr(props.ctx, 'Đơn vị', 'Unit')}
      value={props.value}
      errors={props.errors}
      options={props.units.map((u) => ({ value: u.code, label: indent(u) }))}
    />
  );
}

/** Units (not merged away) where the caller holds a permission, in tree order. */
async function unitsWhere(p: Platform, test: (path: string) => boolean): Promise<UnitRow[]> {
  return (await listUnits(p.db)).filter((u) => u.merged_into_id === null && test(u.path));
}

/** The unit a page is about: the one asked for (checked with `allowed`), or the first the caller may use. */
async function pageUnit(p: Platform, req: FastifyRequest, code: string, units: UnitRow[], allowed: (path: string) => boolean, perm: string) {
  if (code) {
    const unit = await findUnitByCode(p.db, code);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    if (!allowed(unit.path)) req.requireOn(perm, unit.path);
    return unit;
  }
  const first = units[0];
  if (!first) throw new AppError('FORBIDDEN');
  return first;
}

function SubNav(props: { ctx: PageContext; unit?: UnitRow }) {
  const { ctx } = props;
  const q = props.unit ? `?unit=${encodeURIComponent(props.unit.code)}` : '';
  return (
    <p class="register-links">
      <a href={`${ADMIN}/don-vi${q}`}>{tr(ctx, 'Mô hình của đơn vị', 'Unit’s models')}</a> ·{' '}
      <a href={`${ADMIN}/tuan-thu${q}`}>{tr(ctx, 'Tuân thủ kế hoạch', 'Compliance')}</a> ·{' '}
      <a href={`${INSPECTIONS}${q}`}>{tr(ctx, 'Kiểm tra', 'Inspections')}</a> · <a href={ADMIN}>{tr(ctx, 'Danh mục mô hình', 'Catalogue')}</a> ·{' '}
      <a href={PUBLIC_PAGE}>{tr(ctx, 'Trang công khai', 'Public page')}</a>
    </p>
  );
}

function ModelFacts(props: { ctx: PageContext; m: ModelRow }) {
  const { ctx, m } = props;
  return (
    <dl>
      {m.purpose && (
        <>
          <dt>{tr(ctx, 'Mục đích', 'Purpose')}</dt>
          <dd>{m.purpose}</dd>
        </>
      )}
      <dt>{tr(ctx, 'Cơ quan thực hiện', 'Lead agency')}</dt>
      <dd>{m.lead_agency}</dd>
      {m.monitoring_agency && (
        <>
          <dt>{tr(ctx, 'Cơ quan chủ trì theo dõi, kiểm tra', 'Monitoring agency')}</dt>
          <dd>{m.monitoring_agency}</dd>
        </>
      )}
      <dt>{tr(ctx, 'Ban hành', 'Issued by')}</dt>
      <dd>
        {m.issuer_name} — {m.source}
      </dd>
      <dt>{tr(ctx, 'Thời gian', 'Period')}</dt>
      <dd>
        {tr(ctx, 'Từ', 'From')} {fmtDay(m.starts_on)}
        {m.ends_on ? ` ${tr(ctx, 'đến', 'to')} ${fmtDay(m.ends_on)}` : ''}
      </dd>
    </dl>
  );
}

function ModelTags(props: { ctx: PageContext; m: ModelRow }) {
  const { ctx, m } = props;
  return (
    <span>
      {m.mandatory ? <span class="tag late">{tr(ctx, 'Bắt buộc', 'Mandatory')}</span> : <span class="tag normal">{tr(ctx, 'Tự chọn', 'Optional')}</span>}{' '}
      {m.same_day && <span class="tag due_today">{tr(ctx, 'Giải quyết trong ngày', 'Same day')}</span>} <span class="tag done">{m.catalogue_code}</span>
    </span>
  );
}

// ---------- public page ----------

function PublicPage(props: { ctx: PageContext; models: ModelRow[]; units: Map<number, { code: string; name: string; parent: string | null }[]> }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Mô hình cải cách hành chính', 'Administrative-reform models')}>
      <h1>{tr(ctx, 'Mô hình cải cách hành chính', 'Administrative-reform models')}</h1>
      <p>
        {tr(
          ctx,
          'Các mô hình xây dựng chính quyền thân thiện, phục vụ Nhân dân và những đơn vị đang thực hiện từng mô hình.',
          'The models for a friendly government that serves the people, and the units running each.',
        )}
      </p>
      {props.models.length === 0 && <p>{tr(ctx, 'Chưa có mô hình nào.', 'No models yet.')}</p>}
      {props.models.map((m) => {
        const units = props.units.get(m.id) ?? [];
        return (
          <section key={m.code} id={`m-${m.code}`}>
            <h2>{m.name}</h2>
            <p>
              <ModelTags ctx={ctx} m={m} /> <span class="muted">{L(ctx, originLabels[m.origin])}</span>
            </p>
            <ModelFacts ctx={ctx} m={m} />
            <details>
              <summary>{tr(ctx, `Đơn vị đang thực hiện (${units.length})`, `Units running it (${units.length})`)}</summary>
              {units.length === 0 ? (
                <p>{tr(ctx, 'Chưa có đơn vị đăng ký.', 'No unit has registered yet.')}</p>
              ) : (
                <ul>
                  {units.map((u) => (
                    <li key={u.code}>
                      {u.name}
                      {u.parent ? <span class="muted"> — {u.parent}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </details>
          </section>
        );
      })}
    </Layout>
  );
}

// ---------- catalogue (admin) ----------

function CataloguePage(props: { ctx: PageContext; models: ModelRow[]; canEdit: (m: ModelRow) => boolean }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Danh mục mô hình CCHC', 'Reform model catalogue')}>
      <PageHeading title={tr(ctx, 'Danh mục mô hình CCHC', 'Reform model catalogue')}>
        <a class="button" href={`${ADMIN}/moi`}>
          {tr(ctx, 'Thêm mô hình', 'Add a model')}
        </a>
      </PageHeading>
      <SubNav ctx={ctx} />
      <TableWrap label={tr(ctx, 'Các mô hình', 'Models')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{tr(ctx, 'Mô hình', 'Model')}</th>
              <th scope="col">{tr(ctx, 'Ban hành', 'Issued by')}</th>
              <th scope="col">{tr(ctx, 'Loại', 'Kind')}</th>
              <th scope="col">{tr(ctx, 'Bắt đầu', 'Starts')}</th>
            </tr>
          </thead>
          <tbody>
            {props.models.map((m) => (
              <tr key={m.code}>
                <td>
                  {props.canEdit(m) ? <a href={`${ADMIN}/${m.code}/sua`}>{m.name}</a> : m.name}
                  <p class="hint">{m.code}</p>
                </td>
                <td>{m.issuer_name}</td>
                <td>
                  <ModelTags ctx={ctx} m={m} />
                </td>
                <td>{fmtDay(m.starts_on)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}

const modelLabels = (ctx: PageContext): Record<string, string> => ({
  code: tr(ctx, 'Mã mô hình', 'Code'),
  name: tr(ctx, 'Tên mô hình', 'Name'),
  purpose: tr(ctx, 'Mục đích', 'Purpose'),
  leadAgency: tr(ctx, 'Cơ quan thực hiện', 'Lead agency'),
  monitoringAgency: tr(ctx, 'Cơ quan chủ trì theo dõi, kiểm tra', 'Monitoring agency'),
  origin: tr(ctx, 'Cấp ban hành', 'Level'),
  issuer: tr(ctx, 'Đơn vị ban hành', 'Issuing unit'),
  source: tr(ctx, 'Văn bản ban hành', 'Issuing document'),
  kind: tr(ctx, 'Bắt buộc hay tự chọn', 'Mandatory or optional'),
  sameDay: tr(ctx, 'Giải quyết trong ngày', 'Same day'),
  catalogueCode: tr(ctx, 'Nhóm mô hình (MODELS.md)', 'Model group'),
  startsOn: tr(ctx, 'Ngày bắt đầu', 'Start date'),
  endsOn: tr(ctx, 'Ngày kết thúc', 'End date'),
});

function ModelForm(props: { ctx: PageContext; model: ModelRow | null; units: UnitRow[]; values: Values; errors: FormErrors }) {
  const { ctx, model, values: v, errors } = props;
  const lab = modelLabels(ctx);
  const title = model ? tr(ctx, `Sửa mô hình: ${model.name}`, `Edit model: ${model.name}`) : tr(ctx, 'Thêm mô hình', 'Add a model');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="muted">
        <a href={ADMIN}>{tr(ctx, '← Danh mục mô hình', '← Catalogue')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={lab} />
      <form method="post" action={model ? `${ADMIN}/${model.code}` : ADMIN}>
        <CsrfField ctx={ctx} />
        {model ? <input type="hidden" name="updatedAt" value={v.updatedAt ?? ''} /> : null}
        {model ? null : <Field name="code" label={lab.code as string} value={v.code} errors={errors} required hint="vd: cl-niem-yet-dien-tu" />}
        <Field name="name" label={lab.name as string} value={v.name} errors={errors} required />
        <TextArea name="purpose" label={lab.purpose as string} value={v.purpose} errors={errors} rows={3} />
        <TextArea name="leadAgency" label={lab.leadAgency as string} value={v.leadAgency} errors={errors} rows={2} required />
        <Field name="monitoringAgency" label={lab.monitoringAgency as string} value={v.monitoringAgency} errors={errors} />
        <Select
          name="origin"
          label={lab.origin as string}
          value={v.origin ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Chọn —', '— Choose —') }, ...modelOrigins.map((o) => ({ value: o, label: L(ctx, originLabels[o]) }))]}
        />
        <UnitSelect ctx={ctx} units={props.units} name="issuer" label={lab.issuer as string} value={v.issuer ?? ''} errors={errors} />
        <Field name="source" label={lab.source as string} value={v.source} errors={errors} required hint={tr(ctx, 'Số, ngày của văn bản', 'Number and date')} />
        <Select
          name="kind"
          label={lab.kind as string}
          value={v.kind ?? 'optional'}
          errors={errors}
          options={[
            { value: 'mandatory', label: tr(ctx, 'Bắt buộc với mọi xã, phường', 'Mandatory for every commune and ward') },
            { value: 'pool', label: tr(ctx, 'Tự chọn: mỗi xã, phường chọn ít nhất một', 'Optional: each commune picks at least one') },
            { value: 'optional', label: tr(ctx, 'Tự chọn, không bắt buộc chọn', 'Optional') },
          ]}
        />
        <Select
          name="sameDay"
          label={lab.sameDay as string}
          value={v.sameDay === 'on' ? 'on' : ''}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, 'Không', 'No') },
            { value: 'on', label: tr(ctx, 'Có: đơn vị đăng ký thủ tục giải quyết trong ngày', 'Yes: units register same-day procedures') },
          ]}
        />
        <Select
          name="catalogueCode"
          label={lab.catalogueCode as string}
          value={v.catalogueCode ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Chọn —', '— Choose —') }, ...catalogueCodes.map((c) => ({ value: c, label: c }))]}
        />
        <Field name="startsOn" type="date" label={lab.startsOn as string} value={v.startsOn} errors={errors} required />
        <Field name="endsOn" type="date" label={lab.endsOn as string} value={v.endsOn} errors={errors} />
        <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
      </form>
    </Layout>
  );
}

const modelValuesOf = (m: ModelRow): Values => ({
  code: m.code,
  name: m.name,
  purpose: m.purpose ?? '',
  leadAgency: m.lead_agency,
  monitoringAgency: m.monitoring_agency ?? '',
  origin: m.origin,
  issuer: m.issuer_code,
  source: m.source,
  kind: m.mandatory ? 'mandatory' : m.choice_pool ? 'pool' : 'optional',
  sameDay: m.same_day ? 'on' : '',
  catalogueCode: m.catalogue_code,
  startsOn: m.starts_on,
  endsOn: m.ends_on ?? '',
  updatedAt: new Date(m.updated_at).toISOString(),
});

function modelInput(body: unknown): { values: Values; input: Record<string, unknown> } {
  const raw = (body ?? {}) as Record<string, unknown>;
  const values: Values = {};
  for (const k of [
    'code',
    'name',
    'purpose',
    'leadAgency',
    'monitoringAgency',
    'origin',
    'issuer',
    'source',
    'kind',
    'sameDay',
    'catalogueCode',
    'startsOn',
    'endsOn',
    'updatedAt',
  ]) {
    values[k] = str(raw[k], k === 'purpose' ? 5000 : 1000);
  }
  const input = { ...values, mandatory: values.kind === 'mandatory', choicePool: values.kind === 'pool', sameDay: values.sameDay === 'on' };
  return { values, input };
}

// ---------- a unit's registrations ----------

function RegistrationsPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  items: RegistrationRow[];
  models: ModelRow[];
  values: Values;
  errors: FormErrors;
  editing: { id: number; values: Values; errors: FormErrors } | null;
}) {
  const { ctx, unit, values: v, errors } = props;
  const lab = {
    model: tr(ctx, 'Mô hình', 'Model'),
    fromDate: tr(ctx, 'Bắt đầu thực hiện', 'From'),
    toDate: tr(ctx, 'Kết thúc', 'To'),
    note: tr(ctx, 'Ghi chú', 'Note'),
    procedures: tr(ctx, 'Thủ tục giải quyết trong ngày (mã TTHC)', 'Same-day procedures (codes)'),
  };
  const day = today();
  return (
    <Layout ctx={ctx} title={tr(ctx, `Mô hình của ${unit.name}`, `Models of ${unit.name}`)}>
      <h1>{tr(ctx, `Mô hình đơn vị thực hiện: ${unit.name}`, `Models run by ${unit.name}`)}</h1>
      <SubNav ctx={ctx} unit={unit} />
      <form class="search" method="get" action={`${ADMIN}/don-vi`}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Đơn vị chưa đăng ký mô hình nào.', 'The unit has registered no model.')}</p>
      ) : (
        props.items.map((r) => {
          const running = r.from_date <= day && (r.to_date === null || r.to_date >= day);
          const edit = props.editing?.id === r.id ? props.editing : null;
          const ev = edit?.values ?? {
            fromDate: r.from_date,
            toDate: r.to_date ?? '',
            note: r.note ?? '',
            procedures: r.procedures.map((x) => x.code).join('\n'),
          };
          const ee = edit?.errors ?? {};
          return (
            <section key={r.id} id={`r-${r.id}`}>
              <h2>
                {r.model_name}{' '}
                {running ? (
                  <span class="tag normal">{tr(ctx, 'Đang thực hiện', 'Running')}</span>
                ) : (
                  <span class="tag done">{tr(ctx, 'Không còn', 'Ended')}</span>
                )}
              </h2>
              <p>
                {tr(ctx, 'Từ', 'From')} {fmtDay(r.from_date)}
                {r.to_date ? ` ${tr(ctx, 'đến', 'to')} ${fmtDay(r.to_date)}` : ''}
              </p>
              {r.note && <p>{r.note}</p>}
              {r.same_day && (
                <>
                  <h3>{tr(ctx, 'Thủ tục giải quyết trong ngày', 'Same-day procedures')}</h3>
                  {r.procedures.length === 0 ? (
                    <p class="muted">{tr(ctx, 'Chưa đăng ký thủ tục nào.', 'No procedure registered.')}</p>
                  ) : (
                    <ul>
                      {r.procedures.map((x) => (
                        <li key={x.code}>
                          {x.code} — {x.name ?? ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
              <details open={edit !== null}>
                <summary>{tr(ctx, 'Sửa hoặc kết thúc', 'Edit or end')}</summary>
                <ErrorSummary ctx={ctx} errors={ee} labels={lab} />
                <form method="post" action={`${ADMIN}/don-vi/${r.id}`}>
                  <CsrfField ctx={ctx} />
                  <Field name="fromDate" type="date" label={lab.fromDate} value={ev.fromDate} errors={ee} required />
                  <Field
                    name="toDate"
                    type="date"
                    label={lab.toDate}
                    value={ev.toDate}
                    errors={ee}
                    hint={tr(ctx, 'Để trống khi còn thực hiện', 'Empty while running')}
                  />
                  <TextArea name="note" label={lab.note} value={ev.note} errors={ee} rows={2} />
                  {r.same_day && (
                    <TextArea
                      name="procedures"
                      label={lab.procedures}
                      value={ev.procedures}
                      errors={ee}
                      rows={3}
                      hint={tr(ctx, 'Mỗi dòng một mã, vd 1.001193', 'One code a line')}
                    />
                  )}
                  <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
                </form>
              </details>
            </section>
          );
        })
      )}
      <h2 id="dang-ky">{tr(ctx, 'Đăng ký thực hiện mô hình', 'Register a model')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={lab} />
      <form method="post" action={`${ADMIN}/don-vi`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="unit" value={unit.code} />
        <Select
          name="model"
          label={lab.model}
          value={v.model ?? ''}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, '— Chọn mô hình —', '— Choose a model —') },
            ...props.models.map((m) => ({
              value: m.code,
              label: `${m.name}${m.same_day ? tr(ctx, ' (giải quyết trong ngày)', ' (same day)') : ''}`,
            })),
          ]}
        />
        <Field name="fromDate" type="date" label={lab.fromDate} value={v.fromDate} errors={errors} required />
        <Field name="toDate" type="date" label={lab.toDate} value={v.toDate} errors={errors} />
        <TextArea name="note" label={lab.note} value={v.note} errors={errors} rows={2} />
        <TextArea
          name="procedures"
          label={lab.procedures}
          value={v.procedures}
          errors={errors}
          rows={3}
          hint={tr(ctx, 'Chỉ với mô hình giải quyết trong ngày; mỗi dòng một mã', 'Same-day models only; one code a line')}
        />
        <button type="submit">{tr(ctx, 'Đăng ký', 'Register')}</button>
      </form>
    </Layout>
  );
}

// ---------- compliance ----------

function CompliancePage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  year: string;
  day: string | null;
  issues: ComplianceIssue[];
  yearError: string | null;
}) {
  const { ctx, unit } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Tuân thủ kế hoạch mô hình · ${unit.name}`, `Model plan compliance · ${unit.name}`)}>
      <h1>{tr(ctx, `Đơn vị chưa tuân thủ kế hoạch mô hình: ${unit.name}`, `Units breaking the model plans: ${unit.name}`)}</h1>
      <SubNav ctx={ctx} unit={unit} />
      <form class="search" method="get" action={`${ADMIN}/tuan-thu`}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <Field
          name="year"
          label={tr(ctx, 'Năm', 'Year')}
          value={props.year}
          inputmode="numeric"
          errors={props.yearError ? { year: props.yearError } : undefined}
        />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      <p class="hint">
        {tr(
          ctx,
          'Quy tắc: mọi mô hình bắt buộc (của tỉnh và của thành phố) phải được mỗi xã, phường thực hiện; mỗi xã, phường chọn ít nhất một mô hình tự chọn; mỗi phòng, ban, sở khởi tạo ít nhất một mô hình mới mỗi năm.',
          'Rules: every mandatory model is run by each commune and ward; each picks at least one optional model; each department starts at least one new model a year.',
        )}
      </p>
      {props.day && (
        <p>
          {tr(ctx, `Đối chiếu ngày ${fmtDay(props.day)}: `, `Judged on ${fmtDay(props.day)}: `)}
          <strong>
            {props.issues.length === 0
              ? tr(ctx, 'không có đơn vị nào vi phạm.', 'no unit breaks a rule.')
              : tr(ctx, `${props.issues.length} vi phạm.`, `${props.issues.length} breaches.`)}
          </strong>{' '}
          <a href={`/api/v1/reform/compliance?unit=${encodeURIComponent(unit.code)}&year=${encodeURIComponent(props.year)}`}>JSON</a>
        </p>
      )}
      {props.issues.length > 0 && (
        <ul class="issue-list">
          {props.issues.map((i) => (
            <li key={`${i.unit.code}-${i.rule}`}>
              <p>
                <a href={`${ADMIN}/don-vi?unit=${encodeURIComponent(i.unit.code)}`}>
                  <strong>{i.unit.name}</strong>
                </a>{' '}
                <span class="tag late">{L(ctx, ruleLabels[i.rule])}</span>
              </p>
              {i.rule === 'mandatory_model' && (
                <ul>
                  {i.models.map((m) => (
                    <li key={m.code}>{m.name}</li>
                  ))}
                </ul>
              )}
              {i.rule === 'optional_model' && (
                <details>
                  <summary>{tr(ctx, `Chọn một trong ${i.models.length} mô hình`, `Pick one of ${i.models.length} models`)}</summary>
                  <ul>
                    {i.models.map((m) => (
                      <li key={m.code}>{m.name}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

// ---------- inspections ----------

function InspectionList(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; items: InspectionRow[]; canPlan: boolean }) {
  const { ctx, unit } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Kiểm tra CCHC · ${unit.name}`, `Inspections · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Kiểm tra thực hiện mô hình: ${unit.name}`, `Inspections: ${unit.name}`)}>
        {props.canPlan && (
          <a class="button" href={`${INSPECTIONS}/moi?unit=${encodeURIComponent(unit.code)}`}>
            {tr(ctx, 'Lập kế hoạch kiểm tra', 'Plan an inspection')}
          </a>
        )}
      </PageHeading>
      <SubNav ctx={ctx} unit={unit} />
      <form class="search" method="get" action={INSPECTIONS}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có đợt kiểm tra nào.', 'No inspections.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Các đợt kiểm tra', 'Inspections')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Đợt kiểm tra', 'Inspection')}</th>
                <th scope="col">{tr(ctx, 'Đơn vị được kiểm tra', 'Inspected unit')}</th>
                <th scope="col">{tr(ctx, 'Kết luận', 'Findings')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={`${INSPECTIONS}/${i.id}`}>{i.title}</a>
                    <p class="hint">
                      {fmtDay(i.planned_on)} · {i.inspecting_name}
                    </p>
                  </td>
                  <td>{i.inspected_name}</td>
                  <td>
                    {tr(ctx, `${i.findings_open}/${i.findings_total} chưa đóng`, `${i.findings_open}/${i.findings_total} open`)}
                    {i.corrections_overdue > 0 && (
                      <span class="tag late">{tr(ctx, `${i.corrections_overdue} quá hạn`, `${i.corrections_overdue} overdue`)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

const planLabels = (ctx: PageContext): Record<string, string> => ({
  inspectingUnit: tr(ctx, 'Cơ quan kiểm tra', 'Inspecting unit'),
  inspectedUnit: tr(ctx, 'Đơn vị được kiểm tra', 'Inspected unit'),
  title: tr(ctx, 'Tên đợt kiểm tra', 'Title'),
  plannedOn: tr(ctx, 'Ngày kiểm tra', 'Date'),
  members: tr(ctx, 'Thành phần đoàn kiểm tra', 'Team'),
  models: tr(ctx, 'Mô hình trong phạm vi kiểm tra', 'Models in scope'),
  indexGroups: tr(ctx, 'Nhóm chỉ số trong phạm vi', 'Index groups in scope'),
  notes: tr(ctx, 'Ghi chú', 'Notes'),
});

function PlanPage(props: {
  ctx: PageContext;
  units: UnitRow[];
  models: ModelRow[];
  values: Values;
  picked: { models: string[]; groups: string[] };
  errors: FormErrors;
}) {
  const { ctx, values: v, errors } = props;
  const lab = planLabels(ctx);
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Lập kế hoạch kiểm tra', 'Plan an inspection')}>
      <p class="muted">
        <a href={INSPECTIONS}>{tr(ctx, '← Các đợt kiểm tra', '← Inspections')}</a>
      </p>
      <h1>{tr(ctx, 'Lập kế hoạch kiểm tra', 'Plan an inspection')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={lab} />
      <form method="post" action={INSPECTIONS}>
        <CsrfField ctx={ctx} />
        <UnitSelect ctx={ctx} units={props.units} name="inspectingUnit" label={lab.inspectingUnit} value={v.inspectingUnit ?? ''} errors={errors} />
        <UnitSelect ctx={ctx} units={props.units} name="inspectedUnit" label={lab.inspectedUnit} value={v.inspectedUnit ?? ''} errors={errors} />
        <Field name="title" label={lab.title as string} value={v.title} errors={errors} required />
        <Field name="plannedOn" type="date" label={lab.plannedOn as string} value={v.plannedOn} errors={errors} required />
        <TextArea
          name="members"
          label={lab.members as string}
          value={v.members}
          errors={errors}
          rows={4}
          required
          hint={tr(ctx, 'Mỗi dòng một người: Họ tên – Chức vụ. Dòng đầu là trưởng đoàn.', 'One a line: Name – Title. The first heads the team.')}
        />
        <fieldset class="help-kinds" id="f-models">
          <legend>{lab.models}</legend>
          {props.models.map((m) => (
            <label class="check" key={m.code}>
              <input type="checkbox" name="models" value={m.code} checked={props.picked.models.includes(m.code)} /> {m.name}
            </label>
          ))}
        </fieldset>
        <fieldset class="help-kinds" id="f-indexGroups">
          <legend>{lab.indexGroups}</legend>
          {errors.indexGroups && <p class="error">{errors.indexGroups}</p>}
          {indexGroups.map((g) => (
            <label class="check" key={g}>
              <input type="checkbox" name="indexGroups" value={g} checked={props.picked.groups.includes(g)} /> {L(ctx, indexGroupLabels[g])}
            </label>
          ))}
        </fieldset>
        <TextArea name="notes" label={lab.notes as string} value={v.notes} errors={errors} rows={3} />
        <button type="submit">{tr(ctx, 'Lưu kế hoạch', 'Save the plan')}</button>
      </form>
    </Layout>
  );
}

type FormState = { key: string; values: Values; errors: FormErrors } | null;

function CorrectionItem(props: { ctx: PageContext; i: InspectionRow; c: CorrectionRow; canCorrect: boolean; open: boolean; state: FormState }) {
  const { ctx, i, c } = props;
  const state = correctionState(c, today());
  const mine = props.state?.key === `c-${c.id}` ? props.state : null;
  const v = mine?.values ?? { action: c.action, owner: c.owner, deadline: c.deadline, status: c.status, evidence: c.evidence ?? '' };
  const e = mine?.errors ?? {};
  const cls = state === 'overdue' ? 'late' : state === 'done' ? 'done' : 'due_today';
  return (
    <li id={`c-${c.id}`}>
      <p>
        <span class={`tag ${cls}`}>{L(ctx, correctionStateLabels[state])}</span> {c.action}
      </p>
      <p class="hint">
        {tr(ctx, 'Phụ trách', 'Owner')}: {c.owner} · {tr(ctx, 'Hạn', 'Deadline')}: {fmtDay(c.deadline)}
        {c.done_on ? ` · ${tr(ctx, 'Xong ngày', 'Done on')} ${fmtDay(c.done_on)}` : ''}
      </p>
      {c.evidence && (
        <p>
          {tr(ctx, 'Minh chứng', 'Evidence')}: {c.evidence}
        </p>
      )}
      {props.canCorrect && props.open && (
        <details open={mine !== null}>
          <summary>{tr(ctx, 'Cập nhật khắc phục', 'Update')}</summary>
          <ErrorSummary ctx={ctx} errors={e} />
          <form method="post" action={`${INSPECTIONS}/${i.id}/khac-phuc/${c.id}`}>
            <CsrfField ctx={ctx} />
            <CorrectionFields ctx={ctx} v={v} e={e} prefix={`c${c.id}-`} />
            <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
          </form>
        </details>
      )}
    </li>
  );
}

/** The fields of a correction; ids carry a prefix so several forms on one page keep unique ids. */
function CorrectionFields(props: { ctx: PageContext; v: Values; e: FormErrors; prefix: string }) {
  const { ctx, v, e, prefix } = props;
  const pe: FormErrors = {};
  for (const [k, m] of Object.entries(e)) pe[`${prefix}${k}`] = m;
  const f = (k: string) => `${prefix}${k}`;
  return (
    <>
      <TextArea name={f('action')} label={tr(ctx, 'Biện pháp khắc phục', 'Action')} value={v.action} errors={pe} rows={2} required />
      <Field name={f('owner')} label={tr(ctx, 'Người hoặc bộ phận chịu trách nhiệm', 'Owner')} value={v.owner} errors={pe} required />
      <Field name={f('deadline')} type="date" label={tr(ctx, 'Hạn hoàn thành', 'Deadline')} value={v.deadline} errors={pe} required />
      <Select
        name={f('status')}
        label={tr(ctx, 'Trạng thái', 'Status')}
        value={v.status || 'open'}
        errors={pe}
        options={[
          { value: 'open', label: L(ctx, correctionStateLabels.open) },
          { value: 'done', label: L(ctx, correctionStateLabels.done) },
        ]}
      />
      <TextArea name={f('evidence')} label={tr(ctx, 'Minh chứng (khi đã khắc phục)', 'Evidence (when done)')} value={v.evidence} errors={pe} rows={2} />
    </>
  );
}

function InspectionPage(props: {
  ctx: PageContext;
  i: InspectionRow;
  members: Member[];
  models: { code: string; name: string }[];
  allModels: ModelRow[];
  findings: FindingRow[];
  corrections: CorrectionRow[];
  canInspect: boolean;
  canCorrect: boolean;
  state: FormState;
}) {
  const { ctx, i, state } = props;
  const fv = state?.key === 'finding' ? state.values : {};
  const fe = state?.key === 'finding' ? state.errors : {};
  return (
    <Layout ctx={ctx} title={`${i.title} · ${i.inspected_name}`}>
      <p class="muted">
        <a href={`${INSPECTIONS}?unit=${encodeURIComponent(i.inspecting_code)}`}>{tr(ctx, '← Các đợt kiểm tra', '← Inspections')}</a>
      </p>
      <h1>{i.title}</h1>
      {state?.key === 'form' && <ErrorSummary ctx={ctx} errors={state.errors} />}
      <dl>
        <dt>{tr(ctx, 'Đơn vị được kiểm tra', 'Inspected unit')}</dt>
        <dd>{i.inspected_name}</dd>
        <dt>{tr(ctx, 'Cơ quan kiểm tra', 'Inspecting unit')}</dt>
        <dd>{i.inspecting_name}</dd>
        <dt>{tr(ctx, 'Ngày kiểm tra', 'Date')}</dt>
        <dd>{fmtDay(i.planned_on)}</dd>
        {i.notes && (
          <>
            <dt>{tr(ctx, 'Ghi chú', 'Notes')}</dt>
            <dd>{i.notes}</dd>
          </>
        )}
      </dl>
      {i.corrections_overdue > 0 && (
        <p class="error-summary" role="status">
          {tr(ctx, `${i.corrections_overdue} biện pháp khắc phục đã quá hạn.`, `${i.corrections_overdue} corrections are overdue.`)}
        </p>
      )}
      <h2>{tr(ctx, 'Thành phần đoàn kiểm tra', 'Team')}</h2>
      <ul>
        {props.members.map((m) => (
          <li key={`${m.name}-${m.title}`}>
            {m.name} — {m.title}
            {m.role === 'lead' ? ` (${tr(ctx, 'trưởng đoàn', 'head')})` : ''}
          </li>
        ))}
      </ul>
      <h2>{tr(ctx, 'Phạm vi kiểm tra', 'Scope')}</h2>
      <ul>
        {props.models.map((m) => (
          <li key={m.code}>{m.name}</li>
        ))}
        {i.index_groups.map((g) => (
          <li key={g}>
            {tr(ctx, 'Nhóm chỉ số', 'Index group')}: {L(ctx, indexGroupLabels[g])}
          </li>
        ))}
      </ul>
      <h2 id="ket-luan">{tr(ctx, 'Kết luận và khắc phục', 'Findings and corrections')}</h2>
      {props.findings.length === 0 && <p>{tr(ctx, 'Chưa có kết luận.', 'No findings yet.')}</p>}
      {props.findings.map((f) => {
        const cs = props.corrections.filter((c) => c.finding_id === f.id);
        const open = f.status === 'open';
        const key = `f-${f.id}`;
        const nv = state?.key === key ? state.values : { action: '', owner: '', deadline: '', status: 'open', evidence: '' };
        const ne = state?.key === key ? state.errors : {};
        const closeErr = state?.key === `close-${f.id}` ? state.errors : {};
        return (
          <section key={f.id} id={key}>
            <h3>
              {f.model_name ?? (f.index_group ? `${tr(ctx, 'Nhóm chỉ số', 'Index group')}: ${L(ctx, indexGroupLabels[f.index_group])}` : '')}{' '}
              <span class={`tag ${f.severity === 'minor' ? 'normal' : 'late'}`}>{L(ctx, severityLabels[f.severity])}</span>{' '}
              {open ? <span class="tag due_today">{tr(ctx, 'Chưa đóng', 'Open')}</span> : <span class="tag done">{tr(ctx, 'Đã đóng', 'Closed')}</span>}
            </h3>
            <p>{f.text}</p>
            {f.closing_note && (
              <p>
                {tr(ctx, 'Ý kiến khi đóng', 'Closing note')}: {f.closing_note}
              </p>
            )}
            {cs.length > 0 && (
              <ul>
                {cs.map((c) => (
                  <CorrectionItem key={c.id} ctx={ctx} i={i} c={c} canCorrect={props.canCorrect} open={open} state={state} />
                ))}
              </ul>
            )}
            {open && props.canCorrect && (
              <details open={state?.key === key}>
                <summary>{tr(ctx, 'Thêm biện pháp khắc phục', 'Add a correction')}</summary>
                <ErrorSummary ctx={ctx} errors={ne} />
                <form method="post" action={`${INSPECTIONS}/${i.id}/ket-luan/${f.id}/khac-phuc`}>
                  <CsrfField ctx={ctx} />
                  <CorrectionFields ctx={ctx} v={nv} e={ne} prefix={`f${f.id}-`} />
                  <button type="submit">{tr(ctx, 'Ghi biện pháp', 'Add')}</button>
                </form>
              </details>
            )}
            {open && props.canInspect && (
              <form method="post" action={`${INSPECTIONS}/${i.id}/ket-luan/${f.id}/dong`}>
                <CsrfField ctx={ctx} />
                <ErrorSummary ctx={ctx} errors={closeErr} />
                <Field name={`close${f.id}-note`} label={tr(ctx, 'Ý kiến của đoàn khi đóng kết luận', 'Closing note')} value={''} />
                <button type="submit">{tr(ctx, 'Đóng kết luận', 'Close the finding')}</button>
              </form>
            )}
          </section>
        );
      })}
      {props.canInspect && (
        <>
          <h2 id="ghi-ket-luan">{tr(ctx, 'Ghi kết luận', 'Record a finding')}</h2>
          <ErrorSummary ctx={ctx} errors={fe} />
          <form method="post" action={`${INSPECTIONS}/${i.id}/ket-luan`}>
            <CsrfField ctx={ctx} />
            <Select
              name="model"
              label={tr(ctx, 'Mô hình', 'Model')}
              value={fv.model ?? ''}
              errors={fe}
              options={[
                { value: '', label: tr(ctx, '— Không (theo nhóm chỉ số) —', '— None (an index group) —') },
                ...props.allModels.map((m) => ({ value: m.code, label: m.name })),
              ]}
            />
            <Select
              name="indexGroup"
              label={tr(ctx, 'Hoặc nhóm chỉ số', 'Or an index group')}
              value={fv.indexGroup ?? ''}
              errors={fe}
              options={[{ value: '', label: tr(ctx, '— Không —', '— None —') }, ...indexGroups.map((g) => ({ value: g, label: L(ctx, indexGroupLabels[g]) }))]}
            />
            <Select
              name="severity"
              label={tr(ctx, 'Mức độ', 'Severity')}
              value={fv.severity ?? 'major'}
              errors={fe}
              options={severities.map((s) => ({ value: s, label: L(ctx, severityLabels[s]) }))}
            />
            <TextArea name="text" label={tr(ctx, 'Nội dung kết luận', 'Finding')} value={fv.text} errors={fe} rows={3} required />
            <button type="submit">{tr(ctx, 'Ghi kết luận', 'Record')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** Form fields with a prefix stripped (a page may hold several correction forms). */
function prefixed(body: unknown, prefix: string): Record<string, unknown> {
  const form = cleanForm(body);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}
const valuesOf = (o: Record<string, unknown>, keys: string[]): Values =>
  Object.fromEntries(keys.map((k) => [k, typeof o[k] === 'string' ? (o[k] as string) : '']));
const CORRECTION_KEYS = ['action', 'owner', 'deadline', 'status', 'evidence'];
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);

export function registerReformPages(app: App, p: Platform): void {
  const visible = (req: FastifyRequest) => (path: string) => canInspect(req, path) || req.can(REGISTER, path);

  async function renderInspection(req: FastifyRequest, reply: FastifyReply, i: InspectionRow, state: FormState, status = 200) {
    const parts = await inspectionParts(p, i);
    const scoped = parts.models.length ? (await listModels(p.db)).filter((m) => parts.models.some((x) => x.code === m.code)) : await listModels(p.db);
    return html(
      reply,
      renderPage(
        <InspectionPage
          ctx={pageContext(req, reply)}
          i={i}
          {...parts}
          allModels={scoped}
          canInspect={canInspect(req, i.inspecting_path)}
          canCorrect={req.can(REGISTER, i.inspected_path)}
          state={state}
        />,
      ),
      status,
    );
  }

  app.get(PUBLIC_PAGE, { config: { permission: 'public' } }, async (req, reply) => {
    return html(reply, renderPage(<PublicPage ctx={pageContext(req, reply)} models={await listModels(p.db)} units={await unitsByModel(p)} />));
  });

  app.get(ADMIN, { config: { permission: MANAGE } }, async (req, reply) => {
    return html(
      reply,
      renderPage(<CataloguePage ctx={pageContext(req, reply)} models={await listModels(p.db)} canEdit={(m) => req.can(MANAGE, m.issuer_path)} />),
    );
  });

  app.get(`${ADMIN}/moi`, { config: { permission: MANAGE } }, async (req, reply) => {
    const units = await unitsWhere(p, (path) => req.can(MANAGE, path));
    const values: Values = { issuer: units[0]?.code ?? '', kind: 'optional', origin: '' };
    return html(reply, renderPage(<ModelForm ctx={pageContext(req, reply)} model={null} units={units} values={values} errors={{}} />));
  });

  app.post(ADMIN, { config: { permission: MANAGE } }, async (req, reply) => {
    const { values, input } = modelInput(req.body);
    const units = await unitsWhere(p, (path) => req.can(MANAGE, path));
    const again = (errors: FormErrors) =>
      html(reply, renderPage(<ModelForm ctx={pageContext(req, reply)} model={null} units={units} values={values} errors={errors} />), 400);
    const issuer = values.issuer ? await findUnitByCode(p.db, values.issuer) : null;
    if (issuer) req.requireOn(MANAGE, issuer.path);
    try {
      const { values: v, issuer: u } = await modelFrom(p, req, input);
      await createModel(p.db, req.actor(), v, u);
      return redirectWithFlash(req, reply, ADMIN, tr(req, 'Đã thêm mô hình', 'Model added'));
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return again(errors);
    }
  });

  app.get(`${ADMIN}/:code/sua`, { config: { permission: MANAGE } }, async (req, reply) => {
    const model = await mustFindModel(p, (req.params as { code: string }).code);
    req.requireOn(MANAGE, model.issuer_path);
    const units = await unitsWhere(p, (path) => req.can(MANAGE, path));
    return html(reply, renderPage(<ModelForm ctx={pageContext(req, reply)} model={model} units={units} values={modelValuesOf(model)} errors={{}} />));
  });

  app.post(`${ADMIN}/:code`, { config: { permission: MANAGE } }, async (req, reply) => {
    const model = await mustFindModel(p, (req.params as { code: string }).code);
    req.requireOn(MANAGE, model.issuer_path);
    const { values, input } = modelInput(req.body);
    values.code = model.code;
    const units = await unitsWhere(p, (path) => req.can(MANAGE, path));
    const issuer = values.issuer ? await findUnitByCode(p.db, values.issuer) : null;
    if (issuer) req.requireOn(MANAGE, issuer.path);
    try {
      const { values: v, issuer: u } = await modelFrom(p, req, { ...input, code: model.code });
      const seen = values.updatedAt && !Number.isNaN(Date.parse(values.updatedAt)) ? new Date(values.updatedAt) : null;
      await editModel(p.db, req.actor(), model, v, u, seen);
      return redirectWithFlash(req, reply, ADMIN, tr(req, 'Đã lưu mô hình', 'Model saved'));
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return html(
        reply,
        renderPage(<ModelForm ctx={pageContext(req, reply)} model={model} units={units} values={values} errors={errors} />),
        err instanceof AppError ? err.status : 400,
      );
    }
  });

  async function renderRegistrations(
    req: FastifyRequest,
    reply: FastifyReply,
    unit: UnitRow,
    form: { values: Values; errors: FormErrors },
    editing: { id: number; values: Values; errors: FormErrors } | null,
    status = 200,
  ) {
    const units = await unitsWhere(p, (path) => req.can(REGISTER, path));
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    const day = today();
    const models = (await listModels(p.db)).filter((m) => m.ends_on === null || m.ends_on >= day);
    const items = await listUnitRegistrations(p.db, unit.id);
    return html(
      reply,
      renderPage(
        <RegistrationsPage
          ctx={pageContext(req, reply)}
          unit={unit}
          units={shown}
          items={items}
          models={models}
          values={form.values}
          errors={form.errors}
          editing={editing}
        />,
      ),
      status,
    );
  }

  app.get(`${ADMIN}/don-vi`, { config: { permission: REGISTER } }, async (req, reply) => {
    const units = await unitsWhere(p, (path) => req.can(REGISTER, path));
    const unit = await pageUnit(p, req, str((req.query as Record<string, unknown>)?.unit, 64), units, (path) => req.can(REGISTER, path), REGISTER);
    return renderRegistrations(req, reply, unit, { values: { fromDate: today() }, errors: {} }, null);
  });

  app.post(`${ADMIN}/don-vi`, { config: { permission: REGISTER } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const unit = await findUnitByCode(p.db, str(form.unit, 64));
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    req.requireOn(REGISTER, unit.path);
    const values = valuesOf(form, ['model', 'fromDate', 'toDate', 'note', 'procedures']);
    try {
      const model = await mustFindModel(p, form.model).catch(() => {
        throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'model', message: { vi: 'Hãy chọn mô hình', en: 'Choose a model' } }] });
      });
      const checked = checkRegistration(form, { sameDay: model.same_day });
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const id = await registerModel(p.db, req.actor(), unit, model, checked.value);
      return redirectWithFlash(req, reply, `${ADMIN}/don-vi?unit=${encodeURIComponent(unit.code)}#r-${id}`, tr(req, 'Đã đăng ký mô hình', 'Model registered'));
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return renderRegistrations(req, reply, unit, { values, errors }, null, 400);
    }
  });

  app.post(`${ADMIN}/don-vi/:id`, { config: { permission: REGISTER } }, async (req, reply) => {
    const reg = await loadRegistration(p, req, (req.params as { id: string }).id);
    const form = cleanForm(req.body);
    const values = valuesOf(form, ['fromDate', 'toDate', 'note', 'procedures']);
    const unit = (await findUnitByCode(p.db, reg.unit_code)) as UnitRow;
    try {
      const checked = checkRegistration(form, { sameDay: reg.same_day });
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      await editRegistration(p.db, req.actor(), reg, checked.value);
      return redirectWithFlash(
        req,
        reply,
        `${ADMIN}/don-vi?unit=${encodeURIComponent(unit.code)}#r-${reg.id}`,
        tr(req, 'Đã lưu đăng ký', 'Registration saved'),
      );
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return renderRegistrations(req, reply, unit, { values: { fromDate: today() }, errors: {} }, { id: reg.id, values, errors }, 400);
    }
  });

  app.get(`${ADMIN}/tuan-thu`, { config: { permission: INSPECT } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const units = await unitsWhere(p, (path) => canInspect(req, path));
    const unit = await pageUnit(p, req, str(raw.unit, 64), units, (path) => canInspect(req, path), INSPECT);
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    const yearText = str(raw.year, 8) || today().slice(0, 4);
    const year = /^[0-9]{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    let day: string | null = null;
    let issues: ComplianceIssue[] = [];
    let yearError: string | null = null;
    try {
      if (Number.isNaN(year)) throw new AppError('VALIDATION_FAILED');
      ({ day, issues } = await complianceFor(p, req, unit, year));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
      yearError = tr(req, 'Năm phải từ 2000 đến năm hiện tại', 'The year must be between 2000 and this year');
    }
    return html(
      reply,
      renderPage(<CompliancePage ctx={pageContext(req, reply)} unit={unit} units={shown} year={yearText} day={day} issues={issues} yearError={yearError} />),
      yearError ? 400 : 200,
    );
  });

  // ---------- inspections ----------

  app.get(INSPECTIONS, { config: { permission: 'signed-in' } }, async (req, reply) => {
    const units = await unitsWhere(p, visible(req));
    const unit = await pageUnit(p, req, str((req.query as Record<string, unknown>)?.unit, 64), units, visible(req), INSPECT);
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    const items = (await listInspections(p.db, unit.path, today())).filter(
      (i) => canInspect(req, i.inspecting_path) || req.can(REGISTER, i.inspected_path) || canInspect(req, i.inspected_path),
    );
    return html(
      reply,
      renderPage(<InspectionList ctx={pageContext(req, reply)} unit={unit} units={shown} items={items} canPlan={canInspect(req, unit.path)} />),
    );
  });

  async function renderPlan(
    req: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    picked: { models: string[]; groups: string[] },
    errors: FormErrors,
    status = 200,
  ) {
    const units = await unitsWhere(p, (path) => canInspect(req, path));
    const models = await listModels(p.db);
    return html(
      reply,
      renderPage(<PlanPage ctx={pageContext(req, reply)} units={units} models={models} values={values} picked={picked} errors={errors} />),
      status,
    );
  }

  app.get(`${INSPECTIONS}/moi`, { config: { permission: INSPECT } }, async (req, reply) => {
    const units = await unitsWhere(p, (path) => canInspect(req, path));
    const unit = await pageUnit(p, req, str((req.query as Record<string, unknown>)?.unit, 64), units, (path) => canInspect(req, path), INSPECT);
    const child = units.find((u) => u.parent_id === unit.id);
    return renderPlan(
      req,
      reply,
      { inspectingUnit: unit.code, inspectedUnit: child?.code ?? '', title: `Kiểm tra công tác cải cách hành chính năm ${today().slice(0, 4)}`, plannedOn: '' },
      { models: [], groups: [] },
      {},
    );
  });

  app.post(INSPECTIONS, { config: { permission: INSPECT } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const values = valuesOf(form, ['inspectingUnit', 'inspectedUnit', 'title', 'plannedOn', 'members', 'notes']);
    const picked = { models: listOf(form.models), groups: listOf(form.indexGroups) };
    try {
      const { inspecting, inspected } = await planUnits(p, req, values.inspectingUnit, values.inspectedUnit);
      const checked = checkPlan({ ...form, indexGroups: picked.groups });
      const errors: FieldError[] = checked.ok ? [] : [...checked.errors];
      const models = await modelsNamed(p, picked.models, 'models').catch((e: unknown) => {
        if (e instanceof AppError) errors.push(...e.errors);
        return [];
      });
      if (!checked.ok || errors.length) throw new AppError('VALIDATION_FAILED', { errors });
      const id = await planInspection(p.db, req.actor(), inspecting, inspected, checked.value, models);
      return redirectWithFlash(req, reply, `${INSPECTIONS}/${id}`, tr(req, 'Đã lập kế hoạch kiểm tra', 'Inspection planned'));
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return renderPlan(req, reply, values, picked, errors, 400);
    }
  });

  app.get(`${INSPECTIONS}/:id`, { config: { permission: 'signed-in' } }, async (req, reply) => {
    const i = await loadInspection(p, req, (req.params as { id: string }).id);
    return renderInspection(req, reply, i, null);
  });

  app.post(`${INSPECTIONS}/:id/ket-luan`, { config: { permission: INSPECT } }, async (req, reply) => {
    const i = await loadInspection(p, req, (req.params as { id: string }).id);
    requireInspector(req, i.inspecting_path);
    const form = cleanForm(req.body);
    const values = valuesOf(form, ['model', 'indexGroup', 'severity', 'text']);
    try {
      const checked = checkFinding(form);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const model = checked.value.modelCode ? ((await modelsNamed(p, [checked.value.modelCode], 'model'))[0] ?? null) : null;
      const id = await recordFinding(p.db, req.actor(), i, checked.value, model);
      return redirectWithFlash(req, reply, `${INSPECTIONS}/${i.id}#f-${id}`, tr(req, 'Đã ghi kết luận', 'Finding recorded'));
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return renderInspection(req, reply, i, { key: 'finding', values, errors }, 400);
    }
  });

  app.post(`${INSPECTIONS}/:id/ket-luan/:findingId/khac-phuc`, { config: { permission: REGISTER } }, async (req, reply) => {
    const params = req.params as { id: string; findingId: string };
    const i = await loadInspection(p, req, params.id);
    req.requireOn(REGISTER, i.inspected_path);
    const f = await loadFinding(p, i, params.findingId);
    const input = prefixed(req.body, `f${f.id}-`);
    const values = valuesOf(input, CORRECTION_KEYS);
    try {
      const checked = checkCorrection(input);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const id = await addCorrection(p.db, req.actor(), f, i.inspected_unit_id, checked.value, today());
      return redirectWithFlash(req, reply, `${INSPECTIONS}/${i.id}#c-${id}`, tr(req, 'Đã ghi biện pháp khắc phục', 'Correction recorded'));
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return renderInspection(req, reply, i, { key: `f-${f.id}`, values, errors }, err instanceof AppError ? err.status : 400);
    }
  });

  app.post(`${INSPECTIONS}/:id/khac-phuc/:correctionId`, { config: { permission: REGISTER } }, async (req, reply) => {
    const params = req.params as { id: string; correctionId: string };
    const i = await loadInspection(p, req, params.id);
    req.requireOn(REGISTER, i.inspected_path);
    const c = await loadCorrection(p, i, params.correctionId);
    const input = prefixed(req.body, `c${c.id}-`);
    const values = valuesOf(input, CORRECTION_KEYS);
    try {
      const checked = checkCorrection(input);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      await editCorrection(p.db, req.actor(), c, i.inspected_unit_id, checked.value, today());
      return redirectWithFlash(req, reply, `${INSPECTIONS}/${i.id}#c-${c.id}`, tr(req, 'Đã cập nhật khắc phục', 'Correction saved'));
    } catch (err) {
      const errors = errorsOf(err, req.lang);
      if (!errors) throw err;
      return renderInspection(req, reply, i, { key: `c-${c.id}`, values, errors }, err instanceof AppError ? err.status : 400);
    }
  });

  app.post(`${INSPECTIONS}/:id/ket-luan/:findingId/dong`, { config: { permission: INSPECT } }, async (req, reply) => {
    const params = req.params as { id: string; findingId: string };
    const i = await loadInspection(p, req, params.id);
    requireInspector(req, i.inspecting_path);
    const f = await loadFinding(p, i, params.findingId);
    const form = cleanForm(req.body);
    const note = str(form[`close${f.id}-note`], 2000) || null;
    try {
      await closeInspectionFinding(p.db, req.actor(), f, i.inspected_unit_id, note);
      return redirectWithFlash(req, reply, `${INSPECTIONS}/${i.id}#f-${f.id}`, tr(req, 'Đã đóng kết luận', 'Finding closed'));
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      return renderInspection(
        req,
        reply,
        i,
        {
          key: `close-${f.id}`,
          values: {},
          errors: { form: err.detail?.[req.lang] ?? tr(req, 'Chưa đóng được: còn biện pháp khắc phục chưa hoàn thành.', 'Not yet: a correction is not done.') },
        },
        409,
      );
    }
  });
}
