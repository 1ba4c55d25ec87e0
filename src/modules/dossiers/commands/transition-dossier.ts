import { type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DossierRow, findDossierById, insertEvent, updateDossier } from '../queries.ts';
import { type DossierAction, type DossierState, planTransition } from '../rules/lifecycle.ts';
import type { TransitionInput } from '../schema.ts';

export function stateOf(d: DossierRow): DossierState {
  return { status: d.status, pausedFrom: d.paused_from, dueAt: new Date(d.due_at) };
}

/** 409 unless the caller saw the dossier's current version (two clerks acting at once: the second is told). */
export function checkVersion(d: DossierRow, seen: number): void {
  if (seen !== d.version) {
    throw new AppError('CONFLICT', {
      detail: {
        vi: `Hồ sơ vừa được người khác cập nhật (bạn đang xem phiên bản ${seen}, hiện tại là ${d.version}). Hãy tải lại hồ sơ và thao tác lại.`,
        en: `The dossier was just updated by someone else (you saw version ${seen}; it is now ${d.version}). Reload it and try again.`,
      },
      extra: { currentVersion: d.version },
    });
  }
}

// The milestone each action stamps (kept for the register book, the control sheet and the indicators).
const milestones: Partial<Record<DossierAction, SQL>> = {
  accept: sql`accepted_at`,
  refuse: sql`refused_at`,
  submit_for_approval: sql`submitted_at`,
  approve: sql`approved_at`,
  mark_result_ready: sql`result_at`,
  return_result: sql`returned_at`,
  close: sql`closed_at`,
  withdraw: sql`ended_at`,
  stop: sql`ended_at`,
};

export interface TransitionExtras {
  /** More columns to set in the same update. */
  sets?: SQL[];
  /** Facts for the timeline and the audit row (never personal data). */
  data?: Record<string, unknown>;
  /** The unit the action happens at (default: the processing unit, else the receiving unit). */
  unitId?: number;
  /** Hand-overs: the unit receiving the dossier. */
  toUnitId?: number | null;
}

/**
 * Moves a dossier along its lifecycle: checks the version the caller saw (409), asks the state machine whether the
 * action is allowed now (422, naming both statuses, or the lateness rule), then updates the dossier, appends the
 * timeline event and writes the audit row, all in the caller's transaction. The caller has locked the dossier
 * (lockDossierByCode) and checked the actor's permission on its units.
 */
export async function transitionDossier(
  tx: Db,
  actor: Actor,
  d: DossierRow,
  action: DossierAction,
  input: TransitionInput,
  now: Date,
  extras: TransitionExtras = {},
): Promise<DossierRow> {
  checkVersion(d, input.version);
  const plan = planTransition(stateOf(d), action, now);
  if (!plan.ok) throw new AppError('UNPROCESSABLE', { detail: plan.message, extra: { reason: plan.reason, status: d.status, action } });
  const sets: SQL[] = [sql`status = ${plan.to}`, ...(extras.sets ?? [])];
  const stamp = milestones[action];
  if (stamp) sets.push(sql`${stamp} = ${now.toISOString()}::timestamptz`);
  if (plan.to !== 'supplement_requested') sets.push(sql`paused_from = NULL`);
  await updateDossier(tx, d.id, sets);
  await insertEvent(tx, {
    dossierId: d.id,
    action,
    fromStatus: d.status,
    toStatus: plan.to,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    unitId: extras.unitId ?? d.processing_unit_id ?? d.unit_id,
    toUnitId: extras.toUnitId ?? null,
    at: now,
    internalNote: input.note ?? null,
    publicNote: input.publicNote ?? null,
    data: extras.data,
  });
  await recordAudit(tx, actor, {
    action: `dossier.${action}`,
    entityType: 'dossier',
    entityId: d.code,
    unitId: d.unit_id,
    before: { status: d.status, version: d.version },
    after: { status: plan.to, version: d.version + 1, ...extras.data },
  });
  return (await findDossierById(tx, d.id)) as DossierRow;
}
