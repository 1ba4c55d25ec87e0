import { type SQL, sql } from 'drizzle-orm';
import { type Actor, auditInsert } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/pool.ts';
import { one, onePrepared, rows } from '../../platform/db/query.ts';
import { type UnitJson, type UnitRow, unitFromJson, unitJson } from '../units/index.ts';
import type { FeedbackChannel, FeedbackKind, FeedbackStatus } from './rules/lifecycle.ts';
import type { RoutingRule } from './rules/routing.ts';

export interface CategoryRow {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  group_name: string | null;
  keywords: string | null;
  unit_id: number | null;
  classify_days: number;
  answer_days: number;
  warn_days: number;
  active: boolean;
  position: number;
}

export interface IntakeContext {
  addressed: UnitRow | null;
  place: UnitRow | null;
  category: CategoryRow | null;
  categoryUnit: UnitRow | null;
  root: UnitRow;
  rules: (RoutingRule & { target: UnitRow })[];
  /** The code of an item this key or channel message already made. */
  existingCode: string | null;
  calendarVersion: number;
}

/**
 * Everything an intake needs, in one statement: the units named by code, the category, the routing rules with their
 * target units, an earlier item with the same idempotency key or channel message, and the calendar version.
 */
export async function readIntakeContext(
  db: Db,
  q: {
    addressedCode: string | null;
    placeCode: string | null;
    categoryCode: string | null;
    key: string | null;
    channel: FeedbackChannel;
    externalRef: string | null;
  },
): Promise<IntakeContext> {
  const row = await onePrepared<{
    addressed: UnitJson;
    place: UnitJson;
    category: CategoryRow | null;
    category_unit: UnitJson;
    root: UnitJson;
    rules: (Omit<RoutingRule, 'target'> & { target: UnitJson })[] | null;
    existing_code: string | null;
    calendar_version: number | string;
  }>(
    db,
    sql`SELECT
      (SELECT ${unitJson(sql`a`)} FROM units a WHERE a.code = ${q.addressedCode}::text) AS addressed,
      (SELECT ${unitJson(sql`p`)} FROM units p WHERE p.code = ${q.placeCode}::text) AS place,
      (SELECT row_to_json(c) FROM feedback_categories c WHERE c.code = ${q.categoryCode}::text AND c.active) AS category,
      (SELECT ${unitJson(sql`cu`)} FROM feedback_categories c JOIN units cu ON cu.id = c.unit_id WHERE c.code = ${q.categoryCode}::text AND c.active) AS category_unit,
      (SELECT ${unitJson(sql`r`)} FROM units r WHERE r.parent_id IS NULL ORDER BY r.id LIMIT 1) AS root,
      (SELECT json_agg(json_build_object('id', fr.id, 'position', fr.position, 'categoryId', fr.category_id, 'placePath', pu.path,
          'channel', fr.channel, 'keywords', fr.keywords, 'targetUnitId', fr.target_unit_id, 'target', ${unitJson(sql`tu`)}) ORDER BY fr.position, fr.id)
        FROM feedback_routing_rules fr JOIN units tu ON tu.id = fr.target_unit_id LEFT JOIN units pu ON pu.id = fr.place_unit_id
        WHERE fr.active) AS rules,
      coalesce((SELECT f.code FROM feedback f WHERE f.idempotency_key = ${q.key}::text),
        (SELECT f.code FROM feedback f WHERE f.channel = ${q.channel}::text AND f.external_ref = ${q.externalRef}::text)) AS existing_code,
      (SELECT cs.version FROM calendar_state cs WHERE cs.id = 1) AS calendar_version`,
  );
  if (!row) throw new Error('intake context read returned nothing');
  const root = unitFromJson(row.root);
  if (!root) throw new Error('no root unit');
  return {
    addressed: unitFromJson(row.addressed),
    place: unitFromJson(row.place),
    category: row.category,
    categoryUnit: unitFromJson(row.category_unit),
    root,
    rules: (row.rules ?? []).map((r) => ({ ...r, target: unitFromJson(r.target) as UnitRow })),
    existingCode: row.existing_code,
    calendarVersion: Number(row.calendar_version),
  };
}

export interface NewFeedback {
  code: string;
  channel: FeedbackChannel;
  kind: FeedbackKind;
  categoryId: number | null;
  addressedUnitId: number | null;
  unitId: number;
  title: string | null;
  description: string;
  placeUnitId: number | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  consent: boolean;
  senderRef: string | null;
  externalRef: string | null;
  extra: Record<string, unknown>;
  receivedBy: number | null;
  apiKeyId: number | null;
  idempotencyKey: string | null;
  receivedAt: Date;
  classifyDueAt: string;
  answerDueAt: string;
  /** The acknowledgement to the sender, written in the same statement (sent by the notifications job). */
  acknowledgement: { channel: 'email' | 'sms'; recipient: string; subject: string | null; body: string } | null;
  /** Why the item went to its unit, for the audit row. */
  routedBy: unknown;
}

/**
 * Inserts a feedback item, its first (public) event, the acknowledgement and the audit row in one statement. Returns
 * null when the code or the idempotency key / channel message is already taken (the caller looks again or draws
 * another code).
 */
export async function insertFeedback(db: Db, actor: Actor, f: NewFeedback): Promise<{ id: number; code: string } | null> {
  const ack = f.acknowledgement;
  return onePrepared<{ id: number; code: string }>(
    db,
    sql`WITH f AS (
      INSERT INTO feedback (code, channel, kind, category_id, addressed_unit_id, unit_id, title, description, place_unit_id, address, lat, lng,
        contact_name, contact_phone, contact_email, contact_consent, sender_ref, external_ref, extra, received_by, api_key_id, idempotency_key,
        received_at, classify_due_at, answer_due_at)
      VALUES (${f.code}, ${f.channel}, ${f.kind}, ${f.categoryId}::bigint, ${f.addressedUnitId}::bigint, ${f.unitId}::bigint, ${f.title}::text, ${f.description},
        ${f.placeUnitId}::bigint, ${f.address}::text, ${f.lat}::float8, ${f.lng}::float8, ${f.contactName}::text, ${f.contactPhone}::text, ${f.contactEmail}::text,
        ${f.consent}::boolean, ${f.senderRef}::text, ${f.externalRef}::text, ${JSON.stringify(f.extra)}::jsonb, ${f.receivedBy}::bigint, ${f.apiKeyId}::bigint,
        ${f.idempotencyKey}::text, ${f.receivedAt.toISOString()}::timestamptz, ${f.classifyDueAt}::timestamptz, ${f.answerDueAt}::timestamptz)
      ON CONFLICT DO NOTHING
      RETURNING id, code, unit_id, received_at
    ), e AS (
      INSERT INTO feedback_events (feedback_id, at, actor_user_id, kind, status, to_unit_id, public, public_text)
      SELECT id, received_at, ${f.receivedBy}::bigint, 'received', 'received', unit_id, true, NULL FROM f
    ), n AS (
      INSERT INTO notifications (channel, recipient, subject, body, about)
      SELECT ${ack?.channel ?? null}::text, ${ack?.recipient ?? null}::text, ${ack?.subject ?? null}::text, ${ack?.body ?? null}::text, 'feedback:' || f.code
      FROM f WHERE ${ack !== null}::boolean
    ), a AS (${auditInsert(
      actor,
      {
        action: 'feedback.receive',
        entityType: 'feedback',
        entityId: sql`(SELECT code FROM f)`,
        unitId: f.unitId,
        after: {
          channel: f.channel,
          kind: f.kind,
          categoryId: f.categoryId,
          routedBy: f.routedBy,
          withContact: f.contactName !== null || f.contactPhone !== null || f.contactEmail !== null,
        },
      },
      sql`EXISTS (SELECT 1 FROM f)`,
    )})
    SELECT id, code FROM f`,
  );
}

/** The code of an item made by this idempotency key or channel message, if any. */
export async function findExistingCode(db: Db, key: string | null, channel: FeedbackChannel, externalRef: string | null): Promise<string | null> {
  const row = await one<{ code: string }>(
    db,
    sql`SELECT code FROM feedback WHERE (idempotency_key = ${key}::text) OR (channel = ${channel} AND external_ref = ${externalRef}::text) LIMIT 1`,
  );
  return row?.code ?? null;
}

export interface AttachmentToStore {
  name: string;
  mime: string;
  content: Buffer;
  sha256: string;
}

export async function insertAttachments(db: Db, feedbackId: number, files: readonly AttachmentToStore[]): Promise<void> {
  for (const file of files) {
    await db.execute(
      sql`INSERT INTO feedback_attachments (feedback_id, name, mime, size, sha256, content)
          VALUES (${feedbackId}, ${file.name}, ${file.mime}, ${file.content.length}, ${file.sha256}, ${file.content})`,
    );
  }
}

/** A feedback item as staff see it, without the sender's contact (read on its own, audited). */
export interface FeedbackRow {
  id: number;
  code: string;
  channel: FeedbackChannel;
  kind: FeedbackKind;
  category_id: number | null;
  category_code: string | null;
  category_name: string | null;
  addressed_unit_id: number | null;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  parent_unit_id: number | null;
  title: string | null;
  description: string;
  place_unit_id: number | null;
  place_code: string | null;
  place_name: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  status: FeedbackStatus;
  assignee_id: number | null;
  assignee_name: string | null;
  merged_into_code: string | null;
  reject_reason: string | null;
  answer: string | null;
  answered_at: Date | string | null;
  received_at: Date | string;
  classify_due_at: Date | string;
  answer_due_at: Date | string;
  warned_at: Date | string | null;
  escalated_at: Date | string | null;
  escalated_to_unit_id: number | null;
  rating: string | null;
  rated_at: Date | string | null;
  reopen_count: number;
  reopen_reason: string | null;
  published: boolean;
  public_title: string | null;
  public_summary: string | null;
  published_at: Date | string | null;
  extra: Record<string, unknown>;
  has_contact: boolean;
  has_email: boolean;
  has_phone: boolean;
  attachment_count: number;
  updated_at: Date | string;
}

export const feedbackColumns: SQL = sql`f.id, f.code, f.channel, f.kind, f.category_id, c.code AS category_code, c.name AS category_name,
  f.addressed_unit_id, f.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, u.parent_id AS parent_unit_id,
  f.title, f.description, f.place_unit_id, pu.code AS place_code, pu.name AS place_name, f.address, f.lat, f.lng, f.status,
  f.assignee_id, au.full_name AS assignee_name, mf.code AS merged_into_code, f.reject_reason, f.answer, f.answered_at, f.received_at,
  f.classify_due_at, f.answer_due_at, f.warned_at, f.escalated_at, f.escalated_to_unit_id, f.rating, f.rated_at, f.reopen_count,
  f.reopen_reason, f.published, f.public_title, f.public_summary, f.published_at, f.extra,
  (f.contact_name IS NOT NULL OR f.contact_phone IS NOT NULL OR f.contact_email IS NOT NULL) AS has_contact,
  (f.contact_email IS NOT NULL) AS has_email, (f.contact_phone IS NOT NULL) AS has_phone,
  (SELECT count(*)::int FROM feedback_attachments fa WHERE fa.feedback_id = f.id) AS attachment_count, f.updated_at
  FROM feedback f JOIN units u ON u.id = f.unit_id
  LEFT JOIN feedback_categories c ON c.id = f.category_id
  LEFT JOIN units pu ON pu.id = f.place_unit_id
  LEFT JOIN users au ON au.id = f.assignee_id
  LEFT JOIN feedback mf ON mf.id = f.merged_into_id`;

export function findFeedbackByCode(db: Db, code: string): Promise<FeedbackRow | null> {
  return one<FeedbackRow>(db, sql`SELECT ${feedbackColumns} WHERE f.code = ${code}`);
}

export function listCategories(db: Db, activeOnly = true): Promise<CategoryRow[]> {
  return rows<CategoryRow>(
    db,
    sql`SELECT id, code, name, name_en, description, group_name, keywords, unit_id, classify_days, answer_days, warn_days, active, position
        FROM feedback_categories ${activeOnly ? sql`WHERE active` : sql``} ORDER BY position, name`,
  );
}
