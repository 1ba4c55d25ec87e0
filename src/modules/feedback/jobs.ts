/**
 * Scheduled work of the feedback module: the deadline sweep (warnings before the answer is due, escalation to the
 * parent unit after it), every 15 minutes. The handler is idempotent (each mark is set once) and sweeps bounded
 * batches, so a repeated or overlapping run does nothing new.
 */
import type { Db } from '../../platform/db/pool.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { type DeadlineSweepOptions, sweepFeedbackDeadlines } from './commands/sweep-feedback-deadlines.ts';

export const DEADLINES_JOB = 'feedback.deadlines';

/** The sweep's options from the environment: PUBLIC_URL for the links in the e-mails to units. */
export function feedbackJobOptionsFromEnv(env: Record<string, string | undefined>): DeadlineSweepOptions {
  return { publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, '') };
}

/** The module's job definitions (collected by compose.ts). */
export function feedbackJobDefinitions(db: Db, opts: DeadlineSweepOptions): JobDefinition[] {
  return [
    {
      name: DEADLINES_JOB,
      cron: '*/15 * * * *',
      handler: async () => {
        await sweepFeedbackDeadlines(db, new Date(), opts);
      },
    },
  ];
}
