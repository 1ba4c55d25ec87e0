import type { DialogueKind } from './schedule.ts';

/** A calendar quarter, e.g. 2026-Q4 (October to December 2026). */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** Reads `2026-Q4` (case-insensitive); null when it is not a quarter between 2000 and 2100. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^([0-9]{4})-Q([1-4])$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return { year, quarter: Number(m[2]) as Quarter['quarter'] };
}

export const quarterKey = (q: Quarter) => `${q.year}-Q${q.quarter}`;

/** The quarter a day (YYYY-MM-DD) falls in. */
export function quarterOf(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  return { year: Number(day.slice(0, 4)), quarter: Math.ceil(month / 3) as Quarter['quarter'] };
}

/** The quarter before or after. */
export function shiftQuarter(q: Quarter, by: number): Quarter {
  const n = q.year * 4 + (q.quarter - 1) + by;
  return { year: Math.floor(n / 4), quarter: ((n % 4) + 1) as Quarter['quarter'] };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A period a dialogue is due in: a quarter or a month, as first and last day (inclusive). */
export interface Period {
  key: string;
  kind: 'quarter' | 'month';
  from: string;
  to: string;
}

export function quarterPeriod(q: Quarter): Period {
  const m1 = (q.quarter - 1) * 3 + 1;
  return { key: quarterKey(q), kind: 'quarter', from: `${q.year}-${pad(m1)}-01`, to: `${q.year}-${pad(m1 + 2)}-${lastDay(q.year, m1 + 2)}` };
}

export function monthsOf(q: Quarter): Period[] {
  const m1 = (q.quarter - 1) * 3 + 1;
  return [m1, m1 + 1, m1 + 2].map((m) => ({
    key: `${q.year}-${pad(m)}`,
    kind: 'month',
    from: `${q.year}-${pad(m)}-01`,
    to: `${q.year}-${pad(m)}-${lastDay(q.year, m)}`,
  }));
}

/** Unit kinds that must hold each kind of dialogue (administrative territories; not departments, police, post offices). */
const REQUIRED: Record<DialogueKind, ReadonlySet<string>> = {
  radio: new Set(['province', 'city', 'town', 'district', 'commune', 'ward']),
  business_coffee: new Set(['province', 'city', 'town', 'district', 'commune', 'ward']),
};

/**
 * The periods in which a unit must hold a dialogue of a kind in a quarter: the radio dialogue "Chính quyền đồng hành
 * cùng Nhân dân" once a month at a province and once a quarter at a city, town, district, commune or ward; the business
 * coffee "Cà phê Doanh nhân – Doanh nghiệp" once a quarter at each of them. None for other units.
 */
export function requiredPeriods(unitKind: string, kind: DialogueKind, q: Quarter): Period[] {
  if (!REQUIRED[kind].has(unitKind)) return [];
  if (kind === 'radio' && unitKind === 'province') return monthsOf(q);
  return [quarterPeriod(q)];
}

export interface CoverageUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  merged: boolean;
}

/** A dialogue held (status held), by the day in Vietnam it started. */
export interface HeldDialogue {
  unitId: number;
  kind: DialogueKind;
  day: string;
}

/** held: a dialogue was held in the period; missing: the period is over without one; due: the period is not over yet. */
export type PeriodState = 'held' | 'missing' | 'due';

export interface CoverageRow {
  unit: CoverageUnit;
  kind: DialogueKind;
  periods: (Period & { state: PeriodState; count: number })[];
  /** Every period held. */
  complete: boolean;
}

/**
 * Which units of a subtree have held the dialogues due in a quarter, and which have not: for each unit that must hold
 * a kind (requiredPeriods) and each period, the dialogues held in it. Units merged away are left out. `today` (the
 * day in Vietnam) tells a period that is over without a dialogue (missing) from one still running (due). Pure.
 */
export function coverage(units: readonly CoverageUnit[], held: readonly HeldDialogue[], q: Quarter, today: string): CoverageRow[] {
  const out: CoverageRow[] = [];
  for (const unit of units) {
    if (unit.merged) continue;
    for (const kind of ['radio', 'business_coffee'] as const) {
      const periods = requiredPeriods(unit.kind, kind, q).map((p) => {
        const count = held.filter((h) => h.unitId === unit.id && h.kind === kind && h.day >= p.from && h.day <= p.to).length;
        const state: PeriodState = count > 0 ? 'held' : today > p.to ? 'missing' : 'due';
        return { ...p, state, count };
      });
      if (periods.length) out.push({ unit, kind, periods, complete: periods.every((p) => p.state === 'held') });
    }
  }
  return out;
}
