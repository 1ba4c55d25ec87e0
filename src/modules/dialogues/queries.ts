import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, pathInScopes, rows } from '../../platform/db/query.ts';
import type { ContactKind } from '../../platform/text/index.ts';
import type { CommitmentStatus } from './rules/commitments.ts';
import type { QuestionStatus } from './rules/questions.ts';
import type { DialogueDraft, DialogueFormat, DialogueKind, DialogueState, DialogueStatus } from './rules/schedule.ts';

export interface HeldDialogueRow {
  unit_id: number;
  kind: DialogueKind;
  day: string;
}

type Scopes = { path: string; subtree: boolean }[] | null;

export interface DialogueRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  unit_kind: string;
  kind: DialogueKind;
  format: DialogueFormat | null;
  title: string;
  description: string | null;
  starts_at: Date;
  ends_at: Date;
  place: string;
  status: DialogueStatus;
  cancel_reason: string | null;
  summary: string | null;
  sequence: number;
  created_at: Date;
  updated_at: Date;
}

const dialogueCols = sql`d.id::int AS id, d.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, u.kind AS unit_kind,
  d.kind, d.format, d.title, d.description, d.starts_at, d.ends_at, d.place, d.status, d.cancel_reason, d.summary, d.sequence,
  d.created_at, d.updated_at
  FROM dialogues d JOIN units u ON u.id = d.unit_id`;

export async function insertDialogue(db: Db, unitId: number, d: DialogueDraft, userId: number | null): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO dialogues (unit_id, kind, format, title, description, starts_at, ends_at, place, created_by)
        VALUES (${unitId}, ${d.kind}, ${d.format}, ${d.title}, ${d.description}, ${d.startsAt.toISOString()}::timestamptz,
          ${d.endsAt.toISOString()}::timestamptz, ${d.place}, ${userId})
        RETURNING id::int AS id`,
  );
  return (r as { id: number }).id;
}

export function findDialogue(db: Db, id: number): Promise<DialogueRow | null> {
  return one<DialogueRow>(db, sql`SELECT ${dialogueCols} WHERE d.id = ${id}`);
}

/** Locks a dialogue for the rest of the transaction (two officials saving at once apply one after the other). */
export async function lockDialogue(db: Db, id: number): Promise<void> {
  await db.execute(sql`SELECT id FROM dialogues WHERE id = ${id} FOR UPDATE`);
}

/** Writes a new schedule; the iCalendar sequence goes up so calendar clients replace their copy. */
export async function updateSchedule(db: Db, id: number, d: DialogueDraft): Promise<void> {
  await db.execute(sql`
    UPDATE dialogues SET kind = ${d.kind}, format = ${d.format}, title = ${d.title}, description = ${d.description},
      starts_at = ${d.startsAt.toISOString()}::timestamptz, ends_at = ${d.endsAt.toISOString()}::timestamptz, place = ${d.place},
      sequence = sequence + 1, updated_at = now()
    WHERE id = ${id}`);
}

export async function updateOutcome(db: Db, id: number, s: DialogueState): Promise<void> {
  await db.execute(sql`
    UPDATE dialogues SET status = ${s.status}, cancel_reason = ${s.cancelReason}, summary = ${s.summary},
      sequence = sequence + CASE WHEN status = ${s.status} THEN 0 ELSE 1 END, updated_at = now()
    WHERE id = ${id}`);
}

export interface DialogueFilters {
  /** Only dialogues of units in these scopes (staff lists); null for every unit. */
  scopes?: Scopes;
  /** Only this unit and the units below it. */
  underPath?: string;
  kind?: DialogueKind;
  status?: DialogueStatus;
  /** upcoming: not yet ended, soonest first; past: ended, latest first; all: latest first. */
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  limit: number;
  offset: number;
}

export async function listDialogues(db: Db, f: DialogueFilters): Promise<{ rows: DialogueRow[]; total: number }> {
  const where: SQL[] = [];
  if (f.scopes !== undefined) where.push(pathInScopes(sql`u.path`, f.scopes));
  if (f.underPath) where.push(sql`u.path LIKE ${`${likeEscape(f.underPath)}%`}`);
  if (f.kind) where.push(sql`d.kind = ${f.kind}`);
  if (f.status) where.push(sql`d.status = ${f.status}`);
  const now = f.now.toISOString();
  if (f.when === 'upcoming') where.push(sql`d.ends_at >= ${now}::timestamptz`);
  if (f.when === 'past') where.push(sql`d.ends_at < ${now}::timestamptz`);
  const cond = where.length ? sql.join(where, sql` AND `) : sql`true`;
  const order = f.when === 'upcoming' ? sql`d.starts_at ASC, d.id ASC` : sql`d.starts_at DESC, d.id DESC`;
  const list = await rows<DialogueRow>(db, sql`SELECT ${dialogueCols} WHERE ${cond} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}`);
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM dialogues d JOIN units u ON u.id = d.unit_id WHERE ${cond}`);
  return { rows: list, total: total?.n ?? 0 };
}

/** Dialogues for the iCalendar feed: from `since` on, of every unit or of one unit's subtree, at most `limit`. */
export function calendarDialogues(db: Db, underPath: string | null, since: Date, limit: number): Promise<DialogueRow[]> {
  const under = underPath ? sql`u.path LIKE ${`${likeEscape(underPath)}%`}` : sql`true`;
  return rows<DialogueRow>(
    db,
    sql`SELECT ${dialogueCols} WHERE ${under} AND d.ends_at >= ${since.toISOString()}::timestamptz ORDER BY d.starts_at LIMIT ${limit}`,
  );
}

/** Dialogues held under a path, with the day in Vietnam each started on (the coverage view). */
export function heldDialogues(db: Db, underPath: string, fromDay: string, toDay: string): Promise<HeldDialogueRow[]> {
  return rows<HeldDialogueRow>(
    db,
    sql`SELECT d.unit_id::int AS unit_id, d.kind, to_char(d.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day
        FROM dialogues d JOIN units u ON u.id = d.unit_id
        WHERE d.status = 'held' AND u.path LIKE ${`${likeEscape(underPath)}%`}
          AND (d.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${fromDay}::date AND ${toDay}::date`,
  );
}

// ---------- participants ----------

export interface ParticipantRow {
  id: number;
  dialogue_id: number;
  kind: 'official' | 'business';
  user_id: number | null;
  username: string | null;
  name: string;
  position: string | null;
  tax_code: string | null;
  representative: string | null;
}

export interface NewParticipant {
  kind: 'official' | 'business';
  userId: number | null;
  name: string;
  position: string | null;
  taxCode: string | null;
  representative: string | null;
}

export function listParticipants(db: Db, dialogueId: number): Promise<ParticipantRow[]> {
  return rows<ParticipantRow>(
    db,
    sql`SELECT p.id::int AS id, p.dialogue_id::int AS dialogue_id, p.kind, p.user_id::int AS user_id, us.username, p.name, p.position, p.tax_code,
          p.representative
        FROM dialogue_participants p LEFT JOIN users us ON us.id = p.user_id
        WHERE p.dialogue_id = ${dialogueId} ORDER BY (p.kind = 'business'), p.id`,
  );
}

/** Adds a participant; null when the business (by tax code) already takes part. */
export async function insertParticipant(db: Db, dialogueId: number, p: NewParticipant): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO dialogue_participants (dialogue_id, kind, user_id, name, position, tax_code, representative)
        VALUES (${dialogueId}, ${p.kind}, ${p.userId}, ${p.name}, ${p.position}, ${p.taxCode}, ${p.representative})
        ON CONFLICT (dialogue_id, tax_code) WHERE tax_code IS NOT NULL DO NOTHING
        RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

export function deleteParticipant(db: Db, dialogueId: number, id: number): Promise<ParticipantRow | null> {
  return one<ParticipantRow>(
    db,
    sql`DELETE FROM dialogue_participants WHERE id = ${id} AND dialogue_id = ${dialogueId}
        RETURNING id::int AS id, dialogue_id::int AS dialogue_id, kind, user_id::int AS user_id, NULL AS username, name, position, tax_code, representative`,
  );
}

// ---------- questions ----------

/** A question without its asker's personal data (read only by findQuestionContact). */
export interface QuestionRow {
  id: number;
  dialogue_id: number;
  question: string;
  status: QuestionStatus;
  answer: string | null;
  answered_at: Date | null;
  created_at: Date;
  /** Whether the asker left a name or contact (not the data itself). */
  has_contact: boolean;
}

/** PERSONAL DATA of the asker: staff only, each read audited (see read-question-contact.ts). */
export interface QuestionContact {
  asker_name: string | null;
  asker_contact: string | null;
  contact_kind: ContactKind | null;
  contact_consent: boolean;
}

const questionCols = sql`id::int AS id, dialogue_id::int AS dialogue_id, question, status, answer, answered_at, created_at,
  (asker_name IS NOT NULL OR asker_contact IS NOT NULL) AS has_contact FROM dialogue_questions`;

export interface NewQuestion {
  question: string;
  askerName: string | null;
  askerContact: string | null;
  contactKind: ContactKind | null;
  contactConsent: boolean;
  idempotencyKey: string | null;
}

export async function insertQuestion(db: Db, dialogueId: number, q: NewQuestion): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO dialogue_questions (dialogue_id, question, asker_name, asker_contact, contact_kind, contact_consent, idempotency_key)
        VALUES (${dialogueId}, ${q.question}, ${q.askerName}, ${q.askerContact}, ${q.contactKind}, ${q.contactConsent}, ${q.idempotencyKey})
        RETURNING id::int AS id`,
  );
  return (r as { id: number }).id;
}

export async function findQuestionIdByKey(db: Db, key: string): Promise<{ id: number; dialogue_id: number } | null> {
  return one<{ id: number; dialogue_id: number }>(
    db,
    sql`SELECT id::int AS id, dialogue_id::int AS dialogue_id FROM dialogue_questions WHERE idempotency_key = ${key}`,
  );
}

/** A dialogue's questions: all of them for staff (received and selected first), the answered ones for the public. */
export function listQuestions(db: Db, dialogueId: number, answeredOnly: boolean): Promise<QuestionRow[]> {
  const only = answeredOnly ? sql`AND status = 'answered'` : sql``;
  return rows<QuestionRow>(
    db,
    sql`SELECT ${questionCols} WHERE dialogue_id = ${dialogueId} ${only}
        ORDER BY CASE status WHEN 'selected' THEN 0 WHEN 'received' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END, created_at, id`,
  );
}

export function findQuestion(db: Db, dialogueId: number, id: number): Promise<QuestionRow | null> {
  return one<QuestionRow>(db, sql`SELECT ${questionCols} WHERE dialogue_id = ${dialogueId} AND id = ${id}`);
}

export function findQuestionContact(db: Db, id: number): Promise<QuestionContact | null> {
  return one<QuestionContact>(db, sql`SELECT asker_name, asker_contact, contact_kind, contact_consent FROM dialogue_questions WHERE id = ${id}`);
}

export async function updateQuestionReview(db: Db, id: number, status: QuestionStatus, answer: string | null, userId: number | null): Promise<void> {
  const answered = status === 'answered';
  await db.execute(sql`
    UPDATE dialogue_questions SET status = ${status}, answer = ${answer},
      answered_by = CASE WHEN ${answered} THEN ${userId}::bigint ELSE NULL END,
      answered_at = CASE WHEN ${answered} THEN coalesce(answered_at, now()) ELSE NULL END,
      updated_at = now()
    WHERE id = ${id}`);
}

export async function questionCounts(db: Db, dialogueId: number): Promise<Record<QuestionStatus, number>> {
  const r = await rows<{ status: QuestionStatus; n: number }>(
    db,
    sql`SELECT status, count(*)::int AS n FROM dialogue_questions WHERE dialogue_id = ${dialogueId} GROUP BY status`,
  );
  const out: Record<QuestionStatus, number> = { received: 0, selected: 0, answered: 0, declined: 0 };
  for (const x of r) out[x.status] = x.n;
  return out;
}

// ---------- commitments ----------

export interface CommitmentRow {
  id: number;
  dialogue_id: number;
  dialogue_title: string;
  dialogue_unit_name: string;
  dialogue_unit_path: string;
  question_id: number | null;
  text: string;
  owner_unit_id: number;
  owner_unit_code: string;
  owner_unit_name: string;
  owner_unit_path: string;
  deadline: string;
  status: CommitmentStatus;
  outcome: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const commitmentCols = sql`c.id::int AS id, c.dialogue_id::int AS dialogue_id, d.title AS dialogue_title, du.name AS dialogue_unit_name,
  du.path AS dialogue_unit_path, c.question_id::int AS question_id, c.text, c.owner_unit_id::int AS owner_unit_id, ou.code AS owner_unit_code,
  ou.name AS owner_unit_name, ou.path AS owner_unit_path, to_char(c.deadline, 'YYYY-MM-DD') AS deadline, c.status, c.outcome, c.closed_at,
  c.created_at, c.updated_at
  FROM dialogue_commitments c JOIN dialogues d ON d.id = c.dialogue_id JOIN units du ON du.id = d.unit_id JOIN units ou ON ou.id = c.owner_unit_id`;

export interface CommitmentValues {
  text: string;
  ownerUnitId: number;
  deadline: string;
  status: CommitmentStatus;
  outcome: string | null;
  questionId: number | null;
}

export async function insertCommitment(db: Db, dialogueId: number, c: CommitmentValues): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO dialogue_commitments (dialogue_id, question_id, text, owner_unit_id, deadline, status, outcome, closed_at)
        VALUES (${dialogueId}, ${c.questionId}, ${c.text}, ${c.ownerUnitId}, ${c.deadline}::date, ${c.status}, ${c.outcome},
          CASE WHEN ${c.status} = 'open' THEN NULL ELSE now() END)
        RETURNING id::int AS id`,
  );
  return (r as { id: number }).id;
}

export function findCommitment(db: Db, dialogueId: number, id: number): Promise<CommitmentRow | null> {
  return one<CommitmentRow>(db, sql`SELECT ${commitmentCols} WHERE c.dialogue_id = ${dialogueId} AND c.id = ${id}`);
}

export async function lockCommitment(db: Db, id: number): Promise<void> {
  await db.execute(sql`SELECT id FROM dialogue_commitments WHERE id = ${id} FOR UPDATE`);
}

export async function updateCommitment(db: Db, id: number, c: CommitmentValues): Promise<void> {
  await db.execute(sql`
    UPDATE dialogue_commitments SET text = ${c.text}, owner_unit_id = ${c.ownerUnitId}, deadline = ${c.deadline}::date, status = ${c.status},
      outcome = ${c.outcome}, question_id = ${c.questionId},
      closed_at = CASE WHEN ${c.status} = 'open' THEN NULL ELSE coalesce(closed_at, now()) END, updated_at = now()
    WHERE id = ${id}`);
}

export function listCommitments(db: Db, dialogueId: number): Promise<CommitmentRow[]> {
  return rows<CommitmentRow>(db, sql`SELECT ${commitmentCols} WHERE c.dialogue_id = ${dialogueId} ORDER BY c.id`);
}

/**
 * Open commitments across a subtree (owned by a unit in it, or made at a dialogue of a unit in it) and within the
 * viewer's scopes, earliest deadline first; `overdueBefore` keeps only those whose deadline is before that day.
 */
export function openCommitments(db: Db, f: { underPath: string; scopes: Scopes; overdueBefore: string | null; limit: number }): Promise<CommitmentRow[]> {
  const under = `${likeEscape(f.underPath)}%`;
  const late = f.overdueBefore ? sql`AND c.deadline < ${f.overdueBefore}::date` : sql``;
  return rows<CommitmentRow>(
    db,
    sql`SELECT ${commitmentCols}
        WHERE c.status = 'open' ${late}
          AND (ou.path LIKE ${under} OR du.path LIKE ${under})
          AND (${pathInScopes(sql`ou.path`, f.scopes)} OR ${pathInScopes(sql`du.path`, f.scopes)})
        ORDER BY c.deadline, c.id LIMIT ${f.limit}`,
  );
}

/** Units that have at least one dialogue (the public unit filter), in tree order. */
export function unitsWithDialogues(db: Db): Promise<{ code: string; name: string }[]> {
  return rows<{ code: string; name: string }>(
    db,
    sql`SELECT u.code, u.name FROM units u WHERE EXISTS (SELECT 1 FROM dialogues d WHERE d.unit_id = u.id) ORDER BY u.path`,
  );
}
