import type { UnitCalendar } from './calendar.ts';
import type { CalendarEntryRow, CalendarYearRow } from './queries.ts';
import { dayNumberToIso, isoToDayNumber } from './rules/working-days.ts';

type CodeOf = (unitId: number | null) => string | null;

/** The public shape of a stored calendar entry. */
export function presentEntry(e: CalendarEntryRow, codeOf: CodeOf) {
  return { id: e.id, unit: codeOf(e.unit_id), date: e.date, kind: e.kind, name: e.name, notice: e.notice, source: e.source };
}

/** The public shape of a recorded yearly notice. */
export function presentYear(y: { year: number; unitId: number | null; notice: string; replacesStatutory: boolean }, codeOf: CodeOf) {
  return { year: y.year, unit: codeOf(y.unitId), notice: y.notice, replacesStatutory: y.replacesStatutory };
}

export function presentYearRow(y: CalendarYearRow, codeOf: CodeOf) {
  return presentYear({ year: y.year, unitId: y.unit_id, notice: y.notice, replacesStatutory: y.replaces_statutory }, codeOf);
}

/** One non-ordinary day of a year view. */
export interface SpecialDay {
  date: string;
  working: boolean;
  kind: string;
  reason: string;
  source: string;
  notice: string | null;
  entryId: number | null;
  entryUnit: string | null;
}

/** Every non-working day and make-up working day of `year`, with reasons and sources. */
export function specialDaysOf(cal: UnitCalendar, year: number, codeOf: CodeOf): SpecialDay[] {
  const out: SpecialDay[] = [];
  const last = isoToDayNumber(`${year}-12-31`);
  for (let day = isoToDayNumber(`${year}-01-01`); day <= last; day++) {
    const date = dayNumberToIso(day);
    const status = cal.calendar.dayStatus(date);
    if (status.kind === 'weekday') continue;
    const entry = cal.entryOn.get(date);
    out.push({
      date,
      working: status.working,
      kind: status.kind,
      reason: status.reason ?? '',
      source: entry ? entry.source : 'weekly_rest',
      notice: entry?.notice ?? null,
      entryId: entry?.id ?? null,
      entryUnit: entry ? codeOf(entry.unitId) : null,
    });
  }
  return out;
}

/** Non-working days strictly after `from` up to `to`, with their reasons. */
export function skippedDays(cal: UnitCalendar, from: string, to: string): { date: string; reason: string }[] {
  const out: { date: string; reason: string }[] = [];
  const last = isoToDayNumber(to);
  for (let day = isoToDayNumber(from) + 1; day <= last; day++) {
    const date = dayNumberToIso(day);
    const status = cal.calendar.dayStatus(date);
    if (!status.working) out.push({ date, reason: status.reason ?? '' });
  }
  return out;
}
