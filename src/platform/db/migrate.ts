import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

export const migrationsDir = path.resolve(import.meta.dirname, '../../../migrations');

function migrationFiles(dir = migrationsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort();
}

// Any fixed number: every process of ours takes this advisory lock while migrating.
const MIGRATION_LOCK = 7_402_391;

/**
 * Applies the forward-only SQL migrations not yet recorded in `schema_migrations`, each in
 * its own transaction. Two processes starting together serialise on an advisory lock.
 */
export async function migrate(pool: pg.Pool, dir = migrationsDir): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    for (const file of migrationFiles(dir)) {
      if (done.has(file)) continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      try {
        await client.query('BEGIN');
        await client.query(text);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
        applied.push(file);
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return applied;
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsCurrent(pool: pg.Pool, dir = migrationsDir): Promise<boolean> {
  const files = migrationFiles(dir);
  const res = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations WHERE name = ANY($1::text[])', [files]);
  return res.rows[0]?.n === files.length;
}
