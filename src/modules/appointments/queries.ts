/** All SQL on the home-appointment tables (migration 0019), and the outbox rows the module queues. */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, pathInScopes, rows } from '../../platform/db/query.ts';
import type { AppointmentChannel, AppointmentKind, AppointmentStatus, PriorityGroup } from './rules/lifecycle.ts';
import { DEFAULT_TRAVEL_MINUTES, DEFAULT_VISIT_MINUTES, type OtherVisit, type SlotSettings } from './rules/slots.ts';

export interface AppointmentRow {
  id: number;
  code: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  unit_phone: string | null;
  kind: AppointmentKind;
  channel: AppointmentChannel;
  status: AppointmentStatus;
  /** PERSONAL DATA from here … */
  citizen_name: string;
  citizen_phone: string;
  citizen_email: string | null;
  address: string;
  priority_group: PriorityGroup | null;
  /** … to here. */
  free: boolean;
  need: string | null;
  procedure_text: string | null;
  dossier_code: string | null;
  requested_start: Date;
  slot_start: Date;
  slot_end: Date;
  assignee_user_id: number | null;
  assignee_name: string | null;
  assignee_username: string | null;
  assignee_email: string | null;
  proposed_at: Date | null;
  confirmed_at: Date | null;
  visited_by: string | null;
  visited_at: Date | null;
  outcome_at: Date | null;
  outcome_note: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
}

const columns = sql`a.id::int AS id, a.code, a.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, u.phone AS unit_phone,
  a.kind, a.channel, a.status, a.citizen_name, a.citizen_phone, a.citizen_email, a.address, a.priority_group, a.free, a.need, a.procedure_text,
  a.dossier_code, a.requested_start, a.slot_start, a.slot_end, a.assignee_user_id::int AS assignee_user_id, s.full_name AS assignee_name,
  s.username AS assignee_username, s.email AS assignee_email, a.proposed_at, a.confirmed_at, a.visited_by, a.visited_at, a.outcome_at, a.outcome_note,
  a.cancel_reason, a.version, a.created_at`;
const from = sql`appointments a JOIN units u ON u.id = a.unit_id LEFT JOIN users s ON s.id = a.assignee_user_id`;

export function findAppointmentByCode(db: Db, code: string): Promise<AppointmentRow | null> {
  return one<AppointmentRow>(db, sql`SELECT ${columns} FROM ${from} WHERE a.code = ${code}`);
}

/** Loads and locks a request for the rest of the transaction. */
export function lockAppointmentByCode(db: Db, code: string): Promise<AppointmentRow | null> {
  return one<AppointmentRow>(db, sql`SELECT ${columns} FROM ${from} WHERE a.code = ${code} FOR UPDATE OF a`);
}

export function findAppointmentByKey(db: Db, unitId: number, key: string): Promise<AppointmentRow | null> {
  return one<AppointmentRow>(db, sql`SELECT ${columns} FROM ${from} WHERE a.unit_id = ${unitId} AND a.idempotency_key = ${key}`);
}

export interface AppointmentFilter {
  scopes: { path: string; subtree: boolean }[] | null;
  unitPath?: string;
  status?: AppointmentStatus | 'open';
  assigneeUserId?: number;
  limit: number;
  offset: number;
}

/** Priority groups first, then by the time of the visit (the requested or agreed slot). */
export async function listAppointments(db: Db, f: AppointmentFilter): Promise<{ rows: AppointmentRow[]; total: number }> {
  const where: SQL[] = [pathInScopes(sql`u.path`, f.scopes)];
  if (f.unitPath) where.push(sql`u.path LIKE ${`${f.unitPath}%`}`);
  if (f.status === 'open') where.push(sql`a.status IN ('requested', 'proposed', 'confirmed')`);
  else if (f.status) where.push(sql`a.status = ${f.status}`);
  if (f.assigneeUserId !== undefined) where.push(sql`a.assignee_user_id = ${f.assigneeUserId}`);
  const cond = sql.join(where, sql` AND `);
  const [list, total] = await Promise.all([
    rows<AppointmentRow>(
      db,
      sql`SELECT ${columns} FROM ${from} WHERE ${cond}
          ORDER BY (a.status IN ('requested', 'proposed', 'confirmed')) DESC, a.free DESC, a.slot_start, a.id
          LIMIT ${f.limit} OFFSET ${f.offset}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${cond}`),
  ]);
  return { rows: list, total: total?.n ?? 0 };
}

/** Visits assigned to a person from `since` on, for their page and their iCalendar feed. */
export function listVisitsOf(db: Db, userId: number, since: Date, limit = 500): Promise<AppointmentRow[]> {
  return rows<AppointmentRow>(
    db,
    sql`SELECT ${columns} FROM ${from} WHERE a.assignee_user_id = ${userId} AND a.slot_end >= ${since.toISOString()}::timestamptz
        ORDER BY a.slot_start, a.id LIMIT ${limit}`,
  );
}

/** The person's other open visits around a moment (the slot rules look at those within a day). */
export function otherVisitsOf(db: Db, userId: number, around: Date, exceptId: number): Promise<OtherVisit[]> {
  return rows<{ code: string; slot_start: Date; slot_end: Date }>(
    db,
    sql`SELECT code, slot_start, slot_end FROM appointments
        WHERE assignee_user_id = ${userId} AND id <> ${exceptId} AND status IN ('requested', 'proposed', 'confirmed')
          AND slot_start < ${around.toISOString()}::timestamptz + interval '1 day'
          AND slot_end > ${around.toISOString()}::timestamptz - interval '1 day'`,
  ).then((r) => r.map((v) => ({ code: v.code, start: new Date(v.slot_start), end: new Date(v.slot_end) })));
}

/** Serialises every change to one person's visits (two clerks booking the same helper at once). */
export async function lockAssignee(tx: Db, userId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7402319, ${userId}::int)`);
}

export async function settingsOf(db: Db, unitId: number): Promise<SlotSettings> {
  const r = await one<{ visit_minutes: number; travel_minutes: number }>(
    db,
    sql`SELECT visit_minutes, travel_minutes FROM appointment_settings WHERE unit_id = ${unitId}`,
  );
  return { visitMinutes: r?.visit_minutes ?? DEFAULT_VISIT_MINUTES, travelMinutes: r?.travel_minutes ?? DEFAULT_TRAVEL_MINUTES };
}

export async function saveSettings(tx: Db, unitId: number, s: SlotSettings): Promise<void> {
  await tx.execute(
    sql`INSERT INTO appointment_settings (unit_id, visit_minutes, travel_minutes) VALUES (${unitId}, ${s.visitMinutes}, ${s.travelMinutes})
        ON CONFLICT (unit_id) DO UPDATE SET visit_minutes = EXCLUDED.visit_minutes, travel_minutes = EXCLUDED.travel_minutes, updated_at = now()`,
  );
}

export interface NewAppointment {
  code: string;
  unitId: number;
  kind: AppointmentKind;
  channel: AppointmentChannel;
  name: string;
  phone: string;
  email: string | null;
  address: string;
  priority: PriorityGroup | null;
  need: string | null;
  procedureText: string | null;
  procedureId: number | null;
  dossierCode: string | null;
  start: Date;
  end: Date;
  at: Date;
  idempotencyKey: string | null;
  createdBy: number | null;
}

/** Inserts a request; null when the idempotency key was already used at the unit (the caller reads that one). */
export async function insertAppointment(tx: Db, a: NewAppointment): Promise<number | null> {
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO appointments (code, unit_id, kind, channel, citizen_name, citizen_phone, citizen_email, address, priority_group, need,
          procedure_text, procedure_id, dossier_code, consent_at, requested_start, slot_start, slot_end, idempotency_key, created_by, created_at, updated_at)
        VALUES (${a.code}, ${a.unitId}, ${a.kind}, ${a.channel}, ${a.name}, ${a.phone}, ${a.email}, ${a.address}, ${a.priority}, ${a.need},
          ${a.procedureText}, ${a.procedureId}::bigint, ${a.dossierCode}, ${a.at.toISOString()}::timestamptz, ${a.start.toISOString()}::timestamptz,
          ${a.start.toISOString()}::timestamptz, ${a.end.toISOString()}::timestamptz, ${a.idempotencyKey}, ${a.createdBy}::bigint,
          ${a.at.toISOString()}::timestamptz, ${a.at.toISOString()}::timestamptz)
        ON CONFLICT ON CONSTRAINT appointments_idempotency_uq DO NOTHING
        RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

/** Updates a locked request and bumps its version. */
export async function updateAppointment(tx: Db, id: number, sets: SQL[], at: Date): Promise<void> {
  await tx.execute(
    sql`UPDATE appointments SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = ${at.toISOString()}::timestamptz`], sql`, `)} WHERE id = ${id}`,
  );
}

export interface EventRow {
  id: number;
  action: string;
  at: Date;
  actor_label: string;
  actor_name: string | null;
  data: Record<string, unknown>;
}

export async function insertAppointmentEvent(
  tx: Db,
  e: { appointmentId: number; action: string; at: Date; actorUserId: number | null; actorLabel: string; data?: Record<string, unknown> },
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO appointment_events (appointment_id, action, at, actor_user_id, actor_label, data)
        VALUES (${e.appointmentId}, ${e.action}, ${e.at.toISOString()}::timestamptz, ${e.actorUserId}::bigint, ${e.actorLabel}, ${JSON.stringify(e.data ?? {})}::jsonb)`,
  );
}

export function listAppointmentEvents(db: Db, appointmentId: number): Promise<EventRow[]> {
  return rows<EventRow>(
    db,
    sql`SELECT e.id::int AS id, e.action, e.at, e.actor_label, us.full_name AS actor_name, e.data
        FROM appointment_events e LEFT JOIN users us ON us.id = e.actor_user_id WHERE e.appointment_id = ${appointmentId} ORDER BY e.id`,
  );
}

/** Withdraws reminders not sent yet (the time or the person changed, or the visit was cancelled). */
export async function withdrawReminders(tx: Db, about: string): Promise<number> {
  const r = await tx.execute(sql`DELETE FROM notifications WHERE about = ${about} AND status = 'pending' AND attempts = 0`);
  return r.rowCount ?? 0;
}

/** The person of an iCalendar feed token (its SHA-256). */
export function findFeedOwner(db: Db, tokenHash: string): Promise<{ user_id: number; full_name: string } | null> {
  return one(
    db,
    sql`SELECT t.user_id::int AS user_id, us.full_name FROM appointment_feed_tokens t JOIN users us ON us.id = t.user_id
        WHERE t.token_hash = ${tokenHash} AND us.active`,
  );
}

export async function saveFeedToken(tx: Db, userId: number, tokenHash: string): Promise<void> {
  await tx.execute(
    sql`INSERT INTO appointment_feed_tokens (user_id, token_hash) VALUES (${userId}, ${tokenHash})
        ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
  );
}

export async function hasFeedToken(db: Db, userId: number): Promise<boolean> {
  return (await one(db, sql`SELECT 1 FROM appointment_feed_tokens WHERE user_id = ${userId}`)) !== null;
}
