/** All SQL of the letters module: letters, templates, the register counter, the opt-out list, proposals, activity. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, pathInScopes, rows } from '../../platform/db/query.ts';
import type { EventKind, LetterKind, LetterStatus } from './rules/kinds.ts';
import type { LetterContent } from './rules/letter.ts';

export interface LetterRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  unit_kind: string;
  kind: LetterKind;
  status: LetterStatus;
  origin: 'proposal' | 'manual';
  event_kind: EventKind;
  source_ref: string | null;
  dossier_id: number | null;
  dossier_code: string | null;
  tax_code: string | null;
  recipient_name: string;
  recipient_address: string | null;
  recipient_email: string | null;
  event_text: string;
  event_date: string;
  title: string;
  body: string;
  signer_name: string | null;
  signer_title: string | null;
  year: number | null;
  number: number | null;
  symbol: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  approved_by_name: string | null;
  sent_at: Date | null;
  sent_channel: 'email' | 'print' | null;
  printed_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const select = sql`
  SELECT l.id::int AS id, l.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, u.kind AS unit_kind,
         l.kind, l.status, l.origin, l.event_kind, l.source_ref, l.dossier_id::int AS dossier_id, d.code AS dossier_code, l.tax_code,
         l.recipient_name, l.recipient_address, l.recipient_email, l.event_text, to_char(l.event_date, 'YYYY-MM-DD') AS event_date,
         l.title, l.body, l.signer_name, l.signer_title, l.year, l.number, l.symbol,
         l.submitted_at, l.approved_at, a.full_name AS approved_by_name, l.sent_at, l.sent_channel, l.printed_at,
         l.version, l.created_at, l.updated_at
  FROM letters l
  JOIN units u ON u.id = l.unit_id
  LEFT JOIN dossiers d ON d.id = l.dossier_id
  LEFT JOIN users a ON a.id = l.approved_by`;

export function findLetter(db: Db, id: number): Promise<LetterRow | null> {
  return one<LetterRow>(db, sql`${select} WHERE l.id = ${id}`);
}

export interface LetterFilter {
  unitPath: string;
  scopes: { path: string; subtree: boolean }[] | null;
  kind?: LetterKind;
  status?: LetterStatus;
  /** Only letters with a register number (the register view). */
  numbered?: boolean;
  year?: number;
  text?: string;
  limit: number;
  offset: number;
}

/** Letters of a unit and the units below it that the viewer may see: numbered ones by register number, then the newest. */
export async function listLetters(db: Db, f: LetterFilter): Promise<{ rows: LetterRow[]; total: number }> {
  const where = sql`u.path LIKE ${`${likeEscape(f.unitPath)}%`} AND ${pathInScopes(sql`u.path`, f.scopes)}
    ${f.kind ? sql`AND l.kind = ${f.kind}` : sql``}
    ${f.status ? sql`AND l.status = ${f.status}` : sql``}
    ${f.numbered ? sql`AND l.number IS NOT NULL` : sql``}
    ${f.year ? sql`AND l.year = ${f.year}` : sql``}
    ${f.text ? sql`AND (vn_unaccent(l.recipient_name) LIKE ('%' || vn_unaccent(${likeEscape(f.text)}) || '%') OR upper(l.symbol) = upper(${f.text}))` : sql``}`;
  const [found, count] = await Promise.all([
    rows<LetterRow>(
      db,
      sql`${select} WHERE ${where} ORDER BY l.year DESC NULLS FIRST, l.number DESC NULLS FIRST, l.created_at DESC, l.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM letters l JOIN units u ON u.id = l.unit_id WHERE ${where}`),
  ]);
  return { rows: found, total: count?.n ?? 0 };
}

export interface NewLetter extends LetterContent {
  unitId: number;
  origin: 'proposal' | 'manual';
  eventKind: EventKind;
  sourceRef: string | null;
  dossierId: number | null;
  createdBy: number | null;
}

/** Inserts a draft; null when the event already has a letter (the unique (event_kind, source_ref)). */
export async function insertLetter(db: Db, l: NewLetter): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO letters (unit_id, kind, status, origin, event_kind, source_ref, dossier_id, tax_code, recipient_name, recipient_address,
                             recipient_email, event_text, event_date, title, body, signer_name, signer_title, created_by)
        VALUES (${l.unitId}, ${l.kind}, 'draft', ${l.origin}, ${l.eventKind}, ${l.sourceRef}, ${l.dossierId}, ${l.taxCode}, ${l.recipientName},
                ${l.recipientAddress}, ${l.recipientEmail}, ${l.eventText}, ${l.eventDate}, ${l.title}, ${l.body}, ${l.signerName}, ${l.signerTitle},
                ${l.createdBy})
        ON CONFLICT (event_kind, source_ref) DO NOTHING
        RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

/** Saves a draft's content if it is still a draft at the version the editor saw; false otherwise. */
export async function updateLetterContent(db: Db, id: number, version: number, c: LetterContent): Promise<boolean> {
  const r = await db.execute(
    sql`UPDATE letters SET kind = ${c.kind}, tax_code = ${c.taxCode}, recipient_name = ${c.recipientName}, recipient_address = ${c.recipientAddress},
          recipient_email = ${c.recipientEmail}, event_text = ${c.eventText}, event_date = ${c.eventDate}, title = ${c.title}, body = ${c.body},
          signer_name = ${c.signerName}, signer_title = ${c.signerTitle}, version = version + 1, updated_at = now()
        WHERE id = ${id} AND status = 'draft' AND version = ${version}`,
  );
  return (r.rowCount ?? 0) === 1;
}

/**
 * Moves a letter from one of `from` to `to`, stamping the step's columns; false when another request moved it first
 * (the WHERE on status is the lock: of two approvals at once, one wins).
 */
export async function moveLetter(
  db: Db,
  id: number,
  from: readonly LetterStatus[],
  to: LetterStatus,
  stamp: 'submitted' | 'returned' | 'sent' | 'cancelled',
  userId: number | null,
  at: Date,
  extra: { channel?: 'email' | 'print' } = {},
): Promise<boolean> {
  const set =
    stamp === 'submitted'
      ? sql`submitted_at = ${at}, submitted_by = ${userId}`
      : stamp === 'returned'
        ? sql`submitted_at = NULL, submitted_by = NULL`
        : stamp === 'sent'
          ? sql`sent_at = COALESCE(sent_at, ${at}), sent_by = COALESCE(sent_by, ${userId}), sent_channel = COALESCE(sent_channel, ${extra.channel ?? null})`
          : sql`cancelled_at = ${at}`;
  const r = await db.execute(
    sql`UPDATE letters SET status = ${to}, ${set}, version = version + 1, updated_at = now()
        WHERE id = ${id} AND status = ANY(${`{${from.join(',')}}`}::text[])`,
  );
  return (r.rowCount ?? 0) === 1;
}

/** The next number of the unit's register for the year (gap-free; serialised by the counter row's lock). */
export async function nextRegisterNumber(db: Db, unitId: number, year: number): Promise<number> {
  const r = await one<{ last: number }>(
    db,
    sql`INSERT INTO letter_register_counters (unit_id, year, last) VALUES (${unitId}, ${year}, 1)
        ON CONFLICT (unit_id, year) DO UPDATE SET last = letter_register_counters.last + 1
        RETURNING last`,
  );
  return r?.last as number;
}

/** Approves a submitted letter with its register number in one statement; false when it is no longer submitted. */
export async function approveLetterRow(
  db: Db,
  id: number,
  a: { userId: number | null; at: Date; signerName: string | null; signerTitle: string | null; year: number; number: number; symbol: string },
): Promise<boolean> {
  const r = await db.execute(
    sql`UPDATE letters SET status = 'approved', approved_at = ${a.at}, approved_by = ${a.userId}, year = ${a.year}, number = ${a.number}, symbol = ${a.symbol},
          signer_name = COALESCE(${a.signerName}, signer_name), signer_title = COALESCE(${a.signerTitle}, signer_title),
          version = version + 1, updated_at = now()
        WHERE id = ${id} AND status = 'submitted'`,
  );
  return (r.rowCount ?? 0) === 1;
}

export async function markPrinted(db: Db, id: number, userId: number | null, at: Date): Promise<void> {
  await db.execute(sql`UPDATE letters SET printed_at = ${at}, printed_by = ${userId}, updated_at = now() WHERE id = ${id}`);
}

/** Queues the e-mail with the letter's PDF attached (the outbox sender attaches and then drops it). */
export async function queueLetterEmail(
  db: Db,
  m: { recipient: string; subject: string; body: string; about: string; attachmentName: string; attachment: Buffer },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO notifications (channel, recipient, subject, body, about, attachment_name, attachment)
        VALUES ('email', ${m.recipient}, ${m.subject}, ${m.body}, ${m.about}, ${m.attachmentName}, ${m.attachment})
        RETURNING id::int AS id`,
  );
  return r?.id as number;
}

// ---------- templates ----------

export interface TemplateRow {
  kind: LetterKind;
  title: string;
  body: string;
  updated_at: Date;
}

export function listTemplates(db: Db, unitId: number): Promise<TemplateRow[]> {
  return rows<TemplateRow>(db, sql`SELECT kind, title, body, updated_at FROM letter_templates WHERE unit_id = ${unitId} ORDER BY kind`);
}

export function findTemplate(db: Db, unitId: number, kind: LetterKind): Promise<TemplateRow | null> {
  return one<TemplateRow>(db, sql`SELECT kind, title, body, updated_at FROM letter_templates WHERE unit_id = ${unitId} AND kind = ${kind}`);
}

export async function upsertTemplate(db: Db, unitId: number, kind: LetterKind, title: string, body: string, userId: number | null): Promise<void> {
  await db.execute(
    sql`INSERT INTO letter_templates (unit_id, kind, title, body, updated_by) VALUES (${unitId}, ${kind}, ${title}, ${body}, ${userId})
        ON CONFLICT (unit_id, kind) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()`,
  );
}

// ---------- opt-outs ----------

/** Records an opt-out (only the hash is stored); false when the number was already on the list. */
export async function insertOptOut(
  db: Db,
  o: { kind: 'phone' | 'id_number'; value: string; source: 'public' | 'staff'; unitId: number | null; userId: number | null },
): Promise<boolean> {
  const r = await db.execute(
    sql`INSERT INTO letter_opt_outs (kind, value_hash, source, unit_id, recorded_by)
        VALUES (${o.kind}, letters_contact_hash(${o.kind}, ${o.value}), ${o.source}, ${o.unitId}, ${o.userId})
        ON CONFLICT (kind, value_hash) DO NOTHING`,
  );
  return (r.rowCount ?? 0) === 1;
}

/** The condition "this dossier's applicant opted out of congratulations", over the alias d. */
const optedOut = sql`EXISTS (SELECT 1 FROM letter_opt_outs o
  WHERE (o.kind = 'phone' AND d.applicant_phone IS NOT NULL AND o.value_hash = letters_contact_hash('phone', d.applicant_phone))
     OR (o.kind = 'id_number' AND d.applicant_id_number IS NOT NULL AND o.value_hash = letters_contact_hash('id_number', d.applicant_id_number)))`;

// ---------- proposals ----------

export interface ProposedRow {
  id: number;
  unit_id: number;
  source_ref: string;
}

/**
 * Proposes drafts for settled dossiers of the given procedures (at most `limit`), skipping events that already have a
 * letter and, for congratulations, applicants on the opt-out list. ON CONFLICT DO NOTHING makes a concurrent sweep's
 * insert of the same event a no-op.
 */
export function proposeFromSettledDossiers(
  db: Db,
  p: { event: EventKind; kind: LetterKind; codes: readonly string[]; eventText: string; title: string; body: string; congratulation: boolean },
  since: Date,
  limit: number,
): Promise<ProposedRow[]> {
  const ref = sql`'dossier:' || d.id || ':' || ${p.event}::text`;
  return rows<ProposedRow>(
    db,
    sql`INSERT INTO letters (unit_id, kind, status, origin, event_kind, source_ref, dossier_id, recipient_name, recipient_address, recipient_email,
                             event_text, event_date, title, body)
        SELECT d.unit_id, ${p.kind}, 'draft', 'proposal', ${p.event}, ${ref}, d.id, d.applicant_name, d.applicant_address, d.applicant_email,
               ${p.eventText}, (d.result_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
               COALESCE(t.title, ${p.title}), COALESCE(t.body, ${p.body})
        FROM dossiers d
        JOIN procedures pr ON pr.id = d.procedure_id
        LEFT JOIN letter_templates t ON t.unit_id = d.unit_id AND t.kind = ${p.kind}
        WHERE pr.code = ANY(${`{${p.codes.join(',')}}`}::text[])
          AND d.status IN ('result_ready', 'returned', 'closed') AND d.result_at IS NOT NULL AND d.result_at >= ${since}
          AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.event_kind = ${p.event} AND l.source_ref = ${ref})
          ${p.congratulation ? sql`AND NOT ${optedOut}` : sql``}
        ORDER BY d.result_at, d.id
        LIMIT ${limit}
        ON CONFLICT (event_kind, source_ref) DO NOTHING
        RETURNING id::int AS id, unit_id::int AS unit_id, source_ref`,
  );
}

/**
 * Proposes apologies for dossiers settled after their appointment, or given an apology-and-extension document (văn bản
 * xin lỗi và gia hạn): one per dossier, whichever comes first.
 */
export function proposeApologies(
  db: Db,
  p: { title: string; body: string; text: { before: string; middle: string; after: string } },
  since: Date,
  limit: number,
): Promise<ProposedRow[]> {
  const ref = sql`'dossier:' || d.id || ':apology'`;
  return rows<ProposedRow>(
    db,
    sql`WITH late AS (
          SELECT d.id, COALESCE(x.issued_at, d.result_at) AS at
          FROM dossiers d
          LEFT JOIN LATERAL (SELECT min(e.issued_at) AS issued_at FROM dossier_extensions e WHERE e.dossier_id = d.id) x ON true
          WHERE (x.issued_at IS NOT NULL AND x.issued_at >= ${since})
             OR (d.status IN ('result_ready', 'returned', 'closed') AND d.result_at IS NOT NULL AND d.result_at >= ${since} AND d.result_at > d.due_at)
        )
        INSERT INTO letters (unit_id, kind, status, origin, event_kind, source_ref, dossier_id, recipient_name, recipient_address, recipient_email,
                             event_text, event_date, title, body)
        SELECT d.unit_id, 'apology', 'draft', 'proposal', 'apology', ${ref}, d.id, d.applicant_name, d.applicant_address, d.applicant_email,
               ${p.text.before}::text || pv.name || ${p.text.middle}::text || d.code || ${p.text.after}::text, (late.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
               COALESCE(t.title, ${p.title}), COALESCE(t.body, ${p.body})
        FROM late
        JOIN dossiers d ON d.id = late.id
        JOIN procedure_versions pv ON pv.id = d.procedure_version_id
        LEFT JOIN letter_templates t ON t.unit_id = d.unit_id AND t.kind = 'apology'
        WHERE NOT EXISTS (SELECT 1 FROM letters l WHERE l.event_kind = 'apology' AND l.source_ref = ${ref})
        ORDER BY late.at, d.id
        LIMIT ${limit}
        ON CONFLICT (event_kind, source_ref) DO NOTHING
        RETURNING id::int AS id, unit_id::int AS unit_id, source_ref`,
  );
}

// ---------- indicators ----------

export interface LetterActivityRow {
  kind: LetterKind;
  status: LetterStatus;
  count: number;
}

/**
 * Letters by kind and status for indicators (thư theo loại và đơn vị): letters of the given units created in
 * [from, to) (instants). No personal data.
 */
export async function letterActivity(db: Db, f: { unitIds: number[]; from: Date; to: Date }): Promise<LetterActivityRow[]> {
  if (f.unitIds.length === 0) return [];
  return rows<LetterActivityRow>(
    db,
    sql`SELECT kind, status, count(*)::int AS count FROM letters
        WHERE unit_id = ANY(${`{${f.unitIds.map((n) => Math.trunc(n)).join(',')}}`}::bigint[]) AND created_at >= ${f.from} AND created_at < ${f.to}
        GROUP BY kind, status ORDER BY kind, status`,
  );
}
