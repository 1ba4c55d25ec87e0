import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { CheckedResponse, RespondentKind, SurveyDraft, SurveyQuestion } from './rules/survey.ts';

/** Timestamps arrive as text from drizzle's node-postgres driver. */
type Moment = Date | string;
const ids = (list: number[]) => `{${list.map((n) => Math.trunc(n)).join(',')}}`;

// ---------- the commitment ----------

export interface VersionRow {
  version: number;
  effective_on: string;
  title: string;
  body: string;
  created_at: Moment;
}

export function listVersions(db: Db): Promise<VersionRow[]> {
  return rows<VersionRow>(db, sql`SELECT version, effective_on::text, title, body, created_at FROM conduct_commitment_versions ORDER BY version DESC`);
}

/** Adds the next version (numbers are handed out under a transaction lock, so two editors never clash). */
export async function insertVersion(tx: Db, v: { title: string; body: string; effectiveOn: string; userId: number | null }): Promise<number> {
  await tx.execute(sql`LOCK TABLE conduct_commitment_versions IN SHARE ROW EXCLUSIVE MODE`);
  const row = await one<{ version: number }>(
    tx,
    sql`INSERT INTO conduct_commitment_versions (version, effective_on, title, body, created_by)
        SELECT coalesce(max(version), 0) + 1, ${v.effectiveOn}::date, ${v.title}, ${v.body}, ${v.userId}::bigint FROM conduct_commitment_versions
        RETURNING version`,
  );
  return Number(row?.version);
}

export interface SignatureRow {
  version: number;
  signed_at: Moment;
}

export function signaturesOf(db: Db, userId: number): Promise<SignatureRow[]> {
  return rows<SignatureRow>(db, sql`SELECT version, signed_at FROM conduct_commitment_signatures WHERE user_id = ${userId} ORDER BY version DESC`);
}

/** Records a signature once: a second signing of the same version changes nothing and returns null. */
export function insertSignature(tx: Db, userId: number, version: number, ip: string | null): Promise<{ signed_at: Moment } | null> {
  return one(
    tx,
    sql`INSERT INTO conduct_commitment_signatures (user_id, version, ip) VALUES (${userId}, ${version}, ${ip})
        ON CONFLICT (user_id, version) DO NOTHING RETURNING signed_at`,
  );
}

/** When each of the accounts signed `version`, for those who did. */
export async function signaturesOfVersion(db: Db, userIds: number[], version: number): Promise<Map<number, Moment>> {
  if (userIds.length === 0) return new Map();
  const list = await rows<{ user_id: number; signed_at: Moment }>(
    db,
    sql`SELECT user_id::int AS user_id, signed_at FROM conduct_commitment_signatures WHERE version = ${version} AND user_id = ANY(${ids(userIds)}::bigint[])`,
  );
  return new Map(list.map((s) => [s.user_id, s.signed_at]));
}

// ---------- surveys ----------

export interface SurveyRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  title: string;
  intro: string | null;
  opens_on: string;
  closes_on: string;
  ask_official: boolean;
  ask_procedure: boolean;
  created_at: Moment;
  responses: number;
}

const surveyColumns = sql`s.id, s.unit_id, un.code AS unit_code, un.name AS unit_name, un.path AS unit_path, s.title, s.intro,
  s.opens_on::text, s.closes_on::text, s.ask_official, s.ask_procedure, s.created_at,
  (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS responses`;

export function findSurvey(db: Db, id: number): Promise<SurveyRow | null> {
  return one<SurveyRow>(db, sql`SELECT ${surveyColumns} FROM surveys s JOIN units un ON un.id = s.unit_id WHERE s.id = ${id}`);
}

export function listSurveys(db: Db, unitId: number): Promise<SurveyRow[]> {
  return rows<SurveyRow>(
    db,
    sql`SELECT ${surveyColumns} FROM surveys s JOIN units un ON un.id = s.unit_id WHERE s.unit_id = ${unitId} ORDER BY s.opens_on DESC, s.id DESC LIMIT 200`,
  );
}

/** Surveys taking answers on `today`, for the public list. */
export function listOpenSurveys(db: Db, today: string): Promise<SurveyRow[]> {
  return rows<SurveyRow>(
    db,
    sql`SELECT ${surveyColumns} FROM surveys s JOIN units un ON un.id = s.unit_id
        WHERE s.opens_on <= ${today}::date AND s.closes_on >= ${today}::date ORDER BY un.path, s.id DESC LIMIT 200`,
  );
}

export async function insertSurvey(tx: Db, unitId: number, d: SurveyDraft, userId: number | null): Promise<number> {
  const row = await one<{ id: string }>(
    tx,
    sql`INSERT INTO surveys (unit_id, title, intro, opens_on, closes_on, ask_official, ask_procedure, created_by)
        VALUES (${unitId}, ${d.title}, ${d.intro}, ${d.opensOn}::date, ${d.closesOn}::date, ${d.askOfficial}, ${d.askProcedure}, ${userId}::bigint)
        RETURNING id`,
  );
  const id = Number(row?.id);
  for (const q of d.questions) {
    await tx.execute(
      sql`INSERT INTO survey_questions (survey_id, position, kind, aspect, label) VALUES (${id}, ${q.position}, ${q.kind}, ${q.aspect}, ${q.label})`,
    );
  }
  return id;
}

export function questionsOf(db: Db, surveyId: number): Promise<SurveyQuestion[]> {
  return rows<SurveyQuestion>(db, sql`SELECT position, kind, aspect, label FROM survey_questions WHERE survey_id = ${surveyId} ORDER BY position`);
}

export function findResponseByKey(db: Db, surveyId: number, key: string): Promise<{ id: number } | null> {
  return one(db, sql`SELECT id::int AS id FROM survey_responses WHERE survey_id = ${surveyId} AND idempotency_key = ${key}`);
}

export interface NewResponse {
  surveyId: number;
  unitId: number;
  channel: 'online' | 'paper';
  respondentKind: RespondentKind | null;
  official: { id: number; name: string } | null;
  procedure: { id: number; name: string } | null;
  answeredOn: string;
  key: string | null;
  enteredBy: number | null;
  response: CheckedResponse;
}

/** Inserts a response and its answers; null when the idempotency key was already used (nothing written). */
export async function insertResponse(tx: Db, r: NewResponse): Promise<number | null> {
  const c = r.response;
  const row = await one<{ id: string }>(
    tx,
    sql`INSERT INTO survey_responses (survey_id, unit_id, channel, respondent_kind, official_user_id, official_name, procedure_id, procedure_name,
          respondent_name, contact, contact_kind, contact_consent, answered_on, idempotency_key, entered_by)
        VALUES (${r.surveyId}, ${r.unitId}, ${r.channel}, ${r.respondentKind}, ${r.official?.id ?? null}::bigint, ${r.official?.name ?? null},
          ${r.procedure?.id ?? null}::bigint, ${r.procedure?.name ?? null}, ${c.name}, ${c.contact?.value ?? null}, ${c.contact?.kind ?? null},
          ${c.consent}, ${r.answeredOn}::date, ${r.key}, ${r.enteredBy}::bigint)
        ON CONFLICT (survey_id, idempotency_key) DO NOTHING
        RETURNING id`,
  );
  if (!row) return null;
  const id = Number(row.id);
  for (const a of c.answers) {
    await tx.execute(sql`INSERT INTO survey_answers (response_id, position, rating, text_answer) VALUES (${id}, ${a.position}, ${a.rating}, ${a.text})`);
  }
  return id;
}

// ---------- results ----------

export interface LevelRow {
  key: string;
  label: string | null;
  rat_hai_long: number;
  hai_long: number;
  binh_thuong: number;
  khong_hai_long: number;
  responses: number;
}

const levelColumns = sql`count(*) FILTER (WHERE a.rating = 'rat_hai_long')::int AS rat_hai_long,
  count(*) FILTER (WHERE a.rating = 'hai_long')::int AS hai_long,
  count(*) FILTER (WHERE a.rating = 'binh_thuong')::int AS binh_thuong,
  count(*) FILTER (WHERE a.rating = 'khong_hai_long')::int AS khong_hai_long,
  count(DISTINCT r.id)::int AS responses`;

/**
 * Rating counts of the responses given in [from, to] at the units, grouped by `by`: 'all', 'unit', 'procedure',
 * 'official' or 'aspect'. Responses without a rating still count in `responses` of 'all' and 'unit'.
 */
export function levelCounts(
  db: Db,
  q: { unitIds: number[]; from: string; to: string },
  by: 'all' | 'unit' | 'procedure' | 'official' | 'aspect',
): Promise<LevelRow[]> {
  const group = {
    all: { key: sql`'all'`, label: sql`NULL::text`, where: sql`true` },
    unit: { key: sql`un.code`, label: sql`max(un.name)`, where: sql`true` },
    procedure: { key: sql`p.code`, label: sql`max(r.procedure_name)`, where: sql`r.procedure_id IS NOT NULL` },
    official: { key: sql`r.official_user_id::text`, label: sql`max(r.official_name)`, where: sql`r.official_user_id IS NOT NULL` },
    aspect: { key: sql`sq.aspect`, label: sql`NULL::text`, where: sql`sq.aspect IS NOT NULL` },
  }[by];
  return rows<LevelRow>(
    db,
    sql`SELECT ${group.key} AS key, ${group.label} AS label, ${levelColumns}
        FROM survey_responses r
        JOIN units un ON un.id = r.unit_id
        LEFT JOIN procedures p ON p.id = r.procedure_id
        LEFT JOIN survey_answers a ON a.response_id = r.id AND a.rating IS NOT NULL
        LEFT JOIN survey_questions sq ON sq.survey_id = r.survey_id AND sq.position = a.position
        WHERE r.unit_id = ANY(${ids(q.unitIds)}::bigint[]) AND r.answered_on BETWEEN ${q.from}::date AND ${q.to}::date AND ${group.where}
        GROUP BY 1 ORDER BY 1`,
  );
}

export interface TextAnswerRow {
  survey_id: number;
  survey_title: string;
  unit_name: string;
  label: string;
  text_answer: string;
  answered_on: string;
  channel: 'online' | 'paper';
}

/** The free-text answers given in [from, to] at the units, newest first (never with a name or contact). */
export function textAnswers(db: Db, q: { unitIds: number[]; from: string; to: string }, limit = 500): Promise<TextAnswerRow[]> {
  return rows<TextAnswerRow>(
    db,
    sql`SELECT s.id::int AS survey_id, s.title AS survey_title, un.name AS unit_name, sq.label, a.text_answer, r.answered_on::text, r.channel
        FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id JOIN surveys s ON s.id = r.survey_id JOIN units un ON un.id = r.unit_id
        JOIN survey_questions sq ON sq.survey_id = r.survey_id AND sq.position = a.position
        WHERE a.text_answer IS NOT NULL AND r.unit_id = ANY(${ids(q.unitIds)}::bigint[]) AND r.answered_on BETWEEN ${q.from}::date AND ${q.to}::date
        ORDER BY r.answered_on DESC, r.id DESC, a.position LIMIT ${limit}`,
  );
}
