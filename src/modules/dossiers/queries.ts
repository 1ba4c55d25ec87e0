import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, onePrepared, rows } from '../../platform/db/query.ts';
import { versionInForceOn } from '../procedures/index.ts';
import { type UnitJson, type UnitRow, unitFromJson, unitJson } from '../units/index.ts';
import type { AttachmentMime } from './rules/attachments.ts';
import type { DossierStatus } from './rules/lifecycle.ts';

/** Timestamps arrive as text from drizzle's node-postgres driver, as Date from raw pg: accept both. */
export type Moment = Date | string;

export interface DossierRow {
  id: number;
  code: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  procedure_id: number;
  procedure_code: string;
  procedure_version_id: number;
  procedure_version: number;
  procedure_name: string;
  channel: 'desk' | 'online' | 'post' | 'home';
  status: DossierStatus;
  paused_from: DossierStatus | null;
  // PERSONAL DATA
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  documents: string[];
  note: string | null;
  received_at: Moment;
  receipt_day: string;
  counts_from: string;
  accepted_at: Moment | null;
  refused_at: Moment | null;
  processing_started_at: Moment | null;
  submitted_at: Moment | null;
  approved_at: Moment | null;
  result_at: Moment | null;
  returned_at: Moment | null;
  return_channel: string | null;
  closed_at: Moment | null;
  ended_at: Moment | null;
  due_date: string;
  due_at: Moment;
  original_due_date: string;
  paused_working_days: number;
  extension_count: number;
  processing_unit_id: number | null;
  processing_unit_code: string | null;
  processing_unit_name: string | null;
  processing_unit_path: string | null;
  assignee_user_id: number | null;
  assignee_username: string | null;
  assignee_name: string | null;
  online: boolean;
  paid_online: boolean;
  digitised: boolean;
  electronic_result: boolean;
  reused_documents: boolean;
  same_day: boolean;
  /** The same-day or no-appointment policy applied at intake, and the due date it replaced. */
  service_policy: string | null;
  service_policy_name: string | null;
  normal_due_date: string | null;
  version: number;
  idempotency_key: string | null;
  created_by: number | null;
  created_at: Moment;
  updated_at: Moment;
}

const columns = sql`d.id, d.code, d.unit_id, ru.code AS unit_code, ru.name AS unit_name, ru.path AS unit_path,
  d.procedure_id, p.code AS procedure_code, d.procedure_version_id, v.version AS procedure_version, v.name AS procedure_name,
  d.channel, d.status, d.paused_from, d.applicant_name, d.applicant_id_number, d.applicant_phone, d.applicant_email, d.applicant_address,
  d.documents, d.note, d.received_at, d.receipt_day, d.counts_from, d.accepted_at, d.refused_at, d.processing_started_at, d.submitted_at,
  d.approved_at, d.result_at, d.returned_at, d.return_channel, d.closed_at, d.ended_at, d.due_date, d.due_at, d.original_due_date,
  d.paused_working_days, d.extension_count, d.processing_unit_id, pu.code AS processing_unit_code, pu.name AS processing_unit_name,
  pu.path AS processing_unit_path, d.assignee_user_id, au.username AS assignee_username, au.full_name AS assignee_name,
  d.online, d.paid_online, d.digitised, d.electronic_result, d.reused_documents, d.same_day,
  d.service_policy, d.service_policy_name, d.normal_due_date, d.version, d.idempotency_key,
  d.created_by, d.created_at, d.updated_at`;
/** The columns of DossierRow stored on the dossier itself (the others are joined: unit, procedure, assignee names). */
const ownColumns = sql`id, code, unit_id, procedure_id, procedure_version_id, channel, status, paused_from,
  applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, documents, note,
  received_at, receipt_day, counts_from, accepted_at, refused_at, processing_started_at, submitted_at, approved_at, result_at,
  returned_at, return_channel, closed_at, ended_at, due_date, due_at, original_due_date, paused_working_days, extension_count,
  processing_unit_id, assignee_user_id, online, paid_online, digitised, electronic_result, reused_documents, same_day,
  service_policy, service_policy_name, normal_due_date, version, idempotency_key, created_by, created_at, updated_at`;
const joins = sql`JOIN units ru ON ru.id = d.unit_id
  JOIN procedures p ON p.id = d.procedure_id
  JOIN procedure_versions v ON v.id = d.procedure_version_id
  LEFT JOIN units pu ON pu.id = d.processing_unit_id
  LEFT JOIN users au ON au.id = d.assignee_user_id`;
const from = sql`dossiers d ${joins}`;

export function findDossierByCode(db: Db, code: string): Promise<DossierRow | null> {
  return one<DossierRow>(db, sql`SELECT ${columns} FROM ${from} WHERE d.code = ${code}`);
}

/** Loads and locks a dossier for the rest of the transaction. */
export function lockDossierByCode(db: Db, code: string): Promise<DossierRow | null> {
  return one<DossierRow>(db, sql`SELECT ${columns} FROM ${from} WHERE d.code = ${code} FOR UPDATE OF d`);
}

export function findDossierById(db: Db, id: number): Promise<DossierRow | null> {
  return one<DossierRow>(db, sql`SELECT ${columns} FROM ${from} WHERE d.id = ${id}`);
}

/**
 * The dossier a unit received with this idempotency key, if any. Two statements when there is one: the first, on the
 * unique index alone, is what every intake pays (planning the six-table join is most of a lookup's cost).
 */
export async function findByIdempotencyKey(db: Db, unitId: number, key: string): Promise<DossierRow | null> {
  const hit = await one<{ id: number }>(db, sql`SELECT id FROM dossiers WHERE unit_id = ${unitId} AND idempotency_key = ${key}`);
  return hit ? findDossierById(db, hit.id) : null;
}

/** What intake reads before it numbers a dossier, in one statement: the procedure version in force and the unit's settings. */
export interface IntakeContext {
  version: {
    id: number;
    procedure_id: number;
    code: string;
    version: number;
    time_limit_value: number;
    time_limit_unit: 'working_days' | 'working_hours';
    cutoff_hour: string | null;
    same_day_eligible: boolean;
    name: string;
  };
  /** The agency identifier recorded for the unit's dossier codes, if any. */
  agencyCode: string | null;
  /** calendar_state.version, for the calendar cache check (calendar module). */
  calendarVersion: number;
  /** Whether the unit registered the procedure for same-day settlement (unit_procedures.same_day). */
  registeredSameDay: boolean;
  /** The unit's enabled same-day policies, oldest first (the columns the pure rule reads: policy-queries.ts toPolicy). */
  policies: IntakePolicyRow[];
}

export interface IntakePolicyRow {
  id: number;
  kind: string;
  name: string | null;
  enabled: boolean;
  valid_from: string | null;
  valid_to: string | null;
  threshold_days: number | null;
  weekdays: number[] | null;
  max_days: number | null;
  procedure_ids: number[] | null;
}

/**
 * Everything intake reads, in one round trip: the version of procedure `code` in force on `day` (null: none), the
 * unit's agency code, its enabled same-day policies and its same-day registration of the procedure, and the calendar
 * version. Reads only: nothing is locked.
 */
export async function findIntakeContext(db: Db, unitId: number, code: string, day: string): Promise<IntakeContext | null> {
  return intakeContextOf(await one<IntakeContextColumns>(db, intakeContextSelect(sql`${unitId}::bigint`, code, day)));
}

type IntakeContextColumns = IntakeContext['version'] & Omit<IntakeContext, 'version'>;

/** The SELECT of findIntakeContext for the unit whose id is the SQL `unitId` (a parameter, or a column of an outer query). */
function intakeContextSelect(unitId: SQL, code: string, day: string): SQL {
  return sql`SELECT v.id, v.procedure_id, p.code, v.version, v.name, v.time_limit_value, v.time_limit_unit, v.cutoff_hour, v.same_day_eligible,
          (SELECT s.agency_code FROM unit_dossier_settings s WHERE s.unit_id = ${unitId}) AS "agencyCode",
          (SELECT cs.version FROM calendar_state cs WHERE cs.id = 1) AS "calendarVersion",
          COALESCE((SELECT up.same_day FROM unit_procedures up WHERE up.unit_id = ${unitId} AND up.procedure_id = v.procedure_id), false)
            AS "registeredSameDay",
          COALESCE((SELECT json_agg(json_build_object('id', sp.id, 'kind', sp.kind, 'name', sp.name, 'enabled', sp.enabled,
                      'valid_from', sp.valid_from, 'valid_to', sp.valid_to, 'threshold_days', sp.threshold_days, 'weekdays', sp.weekdays,
                      'max_days', sp.max_days, 'procedure_ids', sp.procedure_ids::bigint[]) ORDER BY sp.id)
                    FROM unit_service_policies sp WHERE sp.unit_id = ${unitId} AND sp.enabled), '[]'::json) AS policies
        FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
        WHERE p.code = ${code} AND ${versionInForceOn(day)}`;
}

function intakeContextOf(row: IntakeContextColumns | null): IntakeContext | null {
  if (!row || row.id === null) return null;
  const { agencyCode, calendarVersion, registeredSameDay, policies, ...version } = row;
  return { version, agencyCode, calendarVersion: Number(calendarVersion), registeredSameDay, policies };
}

/** What an intake request needs before anything is written, found by the codes in the request. */
export interface IntakeRead {
  /** The unit with the code given; null: no such unit. */
  unit: UnitRow | null;
  /** The unit's dossier already made with the request's idempotency key, if any. */
  existingDossierId: number | null;
  /** findIntakeContext for the unit; null: no version of the procedure in force that day. */
  context: IntakeContext | null;
}

/**
 * Intake's one read by the request's codes: the unit, the dossier an earlier request with the same idempotency key
 * made (if any) and the intake context, in one round trip (the API's intake path is measured: npm run bench).
 */
export async function findIntakeByCodes(db: Db, unitCode: string, procedureCode: string, day: string, idempotencyKey: string | null): Promise<IntakeRead> {
  const row = await onePrepared<{ unit: UnitJson; existingId: number | null } & IntakeContextColumns>(
    db,
    sql`SELECT ${unitJson(sql`u`)} AS unit,
          (SELECT d.id FROM dossiers d WHERE d.unit_id = u.id AND d.idempotency_key = ${idempotencyKey}) AS "existingId", c.*
        FROM units u LEFT JOIN LATERAL (${intakeContextSelect(sql`u.id`, procedureCode, day)}) c ON true
        WHERE u.code = ${unitCode}`,
  );
  if (!row) return { unit: null, existingDossierId: null, context: null };
  const { unit, existingId, ...context } = row;
  return { unit: unitFromJson(unit), existingDossierId: existingId === null ? null : Number(existingId), context: intakeContextOf(context) };
}

export interface NewDossier {
  /** `<agency>-<YYMMDD>-` (rules/code.ts dossierCodePrefix): the statement appends the sequence of the day. */
  codePrefix: string;
  /** Zero-padding of the sequence (rules/code.ts SEQUENCE_DIGITS). */
  sequenceDigits: number;
  unitId: number;
  procedureId: number;
  procedureVersionId: number;
  channel: string;
  applicant: { name: string; idNumber: string | null; phone: string | null; email: string | null; address: string | null };
  documents: string[];
  note: string | null;
  receivedAt: Date;
  receiptDay: string;
  countsFrom: string;
  dueDate: string;
  dueAt: string;
  flags: { online: boolean; paidOnline: boolean; digitised: boolean; electronicResult: boolean; reusedDocuments: boolean; sameDay: boolean };
  /** The same-day policy that set the appointment, with the ordinary appointment; null when none applied. */
  servicePolicy: { id: number; kind: string; name: string | null; normalDueDate: string } | null;
  idempotencyKey: string | null;
  createdBy: number | null;
}

/** A dossier just inserted by insertReceivedDossier, with the sequence it got and its first timeline event. */
export interface InsertedDossier {
  dossier: DossierRow;
  sequence: number;
  event: EventRow;
}

/**
 * Numbers and inserts a received dossier with its first timeline event and its audit row, in ONE statement:
 * the per-unit-per-day counter row is incremented (INSERT … ON CONFLICT DO UPDATE, which locks it until the
 * transaction ends, so parallel intakes in any process take turns and a rolled-back intake gives its number back),
 * the code is the prefix and the new number, and the dossier, the event (`event`, its dossier id filled in) and the
 * audit row (`audit`, given the SQL of the new dossier's code) are inserted from it. Run it as the intake's last
 * statement: the counter row is then locked only for this statement and the commit. Returns the dossier as
 * findDossierById would, the sequence and the event as listEvents would.
 *
 * @throws the unique violation dossiers_idempotency_uq when the unit already has a dossier with the idempotency key
 */
export async function insertReceivedDossier(
  db: Db,
  n: NewDossier,
  event: Omit<NewEvent, 'dossierId'>,
  audit: (code: SQL) => SQL,
  /** The joined columns of DossierRow, known to the caller (a new dossier has no processing unit and no assignee). */
  known: { unit: { code: string; name: string; path: string }; procedure: { code: string; version: number; name: string } },
): Promise<InsertedDossier> {
  const p = n.servicePolicy;
  const row = await onePrepared<Record<string, unknown>>(
    db,
    sql`WITH c AS (
          INSERT INTO dossier_code_counters (unit_id, day, last) VALUES (${n.unitId}, ${n.receiptDay}::date, 1)
          ON CONFLICT (unit_id, day) DO UPDATE SET last = dossier_code_counters.last + 1
          RETURNING last
        ), d AS (
          INSERT INTO dossiers (code, unit_id, procedure_id, procedure_version_id, channel, status,
            applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, documents, note,
            received_at, receipt_day, counts_from, due_date, due_at, original_due_date,
            online, paid_online, digitised, electronic_result, reused_documents, same_day,
            service_policy_id, service_policy, service_policy_name, normal_due_date, idempotency_key, created_by)
          SELECT ${n.codePrefix} || lpad(c.last::text, GREATEST(${n.sequenceDigits}::int, length(c.last::text)), '0'),
            ${n.unitId}, ${n.procedureId}, ${n.procedureVersionId}, ${n.channel}, 'received',
            ${n.applicant.name}, ${n.applicant.idNumber}, ${n.applicant.phone}, ${n.applicant.email}, ${n.applicant.address},
            ${JSON.stringify(n.documents)}::jsonb, ${n.note},
            ${n.receivedAt.toISOString()}::timestamptz, ${n.receiptDay}::date, ${n.countsFrom}::date, ${n.dueDate}::date, ${n.dueAt}::timestamptz,
            ${n.dueDate}::date, ${n.flags.online}, ${n.flags.paidOnline}, ${n.flags.digitised}, ${n.flags.electronicResult},
            ${n.flags.reusedDocuments}, ${n.flags.sameDay},
            ${p?.id ?? null}::bigint, ${p?.kind ?? null}, ${p?.name ?? null}, ${p?.normalDueDate ?? null}::date, ${n.idempotencyKey}, ${n.createdBy}
          FROM c
          RETURNING ${ownColumns}
        ), e AS (${eventInsert(event, sql`(SELECT id FROM d)`)}
          RETURNING id, at, data
        ), a AS (${audit(sql`(SELECT code FROM d)`)})
        SELECT d.*, c.last AS sequence, e.id AS ev_id, e.at AS ev_at, e.data AS ev_data,
          (SELECT us.full_name FROM users us WHERE us.id = ${event.actorUserId}::bigint) AS ev_actor_name
        FROM d, c, e`,
  );
  if (!row) throw new Error('intake insert returned no row');
  const { sequence, ev_id, ev_at, ev_data, ev_actor_name, ...own } = row;
  const dossier = {
    ...own,
    unit_code: known.unit.code,
    unit_name: known.unit.name,
    unit_path: known.unit.path,
    procedure_code: known.procedure.code,
    procedure_version: known.procedure.version,
    procedure_name: known.procedure.name,
    processing_unit_code: null,
    processing_unit_name: null,
    processing_unit_path: null,
    assignee_username: null,
    assignee_name: null,
  } as unknown as DossierRow;
  const unit = event.unitId === n.unitId ? known.unit : null;
  const ev: EventRow = {
    id: Number(ev_id),
    action: event.action,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    actor_user_id: event.actorUserId,
    actor_label: event.actorLabel,
    actor_name: (ev_actor_name as string | null) ?? null,
    unit_code: unit?.code ?? null,
    unit_name: unit?.name ?? null,
    to_unit_code: null,
    to_unit_name: null,
    at: ev_at as Moment,
    internal_note: event.internalNote ?? null,
    public_note: event.publicNote ?? null,
    data: ev_data as Record<string, unknown>,
  };
  return { dossier, sequence: Number(sequence), event: ev };
}

/** Applies `sets` to a dossier and moves its version on. */
export async function updateDossier(db: Db, id: number, sets: SQL[]): Promise<void> {
  const all = [...sets, sql`version = version + 1`, sql`updated_at = now()`];
  await db.execute(sql`UPDATE dossiers SET ${sql.join(all, sql`, `)} WHERE id = ${id}`);
}

export interface NewEvent {
  dossierId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: number | null;
  actorLabel: string;
  unitId: number | null;
  toUnitId?: number | null;
  at: Date;
  internalNote?: string | null;
  publicNote?: string | null;
  data?: Record<string, unknown>;
}

export async function insertEvent(db: Db, e: NewEvent): Promise<void> {
  await db.execute(eventInsert(e, sql`${e.dossierId}`));
}

/** The INSERT of a timeline event, not run; `dossierId` is an SQL expression (a parameter, or a CTE's id). */
function eventInsert(e: Omit<NewEvent, 'dossierId'>, dossierId: SQL): SQL {
  return sql`
    INSERT INTO dossier_events (dossier_id, action, from_status, to_status, actor_user_id, actor_label, unit_id, to_unit_id, at, internal_note, public_note, data)
    VALUES (${dossierId}, ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.actorUserId}, ${e.actorLabel}, ${e.unitId}, ${e.toUnitId ?? null},
            ${e.at.toISOString()}::timestamptz, ${e.internalNote ?? null}, ${e.publicNote ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb)`;
}

export interface EventRow {
  id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: number | null;
  actor_label: string;
  actor_name: string | null;
  unit_code: string | null;
  unit_name: string | null;
  to_unit_code: string | null;
  to_unit_name: string | null;
  at: Moment;
  internal_note: string | null;
  public_note: string | null;
  data: Record<string, unknown>;
}

export function listEvents(db: Db, dossierId: number): Promise<EventRow[]> {
  return rows<EventRow>(
    db,
    sql`SELECT e.id, e.action, e.from_status, e.to_status, e.actor_user_id, e.actor_label, us.full_name AS actor_name,
               u.code AS unit_code, u.name AS unit_name, tu.code AS to_unit_code, tu.name AS to_unit_name,
               e.at, e.internal_note, e.public_note, e.data
        FROM dossier_events e
        LEFT JOIN users us ON us.id = e.actor_user_id
        LEFT JOIN units u ON u.id = e.unit_id
        LEFT JOIN units tu ON tu.id = e.to_unit_id
        WHERE e.dossier_id = ${dossierId} ORDER BY e.id`,
  );
}

export interface PauseRow {
  id: number;
  from_status: string;
  missing: string;
  started_at: Moment;
  start_day: string;
  ended_at: Moment | null;
  end_day: string | null;
  working_days: number | null;
}

export async function openPause(db: Db, p: { dossierId: number; fromStatus: string; missing: string; at: Date; day: string; by: number | null }) {
  await db.execute(sql`
    INSERT INTO dossier_pauses (dossier_id, from_status, missing, started_at, start_day, requested_by)
    VALUES (${p.dossierId}, ${p.fromStatus}, ${p.missing}, ${p.at.toISOString()}::timestamptz, ${p.day}::date, ${p.by})`);
}

export function findOpenPause(db: Db, dossierId: number): Promise<PauseRow | null> {
  return one<PauseRow>(
    db,
    sql`SELECT id, from_status, missing, started_at, start_day, ended_at, end_day, working_days FROM dossier_pauses WHERE dossier_id = ${dossierId} AND ended_at IS NULL`,
  );
}

export async function closePause(db: Db, id: number, p: { at: Date; day: string; by: number | null; workingDays: number }) {
  await db.execute(sql`
    UPDATE dossier_pauses SET ended_at = ${p.at.toISOString()}::timestamptz, end_day = ${p.day}::date, resumed_by = ${p.by}, working_days = ${p.workingDays}
    WHERE id = ${id}`);
}

export function listPauses(db: Db, dossierId: number): Promise<PauseRow[]> {
  return rows<PauseRow>(
    db,
    sql`SELECT id, from_status, missing, started_at, start_day, ended_at, end_day, working_days FROM dossier_pauses WHERE dossier_id = ${dossierId} ORDER BY id`,
  );
}

export interface ExtensionRow {
  id: number;
  previous_due_date: string;
  new_due_date: string;
  reason: string;
  issued_at: Moment;
  late_when_issued: boolean;
}

export async function insertExtension(
  db: Db,
  e: { dossierId: number; previous: string; next: string; reason: string; by: number | null; at: Date; late: boolean },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO dossier_extensions (dossier_id, previous_due_date, new_due_date, reason, issued_by, issued_at, late_when_issued)
    VALUES (${e.dossierId}, ${e.previous}::date, ${e.next}::date, ${e.reason}, ${e.by}, ${e.at.toISOString()}::timestamptz, ${e.late})`);
}

export function listExtensions(db: Db, dossierId: number): Promise<ExtensionRow[]> {
  return rows<ExtensionRow>(
    db,
    sql`SELECT id, previous_due_date, new_due_date, reason, issued_at, late_when_issued FROM dossier_extensions WHERE dossier_id = ${dossierId} ORDER BY id`,
  );
}

export interface AttachmentMeta {
  id: number;
  name: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  uploaded_at: Moment;
}

export async function insertAttachment(
  db: Db,
  a: { dossierId: number; name: string; mime: AttachmentMime; content: Buffer; sha256: string; by: number | null },
): Promise<AttachmentMeta> {
  return (await one<AttachmentMeta>(
    db,
    sql`INSERT INTO dossier_attachments (dossier_id, name, mime, size, sha256, content, uploaded_by)
        VALUES (${a.dossierId}, ${a.name}, ${a.mime}, ${a.content.length}, ${a.sha256}, ${a.content}, ${a.by})
        RETURNING id, name, mime, size, sha256, uploaded_at`,
  )) as AttachmentMeta;
}

export function listAttachments(db: Db, dossierId: number): Promise<AttachmentMeta[]> {
  return rows<AttachmentMeta>(db, sql`SELECT id, name, mime, size, sha256, uploaded_at FROM dossier_attachments WHERE dossier_id = ${dossierId} ORDER BY id`);
}

export function findAttachment(db: Db, dossierId: number, id: number): Promise<(AttachmentMeta & { content: Buffer }) | null> {
  return one(db, sql`SELECT id, name, mime, size, sha256, content FROM dossier_attachments WHERE dossier_id = ${dossierId} AND id = ${id}`);
}

export interface RatingRow {
  rating: string;
  official_user_id: number | null;
  comment: string | null;
  channel: string;
  rated_at: Moment;
}

/** Records a rating; returns false when the dossier already has one. */
export async function insertRating(
  db: Db,
  r: { dossierId: number; rating: string; officialUserId: number | null; comment: string | null; channel: string; at: Date },
): Promise<boolean> {
  const row = await one<{ dossier_id: number }>(
    db,
    sql`INSERT INTO dossier_ratings (dossier_id, rating, official_user_id, comment, channel, rated_at)
        VALUES (${r.dossierId}, ${r.rating}, ${r.officialUserId}, ${r.comment}, ${r.channel}, ${r.at.toISOString()}::timestamptz)
        ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id`,
  );
  return row !== null;
}

export function findRating(db: Db, dossierId: number): Promise<RatingRow | null> {
  return one<RatingRow>(db, sql`SELECT rating, official_user_id, comment, channel, rated_at FROM dossier_ratings WHERE dossier_id = ${dossierId}`);
}

/** Staff who acted on a dossier (the officials a citizen may name when rating). */
export function officialsOf(db: Db, dossierId: number): Promise<{ id: number; full_name: string }[]> {
  return rows(
    db,
    sql`SELECT DISTINCT us.id, us.full_name FROM dossier_events e JOIN users us ON us.id = e.actor_user_id
        WHERE e.dossier_id = ${dossierId} ORDER BY us.full_name`,
  );
}

export async function findUserIdByUsername(db: Db, username: string): Promise<{ id: number; full_name: string } | null> {
  return one(db, sql`SELECT id, full_name FROM users WHERE username = ${username} AND active`);
}

export interface DossierFilter {
  /** Units whose dossiers (received or being processed there) are listed. */
  unitIds: number[];
  statuses?: DossierStatus[];
  overdueAt?: Date;
  assigneeUserId?: number;
  /** Text without diacritics, matched against the code and the applicant's name. */
  q?: string;
  receivedOn?: string;
  limit: number;
  offset: number;
  order?: 'due' | 'received';
}

export async function listDossiers(db: Db, f: DossierFilter): Promise<{ rows: DossierRow[]; total: number }> {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  const ids = sql`${`{${f.unitIds.join(',')}}`}::bigint[]`;
  const where: SQL[] = [sql`(d.unit_id = ANY(${ids}) OR d.processing_unit_id = ANY(${ids}))`];
  if (f.statuses?.length) where.push(sql`d.status = ANY(${`{${f.statuses.join(',')}}`}::text[])`);
  if (f.overdueAt) {
    where.push(
      sql`d.status IN ('received', 'accepted', 'in_processing', 'pending_approval', 'approved') AND d.due_at < ${f.overdueAt.toISOString()}::timestamptz`,
    );
  }
  if (f.assigneeUserId !== undefined) where.push(sql`d.assignee_user_id = ${f.assigneeUserId}`);
  if (f.q) where.push(sql`d.search_text LIKE '%' || vn_unaccent(${likeEscape(f.q)}) || '%'`);
  if (f.receivedOn) where.push(sql`d.receipt_day = ${f.receivedOn}::date`);
  const cond = sql.join(where, sql` AND `);
  const order = f.order === 'received' ? sql`d.received_at DESC, d.id DESC` : sql`d.due_at, d.id`;
  const [list, count] = await Promise.all([
    rows<DossierRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${cond} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM dossiers d WHERE ${cond}`),
  ]);
  return { rows: list, total: count?.n ?? 0 };
}

/** Merge step: open dossiers received or processed at `fromId` move to `intoId` (codes and history stay). */
export async function moveOpenDossiers(db: Db, fromId: number, intoId: number): Promise<number> {
  const open = sql`status NOT IN ('refused', 'closed', 'withdrawn', 'stopped')`;
  const a = await db.execute(sql`UPDATE dossiers SET unit_id = ${intoId}, version = version + 1, updated_at = now() WHERE unit_id = ${fromId} AND ${open}`);
  const b = await db.execute(
    sql`UPDATE dossiers SET processing_unit_id = ${intoId}, version = version + 1, updated_at = now() WHERE processing_unit_id = ${fromId} AND ${open}`,
  );
  return (a.rowCount ?? 0) + (b.rowCount ?? 0);
}

/** A dossier as its applicant sees it in their own list: no personal data, no internal notes. */
export interface ApplicantDossierRow {
  code: string;
  status: DossierStatus;
  procedure_name: string;
  unit_name: string;
  received_at: Moment;
  due_date: string;
}

/**
 * The dossiers whose applicant ID number is `idNumber` (a citizen's own, for "my dossiers"), newest first, paged.
 * Uses dossiers_applicant_id_number_idx (migration 0011).
 */
export async function listDossiersByApplicant(
  db: Db,
  idNumber: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ApplicantDossierRow[]; total: number }> {
  const [list, count] = await Promise.all([
    rows<ApplicantDossierRow>(
      db,
      sql`SELECT d.code, d.status, v.name AS procedure_name, u.name AS unit_name, d.received_at, d.due_date::text AS due_date
          FROM dossiers d JOIN units u ON u.id = d.unit_id JOIN procedure_versions v ON v.id = d.procedure_version_id
          WHERE d.applicant_id_number = ${idNumber}
          ORDER BY d.received_at DESC, d.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM dossiers d WHERE d.applicant_id_number = ${idNumber}`),
  ]);
  return { rows: list, total: count?.n ?? 0 };
}

/** A unit's queue figures for one Vietnam day, as counts only (no personal data): for the public LED board. */
export interface DeskFigures {
  /** Dossiers received at the unit that day. */
  received: number;
  /** Dossiers of the unit whose result was ready that day (the report's "settled", dossier_report_days). */
  settled: number;
  /** Dossiers being checked or processed, clock running (received … approved). */
  inProgress: number;
  /** Results ready, waiting for the applicant to collect them. */
  resultReady: number;
  /** Returned to the applicant before that day but not closed in the system (quên bấm kết thúc, seed 004). */
  returnedNotClosed: number;
}

/**
 * Today's queue figures of a receiving unit (read-only): received and settled from the daily totals kept by
 * migration 0012, the open counts from dossiers_unit_status_idx.
 */
export async function countDeskFigures(db: Db, unitId: number, day: string): Promise<DeskFigures> {
  const r = await one<DeskFigures>(
    db,
    sql`SELECT
          COALESCE((SELECT received FROM dossier_report_days WHERE unit_id = ${unitId} AND day = ${day}::date), 0)::int AS "received",
          COALESCE((SELECT settled FROM dossier_report_days WHERE unit_id = ${unitId} AND day = ${day}::date), 0)::int AS "settled",
          (SELECT count(*) FROM dossiers WHERE unit_id = ${unitId}
             AND status IN ('received', 'accepted', 'in_processing', 'pending_approval', 'approved'))::int AS "inProgress",
          (SELECT count(*) FROM dossiers WHERE unit_id = ${unitId} AND status = 'result_ready')::int AS "resultReady",
          (SELECT count(*) FROM dossiers WHERE unit_id = ${unitId} AND status = 'returned'
             AND returned_at < (${day}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))::int AS "returnedNotClosed"`,
  );
  return r ?? { received: 0, settled: 0, inProgress: 0, resultReady: 0, returnedNotClosed: 0 };
}
