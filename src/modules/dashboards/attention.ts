/**
 * What needs attention today across a set of units (the dashboard's first panel), from the functions the owning
 * modules export: dossiers overdue, due today and returned but not closed; feedback past its deadline; dialogue
 * commitments past theirs; transfers still to resolve.
 */
import type { Db } from '../../platform/db/pool.ts';
import { overdueCommitmentCount } from '../dialogues/index.ts';
import { dossierAttention } from '../dossiers/index.ts';
import { overdueFeedbackCount } from '../feedback/index.ts';

export interface Attention {
  overdueDossiers: number;
  dueToday: number;
  returnedNotClosed: number;
  overdueFeedback: number;
  overdueCommitments: number;
  paymentsToResolve: number;
}

/**
 * The counts at `now` (`today` is its Vietnam date) but the transfers to resolve, which come with the fees the
 * dashboard reads from payments' cashlessActivity.
 */
export async function attentionToday(db: Db, unitIds: number[], now: Date, today: string): Promise<Omit<Attention, 'paymentsToResolve'>> {
  const [dossiers, overdueFeedback, overdueCommitments] = await Promise.all([
    dossierAttention(db, unitIds, now, today),
    overdueFeedbackCount(db, unitIds, now),
    overdueCommitmentCount(db, unitIds, today),
  ]);
  return {
    overdueDossiers: dossiers.overdue,
    dueToday: dossiers.dueToday,
    returnedNotClosed: dossiers.returnedNotClosed,
    overdueFeedback,
    overdueCommitments,
  };
}
