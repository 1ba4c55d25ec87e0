import { SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';

/** Who did something and from where; travels from the request to every command. */
export interface Actor {
  userId: number | null;
  /** Display label: the username, 'api-key:<prefix>', 'cli', 'system' … */
  label: string;
  ip: string | null;
  requestId: string | null;
}

export const systemActor = (label = 'system'): Actor => ({ userId: null, label, ip: null, requestId: null });

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an audit row. Call it inside the same transaction as the change it records,
 * so the change and its record commit or roll back together.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.execute(auditInsert(actor, entry));
}

/**
 * The INSERT of an audit row, not run: for a command that writes its change and the audit row in one statement
 * (WITH … AS (INSERT …), … AS (<this>)), so both commit or roll back together; `onlyIf` writes it only when a condition
 * holds (e.g. EXISTS (SELECT 1 FROM <the insert>) after ON CONFLICT DO NOTHING). `entityId` may then be an SQL
 * expression over the statement's other parts, e.g. sql`(SELECT code FROM d)`.
 */
export function auditInsert(actor: Actor, entry: Omit<AuditEntry, 'entityId'> & { entityId: AuditEntry['entityId'] | SQL }, onlyIf?: SQL): SQL {
  const entityId = entry.entityId instanceof SQL ? entry.entityId : sql`${entry.entityId === null ? null : String(entry.entityId)}::text`;
  return sql`
    INSERT INTO audit_log (actor_user_id, actor_label, ip, request_id, action, entity_type, entity_id, unit_id, before, after)
    SELECT ${actor.userId}::bigint, ${actor.label}::text, ${actor.ip}::text, ${actor.requestId}::text, ${entry.action}::text, ${entry.entityType}::text,
           ${entityId}, ${entry.unitId ?? null}::bigint,
           ${entry.before === undefined ? null : JSON.stringify(entry.before)}::jsonb,
           ${entry.after === undefined ? null : JSON.stringify(entry.after)}::jsonb
    ${onlyIf ? sql`WHERE ${onlyIf}` : sql``}`;
}
