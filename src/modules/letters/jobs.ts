/**
 * Scheduled work of the letters module: the proposal sweep every 15 minutes (drafts for settled marriage, birth and
 * death registrations and for dossiers settled late or extended). Safe to repeat and to overlap: each event is
 * proposed once, ever (see commands/propose-letters.ts).
 */
import type { Db } from '../../platform/db/pool.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { proposeLetters } from './commands/propose-letters.ts';

export const PROPOSE_JOB = 'letters.propose';

/** The module's job definitions (collected by compose.ts). */
export function letterJobDefinitions(db: Db): JobDefinition[] {
  return [
    {
      name: PROPOSE_JOB,
      cron: '*/15 * * * *',
      handler: async () => {
        await proposeLetters(db, new Date());
      },
    },
  ];
}
