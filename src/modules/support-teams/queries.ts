import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { HelpDraft, HelpKind } from './rules/help.ts';
import type { DutyKind, MemberDraft, Organisation, ShiftDraft, TeamDraft } from './rules/roster.ts';

export interface TeamRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  name: string;
  organisation: Organisation;
  description: string | null;
  members: number;
}

export interface MemberRow {
  id: number;
  team_id: number;
  team_name: string;
  unit_id: number;
  unit_path: string;
  full_name: string;
  organisation: Organisation;
  phone: string | null;
  public_phone_consent: boolean;
  user_id: number | null;
  username: string | null;
  active: boolean;
}

export interface ShiftMember {
  id: number;
  team_id: number;
  full_name: string;
  phone: string | null;
  public_phone_consent: boolean;
}

export interface ShiftRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_path: string;
  duty: DutyKind;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
  members: ShiftMember[];
}

const teamCols = sql`t.id::int AS id, t.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
  t.name, t.organisation, t.description,
  (SELECT count(*)::int FROM support_team_members m WHERE m.team_id = t.id AND m.active) AS members
  FROM support_teams t JOIN units u ON u.id = t.unit_id`;

const memberCols = sql`m.id::int AS id, m.team_id::int AS team_id, t.name AS team_name, m.unit_id::int AS unit_id, u.path AS unit_path,
  m.full_name, m.organisation, m.phone, m.public_phone_consent, m.user_id::int AS user_id, us.username, m.active
  FROM support_team_members m JOIN support_teams t ON t.id = m.team_id JOIN units u ON u.id = m.unit_id
  LEFT JOIN users us ON us.id = m.user_id`;

const shiftCols = sql`s.id::int AS id, s.unit_id::int AS unit_id, u.code AS unit_code, u.path AS unit_path, s.duty, s.starts_at, s.ends_at, s.note,
  COALESCE((SELECT json_agg(json_build_object('id', m.id::int, 'team_id', m.team_id::int, 'full_name', m.full_name, 'phone', m.phone,
      'public_phone_consent', m.public_phone_consent) ORDER BY m.full_name, m.id)
    FROM support_shift_members sm JOIN support_team_members m ON m.id = sm.member_id WHERE sm.shift_id = s.id), '[]'::json) AS members
  FROM support_shifts s JOIN units u ON u.id = s.unit_id`;

const idArray = (ids: number[]) => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;

export async function insertTeam(db: Db, unitId: number, t: TeamDraft, userId: number | null): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO support_teams (unit_id, name, organisation, description, created_by)
        VALUES (${unitId}, ${t.name}, ${t.organisation}, ${t.description}, ${userId})
        ON CONFLICT (unit_id, name) DO NOTHING RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

export function findTeam(db: Db, id: number): Promise<TeamRow | null> {
  return one<TeamRow>(db, sql`SELECT ${teamCols} WHERE t.id = ${id}`);
}

/** The teams of a unit, by name. */
export function listTeams(db: Db, unitId: number): Promise<TeamRow[]> {
  return rows<TeamRow>(db, sql`SELECT ${teamCols} WHERE t.unit_id = ${unitId} ORDER BY t.name, t.id`);
}

export async function insertMember(db: Db, team: TeamRow, m: MemberDraft, userId: number | null): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO support_team_members (team_id, unit_id, full_name, organisation, phone, public_phone_consent, user_id)
        VALUES (${team.id}, ${team.unit_id}, ${m.fullName}, ${m.organisation}, ${m.phone}, ${m.publicPhoneConsent}, ${userId})
        ON CONFLICT (team_id, user_id) DO NOTHING RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

export function findMember(db: Db, id: number): Promise<MemberRow | null> {
  return one<MemberRow>(db, sql`SELECT ${memberCols} WHERE m.id = ${id}`);
}

/** The active members of a unit's teams, by team then name. */
export function listMembers(db: Db, unitId: number): Promise<MemberRow[]> {
  return rows<MemberRow>(db, sql`SELECT ${memberCols} WHERE m.unit_id = ${unitId} AND m.active ORDER BY t.name, m.full_name, m.id`);
}

/** The active member records linked to a sign-in account at a unit (a volunteer's own memberships). */
export function membersOfUser(db: Db, userId: number, unitId: number): Promise<MemberRow[]> {
  return rows<MemberRow>(db, sql`SELECT ${memberCols} WHERE m.user_id = ${userId} AND m.unit_id = ${unitId} AND m.active ORDER BY t.name, m.id`);
}

/** Members of the teams a sign-in account belongs to at a unit: whom a volunteer may record help for. */
export function teammatesOfUser(db: Db, userId: number, unitId: number): Promise<MemberRow[]> {
  return rows<MemberRow>(
    db,
    sql`SELECT ${memberCols} WHERE m.unit_id = ${unitId} AND m.active
          AND m.team_id IN (SELECT x.team_id FROM support_team_members x WHERE x.user_id = ${userId} AND x.active)
        ORDER BY t.name, m.full_name, m.id`,
  );
}

/** Locks the members' rows for the rest of the transaction, so two shifts for one member are checked one after the other. */
export async function lockMembers(db: Db, ids: number[]): Promise<MemberRow[]> {
  return rows<MemberRow>(db, sql`SELECT ${memberCols} WHERE m.id = ANY(${idArray(ids)}::bigint[]) ORDER BY m.id FOR UPDATE OF m`);
}

export interface OverlapRow {
  member_id: number;
  full_name: string;
  starts_at: Date;
  ends_at: Date;
  duty: DutyKind;
  unit_name: string;
}

/** Shifts of any of the members that overlap [startsAt, endsAt) (at any unit). */
export function overlappingShifts(db: Db, memberIds: number[], startsAt: Date, endsAt: Date): Promise<OverlapRow[]> {
  return rows<OverlapRow>(
    db,
    sql`SELECT sm.member_id::int AS member_id, m.full_name, s.starts_at, s.ends_at, s.duty, u.name AS unit_name
        FROM support_shift_members sm JOIN support_shifts s ON s.id = sm.shift_id
        JOIN support_team_members m ON m.id = sm.member_id JOIN units u ON u.id = s.unit_id
        WHERE sm.member_id = ANY(${idArray(memberIds)}::bigint[])
          AND s.starts_at < ${endsAt.toISOString()}::timestamptz AND s.ends_at > ${startsAt.toISOString()}::timestamptz
        ORDER BY s.starts_at, m.full_name`,
  );
}

export async function insertShift(db: Db, unitId: number, s: ShiftDraft, userId: number | null): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`WITH s AS (
          INSERT INTO support_shifts (unit_id, duty, starts_at, ends_at, note, created_by)
          VALUES (${unitId}, ${s.duty}, ${s.startsAt.toISOString()}::timestamptz, ${s.endsAt.toISOString()}::timestamptz, ${s.note}, ${userId})
          RETURNING id),
        m AS (INSERT INTO support_shift_members (shift_id, member_id) SELECT s.id, x FROM s, unnest(${idArray(s.memberIds)}::bigint[]) x)
        SELECT id::int AS id FROM s`,
  );
  return (r as { id: number }).id;
}

export function findShift(db: Db, id: number): Promise<ShiftRow | null> {
  return one<ShiftRow>(db, sql`SELECT ${shiftCols} WHERE s.id = ${id}`);
}

export async function deleteShift(db: Db, id: number): Promise<void> {
  await db.execute(sql`DELETE FROM support_shifts WHERE id = ${id}`);
}

/** Shifts of the units overlapping [from, to), by start. */
export function listShifts(db: Db, unitIds: number[], from: Date, to: Date): Promise<ShiftRow[]> {
  return rows<ShiftRow>(
    db,
    sql`SELECT ${shiftCols}
        WHERE s.unit_id = ANY(${idArray(unitIds)}::bigint[]) AND s.starts_at < ${to.toISOString()}::timestamptz AND s.ends_at > ${from.toISOString()}::timestamptz
        ORDER BY s.starts_at, s.id`,
  );
}

export interface SupportUnitRow {
  id: number;
  code: string;
  name: string;
  path: string;
  address: string | null;
  phone: string | null;
  office_hours: { days: number[]; open: string; close: string }[];
}

/** Units that have at least one support team (not merged away), in tree order; one unit when `code` is given. */
export function unitsWithTeams(db: Db, code: string | null): Promise<SupportUnitRow[]> {
  return rows<SupportUnitRow>(
    db,
    sql`SELECT u.id::int AS id, u.code, u.name, u.path, u.address, u.phone, u.office_hours FROM units u
        WHERE u.merged_into_id IS NULL AND EXISTS (SELECT 1 FROM support_teams t WHERE t.unit_id = u.id)
          AND (${code}::text IS NULL OR u.code = ${code}::text)
        ORDER BY u.path`,
  );
}

/** Records a help; the same form key from the same person records nothing twice (returns null then). */
export async function insertHelp(db: Db, m: MemberRow, h: HelpDraft, recordedBy: number | null, idempotencyKey: string | null): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO support_help_records (unit_id, team_id, member_id, kind, helped_on, dossier_code, recorded_by, idempotency_key)
        VALUES (${m.unit_id}, ${m.team_id}, ${m.id}, ${h.kind}, ${h.helpedOn}::date, ${h.dossierCode}, ${recordedBy}, ${idempotencyKey})
        ON CONFLICT (recorded_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

/** The help a form key already recorded. */
export async function findHelpByKey(db: Db, recordedBy: number | null, key: string): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`SELECT id::int AS id FROM support_help_records WHERE recorded_by IS NOT DISTINCT FROM ${recordedBy}::bigint AND idempotency_key = ${key}`,
  );
  return r?.id ?? null;
}

export interface ActivityRow {
  unit_id: number;
  unit_code: string;
  unit_name: string;
  team_id: number;
  team_name: string;
  member_id: number;
  member_name: string;
  kind: HelpKind;
  n: number;
}

/** Help records of the units in [from, to] (Vietnam dates, both included), counted per unit, team, member and kind. */
export function activityRows(db: Db, unitIds: number[], from: string, to: string): Promise<ActivityRow[]> {
  return rows<ActivityRow>(
    db,
    sql`SELECT h.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, h.team_id::int AS team_id, t.name AS team_name,
          h.member_id::int AS member_id, m.full_name AS member_name, h.kind, count(*)::int AS n
        FROM support_help_records h JOIN units u ON u.id = h.unit_id JOIN support_teams t ON t.id = h.team_id
        JOIN support_team_members m ON m.id = h.member_id
        WHERE h.unit_id = ANY(${idArray(unitIds)}::bigint[]) AND h.helped_on BETWEEN ${from}::date AND ${to}::date
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY u.code, t.name, m.full_name, h.kind`,
  );
}

/** Links a member to a sign-in account (demo data: the volunteer account is made after the roster). */
export async function linkMemberToUser(db: Db, memberId: number, userId: number): Promise<boolean> {
  const r = await one<{ id: number }>(
    db,
    sql`UPDATE support_team_members SET user_id = ${userId} WHERE id = ${memberId} AND user_id IS NULL RETURNING id::int AS id`,
  );
  return r !== null;
}
