import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { requirePeriod, startOfVietnamDay } from '../../platform/period.ts';
import { listUnits } from '../units/index.ts';
import { loadRecordableMember, loadShift, loadTeam, MANAGE, RECORD, unitFor } from './access.ts';
import { addTeamMember } from './commands/add-team-member.ts';
import { cancelShift } from './commands/cancel-shift.ts';
import { createShift } from './commands/create-shift.ts';
import { createTeam } from './commands/create-team.ts';
import { recordHelp } from './commands/record-help.ts';
import { supportActivity } from './indicators.ts';
import { presentOnDuty, presentShift, presentTeam } from './present.ts';
import { findShift, findTeam, listMembers, listShifts, listTeams, type ShiftRow, type TeamRow, unitsWithTeams } from './queries.ts';
import { checkHelp } from './rules/help.ts';
import { addDays, checkMember, checkShift, checkTeam, vietnamDay } from './rules/roster.ts';
import {
  ActivityOut,
  AddMemberBody,
  CreateShiftBody,
  CreateTeamBody,
  HelpBody,
  HelpOut,
  IdParams,
  OnDutyOut,
  OnDutyQuery,
  PeriodQuery,
  ShiftList,
  ShiftOut,
  ShiftsQuery,
  TeamList,
  TeamOut,
  UnitQuery,
} from './schema.ts';

const tags = ['Đội hỗ trợ (support teams)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const DAY_MS = 86_400_000;

/** Who is on duty now at the units with teams (one unit when `code` is given), from today's shifts. */
export async function onDutyNow(p: Platform, code: string | null, now: Date, lang: 'vi' | 'en') {
  const units = await unitsWithTeams(p.db, code);
  const dayStart = startOfVietnamDay(vietnamDay(now));
  const shifts = units.length
    ? await listShifts(
        p.db,
        units.map((u) => u.id),
        dayStart,
        new Date(dayStart.getTime() + DAY_MS),
      )
    : [];
  return units.map((u) => presentOnDuty(u, shifts, now, lang));
}

async function teamJson(p: Platform, team: TeamRow) {
  return presentTeam(team, await listMembers(p.db, team.unit_id));
}

/**
 * JSON routes of the support teams: the public reads who is on duty now; holders of support-teams.manage on a unit
 * keep its teams, members and duty roster and read the activity counts; support-teams.record records a help given.
 */
export function registerSupportTeamsApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/support-teams/on-duty',
    {
      schema: {
        tags,
        summary: 'Ai đang trực hỗ trợ (who is on duty now; public)',
        description:
          'Per unit with a support team and per duty kind: the members on a running shift, how to reach them (desk: the one-stop desk address and hours; otherwise a member’s phone only when the member agreed, else the unit’s phone), and the shifts still to start today (Vietnam time).',
        querystring: OnDutyQuery,
        response: { 200: OnDutyOut, 404: Problem },
      },
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } },
    },
    async (req) => {
      const now = new Date();
      const code = req.query.unit ?? null;
      if (code) await unitFor(p, code);
      return { at: now.toISOString(), units: await onDutyNow(p, code, now, req.lang) };
    },
  );

  app.get(
    '/api/v1/support-teams',
    {
      schema: {
        tags,
        summary: 'Các đội hỗ trợ của đơn vị (a unit’s teams and members)',
        description: 'Needs support-teams.manage on the unit. Members’ phones are personal data.',
        querystring: UnitQuery,
        response: { 200: TeamList, 403: Problem, 404: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req) => {
      const unit = await unitFor(p, req.query.unit);
      req.requireOn(MANAGE, unit.path);
      const [teams, members] = await Promise.all([listTeams(p.db, unit.id), listMembers(p.db, unit.id)]);
      return { items: teams.map((t) => presentTeam(t, members)) };
    },
  );

  app.post(
    '/api/v1/support-teams',
    {
      schema: {
        tags,
        summary: 'Lập đội hỗ trợ (create a support team)',
        description: 'Needs support-teams.manage on the unit; a team’s name is unique at its unit.',
        body: CreateTeamBody,
        response: { 201: TeamOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req, reply) => {
      const unit = await unitFor(p, req.body.unit);
      req.requireOn(MANAGE, unit.path);
      const checked = checkTeam(req.body);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const id = await createTeam(p.db, req.actor(), unit, checked.value);
      return reply.status(201).send(await teamJson(p, (await findTeam(p.db, id)) as TeamRow));
    },
  );

  app.post(
    '/api/v1/support-teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Thêm thành viên đội (add a member)',
        description:
          'Needs support-teams.manage on the team’s unit. A member need not be staff; `username` links the account the member signs in with (role support_volunteer at the unit). `publicPhoneConsent` needs a `phone`.',
        params: IdParams,
        body: AddMemberBody,
        response: { 201: TeamOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req, reply) => {
      const team = await loadTeam(p, req, req.params.id);
      const checked = checkMember(req.body);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      await addTeamMember(p.db, req.actor(), team, checked.value);
      return reply.status(201).send(await teamJson(p, team));
    },
  );

  app.get(
    '/api/v1/support-teams/shifts',
    {
      schema: {
        tags,
        summary: 'Lịch trực (a unit’s duty roster)',
        description: 'Needs support-teams.manage on the unit. Shifts overlapping the days [from, to] (at most 31 days).',
        querystring: ShiftsQuery,
        response: { 200: ShiftList, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req) => {
      const unit = await unitFor(p, req.query.unit);
      req.requireOn(MANAGE, unit.path);
      const { from, to } = requirePeriod(req.query.from, req.query.to);
      if (to > addDays(from, 30)) {
        throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'querystring.to', message: { vi: 'Tối đa 31 ngày', en: 'At most 31 days' } }] });
      }
      const found = await listShifts(p.db, [unit.id], startOfVietnamDay(from), startOfVietnamDay(addDays(to, 1)));
      return { items: found.map(presentShift) };
    },
  );

  app.post(
    '/api/v1/support-teams/shifts',
    {
      schema: {
        tags,
        summary: 'Xếp ca trực (create a duty shift)',
        description:
          'Needs support-teams.manage on the unit. Date and times are Vietnam time; a shift cannot start in the past; a member already on an overlapping shift is refused with SUPPORT_SHIFT_OVERLAP.',
        body: CreateShiftBody,
        response: { 201: ShiftOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req, reply) => {
      const unit = await unitFor(p, req.body.unit);
      req.requireOn(MANAGE, unit.path);
      const checked = checkShift(req.body, new Date());
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const id = await createShift(p.db, req.actor(), unit, checked.value);
      return reply.status(201).send(presentShift((await findShift(p.db, id)) as ShiftRow));
    },
  );

  app.delete(
    '/api/v1/support-teams/shifts/:id',
    {
      schema: {
        tags,
        summary: 'Hủy ca trực chưa bắt đầu (remove a shift)',
        params: IdParams,
        response: { 204: Type.Null(), 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req, reply) => {
      const shift = await loadShift(p, req, req.params.id);
      await cancelShift(p.db, req.actor(), shift, new Date());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/support-teams/help',
    {
      schema: {
        tags,
        summary: 'Ghi nhận người dân được hỗ trợ (record a help given)',
        description:
          'Needs support-teams.record on the member’s unit; a volunteer (without support-teams.manage) records only for the members of their own team. Nothing about the person helped is kept except an optional dossier code.',
        body: HelpBody,
        response: { 201: HelpOut, 200: HelpOut, 400: Problem, 403: Problem },
      },
      config: { permission: RECORD },
    },
    async (req, reply) => {
      const member = await loadRecordableMember(p, req, req.body.memberId);
      const checked = checkHelp(req.body, vietnamDay(new Date()));
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const r = await recordHelp(p.db, req.actor(), member, checked.value, req.body.idempotencyKey ?? null);
      return reply.status(r.duplicate ? 200 : 201).send({ id: r.id ?? 0, duplicate: r.duplicate });
    },
  );

  app.get(
    '/api/v1/support-teams/activity',
    {
      schema: {
        tags,
        summary: 'Kết quả hỗ trợ (people helped, per unit, team, member and kind)',
        description: 'Needs support-teams.manage on the unit; counts the unit and the units below it over [from, to] (Vietnam dates).',
        querystring: PeriodQuery,
        response: { 200: ActivityOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req) => {
      const unit = await unitFor(p, req.query.unit);
      req.requireOn(MANAGE, unit.path);
      const { from, to } = requirePeriod(req.query.from, req.query.to);
      const ids = (await listUnits(p.db)).filter((u) => u.path.startsWith(unit.path)).map((u) => u.id);
      const a = await supportActivity(p.db, { unitIds: ids, from, to });
      return { ...a, units: a.units.map(({ code, name, counts }) => ({ code, name, counts })) };
    },
  );
}
