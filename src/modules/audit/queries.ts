import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, pathInScopes, rows } from '../../platform/db/query.ts';

export interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_label: string;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  unit_code: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  /** Only rows about units in these scopes; null = everything. */
  visible: { path: string; subtree: boolean }[] | null;
  unitPath?: string | null;
  actor?: string | null;
  action?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: string | null;
  to?: string | null;
  limit: number;
  offset: number;
}

/** A page of audit rows, newest first, with the total. */
export async function listAudit(db: Db, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  const conds = [sql`true`];
  conds.push(pathInScopes(sql`un.path`, f.visible));
  if (f.unitPath) conds.push(sql`un.path LIKE ${`${likeEscape(f.unitPath)}%`}`);
  if (f.actor) conds.push(sql`a.actor_label = ${f.actor}`);
  if (f.action) conds.push(sql`a.action LIKE ${`${likeEscape(f.action)}%`}`);
  if (f.entityType) conds.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) conds.push(sql`a.entity_id = ${f.entityId}`);
  if (f.from) conds.push(sql`a.at >= (${f.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
  if (f.to) conds.push(sql`a.at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
  const where = sql.join(conds, sql` AND `);
  const items = await rows<AuditRow>(
    db,
    sql`SELECT a.id, a.at, a.actor_user_id, a.actor_label, a.ip, a.action, a.entity_type, a.entity_id, a.unit_id, un.code AS unit_code, a.before, a.after
        FROM audit_log a LEFT JOIN units un ON un.id = a.unit_id
        WHERE ${where} ORDER BY a.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log a LEFT JOIN units un ON un.id = a.unit_id WHERE ${where}`);
  return { items, total: total?.n ?? 0 };
}
