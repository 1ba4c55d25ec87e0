import PgBoss from 'pg-boss';

/** A job kind: its queue name, an optional cron schedule (Vietnam time) and an idempotent handler. */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron expression evaluated in Asia/Ho_Chi_Minh. */
  cron?: string;
  handler(data: T): Promise<void>;
}

export interface Jobs {
  boss: PgBoss;
  /** Queues a job; pass `db`-level options such as a singleton key to de-duplicate. */
  send(name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss on the same PostgreSQL (schema `pgboss`) and, when `work` is set, registers
 * every definition's handler and schedule. Several processes may run workers: pg-boss hands
 * each job to exactly one of them.
 */
export async function startJobs(connectionString: string, definitions: JobDefinition[], work: boolean, onError: (e: Error) => void): Promise<Jobs> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3, application_name: 'gan-dan-jobs' });
  boss.on('error', onError);
  await boss.start();
  for (const def of definitions) {
    await boss.createQueue(def.name);
    if (!work) continue;
    await boss.work(def.name, async (jobs) => {
      for (const job of jobs) await def.handler(job.data as object);
    });
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
  }
  return {
    boss,
    send: (name, data, options) => boss.send(name, data, options ?? {}),
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
