/**
 * Staff pages of the support teams: the week's duty roster of a unit with the form to add a shift (support-teams.manage),
 * the teams and their members, the people-helped counts over a period, and the quick form on a phone on which a
 * volunteer (or the desk) records each help given (support-teams.record). Every page works without JavaScript.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { checkPeriod, startOfVietnamDay } from '../../platform/period.ts';
import { isYes } from '../../platform/text/index.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findUnitById, listUnits, pageUnitOf, type UnitRow, unitsWhere } from '../units/index.ts';
import { loadRecordableMember, loadShift, loadTeam, MANAGE, RECORD, recordableMembers, unitFor } from './access.ts';
import { addTeamMember } from './commands/add-team-member.ts';
import { cancelShift } from './commands/cancel-shift.ts';
import { createShift } from './commands/create-shift.ts';
import { createTeam } from './commands/create-team.ts';
import { recordHelp } from './commands/record-help.ts';
import { type SupportActivity, supportActivity } from './indicators.ts';
import { PUBLIC_BASE } from './present.ts';
import { listMembers, listShifts, listTeams, type MemberRow, type ShiftRow, type TeamRow } from './queries.ts';
import { checkHelp, helpKinds } from './rules/help.ts';
import { addDays, checkMember, checkShift, checkTeam, dutyKinds, organisations, vietnamDay, weekOf } from './rules/roster.ts';
import { dutyLabels, helpLabels, organisationLabels } from './schema.ts';
import { dayOf, dmy, hm, labelOf, weekdayOf } from './views.tsx';

export const STAFF_BASE = '/quan-tri/doi-ho-tro';
const TEAMS = `${STAFF_BASE}/doi`;
const RECORD_PATH = `${STAFF_BASE}/ghi-nhan`;
const RESULTS = `${STAFF_BASE}/ket-qua`;

type Values = Record<string, string>;
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const q = (unit: UnitRow, extra = '') => `?unit=${encodeURIComponent(unit.code)}${extra}`;
const KEY_RE = /^[A-Za-z0-9_-]{8,80}$/;

/** Field errors of an expected failure, every message of a field kept (an overlap names each member). */
function errorsOf(err: unknown, req: FastifyRequest): FormErrors {
  if (err instanceof AppError && ['VALIDATION_FAILED', 'SUPPORT_SHIFT_OVERLAP', 'UNIT_NOT_FOUND'].includes(err.code)) {
    const out: FormErrors = {};
    for (const e of err.errors) {
      const k = e.field.replace(/^body\.?/, '') || 'form';
      out[k] = out[k] ? `${out[k]}; ${e.message[req.lang]}` : e.message[req.lang];
    }
    if (Object.keys(out).length === 0) out.form = err.detail ? err.detail[req.lang] : err.code;
    return out;
  }
  throw err;
}

/** The unit a page is about: the one asked for in `?unit=` (checked), or the viewer's first. */
function unitOf(p: Platform, req: FastifyRequest, permission: string, units: UnitRow[]): Promise<UnitRow> {
  return pageUnitOf(p.db, req, str((req.query as Record<string, unknown>)?.unit, 64), units, permission);
}

function UnitPicker(props: { ctx: PageContext; units: UnitRow[]; unit: UnitRow; action: string; extra?: preact.ComponentChildren }) {
  const { ctx } = props;
  if (props.units.length <= 1 && !props.extra) return null;
  return (
    <form class="search" method="get" action={props.action}>
      {props.units.length > 1 && (
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={props.unit.code}
          options={props.units.map((u) => ({ value: u.code, label: `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
        />
      )}
      {props.units.length <= 1 && <input type="hidden" name="unit" value={props.unit.code} />}
      {props.extra}
      <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
    </form>
  );
}

function SubNav(props: { ctx: PageContext; unit: UnitRow }) {
  const { ctx, unit } = props;
  return (
    <p class="register-links">
      <a href={`${STAFF_BASE}${q(unit)}`}>{tr(ctx, 'Lịch trực', 'Roster')}</a> · <a href={`${TEAMS}${q(unit)}`}>{tr(ctx, 'Đội và thành viên', 'Teams')}</a> ·{' '}
      <a href={`${RECORD_PATH}${q(unit)}`}>{tr(ctx, 'Ghi nhận hỗ trợ', 'Record help')}</a> ·{' '}
      <a href={`${RESULTS}${q(unit)}`}>{tr(ctx, 'Kết quả', 'Results')}</a> ·{' '}
      <a href={`${PUBLIC_BASE}/${unit.code}`}>{tr(ctx, 'Trang công khai', 'Public page')}</a>
    </p>
  );
}

// ---------- the week's roster and the shift form ----------

function ShiftForm(props: { ctx: PageContext; unit: UnitRow; members: MemberRow[]; values: Values; chosen: string[]; errors: FormErrors }) {
  const { ctx, values: v, errors } = props;
  const labels = {
    duty: tr(ctx, 'Hình thức trực', 'Duty'),
    date: tr(ctx, 'Ngày trực', 'Date'),
    start: tr(ctx, 'Giờ bắt đầu', 'Starts'),
    end: tr(ctx, 'Giờ kết thúc', 'Ends'),
    memberIds: tr(ctx, 'Thành viên trực', 'Members'),
    note: tr(ctx, 'Ghi chú', 'Note'),
  };
  return (
    <section aria-labelledby="new-shift">
      <h2 id="new-shift">{tr(ctx, 'Xếp ca trực', 'Add a shift')}</h2>
      {props.members.length === 0 ? (
        <p>
          {tr(ctx, 'Đơn vị chưa có thành viên đội hỗ trợ. ', 'The unit has no team members yet. ')}
          <a href={`${TEAMS}${q(props.unit)}`}>{tr(ctx, 'Lập đội và thêm thành viên', 'Set up a team')}</a>
        </p>
      ) : (
        <form method="post" action={`${STAFF_BASE}/ca`} novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="unit" value={props.unit.code} />
          <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
          <Select
            name="duty"
            label={labels.duty}
            value={v.duty ?? ''}
            errors={errors}
            options={[{ value: '', label: tr(ctx, '— Chọn —', '— Choose —') }, ...dutyKinds.map((k) => ({ value: k, label: labelOf(ctx, dutyLabels[k]) }))]}
          />
          <Field name="date" type="date" label={labels.date} value={v.date} errors={errors} required />
          <Field
            name="start"
            type="time"
            label={labels.start}
            hint={tr(ctx, 'Giờ Việt Nam, vd. 07:30', 'Vietnam time, e.g. 07:30')}
            value={v.start}
            errors={errors}
            required
          />
          <Field name="end" type="time" label={labels.end} value={v.end} errors={errors} required />
          <fieldset class={`field${errors.memberIds ? ' has-error' : ''}`} id="f-memberIds">
            <legend>{labels.memberIds}</legend>
            {errors.memberIds && <p class="error">{errors.memberIds}</p>}
            {props.members.map((m) => (
              <label class="check" key={m.id}>
                <input type="checkbox" name="memberIds" value={String(m.id)} checked={props.chosen.includes(String(m.id))} /> {m.full_name}{' '}
                <span class="muted">({m.team_name})</span>
              </label>
            ))}
          </fieldset>
          <Field name="note" label={labels.note} value={v.note} errors={errors} maxLength={500} />
          <button type="submit">{tr(ctx, 'Thêm ca trực', 'Add the shift')}</button>
        </form>
      )}
    </section>
  );
}

function RosterPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  week: { monday: string; days: string[] };
  shifts: ShiftRow[];
  members: MemberRow[];
  now: Date;
  form: { values: Values; chosen: string[]; errors: FormErrors };
}) {
  const { ctx, unit, week } = props;
  const title = tr(ctx, `Lịch trực đội hỗ trợ: ${unit.name}`, `Support roster: ${unit.name}`);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={title} />
      <SubNav ctx={ctx} unit={unit} />
      <UnitPicker ctx={ctx} units={props.units} unit={unit} action={STAFF_BASE} />
      <nav class="pagination" aria-label={tr(ctx, 'Chọn tuần', 'Weeks')}>
        <a href={`${STAFF_BASE}${q(unit, `&tuan=${addDays(week.monday, -7)}`)}`}>{tr(ctx, '← Tuần trước', '← Previous week')}</a>
        <span>
          {tr(ctx, 'Tuần', 'Week')} {dmy(week.monday)} – {dmy(week.days[6] as string)}
        </span>
        <a href={`${STAFF_BASE}${q(unit, `&tuan=${addDays(week.monday, 7)}`)}`}>{tr(ctx, 'Tuần sau →', 'Next week →')}</a>
      </nav>
      <ol class="roster-week">
        {week.days.map((day) => {
          const list = props.shifts.filter((s) => dayOf(s.starts_at) === day);
          return (
            <li key={day}>
              <h2 class="roster-day">
                {weekdayOf(ctx, day)}, {dmy(day)}
              </h2>
              {list.length === 0 ? (
                <p class="muted">{tr(ctx, 'Chưa có ca trực.', 'No shifts.')}</p>
              ) : (
                <ul class="roster-shifts">
                  {list.map((s) => (
                    <li key={s.id}>
                      <strong>
                        {hm(s.starts_at)}–{hm(s.ends_at)}
                      </strong>{' '}
                      · {labelOf(ctx, dutyLabels[s.duty])}
                      <br />
                      {s.members.map((m) => m.full_name).join(', ')}
                      {s.note && <span class="muted"> · {s.note}</span>}
                      {new Date(s.starts_at).getTime() > props.now.getTime() && (
                        <form class="inline" method="post" action={`${STAFF_BASE}/ca/${s.id}/xoa`}>
                          <CsrfField ctx={ctx} />{' '}
                          <button type="submit" class="link">
                            {tr(ctx, 'Hủy ca', 'Remove')}
                          </button>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <ShiftForm ctx={ctx} unit={unit} members={props.members} values={props.form.values} chosen={props.form.chosen} errors={props.form.errors} />
    </Layout>
  );
}

async function renderRoster(
  p: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  unit: UnitRow,
  week: string,
  form: { values: Values; chosen: string[]; errors: FormErrors },
  status = 200,
) {
  const w = weekOf(week);
  const [units, shifts, members] = await Promise.all([
    unitsWhere(p.db, req, MANAGE),
    listShifts(p.db, [unit.id], startOfVietnamDay(w.monday), startOfVietnamDay(addDays(w.monday, 7))),
    listMembers(p.db, unit.id),
  ]);
  const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
  return html(
    reply,
    renderPage(<RosterPage ctx={pageContext(req, reply)} unit={unit} units={shown} week={w} shifts={shifts} members={members} now={new Date()} form={form} />),
    status,
  );
}

// ---------- teams and members ----------

function TeamsPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  teams: TeamRow[];
  members: MemberRow[];
  team: { values: Values; errors: FormErrors };
  member: { values: Values; errors: FormErrors };
}) {
  const { ctx, unit } = props;
  const title = tr(ctx, `Đội hỗ trợ: ${unit.name}`, `Support teams: ${unit.name}`);
  const orgOptions = organisations.map((o) => ({ value: o, label: labelOf(ctx, organisationLabels[o]) }));
  const tv = props.team.values;
  const mv = props.member.values;
  const teamLabels = { name: tr(ctx, 'Tên đội', 'Name'), organisation: tr(ctx, 'Tổ chức', 'Organisation'), description: tr(ctx, 'Mô tả', 'Description') };
  const memberLabels = {
    team: tr(ctx, 'Đội', 'Team'),
    fullName: tr(ctx, 'Họ và tên', 'Full name'),
    organisation: tr(ctx, 'Tổ chức', 'Organisation'),
    phone: tr(ctx, 'Số điện thoại', 'Phone'),
    publicPhoneConsent: tr(ctx, 'Đồng ý công khai', 'Consent'),
    username: tr(ctx, 'Tài khoản đăng nhập', 'Sign-in account'),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={title} />
      <SubNav ctx={ctx} unit={unit} />
      <UnitPicker ctx={ctx} units={props.units} unit={unit} action={TEAMS} />
      {props.teams.length === 0 && <p>{tr(ctx, 'Đơn vị chưa có đội hỗ trợ.', 'No teams yet.')}</p>}
      {props.teams.map((t) => {
        const list = props.members.filter((m) => m.team_id === t.id);
        return (
          <section key={t.id} aria-labelledby={`team-${t.id}`}>
            <h2 id={`team-${t.id}`}>{t.name}</h2>
            <p class="muted">
              {labelOf(ctx, organisationLabels[t.organisation])}
              {t.description && ` · ${t.description}`}
            </p>
            {list.length === 0 ? (
              <p>{tr(ctx, 'Chưa có thành viên.', 'No members yet.')}</p>
            ) : (
              <TableWrap label={tr(ctx, `Thành viên ${t.name}`, `Members of ${t.name}`)}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{memberLabels.fullName}</th>
                      <th scope="col">{memberLabels.organisation}</th>
                      <th scope="col">{memberLabels.phone}</th>
                      <th scope="col">{memberLabels.username}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((m) => (
                      <tr key={m.id}>
                        <td>{m.full_name}</td>
                        <td>{labelOf(ctx, organisationLabels[m.organisation])}</td>
                        <td>
                          {m.phone ?? '—'}
                          {m.phone && (
                            <p class="hint">
                              {m.public_phone_consent ? tr(ctx, 'Công khai khi đang trực', 'Shown while on duty') : tr(ctx, 'Không công khai', 'Not published')}
                            </p>
                          )}
                        </td>
                        <td>{m.username ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        );
      })}
      {props.teams.length > 0 && (
        <section aria-labelledby="new-member">
          <h2 id="new-member">{tr(ctx, 'Thêm thành viên', 'Add a member')}</h2>
          <form method="post" action={`${TEAMS}/${mv.team || props.teams[0]?.id}/thanh-vien`} novalidate>
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} errors={props.member.errors} labels={memberLabels} />
            {props.teams.length > 1 && (
              <p class="hint">{tr(ctx, 'Thành viên được thêm vào đội đầu tiên nếu không chọn đội khác:', 'The member joins the team chosen here:')}</p>
            )}
            <Select
              name="team"
              label={memberLabels.team}
              value={mv.team ?? ''}
              errors={props.member.errors}
              options={props.teams.map((t) => ({ value: String(t.id), label: t.name }))}
            />
            <Field name="fullName" label={memberLabels.fullName} value={mv.fullName} errors={props.member.errors} required maxLength={120} />
            <Select name="organisation" label={memberLabels.organisation} value={mv.organisation ?? ''} errors={props.member.errors} options={orgOptions} />
            <Field name="phone" type="tel" label={memberLabels.phone} value={mv.phone} errors={props.member.errors} autocomplete="off" inputmode="tel" />
            <Checkbox
              name="publicPhoneConsent"
              label={tr(
                ctx,
                'Thành viên đồng ý công khai số điện thoại trên trang Đội hỗ trợ trong giờ trực',
                'The member agrees to show this phone on the public page while on duty',
              )}
              checked={mv.publicPhoneConsent === 'on'}
              errors={props.member.errors}
            />
            <Field
              name="username"
              label={memberLabels.username}
              hint={tr(
                ctx,
                'Không bắt buộc: tài khoản có vai trò Tình nguyện viên hỗ trợ tại đơn vị',
                'Optional: an account with the volunteer role at the unit',
              )}
              value={mv.username}
              errors={props.member.errors}
              autocomplete="off"
            />
            <button type="submit">{tr(ctx, 'Thêm thành viên', 'Add the member')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="new-team">
        <h2 id="new-team">{tr(ctx, 'Lập đội mới', 'New team')}</h2>
        <form method="post" action={TEAMS} novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="unit" value={unit.code} />
          <ErrorSummary ctx={ctx} errors={props.team.errors} labels={teamLabels} />
          <Field name="name" label={teamLabels.name} value={tv.name} errors={props.team.errors} required maxLength={200} />
          <Select name="organisation" label={teamLabels.organisation} value={tv.organisation ?? ''} errors={props.team.errors} options={orgOptions} />
          <TextArea name="description" label={teamLabels.description} value={tv.description} errors={props.team.errors} rows={3} />
          <button type="submit">{tr(ctx, 'Lập đội', 'Create the team')}</button>
        </form>
      </section>
    </Layout>
  );
}

async function renderTeams(
  p: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  unit: UnitRow,
  forms: { team?: { values: Values; errors: FormErrors }; member?: { values: Values; errors: FormErrors } },
  status = 200,
) {
  const [units, teams, members] = await Promise.all([unitsWhere(p.db, req, MANAGE), listTeams(p.db, unit.id), listMembers(p.db, unit.id)]);
  // Members' phones are personal data: each staff read of the list is recorded.
  if (members.some((m) => m.phone)) {
    await recordAudit(p.db, req.actor(), {
      action: 'support-team.members.read',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      after: { members: members.length },
    });
  }
  const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
  return html(
    reply,
    renderPage(
      <TeamsPage
        ctx={pageContext(req, reply)}
        unit={unit}
        units={shown}
        teams={teams}
        members={members}
        team={forms.team ?? { values: { organisation: 'youth_union' }, errors: {} }}
        member={forms.member ?? { values: { organisation: 'youth_union' }, errors: {} }}
      />,
    ),
    status,
  );
}

// ---------- the quick record form ----------

function RecordPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; members: MemberRow[]; values: Values; errors: FormErrors; today: string }) {
  const { ctx, unit, values: v, errors } = props;
  const title = tr(ctx, 'Ghi nhận hỗ trợ người dân', 'Record help given');
  const labels = {
    memberId: tr(ctx, 'Người hỗ trợ', 'Helped by'),
    helpedOn: tr(ctx, 'Ngày hỗ trợ', 'Day'),
    dossierCode: tr(ctx, 'Mã hồ sơ (nếu có)', 'Dossier code (if any)'),
    kind: tr(ctx, 'Loại hỗ trợ', 'Kind of help'),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="muted">{unit.name}</p>
      <UnitPicker ctx={ctx} units={props.units} unit={unit} action={RECORD_PATH} />
      {props.members.length === 0 ? (
        <p>
          {tr(
            ctx,
            'Tài khoản của bạn chưa là thành viên đội hỗ trợ nào của đơn vị. Hãy nhờ cán bộ Một cửa thêm bạn vào đội.',
            'Your account is not a member of any support team of this unit. Ask the one-stop desk to add you.',
          )}
        </p>
      ) : (
        <form method="post" action={RECORD_PATH} class="help-form" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="key" value={v.key} />
          <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
          <Select
            name="memberId"
            label={labels.memberId}
            value={v.memberId ?? ''}
            errors={errors}
            options={props.members.map((m) => ({ value: String(m.id), label: `${m.full_name} (${m.team_name})` }))}
          />
          <Field name="helpedOn" type="date" label={labels.helpedOn} value={v.helpedOn || props.today} errors={errors} />
          <Field name="dossierCode" label={labels.dossierCode} value={v.dossierCode} errors={errors} autocomplete="off" maxLength={40} />
          <fieldset class={`field help-kinds${errors.kind ? ' has-error' : ''}`} id="f-kind">
            <legend>{tr(ctx, 'Chạm vào việc vừa hỗ trợ để ghi nhận', 'Tap the help you just gave to record it')}</legend>
            {errors.kind && <p class="error">{errors.kind}</p>}
            {helpKinds.map((k) => (
              <button key={k} type="submit" name="kind" value={k} class="large">
                {labelOf(ctx, helpLabels[k])}
              </button>
            ))}
          </fieldset>
        </form>
      )}
    </Layout>
  );
}

async function renderRecord(p: Platform, req: FastifyRequest, reply: FastifyReply, unit: UnitRow, values: Values, errors: FormErrors, status = 200) {
  const [units, members] = await Promise.all([unitsWhere(p.db, req, RECORD), recordableMembers(p, req, unit)]);
  const userId = req.principal?.kind === 'user' ? req.principal.userId : null;
  const own = members.find((m) => m.user_id === userId);
  const v = { ...values, memberId: values.memberId || (own ? String(own.id) : ''), key: values.key || randomUUID() };
  const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
  return html(
    reply,
    renderPage(
      <RecordPage ctx={pageContext(req, reply)} unit={unit} units={shown} members={members} values={v} errors={errors} today={vietnamDay(new Date())} />,
    ),
    status,
  );
}

// ---------- results ----------

function CountsRow(props: { label: string; c: SupportActivity['total'] }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      {helpKinds.map((k) => (
        <td key={k}>{props.c[k]}</td>
      ))}
      <td>
        <strong>{props.c.total}</strong>
      </td>
    </tr>
  );
}

function CountsTable(props: { ctx: PageContext; caption: string; first: string; rows: { key: string; label: string; c: SupportActivity['total'] }[] }) {
  const { ctx } = props;
  return (
    <TableWrap label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            {helpKinds.map((k) => (
              <th scope="col" key={k}>
                {labelOf(ctx, helpLabels[k])}
              </th>
            ))}
            <th scope="col">{tr(ctx, 'Tổng', 'Total')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <CountsRow key={r.key} label={r.label} c={r.c} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ResultsPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; from: string; to: string; a: SupportActivity | null; errors: FormErrors }) {
  const { ctx, unit, a } = props;
  const title = tr(ctx, `Kết quả hỗ trợ: ${unit.name}`, `People helped: ${unit.name}`);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={title} />
      <SubNav ctx={ctx} unit={unit} />
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <UnitPicker
        ctx={ctx}
        units={props.units}
        unit={unit}
        action={RESULTS}
        extra={
          <>
            <Field name="from" type="date" label={tr(ctx, 'Từ ngày', 'From')} value={props.from} errors={props.errors} />
            <Field name="to" type="date" label={tr(ctx, 'Đến ngày', 'To')} value={props.to} errors={props.errors} />
          </>
        }
      />
      {a && (
        <>
          <p>
            {tr(ctx, `Từ ${dmy(a.from)} đến ${dmy(a.to)}: `, `From ${dmy(a.from)} to ${dmy(a.to)}: `)}
            <strong>{tr(ctx, `${a.total.total} lượt hỗ trợ`, `${a.total.total} people helped`)}</strong>
          </p>
          <CountsTable
            ctx={ctx}
            caption={tr(ctx, 'Theo đơn vị', 'By unit')}
            first={tr(ctx, 'Đơn vị', 'Unit')}
            rows={a.units.map((u) => ({ key: u.code, label: u.name, c: u.counts }))}
          />
          <CountsTable
            ctx={ctx}
            caption={tr(ctx, 'Theo đội', 'By team')}
            first={tr(ctx, 'Đội', 'Team')}
            rows={a.teams.map((t) => ({ key: String(t.id), label: t.name, c: t.counts }))}
          />
          <CountsTable
            ctx={ctx}
            caption={tr(ctx, 'Theo thành viên', 'By member')}
            first={tr(ctx, 'Thành viên', 'Member')}
            rows={a.members.map((m) => ({ key: String(m.id), label: m.name, c: m.counts }))}
          />
        </>
      )}
    </Layout>
  );
}

// ---------- routes ----------

const shiftValues = (form: Record<string, unknown>): { values: Values; chosen: string[] } => {
  const values: Values = {};
  for (const k of ['duty', 'date', 'start', 'end', 'note']) values[k] = str(form[k], 600);
  const raw = form.memberIds;
  const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((x) => str(x, 20)).filter(Boolean);
  return { values, chosen };
};

export function registerSupportTeamsStaffPages(app: App, p: Platform): void {
  const manage = { config: { permission: MANAGE } };
  const record = { config: { permission: RECORD } };

  app.get(STAFF_BASE, manage, async (req, reply) => {
    const unit = await unitOf(p, req, MANAGE, await unitsWhere(p.db, req, MANAGE));
    const asked = str((req.query as Record<string, unknown>)?.tuan, 10);
    const today = vietnamDay(new Date());
    const week = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : today;
    const date = week > today ? weekOf(week).monday : today;
    return renderRoster(p, req, reply, unit, week, { values: { date, start: '07:30', end: '11:30' }, chosen: [], errors: {} });
  });

  app.post(`${STAFF_BASE}/ca`, manage, async (req, reply) => {
    const form = cleanForm(req.body);
    const unit = await unitFor(p, form.unit);
    req.requireOn(MANAGE, unit.path);
    const { values, chosen } = shiftValues(form);
    const checked = checkShift({ ...values, memberIds: chosen }, new Date());
    const again = (errors: FormErrors) =>
      renderRoster(
        p,
        req,
        reply,
        unit,
        /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(values.date ?? '') ? (values.date as string) : vietnamDay(new Date()),
        { values, chosen, errors },
        400,
      );
    if (!checked.ok) return again(errorsOf(new AppError('VALIDATION_FAILED', { errors: checked.errors }), req));
    try {
      await createShift(p.db, req.actor(), unit, checked.value);
    } catch (err) {
      return again(errorsOf(err, req));
    }
    return redirectWithFlash(req, reply, `${STAFF_BASE}${q(unit, `&tuan=${values.date}`)}`, tr(req, 'Đã thêm ca trực', 'Shift added'));
  });

  app.post(`${STAFF_BASE}/ca/:id/xoa`, manage, async (req, reply) => {
    const shift = await loadShift(p, req, (req.params as { id: string }).id);
    await cancelShift(p.db, req.actor(), shift, new Date());
    return redirectWithFlash(
      req,
      reply,
      `${STAFF_BASE}?unit=${encodeURIComponent(shift.unit_code)}&tuan=${dayOf(shift.starts_at)}`,
      tr(req, 'Đã hủy ca trực', 'Shift removed'),
    );
  });

  app.get(TEAMS, manage, async (req, reply) => {
    const unit = await unitOf(p, req, MANAGE, await unitsWhere(p.db, req, MANAGE));
    return renderTeams(p, req, reply, unit, {});
  });

  app.post(TEAMS, manage, async (req, reply) => {
    const form = cleanForm(req.body);
    const unit = await unitFor(p, form.unit);
    req.requireOn(MANAGE, unit.path);
    const values: Values = { name: str(form.name, 400), organisation: str(form.organisation, 40), description: str(form.description, 4000) };
    const checked = checkTeam(values);
    try {
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      await createTeam(p.db, req.actor(), unit, checked.value);
    } catch (err) {
      return renderTeams(p, req, reply, unit, { team: { values, errors: errorsOf(err, req) } }, 400);
    }
    return redirectWithFlash(req, reply, `${TEAMS}${q(unit)}`, tr(req, 'Đã lập đội hỗ trợ', 'Team created'));
  });

  app.post(`${TEAMS}/:id/thanh-vien`, manage, async (req, reply) => {
    const form = cleanForm(req.body);
    // The form's team select wins over the address (the page posts to the first team when none is chosen).
    const team = await loadTeam(p, req, str(form.team, 20) || (req.params as { id: string }).id);
    const unit = await unitFor(p, team.unit_code);
    const values: Values = {
      team: String(team.id),
      fullName: str(form.fullName, 400),
      organisation: str(form.organisation, 40),
      phone: str(form.phone, 40),
      publicPhoneConsent: isYes(form.publicPhoneConsent) ? 'on' : '',
      username: str(form.username, 80),
    };
    const checked = checkMember({ ...values, publicPhoneConsent: values.publicPhoneConsent === 'on' });
    try {
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      await addTeamMember(p.db, req.actor(), team, checked.value);
    } catch (err) {
      return renderTeams(p, req, reply, unit, { member: { values, errors: errorsOf(err, req) } }, 400);
    }
    return redirectWithFlash(req, reply, `${TEAMS}${q(unit)}`, tr(req, 'Đã thêm thành viên', 'Member added'));
  });

  app.get(RECORD_PATH, record, async (req, reply) => {
    const unit = await unitOf(p, req, RECORD, await unitsWhere(p.db, req, RECORD));
    const member = str((req.query as Record<string, unknown>)?.member, 20);
    return renderRecord(p, req, reply, unit, { memberId: member }, {});
  });

  app.post(RECORD_PATH, record, async (req, reply) => {
    const form = cleanForm(req.body);
    const values: Values = {
      memberId: str(form.memberId, 20),
      helpedOn: str(form.helpedOn, 20),
      dossierCode: str(form.dossierCode, 60),
      kind: str(form.kind, 40),
      key: KEY_RE.test(str(form.key, 100)) ? str(form.key, 100) : '',
    };
    const member = await loadRecordableMember(p, req, values.memberId);
    const unit = (await findUnitById(p.db, member.unit_id)) as UnitRow;
    const checked = checkHelp(values, vietnamDay(new Date()));
    if (!checked.ok) return renderRecord(p, req, reply, unit, values, errorsOf(new AppError('VALIDATION_FAILED', { errors: checked.errors }), req), 400);
    const r = await recordHelp(p.db, req.actor(), member, checked.value, values.key || null);
    const label = labelOf({ lang: req.lang } as PageContext, helpLabels[checked.value.kind]);
    const flash = r.duplicate
      ? tr(req, 'Lượt hỗ trợ này đã được ghi nhận trước đó', 'This help was already recorded')
      : tr(req, `Đã ghi nhận: ${label} (${member.full_name})`, `Recorded: ${label} (${member.full_name})`);
    return redirectWithFlash(req, reply, `${RECORD_PATH}${q(unit, `&member=${member.id}`)}`, flash);
  });

  app.get(RESULTS, manage, async (req, reply) => {
    const unit = await unitOf(p, req, MANAGE, await unitsWhere(p.db, req, MANAGE));
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const today = vietnamDay(new Date());
    const from = str(raw.from, 10) || `${today.slice(0, 8)}01`;
    const to = str(raw.to, 10) || today;
    const problems = checkPeriod(from, to);
    const errors: FormErrors = {};
    for (const e of problems) errors[e.field] ??= e.message[req.lang];
    const all = await listUnits(p.db);
    const a = problems.length ? null : await supportActivity(p.db, { unitIds: all.filter((u) => u.path.startsWith(unit.path)).map((u) => u.id), from, to });
    const units = await unitsWhere(p.db, req, MANAGE);
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    return html(
      reply,
      renderPage(<ResultsPage ctx={pageContext(req, reply)} unit={unit} units={shown} from={from} to={to} a={a} errors={errors} />),
      problems.length ? 400 : 200,
    );
  });
}
