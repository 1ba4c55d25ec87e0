/** Scheduled work of the forms module: deleting declaration sets never attached to a dossier, 24 hours on. */
import type { Db } from '../../platform/db/pool.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { purgeUnattachedSets } from './commands/purge-declaration-sets.ts';

export const PURGE_SETS_JOB = 'forms.purge-unattached';

/** The module's job definitions (collected by compose.ts). */
export function formsJobDefinitions(db: Db): JobDefinition[] {
  return [
    {
      name: PURGE_SETS_JOB,
      // Every hour at :23, Vietnam time: a set outlives its 24 hours by at most an hour.
      cron: '23 * * * *',
      handler: async () => {
        await purgeUnattachedSets(db, new Date());
      },
    },
  ];
}
