import type pg from 'pg';
import type { Config } from './config.ts';
import type { Db } from './db/pool.ts';
import type { Jobs } from './jobs/index.ts';

/** The shared infrastructure every module's routes and jobs receive from the composition root. */
export interface Platform {
  config: Config;
  db: Db;
  /**
   * For heavy reads that may lag a moment behind (reports, the service index, dashboards): the read replica in
   * DATABASE_READ_URL when one is configured, else the primary (`db`). Never write through it.
   */
  readDb: Db;
  pool: pg.Pool;
  /** Queue for background work; null in processes that do not run jobs (the CLI). */
  jobs: Jobs | null;
}
