/** Rows → JSON, as explicit field lists: a member's phone leaves the server only to staff, or publicly while on duty with consent. */
import type { Static } from 'typebox';
import type { MemberRow, ShiftRow, SupportUnitRow, TeamRow } from './queries.ts';
import { officeHoursText, onDutyAt } from './rules/on-duty.ts';
import { vietnamDay } from './rules/roster.ts';
import type { MemberOut, ShiftOut, TeamOut, UnitOnDutyOut } from './schema.ts';

export const PUBLIC_BASE = '/ho-tro';
export const unitPagePath = (code: string) => `${PUBLIC_BASE}/${code}`;
const iso = (v: Date | string) => new Date(v).toISOString();

/** A member as staff with support-teams.manage see one (with the phone). */
export const presentMember = (m: MemberRow): Static<typeof MemberOut> => ({
  id: m.id,
  teamId: m.team_id,
  fullName: m.full_name,
  organisation: m.organisation,
  phone: m.phone,
  publicPhoneConsent: m.public_phone_consent,
  username: m.username,
});

export const presentTeam = (t: TeamRow, members: MemberRow[]): Static<typeof TeamOut> => ({
  id: t.id,
  unit: { code: t.unit_code, name: t.unit_name },
  name: t.name,
  organisation: t.organisation,
  description: t.description,
  members: members.filter((m) => m.team_id === t.id).map(presentMember),
});

/** A shift for staff: members by id and name (no phones). */
export const presentShift = (s: ShiftRow): Static<typeof ShiftOut> => ({
  id: s.id,
  unit: s.unit_code,
  duty: s.duty,
  date: vietnamDay(new Date(s.starts_at)),
  startsAt: iso(s.starts_at),
  endsAt: iso(s.ends_at),
  note: s.note,
  members: s.members.map((m) => ({ id: m.id, fullName: m.full_name })),
});

/** The public view of a unit's duty now (rules/on-duty.ts decides which phones show). */
export function dutyView(unit: SupportUnitRow, shifts: ShiftRow[], now: Date) {
  return onDutyAt(
    { address: unit.address, phone: unit.phone },
    shifts
      .filter((s) => s.unit_id === unit.id)
      .map((s) => ({
        duty: s.duty,
        startsAt: new Date(s.starts_at),
        endsAt: new Date(s.ends_at),
        members: s.members.map((m) => ({ fullName: m.full_name, phone: m.phone, publicPhoneConsent: m.public_phone_consent })),
      })),
    now,
  );
}

export function presentOnDuty(unit: SupportUnitRow, shifts: ShiftRow[], now: Date, lang: 'vi' | 'en'): Static<typeof UnitOnDutyOut> {
  const view = dutyView(unit, shifts, now);
  const hours = officeHoursText(unit.office_hours, lang) || null;
  return {
    unit: { code: unit.code, name: unit.name, url: unitPagePath(unit.code) },
    duties: view.duties.map((d) => ({
      duty: d.duty,
      onDuty: d.onDuty,
      until: d.until ? d.until.toISOString() : null,
      members: d.members,
      reach: { address: d.reach.address, officeHours: d.duty === 'desk' ? hours : null, phone: d.reach.phone },
    })),
    laterToday: view.laterToday.map((s) => ({ duty: s.duty, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), names: s.names })),
  };
}
