/**
 * SQL of the public side of feedback: tracking by code, the sender's rating and reopening, the published answers and
 * their feed, the leaders' hotline numbers. Every column list here is explicit and none of them reads the sender's
 * description, contact, address or coordinates: only the official's public text leaves these queries.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, rows } from '../../platform/db/query.ts';
import type { FeedbackKind, FeedbackStatus } from './rules/lifecycle.ts';

/** What the holder of a code sees of an item: no description, contact, address or coordinates. */
export interface TrackedFeedback {
  id: number;
  code: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  category_name: string | null;
  category_name_en: string | null;
  received_at: Date | string;
  answer_due_at: Date | string;
  answer: string | null;
  answered_at: Date | string | null;
  rating: string | null;
  rated_at: Date | string | null;
  reopen_count: number;
  published: boolean;
  attachment_count: number;
}

export function findTrackedFeedback(db: Db, code: string): Promise<TrackedFeedback | null> {
  return one<TrackedFeedback>(
    db,
    sql`SELECT f.id, f.code, f.kind, f.status, f.unit_id, u.code AS unit_code, u.name AS unit_name, c.name AS category_name,
          c.name_en AS category_name_en, f.received_at, f.answer_due_at, f.answer, f.answered_at, f.rating, f.rated_at, f.reopen_count,
          f.published, (SELECT count(*)::int FROM feedback_attachments fa WHERE fa.feedback_id = f.id) AS attachment_count
        FROM feedback f JOIN units u ON u.id = f.unit_id LEFT JOIN feedback_categories c ON c.id = f.category_id
        WHERE f.code = ${code}`,
  );
}

/** A public step of an item's history: never the internal note, never the units a transfer went between. */
export interface PublicEvent {
  at: Date | string;
  kind: string;
  status: string;
  public_text: string | null;
}

export function publicEventsOf(db: Db, feedbackId: number): Promise<PublicEvent[]> {
  return rows<PublicEvent>(
    db,
    sql`SELECT e.at, e.kind, e.status, e.public_text FROM feedback_events e WHERE e.feedback_id = ${feedbackId} AND e.public ORDER BY e.at, e.id`,
  );
}

// ---------- the sender's rating and reopening ----------

export interface SenderView {
  id: number;
  code: string;
  status: FeedbackStatus;
  unit_id: number;
  rating: string | null;
  reopen_count: number;
  answer_days: number | null;
}

/** The item a sender acts on, locked until the transaction ends (rating and reopening never interleave). */
export function lockForSender(tx: Db, code: string): Promise<SenderView | null> {
  return one<SenderView>(
    tx,
    sql`SELECT f.id, f.code, f.status, f.unit_id, f.rating, f.reopen_count, c.answer_days
        FROM feedback f LEFT JOIN feedback_categories c ON c.id = f.category_id WHERE f.code = ${code} FOR UPDATE OF f`,
  );
}

/** Sets the rating once per answer: only an answered (or closed) item without a rating. */
export async function setRating(tx: Db, id: number, rating: string, at: Date): Promise<boolean> {
  const row = await one<{ id: number }>(
    tx,
    sql`UPDATE feedback SET rating = ${rating}, rated_at = ${at.toISOString()}::timestamptz, updated_at = now()
        WHERE id = ${id} AND status IN ('answered', 'closed') AND rating IS NULL RETURNING id`,
  );
  return row !== null;
}

/**
 * Reopens once (đề nghị xem xét lại): back to in progress with a new answer deadline; the earlier rating is cleared
 * so the next answer can be rated (the first rating stays in the history and the audit log).
 */
export async function setReopened(tx: Db, id: number, reason: string, answerDueAt: string): Promise<boolean> {
  const row = await one<{ id: number }>(
    tx,
    sql`UPDATE feedback SET status = 'in_progress', reopen_count = reopen_count + 1, reopen_reason = ${reason},
          answer_due_at = ${answerDueAt}::timestamptz, rating = NULL, rated_at = NULL, warned_at = NULL, escalated_at = NULL, updated_at = now()
        WHERE id = ${id} AND status IN ('answered', 'closed') AND reopen_count = 0 AND rating = 'khong_hai_long' RETURNING id`,
  );
  return row !== null;
}

export async function insertSenderEvent(
  tx: Db,
  e: { feedbackId: number; at: Date; kind: 'rated' | 'reopened'; status: string; note: string | null; publicText: string | null; isPublic: boolean },
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO feedback_events (feedback_id, at, kind, status, note, public_text, public)
        VALUES (${e.feedbackId}, ${e.at.toISOString()}::timestamptz, ${e.kind}, ${e.status}, ${e.note}::text, ${e.publicText}::text, ${e.isPublic})`,
  );
}

// ---------- publication ----------

/** A published answer: the official's public text only. */
export interface PublishedFeedback {
  code: string;
  kind: FeedbackKind;
  public_title: string;
  public_summary: string;
  answer: string;
  unit_code: string;
  unit_name: string;
  category_code: string | null;
  category_name: string | null;
  category_name_en: string | null;
  received_at: Date | string;
  answered_at: Date | string | null;
  published_at: Date | string;
}

const publishedColumns = sql`f.code, f.kind, f.public_title, f.public_summary, f.answer, u.code AS unit_code, u.name AS unit_name,
  c.code AS category_code, c.name AS category_name, c.name_en AS category_name_en, f.received_at, f.answered_at, f.published_at
  FROM feedback f JOIN units u ON u.id = f.unit_id LEFT JOIN feedback_categories c ON c.id = f.category_id`;

export interface PublishedFilters {
  /** Already cleaned search words (diacritics kept: both sides are folded with vn_unaccent). */
  text: string | null;
  unitCode: string | null;
  categoryCode: string | null;
  limit: number;
  offset: number;
}

/**
 * Published answers, newest first, searched without diacritics ("o ga" finds "ổ gà"): every word must appear in the
 * folded public text (public_search, trigram-indexed); when none does, the closest by word similarity.
 */
export async function searchPublished(db: Db, f: PublishedFilters): Promise<{ rows: PublishedFeedback[]; total: number }> {
  const where: SQL[] = [sql`f.published`];
  if (f.unitCode) where.push(sql`u.code = ${f.unitCode}`);
  if (f.categoryCode) where.push(sql`c.code = ${f.categoryCode}`);
  const order = sql`f.published_at DESC, f.id DESC`;
  const page = async (extra: SQL | null, ranked: SQL) => {
    const cond = sql.join(extra ? [...where, extra] : where, sql` AND `);
    const [list, total] = await Promise.all([
      rows<PublishedFeedback>(db, sql`SELECT ${publishedColumns} WHERE ${cond} ORDER BY ${ranked} LIMIT ${f.limit} OFFSET ${f.offset}`),
      one<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM feedback f JOIN units u ON u.id = f.unit_id LEFT JOIN feedback_categories c ON c.id = f.category_id WHERE ${cond}`,
      ),
    ]);
    return { rows: list, total: total?.n ?? 0 };
  };
  if (!f.text) return page(null, order);
  const words = f.text.split(' ').filter(Boolean);
  const everyWord = sql.join(
    words.map((w) => sql`f.public_search LIKE '%' || vn_unaccent(${likeEscape(w)}) || '%'`),
    sql` AND `,
  );
  const exact = await page(everyWord, order);
  if (exact.total > 0 || f.offset > 0) return exact;
  const nq = sql`vn_unaccent(${f.text})`;
  return page(sql`${nq} <% f.public_search`, sql`word_similarity(${nq}, f.public_search) DESC, ${order}`);
}

export function findPublished(db: Db, code: string): Promise<PublishedFeedback | null> {
  return one<PublishedFeedback>(db, sql`SELECT ${publishedColumns} WHERE f.code = ${code} AND f.published`);
}

/** The newest published answers for the Atom feed, of one unit (and the units below it) or of all. */
export function latestPublished(db: Db, unitCode: string | null, limit: number): Promise<PublishedFeedback[]> {
  // Paths are digits and slashes ('/1/5/23/'): no LIKE wildcard to escape. An unknown unit matches nothing.
  const scope = unitCode ? sql`AND u.path LIKE (SELECT s.path || '%' FROM units s WHERE s.code = ${unitCode})` : sql``;
  return rows<PublishedFeedback>(db, sql`SELECT ${publishedColumns} WHERE f.published ${scope} ORDER BY f.published_at DESC, f.id DESC LIMIT ${limit}`);
}

/** Units and categories that have published answers (the list's filters). */
export async function publishedFacets(
  db: Db,
): Promise<{ units: { code: string; name: string }[]; categories: { code: string; name: string; name_en: string | null }[] }> {
  const [units, categories] = await Promise.all([
    rows<{ code: string; name: string }>(
      db,
      sql`SELECT u.code, u.name FROM units u WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.unit_id = u.id AND f.published) ORDER BY u.path`,
    ),
    rows<{ code: string; name: string; name_en: string | null }>(
      db,
      sql`SELECT c.code, c.name, c.name_en FROM feedback_categories c WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.category_id = c.id AND f.published)
          ORDER BY c.position, c.name`,
    ),
  ]);
  return { units, categories };
}

// ---------- leaders' hotline numbers ----------

export interface HotlineRow {
  unit_code: string;
  unit_name: string;
  unit_path: string;
  name: string;
  title: string;
  phone: string;
  email: string | null;
}

/** Every unit's published hotline numbers (đường dây nóng của lãnh đạo), in tree order, or one unit's. */
export function listHotlines(db: Db, unitCode: string | null): Promise<HotlineRow[]> {
  return rows<HotlineRow>(
    db,
    sql`SELECT u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, h.name, h.title, h.phone, h.email
        FROM unit_hotlines h JOIN units u ON u.id = h.unit_id
        WHERE u.merged_into_id IS NULL ${unitCode ? sql`AND u.code = ${unitCode}` : sql``}
        ORDER BY u.path, h.position, h.id`,
  );
}

/** Units that publish hotline numbers (the page's unit filter). */
export function unitsWithHotlines(db: Db): Promise<{ code: string; name: string }[]> {
  return rows<{ code: string; name: string }>(
    db,
    sql`SELECT u.code, u.name FROM units u WHERE u.merged_into_id IS NULL AND EXISTS (SELECT 1 FROM unit_hotlines h WHERE h.unit_id = u.id) ORDER BY u.path`,
  );
}
