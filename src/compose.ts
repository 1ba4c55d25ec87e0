import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { registerRoutes } from './app.ts';
import { seedOfficialSchedules } from './modules/calendar/index.ts';
import { loadCitizenPrincipal } from './modules/citizens/index.ts';
import { carryOverDossiers, dossierJobDefinitions, warningOptionsFromEnv } from './modules/dossiers/index.ts';
import { feedbackJobDefinitions, feedbackJobOptionsFromEnv } from './modules/feedback/index.ts';
import { feedbackChannelJobDefinitions } from './modules/feedback-channels/index.ts';
import { formsJobDefinitions } from './modules/forms/index.ts';
import { letterJobDefinitions } from './modules/letters/index.ts';
import { carryOverProcedures } from './modules/procedures/index.ts';
import { seedSlipTemplates } from './modules/slips/index.ts';
import { authorizer, carryOverGrants, loadApiKeyPrincipal, loadUserPrincipal } from './modules/staff/index.ts';
import { registerMergeStep } from './modules/units/index.ts';
import { sweepExpiredSessions } from './platform/auth/session-store.ts';
import type { Config } from './platform/config.ts';
import type { Platform } from './platform/context.ts';
import { migrate } from './platform/db/migrate.ts';
import { type Database, openDatabase } from './platform/db/pool.ts';
import { one } from './platform/db/query.ts';
import { sweepRateLimits } from './platform/http/rate-limit-store.ts';
import { type App, buildHttp } from './platform/http/server.ts';
import { type JobDefinition, startJobs } from './platform/jobs/index.ts';
import { notificationJobDefinitions } from './platform/notify/index.ts';
import { renderErrorPage } from './web/components.tsx';

// Modules that carry records over when a unit is merged (once per process).
registerMergeStep(carryOverGrants);
registerMergeStep(carryOverProcedures);
registerMergeStep(carryOverDossiers);

export interface System {
  app: App;
  platform: Platform;
  database: Database;
  close(): Promise<void>;
}

/** The session-signing secret: SESSION_SECRET, or one generated once and shared by every process through the database. */
async function sessionSecret(database: Database): Promise<string> {
  if (process.env.SESSION_SECRET && process.env.SESSION_SECRET.length >= 32) return process.env.SESSION_SECRET;
  const fresh = randomBytes(48).toString('base64url');
  await database.db.execute(sql`INSERT INTO app_state (key, value) VALUES ('session_secret', ${JSON.stringify(fresh)}::jsonb) ON CONFLICT (key) DO NOTHING`);
  const row = await one<{ value: string }>(database.db, sql`SELECT value FROM app_state WHERE key = 'session_secret'`);
  return row?.value ?? fresh;
}

/** Every module's job definitions. */
export function jobDefinitions(database: Database, config?: Config): JobDefinition[] {
  return [
    {
      name: 'housekeeping',
      cron: '17 * * * *',
      handler: async () => {
        await sweepExpiredSessions(database.pool);
        await sweepRateLimits(database.pool);
      },
    },
    ...dossierJobDefinitions(database.db, warningOptionsFromEnv(process.env)),
    ...formsJobDefinitions(database.db),
    ...feedbackJobDefinitions(database.db, feedbackJobOptionsFromEnv(process.env)),
    ...feedbackChannelJobDefinitions(database.db),
    ...letterJobDefinitions(database.db),
    // The notifications outbox (e-mail, SMS): needs the transports' settings.
    ...(config ? notificationJobDefinitions({ db: database.db, config }) : []),
  ];
}

/**
 * The composition root: opens the database, applies migrations, starts the job queue
 * (unless `jobs: false`) and builds the HTTP app with every module's routes.
 */
export async function composeSystem(config: Config, databaseUrl: string, opts: { jobs?: boolean; poolSize?: number } = {}): Promise<System> {
  const database = openDatabase(databaseUrl, opts.poolSize ?? 10);
  const replica = config.readReplicaUrl ? openDatabase(config.readReplicaUrl, Math.max(2, Math.ceil((opts.poolSize ?? 10) / 2))) : null;
  try {
    // Processes starting together take turns at schema work (our migrations, pg-boss's own
    // install), which otherwise deadlocks on PostgreSQL's catalog locks.
    const lock = await database.pool.connect();
    let jobs: Awaited<ReturnType<typeof startJobs>> | null = null;
    try {
      await lock.query('SELECT pg_advisory_lock(7402390)');
      await migrate(database.pool);
      await seedOfficialSchedules(database.db);
      await seedSlipTemplates(database.db);
      jobs = opts.jobs === false ? null : await startJobs(databaseUrl, jobDefinitions(database, config), config.worker, () => {});
    } finally {
      await lock.query('SELECT pg_advisory_unlock(7402390)').catch(() => {});
      lock.release();
    }
    const platform: Platform = { config, db: database.db, readDb: replica?.db ?? database.db, pool: database.pool, jobs };
    const app = await buildHttp({
      config,
      pool: database.pool,
      sessionSecret: await sessionSecret(database),
      authorizer,
      loadUserPrincipal: (id) => loadUserPrincipal(database.db, id, config.production),
      loadApiKeyPrincipal: (token) => loadApiKeyPrincipal(database.db, token),
      loadCitizenPrincipal: (id, since) =>
        config.vneid ? loadCitizenPrincipal(database.db, id, since, Date.now(), config.vneid.sessionMinutes) : Promise.resolve(null),
      renderErrorPage,
    });
    await registerRoutes(app, platform);
    await app.ready();
    return {
      app,
      platform,
      database,
      close: async () => {
        await app.close();
        await jobs?.stop();
        await replica?.close();
        await database.close();
      },
    };
  } catch (err) {
    await replica?.close();
    await database.close();
    throw err;
  }
}
