import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type pg from 'pg';

/**
 * A fixed-window counter store for @fastify/rate-limit kept in PostgreSQL, so the limit
 * holds across every app process behind a load balancer. One upsert per counted request.
 */
export function pgRateLimitStore(pool: pg.Pool) {
  class PgRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string;
    // The plugin constructs the store with its options; child stores get a route prefix.
    constructor(options?: unknown) {
      this.prefix = typeof options === 'string' ? options : 'global';
    }

    incr(key: string, cb: (err: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      pool
        .query<{ count: number; ttl: number }>(
          `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, now(), 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN r.window_start + make_interval(secs => $2 / 1000.0) <= now() THEN 1 ELSE r.count + 1 END,
             window_start = CASE WHEN r.window_start + make_interval(secs => $2 / 1000.0) <= now() THEN now() ELSE r.window_start END
           RETURNING count, greatest(0, ($2 - extract(epoch FROM now() - window_start) * 1000))::int AS ttl`,
          [`${this.prefix}:${key}`, timeWindow],
        )
        .then(
          (r) => cb(null, { current: r.rows[0]?.count ?? 1, ttl: r.rows[0]?.ttl ?? timeWindow }),
          (e: Error) => cb(e),
        );
    }

    // @fastify/rate-limit hands the route's merged limit options with the route itself under `routeInfo`: each route
    // counts on its own key (a shared prefix let one busy public route use up the sign-in limit of the same address).
    // (Its typings describe the route options themselves; what arrives is the merged options.)
    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (options as unknown as { routeInfo?: { method?: string | string[]; url?: string; path?: string } }).routeInfo ?? {};
      return new PgRateLimitStore(`${[route.method].flat().join(',')} ${route.url ?? route.path}`);
    }
  }
  return PgRateLimitStore;
}

/** Deletes counters whose window ended more than a day ago. */
export async function sweepRateLimits(pool: pg.Pool): Promise<number> {
  const r = await pool.query("DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'");
  return r.rowCount ?? 0;
}
