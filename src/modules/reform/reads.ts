/** Reads other modules (reports, the lead's dashboards) use: the models units run, and who breaks the plans' rules. */
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { findUnitById, listUnits } from '../units/index.ts';
import { listModels, registrationsOn, registrationsUnder } from './queries.ts';
import { type ComplianceIssue, complianceIssues as judge, referenceDay } from './rules/compliance.ts';

export interface ModelRun {
  registrationId: number;
  modelId: number;
  code: string;
  name: string;
  /** The model's row in MODELS.md (M1 … M15), which says which figures report on it. */
  catalogueCode: string;
  sameDay: boolean;
  fromDate: string;
  toDate: string | null;
  /** Catalogue codes of the procedures registered for same-day settling (empty for other models). */
  procedures: string[];
}

/** The models each unit runs on a day (YYYY-MM-DD): every unit asked for is a key, with an empty list when none. */
export async function modelsRunBy(db: Db, unitIds: number[], on: string): Promise<Map<number, ModelRun[]>> {
  const out = new Map<number, ModelRun[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return out;
  for (const r of await registrationsOn(db, on, unitIds)) {
    out.get(r.unit_id)?.push({
      registrationId: r.id,
      modelId: r.model_id,
      code: r.model_code,
      name: r.model_name,
      catalogueCode: r.catalogue_code,
      sameDay: r.same_day,
      fromDate: r.from_date,
      toDate: r.to_date,
      procedures: r.procedures.map((p) => p.code),
    });
  }
  return out;
}

/**
 * The units under `rootUnitId` (itself included) that break a rule of the plans in `year` (rules/compliance.ts),
 * judged on the year's last day or on `today` (default: today in Vietnam) during the year; `unitIds` narrows the units
 * judged (e.g. to those the caller may see).
 * @throws AppError UNIT_NOT_FOUND; VALIDATION_FAILED for a year still to come or before 2000
 */
export async function complianceIssues(
  db: Db,
  opts: { rootUnitId: number; year: number; today?: string; unitIds?: number[] },
): Promise<{ day: string; issues: ComplianceIssue[] }> {
  const root = await findUnitById(db, opts.rootUnitId);
  if (!root) throw new AppError('UNIT_NOT_FOUND');
  const day = referenceDay(opts.year, opts.today ?? todayInVietnam(new Date()));
  if (!day) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field: 'year', message: { vi: 'Năm phải từ 2000 đến năm hiện tại', en: 'The year must be between 2000 and this year' } }],
    });
  }
  const only = opts.unitIds ? new Set(opts.unitIds) : null;
  const units = (await listUnits(db))
    .filter((u) => u.path.startsWith(root.path) && (only === null || only.has(u.id)))
    .map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, path: u.path, merged: u.merged_into_id !== null }));
  const models = (await listModels(db)).map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    issuerPath: m.issuer_path,
    mandatory: m.mandatory,
    choicePool: m.choice_pool,
    startsOn: m.starts_on,
    endsOn: m.ends_on,
  }));
  const registrations = await registrationsUnder(db, root.path);
  return { day, issues: judge(units, models, registrations, opts.year, day) };
}
