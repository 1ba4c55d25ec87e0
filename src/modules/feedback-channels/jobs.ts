import type { Db } from '../../platform/db/pool.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { sweepWebhookTables } from './queries.ts';

export const SWEEP_WEBHOOKS_JOB = 'feedback-channels.sweep-webhook-log';

/** Hourly: forgets old webhook deliveries and rejections (bounded batches, safe to repeat). */
export function feedbackChannelJobDefinitions(db: Db): JobDefinition[] {
  return [
    {
      name: SWEEP_WEBHOOKS_JOB,
      cron: '41 * * * *',
      handler: async () => {
        for (let i = 0; i < 10 && (await sweepWebhookTables(db, new Date())) > 0; i++);
      },
    },
  ];
}
