import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, rows } from '../../platform/db/query.ts';
import type { ContactKind } from '../../platform/text/index.ts';
import { todayInVietnam, versionInForceOn } from '../procedures/index.ts';
import type { QuestionStatus, RejectReason, ReviewState } from './rules/review.ts';

/**
 * A question without its asker's personal data: the name and contact are read only by findQuestionContact, so no
 * list or presenter can carry them by accident.
 */
export interface QuestionRow {
  id: number;
  code: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  procedure_id: number | null;
  procedure_code: string | null;
  /** The name of the procedure version in force on the day asked for (null when none is). */
  procedure_name: string | null;
  question: string;
  status: QuestionStatus;
  published: boolean;
  answer: string | null;
  internal_note: string | null;
  reject_reason: RejectReason | null;
  reject_note: string | null;
  answered_by: number | null;
  answered_by_name: string | null;
  answered_at: Date | string | null;
  published_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  /** Whether the asker left a name or contact (not the data itself). */
  has_contact: boolean;
}

/** PERSONAL DATA of the asker: for staff of the question's unit, each read audited (see read-question-contact.ts). */
export interface QuestionContact {
  asker_name: string | null;
  asker_contact: string | null;
  contact_kind: ContactKind | null;
  contact_consent: boolean;
}

const columns = (day: string) => sql`q.id, q.code, q.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
  q.procedure_id, p.code AS procedure_code, v.name AS procedure_name, q.question, q.status, q.published, q.answer, q.internal_note,
  q.reject_reason, q.reject_note, q.answered_by, au.full_name AS answered_by_name, q.answered_at, q.published_at, q.created_at, q.updated_at,
  (q.asker_contact IS NOT NULL OR q.asker_name IS NOT NULL) AS has_contact
  FROM questions q JOIN units u ON u.id = q.unit_id
  LEFT JOIN procedures p ON p.id = q.procedure_id
  LEFT JOIN procedure_versions v ON v.procedure_id = q.procedure_id AND ${versionInForceOn(day)}
  LEFT JOIN users au ON au.id = q.answered_by`;

export interface NewQuestion {
  code: string;
  unitId: number;
  procedureId: number | null;
  question: string;
  askerName: string | null;
  askerContact: string | null;
  contactKind: ContactKind | null;
  contactConsent: boolean;
  idempotencyKey: string | null;
}

/** Inserts a question; null when its code is already taken (the caller draws another). */
export async function insertQuestion(db: Db, q: NewQuestion): Promise<{ id: number } | null> {
  return one<{ id: number }>(
    db,
    sql`INSERT INTO questions (code, unit_id, procedure_id, question, asker_name, asker_contact, contact_kind, contact_consent, idempotency_key)
        VALUES (${q.code}, ${q.unitId}, ${q.procedureId}, ${q.question}, ${q.askerName}, ${q.askerContact}, ${q.contactKind}, ${q.contactConsent},
          ${q.idempotencyKey})
        ON CONFLICT (code) DO NOTHING
        RETURNING id`,
  );
}

export function findQuestionByCode(db: Db, code: string, day: string): Promise<QuestionRow | null> {
  return one<QuestionRow>(db, sql`SELECT ${columns(day)} WHERE q.code = ${code}`);
}

export function findQuestionById(db: Db, id: number, day: string): Promise<QuestionRow | null> {
  return one<QuestionRow>(db, sql`SELECT ${columns(day)} WHERE q.id = ${id}`);
}

/** The question an earlier submission with this idempotency key made, if any. */
export async function findQuestionCodeByKey(db: Db, key: string): Promise<string | null> {
  const r = await one<{ code: string }>(db, sql`SELECT code FROM questions WHERE idempotency_key = ${key}`);
  return r?.code ?? null;
}

/** Locks the question for the rest of the transaction (two officials saving at once apply one after the other). */
export async function lockQuestion(db: Db, id: number): Promise<void> {
  await db.execute(sql`SELECT id FROM questions WHERE id = ${id} FOR UPDATE`);
}

export function findQuestionContact(db: Db, id: number): Promise<QuestionContact | null> {
  return one<QuestionContact>(db, sql`SELECT asker_name, asker_contact, contact_kind, contact_consent FROM questions WHERE id = ${id}`);
}

/** Writes an official's review (see rules/review.ts); answered_at and published_at keep the first time each happened. */
export async function updateReview(db: Db, id: number, next: ReviewState, userId: number | null): Promise<void> {
  const answered = next.status === 'answered';
  await db.execute(sql`
    UPDATE questions SET status = ${next.status}, published = ${next.published}, answer = ${next.answer}, internal_note = ${next.internalNote},
      reject_reason = ${next.rejectReason}, reject_note = ${next.rejectNote},
      answered_by = CASE WHEN ${answered} THEN ${userId}::bigint ELSE answered_by END,
      answered_at = CASE WHEN ${answered} THEN coalesce(answered_at, now()) ELSE answered_at END,
      published_at = CASE WHEN ${next.published} THEN coalesce(published_at, now()) ELSE published_at END,
      updated_at = now()
    WHERE id = ${id}`);
}

export interface QuestionFilters {
  /** Cleaned search text (rules/search.ts). */
  text?: string | null;
  unitIds?: number[];
  procedureId?: number;
  /** Staff lists: only this status. */
  status?: QuestionStatus;
  /** Public lists: only answered and published questions. */
  publishedOnly: boolean;
  day: string;
  limit: number;
  offset: number;
}

/**
 * Questions matching the filters. Public lists show answered, published questions, newest answer first; staff lists
 * put unanswered questions first, then the newest. Text matches every word, without diacritics, in the question or
 * its answer (a substring match served by the trigram index); when that finds nothing, a second pass matches by
 * trigram word similarity, which tolerates a typo.
 */
export async function searchQuestions(db: Db, f: QuestionFilters): Promise<{ rows: QuestionRow[]; total: number }> {
  const where: SQL[] = [];
  if (f.publishedOnly) where.push(sql`q.published`);
  if (f.unitIds) where.push(f.unitIds.length ? sql`q.unit_id = ANY(${`{${f.unitIds.join(',')}}`}::bigint[])` : sql`false`);
  if (f.procedureId !== undefined) where.push(sql`q.procedure_id = ${f.procedureId}`);
  if (f.status) where.push(sql`q.status = ${f.status}`);
  const order = f.publishedOnly ? sql`q.published_at DESC, q.id DESC` : sql`(q.status = 'pending') DESC, q.created_at DESC, q.id DESC`;
  const page = async (extra: SQL | null, ranked: SQL) => {
    const all = extra ? [...where, extra] : where;
    const cond = all.length ? sql.join(all, sql` AND `) : sql`true`;
    const list = await rows<QuestionRow>(db, sql`SELECT ${columns(f.day)} WHERE ${cond} ORDER BY ${ranked} LIMIT ${f.limit} OFFSET ${f.offset}`);
    const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM questions q WHERE ${cond}`);
    return { rows: list, total: total?.n ?? 0 };
  };
  if (!f.text) return page(null, order);
  const nq = sql`vn_unaccent(${f.text})`;
  const words = f.text.split(' ').filter(Boolean);
  const everyWord = sql.join(
    words.map((w) => sql`q.search_text LIKE '%' || vn_unaccent(${likeEscape(w)}) || '%'`),
    sql` AND `,
  );
  const exact = await page(everyWord, sql`word_similarity(${nq}, q.search_text) DESC, ${order}`);
  if (exact.total > 0 || f.offset > 0) return exact;
  return page(sql`${nq} <% q.search_text`, sql`word_similarity(${nq}, q.search_text) DESC, ${order}`);
}

/** Units that have at least one published question (the public unit filter), in tree order. */
export function unitsWithPublished(db: Db): Promise<{ code: string; name: string }[]> {
  return rows<{ code: string; name: string }>(
    db,
    sql`SELECT u.code, u.name FROM units u WHERE EXISTS (SELECT 1 FROM questions q WHERE q.unit_id = u.id AND q.published) ORDER BY u.path`,
  );
}

/** Procedures that have at least one published question (the public procedure filter). */
export function proceduresWithPublished(db: Db, day: string): Promise<{ code: string; name: string | null }[]> {
  return rows<{ code: string; name: string | null }>(
    db,
    sql`SELECT p.code, v.name FROM procedures p
        LEFT JOIN procedure_versions v ON v.procedure_id = p.id AND ${versionInForceOn(day)}
        WHERE EXISTS (SELECT 1 FROM questions q WHERE q.procedure_id = p.id AND q.published) ORDER BY p.code`,
  );
}

/** Procedures asked about at a unit (the staff filter). */
export function proceduresAskedAt(db: Db, unitId: number, day: string): Promise<{ code: string; name: string | null }[]> {
  return rows<{ code: string; name: string | null }>(
    db,
    sql`SELECT p.code, v.name FROM procedures p
        LEFT JOIN procedure_versions v ON v.procedure_id = p.id AND ${versionInForceOn(day)}
        WHERE EXISTS (SELECT 1 FROM questions q WHERE q.procedure_id = p.id AND q.unit_id = ${unitId}) ORDER BY p.code`,
  );
}

/** Counts of a unit's questions by status (the staff list's summary). */
export async function countsAt(db: Db, unitId: number): Promise<Record<QuestionStatus, number>> {
  const r = await rows<{ status: QuestionStatus; n: number }>(
    db,
    sql`SELECT status, count(*)::int AS n FROM questions WHERE unit_id = ${unitId} GROUP BY status`,
  );
  const out: Record<QuestionStatus, number> = { pending: 0, answered: 0, rejected: 0 };
  for (const x of r) out[x.status] = x.n;
  return out;
}

/**
 * The answered, published questions about a procedure, newest answer first, for a block beside the procedure
 * ("answered questions next to the procedures they concern"). Read-only; no personal data (see QuestionRow).
 */
export async function answeredQuestionsFor(db: Db, procedureCode: string, limit = 5, day?: string): Promise<{ items: QuestionRow[]; total: number }> {
  const p = await one<{ id: number }>(db, sql`SELECT id FROM procedures WHERE code = ${procedureCode}`);
  if (!p) return { items: [], total: 0 };
  const found = await searchQuestions(db, { procedureId: p.id, publishedOnly: true, day: day ?? todayInVietnam(new Date()), limit, offset: 0 });
  return { items: found.rows, total: found.total };
}
