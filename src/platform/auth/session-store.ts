import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type pg from 'pg';

type Callback = (err?: unknown) => void;

/**
 * @fastify/session store in PostgreSQL, so every app process sees every session.
 * Expired rows are ignored on read and swept by a scheduled job.
 */
export class PgSessionStore implements SessionStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs: number,
  ) {}

  set(sid: string, session: Session, cb: Callback): void {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(Date.now() + this.ttlMs);
    const userId = typeof (session as { userId?: unknown }).userId === 'number' ? (session as unknown as { userId: number }).userId : null;
    this.pool
      .query(
        `INSERT INTO sessions (sid, data, user_id, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at`,
        [sid, JSON.stringify(session), userId, expires],
      )
      .then(() => cb(), cb);
  }

  get(sid: string, cb: (err: unknown, session?: Session | null) => void): void {
    this.pool.query<{ data: Session }>('SELECT data FROM sessions WHERE sid = $1 AND expires_at > now()', [sid]).then(
      (r) => cb(null, r.rows[0]?.data ?? null),
      (e) => cb(e),
    );
  }

  destroy(sid: string, cb: Callback): void {
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
