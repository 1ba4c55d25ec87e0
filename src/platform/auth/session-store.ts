import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type pg from 'pg';

type Callback = (err?: unknown) => void;

/** A rolling session's expiry is written again only when it would move by more than this (a write per request otherwise). */
export const SESSION_TOUCH_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/** The session's data without the cookie's expiry (both copies), keys sorted (jsonb does not keep key order): equal iff unchanged. */
function contentOf(session: unknown): string {
  const plain = JSON.parse(JSON.stringify(session)) as { cookie?: { expires?: unknown; originalExpires?: unknown } };
  if (plain.cookie) {
    delete plain.cookie.expires;
    delete plain.cookie.originalExpires;
  }
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(plain));
}

/**
 * @fastify/session store in PostgreSQL, so every app process sees every session.
 * Expired rows are ignored on read and swept by a scheduled job.
 *
 * Sessions roll (each response moves the expiry on), which would write the row on every request. The store remembers
 * what it read for each session this process served and skips the write when the data is the same and the stored
 * expiry is less than SESSION_TOUCH_MS older than the new one: an idle session may then end up to a minute early of
 * its 8 hours. Changed data (sign-in, CSRF secret, language …) is always written; a session another process changed
 * since this request read it is then not overwritten with this request's unchanged copy.
 */
export class PgSessionStore implements SessionStore {
  private readonly stored = new Map<string, { content: string; expires: number }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs: number,
  ) {}

  private remember(sid: string, content: string, expires: number): void {
    this.stored.delete(sid);
    if (this.stored.size >= MAX_REMEMBERED) this.stored.delete(this.stored.keys().next().value as string);
    this.stored.set(sid, { content, expires });
  }

  set(sid: string, session: Session, cb: Callback): void {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(Date.now() + this.ttlMs);
    const content = contentOf(session);
    const known = this.stored.get(sid);
    if (known && known.content === content && expires.getTime() - known.expires < SESSION_TOUCH_MS && expires.getTime() >= known.expires) {
      cb();
      return;
    }
    const userId = typeof (session as { userId?: unknown }).userId === 'number' ? (session as unknown as { userId: number }).userId : null;
    this.pool
      .query(
        `INSERT INTO sessions (sid, data, user_id, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at`,
        [sid, JSON.stringify(session), userId, expires],
      )
      .then(
        () => {
          this.remember(sid, content, expires.getTime());
          cb();
        },
        (e) => {
          this.stored.delete(sid);
          cb(e);
        },
      );
  }

  get(sid: string, cb: (err: unknown, session?: Session | null) => void): void {
    // Every request with a cookie runs it: a named statement, parsed once per connection.
    this.pool
      .query<{ data: Session; expires_at: Date }>({
        name: 'gd_session_get',
        text: 'SELECT data, expires_at FROM sessions WHERE sid = $1 AND expires_at > now()',
        values: [sid],
      })
      .then(
        (r) => {
          const row = r.rows[0];
          if (row) this.remember(sid, contentOf(row.data), new Date(row.expires_at).getTime());
          else this.stored.delete(sid);
          cb(null, row?.data ?? null);
        },
        (e) => cb(e),
      );
  }

  destroy(sid: string, cb: Callback): void {
    this.stored.delete(sid);
    this.pool.query('DELETE FROM sessions WHERE sid = $1', [sid]).then(() => cb(), cb);
  }
}

/** Deletes expired sessions in bounded batches; returns how many were removed. */
export async function sweepExpiredSessions(pool: pg.Pool, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await pool.query('DELETE FROM sessions WHERE sid IN (SELECT sid FROM sessions WHERE expires_at <= now() LIMIT $1)', [batch]);
    total += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < batch) return total;
  }
}
