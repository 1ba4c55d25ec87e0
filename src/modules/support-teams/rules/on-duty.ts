/**
 * Who is on duty now at a unit, per duty kind, and how to reach them (the public page and the public JSON). Pure: the
 * shifts of the day and `now` are parameters.
 */
import { type DutyKind, dutyKinds, isOnDuty, publicPhoneOf, vietnamDay } from './roster.ts';

export interface DutyShift {
  duty: DutyKind;
  startsAt: Date;
  endsAt: Date;
  members: { fullName: string; phone: string | null; publicPhoneConsent: boolean }[];
}

export interface DutyUnit {
  address: string | null;
  phone: string | null;
}

export interface DutyNow {
  duty: DutyKind;
  onDuty: boolean;
  /** When the latest running shift of this kind ends. */
  until: Date | null;
  members: { name: string; phone: string | null }[];
  /** How to reach the duty: the desk's address for desk duty; a member's phone (with consent) or the unit's phone. */
  reach: { address: string | null; phone: string | null; phoneIsMembers: boolean };
}

export interface LaterShift {
  duty: DutyKind;
  startsAt: Date;
  endsAt: Date;
  names: string[];
}

/**
 * Per duty kind: the members on a running shift (their phones only with consent, only because they are on duty now),
 * and how the public reaches that duty; then the shifts still to start today (Vietnam), names only.
 */
export function onDutyAt(unit: DutyUnit, shifts: DutyShift[], now: Date): { duties: DutyNow[]; laterToday: LaterShift[] } {
  const today = vietnamDay(now);
  const duties = dutyKinds.map((duty): DutyNow => {
    const running = shifts.filter((s) => s.duty === duty && isOnDuty(s, now));
    const members: { name: string; phone: string | null }[] = [];
    for (const s of running) {
      for (const m of s.members) {
        if (members.some((x) => x.name === m.fullName)) continue;
        members.push({ name: m.fullName, phone: publicPhoneOf(m, true) });
      }
    }
    const until = running.length ? new Date(Math.max(...running.map((s) => s.endsAt.getTime()))) : null;
    const memberPhone = members.find((m) => m.phone)?.phone ?? null;
    const reach =
      duty === 'desk'
        ? { address: unit.address, phone: unit.phone, phoneIsMembers: false }
        : { address: null, phone: memberPhone ?? unit.phone, phoneIsMembers: memberPhone !== null };
    return { duty, onDuty: running.length > 0, until, members, reach };
  });
  const laterToday = shifts
    .filter((s) => s.startsAt.getTime() > now.getTime() && vietnamDay(s.startsAt) === today)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((s) => ({ duty: s.duty, startsAt: s.startsAt, endsAt: s.endsAt, names: s.members.map((m) => m.fullName) }));
  return { duties, laterToday };
}

/** Office hours as people read them: "Thứ 2–Thứ 6: 07:00–11:30, 13:30–17:00". */
export function officeHoursText(hours: { days: number[]; open: string; close: string }[], lang: 'vi' | 'en'): string {
  const dayName = (d: number) => (lang === 'en' ? ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d] : d === 0 ? 'Chủ nhật' : `Thứ ${d + 1}`);
  const groups = new Map<string, string[]>();
  for (const h of hours) {
    const days = [...h.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
    const key =
      days.length > 2 && days.every((d, i) => i === 0 || d === (days[i - 1] as number) + 1)
        ? `${dayName(days[0] as number)}–${dayName(days[days.length - 1] as number)}`
        : days.map(dayName).join(', ');
    groups.set(key, [...(groups.get(key) ?? []), `${h.open}–${h.close}`]);
  }
  return [...groups.entries()].map(([days, spans]) => `${days}: ${spans.join(', ')}`).join('; ');
}
