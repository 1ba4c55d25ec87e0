/**
 * Desk pages for same-day policies and warnings: the unit's policies with on/off switches (`/mot-cua/chinh-sach`),
 * the "returned but not closed" list (`/mot-cua/chua-dong`), and the pieces other desk pages show: the warnings
 * section of `/mot-cua`, the policy notice of the new-dossier page and the policy facts of a dossier page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/pool.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import type { VersionRow } from '../procedures/index.ts';
import { findUnitById, type UnitRow } from '../units/index.ts';
import { mustFindUnit, unitsToList } from './api.ts';
import { dossierClock } from './clock.ts';
import { previewAppointment } from './commands/apply-service-policy.ts';
import { createServicePolicy, switchServicePolicy } from './commands/save-service-policy.ts';
import { type ForgottenReturn, listForgottenReturns } from './commands/sweep-dossier-warnings.ts';
import { findDossierPolicy, findPolicy, listCurrentWarnings, listUnitPolicies, type WarningRow } from './policy-queries.ts';
import { PolicyBody } from './policy-schema.ts';
import { type PolicyKind, policyKindLabels, policyKinds, policyName } from './rules/service-policy.ts';
import { type WarningAudience, warningKindLabels } from './rules/warnings.ts';

const BASE = '/mot-cua';
const fmtDate = (iso: string) => iso.split('-').reverse().join('/');
const fmtMoment = (m: Date | string) => {
  const local = new Date(new Date(m).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${fmtDate(local.slice(0, 10))}`;
};

// Pieces shown on other desk pages -----------------------------------------------------------------------------

/** The warnings a desk viewer sees on `/mot-cua`: their own (as assignee) and, by role on the unit, the unit's. */
export async function loadDeskWarnings(p: Platform, req: FastifyRequest, unit: UnitRow): Promise<WarningRow[]> {
  const userId = req.principal?.kind === 'user' ? req.principal.userId : null;
  const audiences: WarningAudience[] = [];
  const leader = req.can('dossiers.approve', unit.path) || req.can('dossiers.policies', unit.path);
  if (leader) audiences.push('leader');
  if (req.can('dossiers.receive', unit.path)) audiences.push('desk');
  const unitIds = audiences.length ? await unitsToList(p.db, req, unit, leader) : [];
  return listCurrentWarnings(p.db, { userId, units: { unitIds, audiences }, limit: 200 });
}

/** The "Cảnh báo" section of the desk's home page. */
export function WarningsSection(props: { ctx: PageContext; unitCode: string; warnings: WarningRow[] }) {
  const { ctx, warnings } = props;
  const q = `?unit=${props.unitCode}`;
  return (
    <section aria-labelledby="canh-bao">
      <h2 id="canh-bao">
        {tr(ctx, 'Cảnh báo', 'Warnings')} ({warnings.length})
      </h2>
      <p>
        <a href={`${BASE}/chua-dong${q}`}>{tr(ctx, 'Hồ sơ đã trả kết quả chưa kết thúc', 'Returned but not closed')}</a>
        {ctx.can('dossiers.policies') && (
          <>
            {' · '}
            <a href={`${BASE}/chinh-sach${q}`}>{tr(ctx, 'Chính sách giải quyết trong ngày', 'Same-day policies')}</a>
          </>
        )}
      </p>
      {warnings.length === 0 ? (
        <p class="muted">{tr(ctx, 'Không có cảnh báo.', 'No warnings.')}</p>
      ) : (
        <ul class="warnings">
          {warnings.map((w) => (
            <li key={w.id}>
              <strong>{tr(ctx, warningKindLabels[w.kind].vi, warningKindLabels[w.kind].en)}</strong>: <a href={`${BASE}/ho-so/${w.code}`}>{w.code}</a> ·{' '}
              {w.procedure_name} · {w.unit_name}
              {w.kind === 'due_soon' && w.due_at && ` · ${tr(ctx, 'hẹn trả', 'due')} ${fmtMoment(w.due_at)}`}
              {w.kind === 'returned_not_closed' && ` · ${tr(ctx, 'trả kết quả ngày', 'returned on')} ${fmtDate(w.ref_day)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface PolicyNote {
  sameDay: boolean;
  policyName: string | null;
  dueDate: string;
  normalDueDate: string;
}

/** The appointment (and policy) a dossier of `version` would get now: for the new-dossier page. */
export async function loadPolicyNote(db: Db, unit: UnitRow, version: VersionRow): Promise<PolicyNote> {
  const a = await previewAppointment(db, unit, version, dossierClock.now());
  return { sameDay: a.decision.sameDay, policyName: a.decision.policy?.name ?? null, dueDate: a.date, normalDueDate: a.decision.normalDueDate };
}

/** "Thủ tục này được giải quyết trong ngày theo …" on the new-dossier page. */
export function PolicyNotice(props: { ctx: PageContext; note: PolicyNote }) {
  const { ctx, note } = props;
  if (!note.policyName) {
    return (
      <p class="hint" data-policy="none">
        {tr(ctx, `Ngày hẹn trả nếu tiếp nhận bây giờ: ${fmtDate(note.dueDate)}.`, `Appointment if received now: ${fmtDate(note.dueDate)}.`)}
      </p>
    );
  }
  return (
    <div class="notice" role="status" data-policy="same-day">
      <p>
        <strong>
          {tr(ctx, `Thủ tục này được giải quyết trong ngày theo “${note.policyName}”`, `This procedure is settled the same day under “${note.policyName}”`)}
        </strong>
        {tr(
          ctx,
          `: hồ sơ đầy đủ hẹn trả hôm nay ${fmtDate(note.dueDate)} (thời hạn thông thường: ${fmtDate(note.normalDueDate)}).`,
          `: a complete dossier is due today ${fmtDate(note.dueDate)} (ordinary appointment: ${fmtDate(note.normalDueDate)}).`,
        )}
      </p>
    </div>
  );
}

/** The policy facts of a dossier, for the dossier page (`<dl class="facts">` rows). */
export async function loadDossierPolicy(db: Db, dossierId: number) {
  return findDossierPolicy(db, dossierId);
}

export function DossierPolicyFacts(props: { ctx: PageContext; policy: Awaited<ReturnType<typeof loadDossierPolicy>> }) {
  const { ctx, policy } = props;
  if (!policy || (!policy.same_day && !policy.service_policy_name)) return null;
  return (
    <>
      <dt>{tr(ctx, 'Giải quyết trong ngày', 'Same-day service')}</dt>
      <dd data-policy={policy.service_policy ?? 'same-day'}>
        {policy.service_policy_name ? tr(ctx, `Có, theo “${policy.service_policy_name}”`, `Yes, under “${policy.service_policy_name}”`) : tr(ctx, 'Có', 'Yes')}
        {policy.normal_due_date && ` (${tr(ctx, 'thời hạn thông thường', 'ordinary appointment')} ${fmtDate(policy.normal_due_date)})`}
      </dd>
    </>
  );
}

// Policies page ------------------------------------------------------------------------------------------------

type Values = Record<string, string | string[] | undefined>;

const weekdayOptions = [
  { value: '1', vi: 'Thứ Hai', en: 'Monday' },
  { value: '2', vi: 'Thứ Ba', en: 'Tuesday' },
  { value: '3', vi: 'Thứ Tư', en: 'Wednesday' },
  { value: '4', vi: 'Thứ Năm', en: 'Thursday' },
  { value: '5', vi: 'Thứ Sáu', en: 'Friday' },
  { value: '6', vi: 'Thứ Bảy', en: 'Saturday' },
];

function PoliciesPage(props: { ctx: PageContext; unit: UnitRow; rows: Awaited<ReturnType<typeof listUnitPolicies>>; values: Values; errors: FormErrors }) {
  const { ctx, unit, rows, values, errors } = props;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const ticked = new Set([values.weekdays ?? []].flat());
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Chính sách giải quyết trong ngày', 'Same-day policies')}>
      <PageHeading title={`${tr(ctx, 'Chính sách giải quyết trong ngày, không hẹn', 'Same-day and no-appointment policies')} · ${unit.name}`} />
      <p>
        <a href={`${BASE}?unit=${unit.code}`}>{tr(ctx, 'Về Bộ phận Một cửa', 'Back to the desk')}</a>
      </p>
      {rows.length === 0 ? (
        <p class="muted">{tr(ctx, 'Đơn vị chưa có chính sách nào.', 'No policies yet.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Chính sách của đơn vị', 'The unit’s policies')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Chính sách', 'Policy')}</th>
                <th scope="col">{tr(ctx, 'Hiệu lực', 'In force')}</th>
                <th scope="col">{tr(ctx, 'Căn cứ', 'Source')}</th>
                <th scope="col">{tr(ctx, 'Trạng thái', 'State')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {policyName({ kind: r.kind, name: r.name, thresholdDays: r.threshold_days, weekdays: r.weekdays }, ctx.lang)}
                    {r.kind === 'friday_not_next_week' && (
                      <span class="muted"> · {r.procedure_codes?.length ? r.procedure_codes.join(', ') : tr(ctx, 'mọi thủ tục', 'all procedures')}</span>
                    )}
                  </td>
                  <td>
                    {r.valid_from ? fmtDate(r.valid_from) : '…'} – {r.valid_to ? fmtDate(r.valid_to) : '…'}
                  </td>
                  <td>{r.source ?? ''}</td>
                  <td>
                    <form method="post" action={`${BASE}/chinh-sach/${r.id}`}>
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="enabled" value={r.enabled ? 'false' : 'true'} />
                      {r.enabled ? tr(ctx, 'Đang bật', 'On') : tr(ctx, 'Đang tắt', 'Off')}{' '}
                      <button type="submit" class="secondary">
                        {r.enabled ? tr(ctx, 'Tắt', 'Switch off') : tr(ctx, 'Bật', 'Switch on')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{tr(ctx, 'Thêm chính sách', 'Add a policy')}</h2>
      <form method="post" action={`${BASE}/chinh-sach`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="unit" value={unit.code} />
        <ErrorSummary ctx={ctx} errors={errors} />
        <Select
          name="kind"
          label={tr(ctx, 'Loại', 'Kind')}
          value={v('kind') ?? 'under_threshold'}
          errors={errors}
          options={policyKinds.map((k) => ({
            value: k,
            label: tr(ctx, policyKindLabels[k].vi, policyKindLabels[k].en).replace('{n}', 'N').replace(' ({days})', ''),
          }))}
        />
        <Field name="name" label={tr(ctx, 'Tên mô hình của đơn vị (không bắt buộc)', 'The unit’s name for it (optional)')} value={v('name')} errors={errors} />
        <Field
          name="thresholdDays"
          label={tr(ctx, 'Dưới bao nhiêu ngày làm việc (loại “dưới ngưỡng”)', 'Under how many working days')}
          value={v('thresholdDays')}
          errors={errors}
          inputmode="numeric"
        />
        <fieldset>
          <legend>{tr(ctx, 'Ngày không chờ trong tuần', 'No-wait weekdays')}</legend>
          {weekdayOptions.map((d) => (
            <div class="field" key={d.value}>
              <input type="checkbox" id={`wd-${d.value}`} name="weekdays" value={d.value} checked={ticked.has(d.value)} />{' '}
              <label for={`wd-${d.value}`}>{tr(ctx, d.vi, d.en)}</label>
            </div>
          ))}
        </fieldset>
        <Field
          name="procedures"
          label={tr(
            ctx,
            'Mã thủ tục áp dụng quy định thứ Sáu, cách nhau bởi dấu phẩy (bỏ trống: mọi thủ tục)',
            'Procedure codes for the Friday rule, comma-separated (empty: all)',
          )}
          value={v('procedures')}
          errors={errors}
        />
        <Field name="validFrom" type="date" label={tr(ctx, 'Từ ngày', 'From')} value={v('validFrom')} errors={errors} />
        <Field name="validTo" type="date" label={tr(ctx, 'Đến ngày', 'To')} value={v('validTo')} errors={errors} />
        <Field name="source" label={tr(ctx, 'Căn cứ (văn bản của đơn vị)', 'Source (the unit’s decision)')} value={v('source')} errors={errors} />
        <button type="submit">{tr(ctx, 'Thêm và bật', 'Add and switch on')}</button>
      </form>
    </Layout>
  );
}

function ReturnedPage(props: { ctx: PageContext; unit: UnitRow; rows: ForgottenReturn[] }) {
  const { ctx, unit, rows } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đã trả kết quả, chưa kết thúc', 'Returned but not closed')}>
      <PageHeading title={`${tr(ctx, 'Đã trả kết quả nhưng chưa kết thúc hồ sơ', 'Returned but not closed')} · ${unit.name} (${rows.length})`} />
      <p>
        <a href={`${BASE}?unit=${unit.code}`}>{tr(ctx, 'Về Bộ phận Một cửa', 'Back to the desk')}</a>
      </p>
      <p class="hint">
        {tr(
          ctx,
          'Hồ sơ đã trả kết quả cho người dân từ một ngày làm việc trở lên nhưng chưa bấm kết thúc trên hệ thống.',
          'Dossiers whose result was returned a working day or more ago and which are not closed in the system.',
        )}
      </p>
      {rows.length === 0 ? (
        <p class="muted">{tr(ctx, 'Không có hồ sơ nào.', 'No dossiers.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Hồ sơ chưa kết thúc', 'Dossiers not closed')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Mã hồ sơ', 'Code')}</th>
                <th scope="col">{tr(ctx, 'Người nộp', 'Applicant')}</th>
                <th scope="col">{tr(ctx, 'Thủ tục', 'Procedure')}</th>
                <th scope="col">{tr(ctx, 'Trả kết quả', 'Returned')}</th>
                <th scope="col">{tr(ctx, 'Số ngày làm việc chưa kết thúc', 'Working days open')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code}>
                  <td>
                    <a href={`${BASE}/ho-so/${r.code}`}>{r.code}</a>
                  </td>
                  <td>{r.applicant_name}</td>
                  <td>{r.procedure_name}</td>
                  <td>{fmtMoment(r.returned_at)}</td>
                  <td>{r.waitingDays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

/** The unit a page is about (`?unit=`), checked for `permission`. @throws AppError FORBIDDEN, UNIT_NOT_FOUND */
async function unitFor(p: Platform, req: FastifyRequest, permission: string): Promise<UnitRow> {
  const code = (req.query as Record<string, string | undefined>).unit;
  if (code) {
    const unit = await mustFindUnit(p.db, code);
    req.requireOn(permission, unit.path);
    return unit;
  }
  const grant = req.principal?.kind === 'user' ? req.principal.grants.find((g) => req.can(permission, g.unitPath)) : undefined;
  const unit = grant ? await findUnitById(p.db, grant.unitId) : null;
  if (!unit) throw new AppError('FORBIDDEN');
  return unit;
}

const optional = (s: string | string[] | undefined) => (typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined);

export function registerDossierPoliciesPages(app: App, p: Platform): void {
  const renderPolicies = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, values: Values, errors: FormErrors, status = 200) =>
    html(
      reply,
      renderPage(<PoliciesPage ctx={pageContext(req, reply)} unit={unit} rows={await listUnitPolicies(p.db, unit.id)} values={values} errors={errors} />),
      status,
    );

  app.get(`${BASE}/chinh-sach`, { config: { permission: 'dossiers.policies' } }, async (req, reply) => {
    const unit = await unitFor(p, req, 'dossiers.policies');
    return renderPolicies(req, reply, unit, {}, {});
  });

  app.post(`${BASE}/chinh-sach`, { config: { permission: 'dossiers.policies' } }, async (req, reply) => {
    const form = cleanForm(req.body) as Values;
    const unit = await mustFindUnit(p.db, String(form.unit ?? ''));
    req.requireOn('dossiers.policies', unit.path);
    const kind = (optional(form.kind) ?? '') as PolicyKind;
    const weekdays = [form.weekdays ?? []].flat().map(Number);
    const procedures = optional(form.procedures)
      ?.split(/[,;\s]+/)
      .filter(Boolean);
    const input = {
      unit: unit.code,
      kind,
      ...(optional(form.name) ? { name: optional(form.name) } : {}),
      ...(kind === 'under_threshold' && optional(form.thresholdDays) ? { thresholdDays: Number(optional(form.thresholdDays)) } : {}),
      ...(kind === 'no_wait_weekdays' ? { weekdays } : {}),
      ...(kind === 'friday_not_next_week' && procedures?.length ? { procedures } : {}),
      ...(optional(form.validFrom) ? { validFrom: optional(form.validFrom) } : {}),
      ...(optional(form.validTo) ? { validTo: optional(form.validTo) } : {}),
      ...(optional(form.source) ? { source: optional(form.source) } : {}),
    };
    const checked = validate(PolicyBody, input);
    if (!checked.ok) return renderPolicies(req, reply, unit, form, formErrors(checked.errors, req.lang), 400);
    try {
      await inTransaction(p.db, (tx) => createServicePolicy(tx, req.actor(), unit, checked.value));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'PROCEDURE_NOT_FOUND')) {
        const errs = err.errors.length ? formErrors(err.errors, req.lang) : { procedures: err.detail?.[req.lang] ?? err.code };
        return renderPolicies(req, reply, unit, form, errs, err.status);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, `${BASE}/chinh-sach?unit=${unit.code}`, tr(req, 'Đã thêm chính sách', 'Policy added'));
  });

  app.post(`${BASE}/chinh-sach/:id`, { config: { permission: 'dossiers.policies' } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const form = cleanForm(req.body) as Values;
    const enabled = form.enabled === 'true';
    const unit = await inTransaction(p.db, async (tx) => {
      const policy = Number.isSafeInteger(id) && id > 0 ? await findPolicy(tx, id, true) : null;
      const u = policy ? await findUnitById(tx, Number(policy.unit_id)) : null;
      if (!policy || !u) throw new AppError('NOT_FOUND', { detail: { vi: `Không có chính sách số ${id}`, en: `No policy ${id}` } });
      req.requireOn('dossiers.policies', u.path);
      await switchServicePolicy(tx, req.actor(), policy, { enabled });
      return u;
    });
    return redirectWithFlash(
      req,
      reply,
      `${BASE}/chinh-sach?unit=${unit.code}`,
      enabled ? tr(req, 'Đã bật chính sách', 'Policy on') : tr(req, 'Đã tắt chính sách', 'Policy off'),
    );
  });

  app.get(`${BASE}/chua-dong`, { config: { permission: 'dossiers.read' } }, async (req, reply) => {
    const unit = await unitFor(p, req, 'dossiers.read');
    // Leaders see their subtree; the desk its own unit.
    const unitIds = await unitsToList(p.db, req, unit, req.can('dossiers.approve', unit.path));
    const rows = await listForgottenReturns(p.db, unitIds, dossierClock.now());
    return html(reply, renderPage(<ReturnedPage ctx={pageContext(req, reply)} unit={unit} rows={rows} />));
  });
}
