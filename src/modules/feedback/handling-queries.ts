/**
 * SQL of staff handling: the staff list, one item with its history and attachments, the guarded status change every
 * action makes, events, notifications, the sender's contact, the deadline sweep, and the catalogues an administrator
 * keeps (categories, routing rules, leaders' hotline numbers).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, pathInScopes, rows } from '../../platform/db/query.ts';
import { type FeedbackRow, feedbackColumns } from './queries.ts';
import type { FeedbackChannel, FeedbackStatus } from './rules/lifecycle.ts';

/** A feedback item as the staff pages see it: the row, its version (updated_at in µs) and a few joined facts. */
export type HandlingRow = FeedbackRow & {
  version: string;
  warn_days: number | null;
  answer_days: number | null;
  classify_days: number | null;
  escalated_to_name: string | null;
  unit_email: string | null;
  received_by_name: string | null;
};

const handlingColumns = sql`(extract(epoch FROM f.updated_at) * 1000000)::bigint::text AS version, c.warn_days, c.answer_days, c.classify_days,
  (SELECT eu.name FROM units eu WHERE eu.id = f.escalated_to_unit_id) AS escalated_to_name,
  u.email AS unit_email, (SELECT ru.full_name FROM users ru WHERE ru.id = f.received_by) AS received_by_name, ${feedbackColumns}`;

export function findHandlingByCode(db: Db, code: string): Promise<HandlingRow | null> {
  return one<HandlingRow>(db, sql`SELECT ${handlingColumns} WHERE f.code = ${code}`);
}

export function findHandlingById(db: Db, id: number): Promise<HandlingRow | null> {
  return one<HandlingRow>(db, sql`SELECT ${handlingColumns} WHERE f.id = ${id}`);
}

/**
 * The change of one action, guarded: it applies only while the item is still in one of the `from` statuses and, when
 * given, still at the version the official saw. Two officials acting at once: the second UPDATE waits for the first
 * to commit, then finds the row changed and updates nothing (null), so only one wins.
 */
export async function guardedUpdate(
  tx: Db,
  id: number,
  from: readonly FeedbackStatus[],
  version: string | null,
  sets: SQL[],
): Promise<{ id: number; status: FeedbackStatus } | null> {
  return one<{ id: number; status: FeedbackStatus }>(
    tx,
    sql`UPDATE feedback SET ${sql.join([...sets, sql`updated_at = clock_timestamp()`], sql`, `)}
        WHERE id = ${id} AND status = ANY(${`{${from.join(',')}}`}::text[])
          AND (${version}::bigint IS NULL OR (extract(epoch FROM updated_at) * 1000000)::bigint = ${version}::bigint)
        RETURNING id, status`,
  );
}

export interface NewEvent {
  feedbackId: number;
  at: Date;
  actorUserId: number | null;
  kind: string;
  status: FeedbackStatus;
  fromUnitId?: number | null;
  toUnitId?: number | null;
  note?: string | null;
  publicText?: string | null;
  public: boolean;
}

export async function insertFeedbackEvent(tx: Db, e: NewEvent): Promise<void> {
  await tx.execute(
    sql`INSERT INTO feedback_events (feedback_id, at, actor_user_id, kind, status, from_unit_id, to_unit_id, note, public_text, public)
        VALUES (${e.feedbackId}, ${e.at.toISOString()}::timestamptz, ${e.actorUserId}::bigint, ${e.kind}, ${e.status}, ${e.fromUnitId ?? null}::bigint,
          ${e.toUnitId ?? null}::bigint, ${e.note ?? null}::text, ${e.publicText ?? null}::text, ${e.public})`,
  );
}

/** PERSONAL DATA: the sender's contact. Callers audit staff reads (feedback.contact.read). */
export interface FeedbackContact {
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_consent: boolean;
}

export function findContact(db: Db, id: number): Promise<FeedbackContact | null> {
  return one<FeedbackContact>(db, sql`SELECT contact_name, contact_phone, contact_email, contact_consent FROM feedback WHERE id = ${id}`);
}

export interface EventRow {
  id: number;
  at: Date | string;
  kind: string;
  status: FeedbackStatus;
  actor_name: string | null;
  from_unit_name: string | null;
  to_unit_name: string | null;
  note: string | null;
  public_text: string | null;
  public: boolean;
}

export function listEvents(db: Db, feedbackId: number): Promise<EventRow[]> {
  return rows<EventRow>(
    db,
    sql`SELECT e.id, e.at, e.kind, e.status, au.full_name AS actor_name, fu.name AS from_unit_name, tu.name AS to_unit_name, e.note, e.public_text, e.public
        FROM feedback_events e LEFT JOIN users au ON au.id = e.actor_user_id
        LEFT JOIN units fu ON fu.id = e.from_unit_id LEFT JOIN units tu ON tu.id = e.to_unit_id
        WHERE e.feedback_id = ${feedbackId} ORDER BY e.at, e.id`,
  );
}

export interface AttachmentMeta {
  id: number;
  name: string;
  mime: string;
  size: number;
}

export function listAttachments(db: Db, feedbackId: number): Promise<AttachmentMeta[]> {
  return rows<AttachmentMeta>(db, sql`SELECT id, name, mime, size FROM feedback_attachments WHERE feedback_id = ${feedbackId} ORDER BY id`);
}

export function findAttachment(db: Db, feedbackId: number, id: number): Promise<(AttachmentMeta & { content: Buffer }) | null> {
  return one(db, sql`SELECT id, name, mime, size, content FROM feedback_attachments WHERE feedback_id = ${feedbackId} AND id = ${id}`);
}

export interface FeedbackSearch {
  /** Units the viewer reaches (null: everywhere). */
  scopes: { path: string; subtree: boolean }[] | null;
  /** A unit and its subtree. */
  unitPath?: string;
  status?: FeedbackStatus;
  /** Only open items (received … in progress). */
  openOnly?: boolean;
  channel?: FeedbackChannel;
  categoryCode?: string;
  late?: boolean;
  escalatedToUnitId?: number;
  /** Words typed, with or without diacritics. */
  text?: string;
  now: Date;
  limit: number;
  offset: number;
}

export type ListRow = Pick<
  HandlingRow,
  | 'id'
  | 'code'
  | 'channel'
  | 'kind'
  | 'category_name'
  | 'unit_code'
  | 'unit_name'
  | 'title'
  | 'description'
  | 'status'
  | 'received_at'
  | 'answer_due_at'
  | 'escalated_at'
  | 'escalated_to_unit_id'
  | 'published'
  | 'assignee_name'
>;

/** The staff list: open items first by answer deadline, then the others newest first. */
export async function searchFeedback(db: Db, s: FeedbackSearch): Promise<{ rows: ListRow[]; total: number }> {
  const conds: SQL[] = [pathInScopes(sql`u.path`, s.scopes)];
  if (s.unitPath) conds.push(sql`u.path LIKE ${`${likeEscape(s.unitPath)}%`}`);
  if (s.status) conds.push(sql`f.status = ${s.status}`);
  if (s.openOnly) conds.push(sql`f.status IN ('received', 'accepted', 'assigned', 'in_progress')`);
  if (s.channel) conds.push(sql`f.channel = ${s.channel}`);
  if (s.categoryCode) conds.push(sql`c.code = ${s.categoryCode}`);
  if (s.late) conds.push(sql`f.status IN ('received', 'accepted', 'assigned', 'in_progress') AND f.answer_due_at < ${s.now.toISOString()}::timestamptz`);
  if (s.escalatedToUnitId) conds.push(sql`f.escalated_to_unit_id = ${s.escalatedToUnitId}`);
  if (s.text) {
    conds.push(sql`vn_unaccent(coalesce(f.title, '') || ' ' || f.description || ' ' || f.code) LIKE '%' || vn_unaccent(${likeEscape(s.text)}::text) || '%'`);
  }
  const where = sql.join(conds, sql` AND `);
  const found = await rows<ListRow & { total: number }>(
    db,
    sql`SELECT f.id, f.code, f.channel, f.kind, c.name AS category_name, u.code AS unit_code, u.name AS unit_name, f.title, left(f.description, 300) AS description,
          f.status, f.received_at, f.answer_due_at, f.escalated_at, f.escalated_to_unit_id, f.published, au.full_name AS assignee_name, count(*) OVER ()::int AS total
        FROM feedback f JOIN units u ON u.id = f.unit_id LEFT JOIN feedback_categories c ON c.id = f.category_id LEFT JOIN users au ON au.id = f.assignee_id
        WHERE ${where}
        ORDER BY (f.status IN ('received', 'accepted', 'assigned', 'in_progress')) DESC,
          CASE WHEN f.status IN ('received', 'accepted', 'assigned', 'in_progress') THEN f.answer_due_at END ASC,
          f.received_at DESC, f.id DESC
        LIMIT ${s.limit} OFFSET ${s.offset}`,
  );
  if (found.length === 0 && s.offset > 0) {
    const c = await one<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM feedback f JOIN units u ON u.id = f.unit_id LEFT JOIN feedback_categories c ON c.id = f.category_id WHERE ${where}`,
    );
    return { rows: [], total: c?.n ?? 0 };
  }
  return { rows: found, total: found[0]?.total ?? 0 };
}

// ---------- the deadline sweep ----------

export interface DeadlineCandidate {
  id: number;
  code: string;
  status: FeedbackStatus;
  unit_id: number;
  unit_name: string;
  unit_email: string | null;
  parent_id: number | null;
  parent_name: string | null;
  parent_email: string | null;
  answer_due_at: Date | string;
  warned_at: Date | string | null;
  escalated_at: Date | string | null;
  warn_days: number | null;
}

/**
 * Open items that may need a warning (not warned, due between now and `until`) or an escalation (not escalated, past
 * due, at a unit with a parent), soonest deadline first.
 */
export function listDeadlineCandidates(db: Db, now: Date, until: Date, limit: number, afterId = 0): Promise<DeadlineCandidate[]> {
  return rows<DeadlineCandidate>(
    db,
    sql`SELECT f.id, f.code, f.status, f.unit_id, u.name AS unit_name, u.email AS unit_email, u.parent_id, pu.name AS parent_name, pu.email AS parent_email,
          f.answer_due_at, f.warned_at, f.escalated_at, c.warn_days
        FROM feedback f JOIN units u ON u.id = f.unit_id LEFT JOIN units pu ON pu.id = u.parent_id LEFT JOIN feedback_categories c ON c.id = f.category_id
        WHERE f.status IN ('received', 'accepted', 'assigned', 'in_progress') AND f.id > ${afterId}
          AND ((f.warned_at IS NULL AND f.answer_due_at >= ${now.toISOString()}::timestamptz AND f.answer_due_at <= ${until.toISOString()}::timestamptz)
            OR (f.escalated_at IS NULL AND u.parent_id IS NOT NULL AND f.answer_due_at < ${now.toISOString()}::timestamptz))
        ORDER BY f.id LIMIT ${limit}`,
  );
}

/** Marks an item warned, once (null when another run did it first). */
export function markWarned(tx: Db, id: number, now: Date): Promise<{ id: number } | null> {
  return one(
    tx,
    sql`UPDATE feedback SET warned_at = ${now.toISOString()}::timestamptz WHERE id = ${id} AND warned_at IS NULL
          AND status IN ('received', 'accepted', 'assigned', 'in_progress') RETURNING id`,
  );
}

/** Marks an item escalated to `toUnitId`, once. */
export function markEscalated(tx: Db, id: number, toUnitId: number, now: Date): Promise<{ id: number } | null> {
  return one(
    tx,
    sql`UPDATE feedback SET escalated_at = ${now.toISOString()}::timestamptz, escalated_to_unit_id = ${toUnitId} WHERE id = ${id} AND escalated_at IS NULL
          AND status IN ('received', 'accepted', 'assigned', 'in_progress') RETURNING id`,
  );
}

// ---------- catalogues ----------

export interface CategoryAdminRow {
  id: number;
  code: string;
  name: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_path: string | null;
  classify_days: number;
  answer_days: number;
  warn_days: number;
  active: boolean;
  position: number;
}

export function listCategoriesForAdmin(db: Db): Promise<CategoryAdminRow[]> {
  return rows<CategoryAdminRow>(
    db,
    sql`SELECT c.id, c.code, c.name, c.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, c.classify_days, c.answer_days, c.warn_days,
          c.active, c.position
        FROM feedback_categories c LEFT JOIN units u ON u.id = c.unit_id ORDER BY c.position, c.name`,
  );
}

export function findCategoryById(db: Db, id: number): Promise<CategoryAdminRow | null> {
  return one<CategoryAdminRow>(
    db,
    sql`SELECT c.id, c.code, c.name, c.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, c.classify_days, c.answer_days, c.warn_days,
          c.active, c.position
        FROM feedback_categories c LEFT JOIN units u ON u.id = c.unit_id WHERE c.id = ${id}`,
  );
}

export function findCategoryByCode(db: Db, code: string): Promise<{ id: number; code: string; name: string } | null> {
  return one(db, sql`SELECT id, code, name FROM feedback_categories WHERE code = ${code}`);
}

export interface CategoryValues {
  code: string;
  name: string;
  unitId: number | null;
  classifyDays: number;
  answerDays: number;
  warnDays: number;
  active: boolean;
  position: number;
}

/** Inserts or (with an id) updates a category; null when the code is taken by another one. */
export function upsertCategory(tx: Db, id: number | null, v: CategoryValues): Promise<{ id: number } | null> {
  if (id === null) {
    return one(
      tx,
      sql`INSERT INTO feedback_categories (code, name, unit_id, classify_days, answer_days, warn_days, active, position)
          VALUES (${v.code}, ${v.name}, ${v.unitId}::bigint, ${v.classifyDays}, ${v.answerDays}, ${v.warnDays}, ${v.active}, ${v.position})
          ON CONFLICT (code) DO NOTHING RETURNING id`,
    );
  }
  return one(
    tx,
    sql`UPDATE feedback_categories SET code = ${v.code}, name = ${v.name}, unit_id = ${v.unitId}::bigint, classify_days = ${v.classifyDays},
          answer_days = ${v.answerDays}, warn_days = ${v.warnDays}, active = ${v.active}, position = ${v.position}, updated_at = now()
        WHERE id = ${id} AND NOT EXISTS (SELECT 1 FROM feedback_categories o WHERE o.code = ${v.code} AND o.id <> ${id}) RETURNING id`,
  );
}

export interface RoutingRuleRow {
  id: number;
  position: number;
  category_code: string | null;
  category_name: string | null;
  place_code: string | null;
  place_name: string | null;
  channel: FeedbackChannel | null;
  keywords: string | null;
  target_unit_id: number;
  target_code: string;
  target_name: string;
  target_path: string;
  active: boolean;
  note: string | null;
}

const ruleColumns = sql`r.id, r.position, c.code AS category_code, c.name AS category_name, pu.code AS place_code, pu.name AS place_name, r.channel,
  r.keywords, r.target_unit_id, tu.code AS target_code, tu.name AS target_name, tu.path AS target_path, r.active, r.note
  FROM feedback_routing_rules r JOIN units tu ON tu.id = r.target_unit_id LEFT JOIN feedback_categories c ON c.id = r.category_id
  LEFT JOIN units pu ON pu.id = r.place_unit_id`;

export function listRoutingRules(db: Db): Promise<RoutingRuleRow[]> {
  return rows<RoutingRuleRow>(db, sql`SELECT ${ruleColumns} ORDER BY r.position, r.id`);
}

export function findRoutingRule(db: Db, id: number): Promise<RoutingRuleRow | null> {
  return one<RoutingRuleRow>(db, sql`SELECT ${ruleColumns} WHERE r.id = ${id}`);
}

export async function insertRoutingRule(
  tx: Db,
  v: {
    position: number;
    categoryId: number | null;
    placeUnitId: number | null;
    channel: string | null;
    keywords: string | null;
    targetUnitId: number;
    note: string | null;
  },
): Promise<number> {
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO feedback_routing_rules (position, category_id, place_unit_id, channel, keywords, target_unit_id, note)
        VALUES (${v.position}, ${v.categoryId}::bigint, ${v.placeUnitId}::bigint, ${v.channel}::text, ${v.keywords}::text, ${v.targetUnitId}, ${v.note}::text) RETURNING id`,
  );
  return Number(r?.id);
}

export async function setRoutingRuleActive(tx: Db, id: number, active: boolean): Promise<void> {
  await tx.execute(sql`UPDATE feedback_routing_rules SET active = ${active} WHERE id = ${id}`);
}

export async function deleteRoutingRule(tx: Db, id: number): Promise<void> {
  await tx.execute(sql`DELETE FROM feedback_routing_rules WHERE id = ${id}`);
}

export interface HotlineRow {
  id: number;
  unit_id: number;
  name: string;
  title: string;
  phone: string;
  email: string | null;
  position: number;
}

export function listHotlines(db: Db, unitId: number): Promise<HotlineRow[]> {
  return rows<HotlineRow>(db, sql`SELECT id, unit_id, name, title, phone, email, position FROM unit_hotlines WHERE unit_id = ${unitId} ORDER BY position, id`);
}

export function findHotline(db: Db, id: number): Promise<HotlineRow | null> {
  return one<HotlineRow>(db, sql`SELECT id, unit_id, name, title, phone, email, position FROM unit_hotlines WHERE id = ${id}`);
}

export interface HotlineValues {
  name: string;
  title: string;
  phone: string;
  email: string | null;
  position: number;
}

export async function insertHotline(tx: Db, unitId: number, v: HotlineValues): Promise<number> {
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO unit_hotlines (unit_id, name, title, phone, email, position) VALUES (${unitId}, ${v.name}, ${v.title}, ${v.phone}, ${v.email}::text, ${v.position}) RETURNING id`,
  );
  return Number(r?.id);
}

export async function updateHotline(tx: Db, id: number, v: HotlineValues): Promise<void> {
  await tx.execute(
    sql`UPDATE unit_hotlines SET name = ${v.name}, title = ${v.title}, phone = ${v.phone}, email = ${v.email}::text, position = ${v.position}, updated_at = now() WHERE id = ${id}`,
  );
}

export async function deleteHotline(tx: Db, id: number): Promise<void> {
  await tx.execute(sql`DELETE FROM unit_hotlines WHERE id = ${id}`);
}
