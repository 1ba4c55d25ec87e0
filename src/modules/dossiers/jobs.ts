/**
 * Scheduled work of the dossiers module: lateness warnings ahead of time, hourly in office hours, and the daily list of
 * dossiers returned but not closed. Both handlers are idempotent (a unique key per dossier and appointment / return
 * day) and sweep bounded batches, so a repeated or overlapping run does nothing new.
 */
import type { Db } from '../../platform/db/pool.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { dossierClock } from './clock.ts';
import { type DueSoonOptions, warnDossiersDueSoon, warnReturnedNotClosed } from './commands/sweep-dossier-warnings.ts';
import { fillWorkingDaysTaken } from './commands/working-days-taken.ts';

export const DUE_SOON_JOB = 'dossiers.warn-due-soon';
export const RETURNED_NOT_CLOSED_JOB = 'dossiers.warn-returned-not-closed';
export const WORKING_DAYS_BACKFILL_JOB = 'dossiers.fill-working-days-taken';

/**
 * How far ahead to warn, from the environment: DOSSIER_WARN_WORKING_HOURS (working hours) or
 * DOSSIER_WARN_WORKING_DAYS (working days, default 1). Bad values fall back to the default.
 */
export function warningOptionsFromEnv(env: Record<string, string | undefined>): DueSoonOptions {
  const hours = Number(env.DOSSIER_WARN_WORKING_HOURS);
  if (Number.isInteger(hours) && hours > 0 && hours <= 800) return { workingHours: hours };
  const days = Number(env.DOSSIER_WARN_WORKING_DAYS);
  return { workingDays: Number.isInteger(days) && days > 0 && days <= 30 ? days : 1 };
}

/** The module's job definitions (collected by compose.ts). "Now" is the dossier clock, so tests can move it. */
export function dossierJobDefinitions(db: Db, opts: DueSoonOptions = { workingDays: 1 }): JobDefinition[] {
  return [
    {
      name: DUE_SOON_JOB,
      // Every hour from 07:05 to 17:05, Monday to Saturday (Saturday-morning desks), Vietnam time.
      cron: '5 7-17 * * 1-6',
      handler: async () => {
        await warnDossiersDueSoon(db, dossierClock.now(), opts);
      },
    },
    {
      name: RETURNED_NOT_CLOSED_JOB,
      // Each working morning before the desk opens its queue.
      cron: '45 6 * * 1-6',
      handler: async () => {
        await warnReturnedNotClosed(db, dossierClock.now());
      },
    },
    {
      name: WORKING_DAYS_BACKFILL_JOB,
      // Dossiers settled before migration 0012 get the working days they took; nothing to do once all have it.
      cron: '*/10 * * * *',
      handler: async () => {
        for (let i = 0; i < 20 && (await fillWorkingDaysTaken(db)) > 0; i++);
      },
    },
  ];
}
