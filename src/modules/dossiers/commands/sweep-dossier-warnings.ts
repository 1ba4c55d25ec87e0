import type { Db } from '../../../platform/db/pool.ts';
import { dueDate, loadCalendar } from '../../calendar/index.ts';
import { findUnitById } from '../../units/index.ts';
import { insertWarning, listDueSoonCandidates, listReturnedCandidates, listReturnedNotClosed, type ReturnedRow } from '../policy-queries.ts';
import { vietnamDay } from '../rules/pauses.ts';
import { daysNotClosed, isDueSoon, isForgottenReturn, warningAudiences } from '../rules/warnings.ts';

export interface DueSoonOptions {
  /** Warn this many working days ahead (default 1: by the end of the next working day). */
  workingDays?: number;
  /** Or this many working hours ahead (counted in the unit's office hours); wins over workingDays. */
  workingHours?: number;
  /** Dossiers per batch (default 500) and batches per run (default 20). */
  batch?: number;
  maxBatches?: number;
}

export interface SweepResult {
  checked: number;
  warned: number;
}

/**
 * Records a "due soon" warning (rules/warnings.ts) for each running dossier whose appointment falls within the
 * horizon, for its specialist and the leaders of the processing unit: once per dossier and appointment (the unique
 * key makes a repeated or concurrent run insert nothing). Bounded batches; safe to repeat.
 */
export async function warnDossiersDueSoon(db: Db, now: Date, opts: DueSoonOptions = {}): Promise<SweepResult> {
  const batch = opts.batch ?? 500;
  const limit = opts.workingHours !== undefined ? { workingHours: opts.workingHours } : { workingDays: opts.workingDays ?? 1 };
  const spanDays = (limit.workingHours !== undefined ? Math.ceil(limit.workingHours / 8) : (limit.workingDays ?? 1)) * 3 + 14;
  const until = new Date(now.getTime() + spanDays * 86400_000);
  const horizons = new Map<number, Date>();
  const horizonOf = async (unitId: number) => {
    let h = horizons.get(unitId);
    if (!h) {
      h = new Date((await dueDate(db, { unitId, from: now, ...limit })).dueAt);
      horizons.set(unitId, h);
    }
    return h;
  };
  const result: SweepResult = { checked: 0, warned: 0 };
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const candidates = await listDueSoonCandidates(db, now, until, batch);
    let fresh = 0;
    for (const d of candidates) {
      result.checked++;
      const unitId = Number(d.processing_unit_id ?? d.unit_id);
      if (!isDueSoon({ status: d.status, dueAt: new Date(d.due_at) }, now, await horizonOf(unitId))) continue;
      const who = warningAudiences('due_soon', { unitId: Number(d.unit_id), processingUnitId: d.processing_unit_id, assigneeUserId: d.assignee_user_id });
      for (const w of who) {
        if (
          await insertWarning(db, {
            dossierId: d.id,
            kind: 'due_soon',
            audience: w.audience,
            userId: w.userId,
            unitId: w.unitId,
            refDay: d.due_date,
            dueAt: d.due_at,
          })
        ) {
          result.warned++;
          fresh++;
        }
      }
    }
    if (candidates.length < batch || fresh === 0) break;
  }
  return result;
}

/** The working-day calendar of a unit for the years around `today` (cached by the calendar module). */
async function calendarOf(db: Db, unitId: number, today: string) {
  const year = Number(today.slice(0, 4));
  return (await loadCalendar(db, await findUnitById(db, unitId), year - 1, year)).calendar;
}

/**
 * Records a "returned but not closed" warning (quên bấm kết thúc hồ sơ, seed 004) for the desk and the leaders of the
 * receiving unit, once per dossier and return day, for each dossier returned at least `minDays` working days ago and
 * still not closed. Run daily. Bounded batches; safe to repeat.
 */
export async function warnReturnedNotClosed(db: Db, now: Date, opts: { minDays?: number; batch?: number; maxBatches?: number } = {}): Promise<SweepResult> {
  const batch = opts.batch ?? 500;
  const today = vietnamDay(now);
  const result: SweepResult = { checked: 0, warned: 0 };
  // Returned before the start of today (Vietnam): anything returned today has waited no working day yet.
  const startOfToday = new Date(`${today}T00:00:00+07:00`);
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const candidates = await listReturnedCandidates(db, startOfToday, batch);
    let fresh = 0;
    for (const d of candidates) {
      result.checked++;
      const cal = await calendarOf(db, Number(d.unit_id), today);
      if (!isForgottenReturn({ status: d.status, returnedDay: d.returned_day }, cal, today, opts.minDays ?? 1)) continue;
      for (const w of warningAudiences('returned_not_closed', {
        unitId: Number(d.unit_id),
        processingUnitId: d.processing_unit_id,
        assigneeUserId: d.assignee_user_id,
      })) {
        if (
          await insertWarning(db, {
            dossierId: d.id,
            kind: 'returned_not_closed',
            audience: w.audience,
            userId: w.userId,
            unitId: w.unitId,
            refDay: d.returned_day as string,
            dueAt: null,
          })
        ) {
          result.warned++;
          fresh++;
        }
      }
    }
    if (candidates.length < batch || fresh === 0) break;
  }
  return result;
}

/** A returned-but-not-closed dossier with the working days it has waited. */
export type ForgottenReturn = ReturnedRow & { waitingDays: number };

/** The units' dossiers returned but not closed for at least `minDays` working days, oldest first (the daily list). */
export async function listForgottenReturns(db: Db, unitIds: number[], now: Date, minDays = 1, limit = 500): Promise<ForgottenReturn[]> {
  const today = vietnamDay(now);
  const out: ForgottenReturn[] = [];
  for (const r of await listReturnedNotClosed(db, unitIds, limit)) {
    const waitingDays = daysNotClosed(await calendarOf(db, Number(r.unit_id), today), r.returned_day, today);
    if (waitingDays >= minDays) out.push({ ...r, waitingDays });
  }
  return out;
}
