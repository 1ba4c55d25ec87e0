/**
 * SQL of same-day policies (unit_service_policies), the policy recorded on each dossier, same-day measures, and the
 * stored warnings (dossier_warnings). Kept apart from queries.ts so the policy work does not touch the core queries.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { DossierStatus } from './rules/lifecycle.ts';
import type { PolicyKind, ServicePolicy } from './rules/service-policy.ts';
import type { WarningAudience, WarningKind } from './rules/warnings.ts';

type Moment = Date | string;

export interface PolicyRow {
  id: number;
  unit_id: number;
  kind: PolicyKind;
  name: string | null;
  threshold_days: number | null;
  weekdays: number[] | null;
  max_days: number | null;
  procedure_ids: number[] | null;
  procedure_codes: string[] | null;
  enabled: boolean;
  valid_from: string | null;
  valid_to: string | null;
  source: string | null;
  created_by: number | null;
  created_at: Moment;
  updated_at: Moment;
}

const policyColumns = sql`sp.id, sp.unit_id, sp.kind, sp.name, sp.threshold_days, sp.weekdays, sp.max_days,
  sp.procedure_ids::bigint[] AS procedure_ids,
  (SELECT array_agg(p.code ORDER BY p.code) FROM procedures p WHERE p.id = ANY(sp.procedure_ids)) AS procedure_codes,
  sp.enabled, sp.valid_from, sp.valid_to, sp.source, sp.created_by, sp.created_at, sp.updated_at`;

/** A row as the pure rule sees it. */
export function toPolicy(
  r: Pick<PolicyRow, 'id' | 'name' | 'enabled' | 'valid_from' | 'valid_to' | 'threshold_days' | 'weekdays' | 'max_days' | 'procedure_ids'> & { kind: string },
): ServicePolicy {
  return {
    id: Number(r.id),
    kind: r.kind as PolicyKind,
    name: r.name,
    enabled: r.enabled,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    thresholdDays: r.threshold_days,
    weekdays: r.weekdays?.map(Number) ?? null,
    maxDays: r.max_days,
    procedureIds: r.procedure_ids?.map(Number) ?? null,
  };
}

/** A unit's policies, enabled or not, oldest first. */
export function listUnitPolicies(db: Db, unitId: number): Promise<PolicyRow[]> {
  return rows<PolicyRow>(db, sql`SELECT ${policyColumns} FROM unit_service_policies sp WHERE sp.unit_id = ${unitId} ORDER BY sp.id`);
}

/** The enabled policies of a unit (the rule checks their dates). */
export function listEnabledPolicies(db: Db, unitId: number): Promise<PolicyRow[]> {
  return rows<PolicyRow>(db, sql`SELECT ${policyColumns} FROM unit_service_policies sp WHERE sp.unit_id = ${unitId} AND sp.enabled ORDER BY sp.id`);
}

export function findPolicy(db: Db, id: number, lock = false): Promise<PolicyRow | null> {
  return one<PolicyRow>(db, sql`SELECT ${policyColumns} FROM unit_service_policies sp WHERE sp.id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`);
}

export interface NewPolicy {
  unitId: number;
  kind: PolicyKind;
  name: string | null;
  thresholdDays: number | null;
  weekdays: number[] | null;
  maxDays: number | null;
  procedureIds: number[] | null;
  enabled: boolean;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
  createdBy: number | null;
}

const intArray = (xs: number[] | null) => (xs === null ? null : `{${xs.join(',')}}`);

export async function insertPolicy(db: Db, n: NewPolicy): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO unit_service_policies (unit_id, kind, name, threshold_days, weekdays, max_days, procedure_ids, enabled, valid_from, valid_to, source, created_by)
        VALUES (${n.unitId}, ${n.kind}, ${n.name}, ${n.thresholdDays}, ${intArray(n.weekdays)}::int[], ${n.maxDays}, ${intArray(n.procedureIds)}::bigint[],
                ${n.enabled}, ${n.validFrom}::date, ${n.validTo}::date, ${n.source}, ${n.createdBy})
        RETURNING id`,
  );
  return Number(r?.id);
}

export async function updatePolicySwitch(db: Db, id: number, enabled: boolean, validTo: string | null | undefined): Promise<void> {
  await db.execute(
    sql`UPDATE unit_service_policies SET enabled = ${enabled}, updated_at = now()
        ${validTo === undefined ? sql`` : sql`, valid_to = ${validTo}::date`} WHERE id = ${id}`,
  );
}

export interface DossierPolicyRow {
  same_day: boolean;
  service_policy: PolicyKind | null;
  service_policy_name: string | null;
  normal_due_date: string | null;
}

export function findDossierPolicy(db: Db, dossierId: number): Promise<DossierPolicyRow | null> {
  return one<DossierPolicyRow>(db, sql`SELECT same_day, service_policy, service_policy_name, normal_due_date FROM dossiers WHERE id = ${dossierId}`);
}

export interface SameDayStat {
  /** The policy kind, or null for dossiers received under no policy. */
  policy: PolicyKind | null;
  received: number;
  sameDay: number;
  settled: number;
  settledOnTime: number;
}

/**
 * Same-day measures of a unit over receipt days `from`–`to` (inclusive), per policy applied at intake: dossiers
 * received, same-day ones, settled (result ready), and settled on time (result no later than the appointment).
 * For the indicators (issue 4 item 8, "same-day rate").
 */
export async function sameDayStats(db: Db, unitId: number, from: string, to: string): Promise<SameDayStat[]> {
  const r = await rows<{ policy: PolicyKind | null; received: number; same_day: number; settled: number; settled_on_time: number }>(
    db,
    sql`SELECT service_policy AS policy, count(*)::int AS received, count(*) FILTER (WHERE same_day)::int AS same_day,
               count(*) FILTER (WHERE result_at IS NOT NULL)::int AS settled,
               count(*) FILTER (WHERE result_at IS NOT NULL AND result_at <= due_at)::int AS settled_on_time
          FROM dossiers WHERE unit_id = ${unitId} AND receipt_day BETWEEN ${from}::date AND ${to}::date
         GROUP BY service_policy ORDER BY service_policy NULLS LAST`,
  );
  return r.map((x) => ({ policy: x.policy, received: x.received, sameDay: x.same_day, settled: x.settled, settledOnTime: x.settled_on_time }));
}

// Warnings -------------------------------------------------------------------------------------------------------

export interface WarningCandidate {
  id: number;
  code: string;
  status: DossierStatus;
  unit_id: number;
  processing_unit_id: number | null;
  assignee_user_id: number | null;
  due_date: string;
  due_at: Moment;
  returned_day: string | null;
}

/**
 * Running dossiers due after `now` and before `until` (a generous bound: the rule decides with the unit's calendar)
 * that have no due-soon warning for their current appointment yet, earliest first, at most `limit`.
 */
export function listDueSoonCandidates(db: Db, now: Date, until: Date, limit: number): Promise<WarningCandidate[]> {
  return rows<WarningCandidate>(
    db,
    sql`SELECT d.id, d.code, d.status, d.unit_id, d.processing_unit_id, d.assignee_user_id, d.due_date, d.due_at, NULL AS returned_day
          FROM dossiers d
         WHERE d.status IN ('received', 'accepted', 'in_processing', 'pending_approval', 'approved')
           AND d.due_at > ${now.toISOString()}::timestamptz AND d.due_at <= ${until.toISOString()}::timestamptz
           AND NOT EXISTS (SELECT 1 FROM dossier_warnings w WHERE w.dossier_id = d.id AND w.kind = 'due_soon' AND w.ref_day = d.due_date AND w.audience = 'leader')
         ORDER BY d.due_at, d.id LIMIT ${limit}`,
  );
}

/** Returned dossiers returned before `before`, not yet warned about for that return day, oldest first. */
export function listReturnedCandidates(db: Db, before: Date, limit: number): Promise<WarningCandidate[]> {
  return rows<WarningCandidate>(
    db,
    sql`SELECT d.id, d.code, d.status, d.unit_id, d.processing_unit_id, d.assignee_user_id, d.due_date, d.due_at,
               to_char(d.returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS returned_day
          FROM dossiers d
         WHERE d.status = 'returned' AND d.returned_at < ${before.toISOString()}::timestamptz
           AND NOT EXISTS (SELECT 1 FROM dossier_warnings w WHERE w.dossier_id = d.id AND w.kind = 'returned_not_closed' AND w.audience = 'leader'
                             AND w.ref_day = (d.returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
         ORDER BY d.returned_at, d.id LIMIT ${limit}`,
  );
}

/** Stores a warning; a repeat (same dossier, kind, audience, reference day) does nothing. Returns whether it was new. */
export async function insertWarning(
  db: Db,
  w: { dossierId: number; kind: WarningKind; audience: WarningAudience; userId: number | null; unitId: number; refDay: string; dueAt: Moment | null },
): Promise<boolean> {
  const res = await db.execute(
    sql`INSERT INTO dossier_warnings (dossier_id, kind, audience, recipient_user_id, unit_id, ref_day, due_at)
        VALUES (${w.dossierId}, ${w.kind}, ${w.audience}, ${w.userId}, ${w.unitId}, ${w.refDay}::date,
                ${w.dueAt === null ? null : new Date(w.dueAt).toISOString()}::timestamptz)
        ON CONFLICT ON CONSTRAINT dossier_warnings_once DO NOTHING`,
  );
  return (res.rowCount ?? 0) > 0;
}

export interface WarningRow {
  id: number;
  kind: WarningKind;
  audience: WarningAudience;
  ref_day: string;
  due_at: Moment | null;
  created_at: Moment;
  code: string;
  status: DossierStatus;
  procedure_name: string;
  unit_name: string;
}

/**
 * Warnings still current (the dossier is still running / still returned and not closed) addressed to the user, or
 * to the given audiences of the given units; newest first.
 */
export function listCurrentWarnings(
  db: Db,
  f: { userId: number | null; units: { unitIds: number[]; audiences: WarningAudience[] } | null; limit: number },
): Promise<WarningRow[]> {
  const mine = f.userId === null ? sql`false` : sql`(w.audience = 'assignee' AND w.recipient_user_id = ${f.userId})`;
  const unitCond =
    f.units && f.units.unitIds.length > 0 && f.units.audiences.length > 0
      ? sql`(w.unit_id = ANY(${`{${f.units.unitIds.join(',')}}`}::bigint[]) AND w.audience = ANY(${`{${f.units.audiences.join(',')}}`}::text[]))`
      : sql`false`;
  return rows<WarningRow>(
    db,
    sql`SELECT DISTINCT ON (w.dossier_id, w.kind) w.id, w.kind, w.audience, w.ref_day, w.due_at, w.created_at, d.code, d.status,
               v.name AS procedure_name, u.name AS unit_name
          FROM dossier_warnings w
          JOIN dossiers d ON d.id = w.dossier_id
          JOIN procedure_versions v ON v.id = d.procedure_version_id
          JOIN units u ON u.id = w.unit_id
         WHERE (${mine} OR ${unitCond})
           AND ((w.kind = 'due_soon' AND d.status IN ('received', 'accepted', 'in_processing', 'pending_approval', 'approved') AND w.ref_day = d.due_date)
             OR (w.kind = 'returned_not_closed' AND d.status = 'returned'))
         ORDER BY w.dossier_id, w.kind, w.created_at DESC
         LIMIT ${f.limit}`,
  );
}

export interface ReturnedRow {
  id: number;
  code: string;
  unit_id: number;
  unit_name: string;
  procedure_name: string;
  applicant_name: string;
  returned_at: Moment;
  returned_day: string;
  return_channel: string | null;
}

/** Dossiers of the units whose result was returned and which are not closed, oldest return first. */
export function listReturnedNotClosed(db: Db, unitIds: number[], limit: number): Promise<ReturnedRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return rows<ReturnedRow>(
    db,
    sql`SELECT d.id, d.code, d.unit_id, u.name AS unit_name, v.name AS procedure_name, d.applicant_name, d.returned_at, d.return_channel,
               to_char(d.returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS returned_day
          FROM dossiers d JOIN units u ON u.id = d.unit_id JOIN procedure_versions v ON v.id = d.procedure_version_id
         WHERE d.status = 'returned' AND d.unit_id = ANY(${`{${unitIds.join(',')}}`}::bigint[])
         ORDER BY d.returned_at, d.id LIMIT ${limit}`,
  );
}
