/**
 * Read-only SQL of the Open311 view of feedback: the items (service requests) and their public events (the updates
 * FixMyStreet polls). Items are written only through the feedback module's receiveFeedback.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, rows } from '../../platform/db/query.ts';
import type { FeedbackChannel, FeedbackStatus } from '../feedback/index.ts';
import { MAX_ITEMS, type Window } from './rules/params.ts';

/** An item as Open311 shows it; sender-given text is dropped by the presenter unless the item is published. */
export interface RequestRow {
  code: string;
  status: FeedbackStatus;
  channel: FeedbackChannel;
  service_code: string | null;
  service_name: string | null;
  unit_name: string;
  received_at: Date | string;
  updated_at: Date | string;
  answer_due_at: Date | string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  published: boolean;
  public_summary: string | null;
  answer: string | null;
  media_url: unknown;
}

export interface RequestQuery {
  ids: string[] | null;
  serviceCodes: string[] | null;
  /** Feedback statuses standing for the Open311 statuses asked for. */
  statuses: readonly FeedbackStatus[] | null;
  window: Window | null;
  /** The jurisdiction's unit path: items addressed to or handled in its subtree. */
  unitPath: string | null;
}

const inUnit = (path: string): SQL => {
  const pattern = `${likeEscape(path)}%`;
  return sql`(u.path LIKE ${pattern} OR au.path LIKE ${pattern})`;
};

const anyOf = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** GET requests: newest first, at most 1,000. */
export function listRequests(db: Db, q: RequestQuery): Promise<RequestRow[]> {
  const where: SQL[] = [];
  if (q.ids) where.push(sql`f.code IN (${anyOf(q.ids)})`);
  if (q.serviceCodes) where.push(sql`c.code IN (${anyOf(q.serviceCodes)})`);
  if (q.statuses) where.push(sql`f.status IN (${anyOf(q.statuses)})`);
  if (q.window) where.push(sql`f.received_at BETWEEN ${q.window.start.toISOString()}::timestamptz AND ${q.window.end.toISOString()}::timestamptz`);
  if (q.unitPath) where.push(inUnit(q.unitPath));
  return rows<RequestRow>(
    db,
    sql`SELECT f.code, f.status, f.channel, c.code AS service_code, c.name AS service_name, u.name AS unit_name, f.received_at, f.updated_at,
          f.answer_due_at, f.address, f.lat, f.lng, f.published, f.public_summary, f.answer, f.extra->'media_url' AS media_url
        FROM feedback f JOIN units u ON u.id = f.unit_id
        LEFT JOIN units au ON au.id = f.addressed_unit_id
        LEFT JOIN feedback_categories c ON c.id = f.category_id
        WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`}
        ORDER BY f.received_at DESC, f.id DESC LIMIT ${MAX_ITEMS}`,
  );
}

export interface UpdateRow {
  id: number | string;
  code: string;
  status: string;
  kind: string;
  at: Date | string;
  text: string | null;
  published: boolean;
}

/**
 * Public events (feedback_events.public) in the window, oldest first, at most 1,000: the updates of FixMyStreet's
 * servicerequestupdates extension. With an API key: only items that key sent.
 */
export function listUpdates(db: Db, q: { window: Window; apiKeyId: number | null; unitPath: string | null }): Promise<UpdateRow[]> {
  const where: SQL[] = [sql`e.public`, sql`e.at BETWEEN ${q.window.start.toISOString()}::timestamptz AND ${q.window.end.toISOString()}::timestamptz`];
  if (q.apiKeyId !== null) where.push(sql`f.api_key_id = ${q.apiKeyId}`);
  if (q.unitPath) where.push(inUnit(q.unitPath));
  return rows<UpdateRow>(
    db,
    sql`SELECT e.id, f.code, e.status, e.kind, e.at, coalesce(e.public_text, CASE WHEN e.kind = 'answered' THEN f.answer END) AS text, f.published
        FROM feedback_events e JOIN feedback f ON f.id = e.feedback_id
        JOIN units u ON u.id = f.unit_id
        LEFT JOIN units au ON au.id = f.addressed_unit_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY e.at, e.id LIMIT ${MAX_ITEMS}`,
  );
}
