import type { Db } from '../../../platform/db/pool.ts';
import { type DueDateResult, dueDate } from '../../calendar/index.ts';
import { isRegisteredSameDay, type VersionRow } from '../../procedures/index.ts';
import type { UnitRow } from '../../units/index.ts';
import { listEnabledPolicies, toPolicy } from '../policy-queries.ts';
import { vietnamDay } from '../rules/pauses.ts';
import { decideAppointment, type PolicyDecision, type ServicePolicy } from '../rules/service-policy.ts';

export type AppointmentWithPolicy = DueDateResult & { decision: PolicyDecision };

/** The columns of a procedure version the appointment needs. */
export type AppointmentVersion = Pick<VersionRow, 'procedure_id' | 'time_limit_value' | 'time_limit_unit' | 'cutoff_hour' | 'same_day_eligible'>;

/** What the policy decision reads, when the caller has read it already (intake reads it in one statement). */
export interface PolicyInputs {
  policies: ServicePolicy[];
  registeredSameDay: boolean;
  /** calendar_state.version read with them (calendar cache check). */
  calendarVersion: number;
}

/**
 * The appointment of a dossier being received, under the unit's same-day policies (rules/service-policy.ts): the
 * unit's enabled policies and, only when there are any, the procedure's registration for same-day settlement and the
 * end of today's office hours (`known`, or loaded here); returns the ordinary due date with its date and moment
 * replaced when a policy applies. Writes nothing: intake records the decision with the dossier.
 */
export async function applyServicePolicy(
  tx: Db,
  unit: UnitRow,
  version: AppointmentVersion,
  now: Date,
  normal: DueDateResult,
  known?: PolicyInputs,
): Promise<AppointmentWithPolicy> {
  const policies = known ? known.policies : (await listEnabledPolicies(tx, unit.id)).map(toPolicy);
  const receivedDay = vietnamDay(now);
  if (policies.length === 0) {
    return {
      ...normal,
      decision: { sameDay: normal.date === receivedDay, dueDate: normal.date, dueAt: normal.dueAt, normalDueDate: normal.date, policy: null },
    };
  }
  const [registered, endOfDay] = await Promise.all([
    known ? known.registeredSameDay : isRegisteredSameDay(tx, unit.id, version.procedure_id),
    dueDate(tx, { unit, from: now, workingDays: 0, cutoffHour: version.cutoff_hour, calendarVersion: known?.calendarVersion }),
  ]);
  const decision = decideAppointment({
    policies,
    procedure: {
      id: Number(version.procedure_id),
      timeLimit: { value: Number(version.time_limit_value), unit: version.time_limit_unit as 'working_days' | 'working_hours' },
      sameDayEligible: version.same_day_eligible,
      registeredSameDay: registered,
    },
    receivedDay,
    normal,
    endOfReceiptDay: endOfDay.dueAt,
  });
  return { ...normal, date: decision.dueDate, dueAt: decision.dueAt, decision };
}

/**
 * The appointment a dossier of this procedure version would get if received now at the unit (the new-dossier page
 * tells the clerk which policy applies before the citizen hands the dossier in). Same computation as intake.
 */
export async function previewAppointment(db: Db, unit: UnitRow, version: AppointmentVersion, now: Date): Promise<AppointmentWithPolicy> {
  const limit = Number(version.time_limit_value);
  const hours = version.time_limit_unit === 'working_hours' || !Number.isInteger(limit);
  const normal = await dueDate(db, {
    unit,
    from: now,
    ...(hours ? { workingHours: Math.round(version.time_limit_unit === 'working_hours' ? limit : limit * 8) } : { workingDays: limit }),
    cutoffHour: version.cutoff_hour,
  });
  return applyServicePolicy(db, unit, version, now, normal);
}
