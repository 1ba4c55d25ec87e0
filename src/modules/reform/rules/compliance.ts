/**
 * Which units break the rules of the reform-model plans, for one year (pure: the caller passes the data and the day).
 *
 * - mandatory_model (seed 000, Kế hoạch thành phố Cao Lãnh 2023, IV.2.2 "Lưu ý"): every province model and the city's two
 *   models are mandatory ("bắt buộc phải triển khai thực hiện") for every commune and ward: each mandatory model issued by
 *   the unit or a unit above it, in force on the reference day, must be run by the commune or ward on that day.
 * - optional_model (same note): each commune and ward picks at least one of the remaining models ("lựa chọn tối thiểu từ
 *   01 mô hình"): where a unit above it issued models of the optional pool (choice_pool), it must run one on that day.
 * - new_model_yearly (seed 001, Quyết định 1390/QĐ-UBND-HC, III.1: "Hằng năm, có ít nhất 01 mô hình, cách làm hay"):
 *   every department (units.kind 'department') starts at least one model in the year that it had not run before.
 *
 * The reference day is the year's last day, or today while the year runs (so a model dropped in March counts as missing).
 */
import { coversDay } from './days.ts';

export const complianceRules = ['mandatory_model', 'optional_model', 'new_model_yearly'] as const;
export type ComplianceRule = (typeof complianceRules)[number];

export interface ComplianceUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  merged: boolean;
}

export interface ComplianceModel {
  id: number;
  code: string;
  name: string;
  /** The issuing unit's materialised path ('/1/5/'). */
  issuerPath: string;
  mandatory: boolean;
  choicePool: boolean;
  startsOn: string;
  endsOn: string | null;
}

export interface ComplianceRegistration {
  unitId: number;
  modelId: number;
  fromDate: string;
  toDate: string | null;
}

export interface ComplianceIssue {
  unit: { id: number; code: string; name: string; kind: string };
  rule: ComplianceRule;
  /** mandatory_model: the models missing; optional_model: the models to choose from; new_model_yearly: none. */
  models: { code: string; name: string }[];
}

/** Kinds of unit the seed-000 rules bind: communes and wards (xã, phường). */
export const COMMUNE_KINDS = ['commune', 'ward'] as const;

/**
 * The day a year's compliance is judged on: the year's last day, or `today` during the year; null for a year still to
 * come or before the plans (2000) — a period in the future is bad input, never an empty list.
 */
export function referenceDay(year: number, today: string): string | null {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > current) return null;
  return year === current ? today : `${year}-12-31`;
}

const inForce = (m: ComplianceModel, day: string) => coversDay({ from: m.startsOn, to: m.endsOn }, day);

/**
 * The rule breaches of `units` in `year`, judged on `day` (see referenceDay), ordered by unit path then rule.
 * `models` and `registrations` may hold more than these units need.
 */
export function complianceIssues(
  units: ComplianceUnit[],
  models: ComplianceModel[],
  registrations: ComplianceRegistration[],
  year: number,
  day: string,
): ComplianceIssue[] {
  const byUnit = new Map<number, ComplianceRegistration[]>();
  for (const r of registrations) {
    const list = byUnit.get(r.unitId) ?? [];
    list.push(r);
    byUnit.set(r.unitId, list);
  }
  const runsOn = (unitId: number, modelId: number) =>
    (byUnit.get(unitId) ?? []).some((r) => r.modelId === modelId && coversDay({ from: r.fromDate, to: r.toDate }, day));
  const yearStart = `${year}-01-01`;
  const out: ComplianceIssue[] = [];
  for (const u of [...units].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (u.merged) continue;
    const unit = { id: u.id, code: u.code, name: u.name, kind: u.kind };
    if ((COMMUNE_KINDS as readonly string[]).includes(u.kind)) {
      const missing = models.filter((m) => m.mandatory && u.path.startsWith(m.issuerPath) && inForce(m, day) && !runsOn(u.id, m.id));
      if (missing.length) out.push({ unit, rule: 'mandatory_model', models: missing.map((m) => ({ code: m.code, name: m.name })) });
      const pool = models.filter((m) => m.choicePool && !m.mandatory && u.path.startsWith(m.issuerPath) && u.path !== m.issuerPath && inForce(m, day));
      if (pool.length && !pool.some((m) => runsOn(u.id, m.id))) {
        out.push({ unit, rule: 'optional_model', models: pool.map((m) => ({ code: m.code, name: m.name })) });
      }
    }
    if (u.kind === 'department') {
      const regs = byUnit.get(u.id) ?? [];
      const startedNew = regs.some(
        (r) => r.fromDate >= yearStart && r.fromDate <= day && !regs.some((o) => o !== r && o.modelId === r.modelId && o.fromDate < r.fromDate),
      );
      if (!startedNew) out.push({ unit, rule: 'new_model_yearly', models: [] });
    }
  }
  return out;
}
