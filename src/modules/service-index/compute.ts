import type { Db } from '../../platform/db/pool.ts';
import { vietnamDate } from '../../platform/period.ts';
import { computeDossierIndicators, type DossierIndicators } from '../dossiers/index.ts';
import { computeFeedbackIndicators, type FeedbackIndicators } from '../feedback/index.ts';
import { extraIndexCounts, manualInputs } from './queries.ts';
import { computeIndex, type IndexInputs, type IndexResult } from './rules/index766.ts';

/**
 * The service index of a set of units over a period: the dossier and feedback indicators (their own fast paths), the
 * extra counts, the inputs entered by hand for the report's unit, then the pure scoring of rules/index766.ts. A caller
 * that computes the same dossier and feedback indicators already (the reform report) passes them as `known`.
 */
export async function serviceIndexOf(
  db: Db,
  q: {
    unitIds: number[];
    reportUnitId: number;
    from: string;
    to: string;
    now: Date;
    known?: { dossiers: Promise<DossierIndicators>; feedback: Promise<FeedbackIndicators> };
  },
): Promise<IndexResult & { inputs: IndexInputs }> {
  const day = vietnamDate(q.now);
  const [dossiers, feedback, extra, manual] = await Promise.all([
    q.known?.dossiers ?? computeDossierIndicators(db, { unitIds: q.unitIds, from: q.from, to: q.to, now: q.now }),
    q.known?.feedback ?? computeFeedbackIndicators(db, { unitIds: q.unitIds, from: q.from, to: q.to, now: q.now }),
    extraIndexCounts(db, { unitIds: q.unitIds, from: q.from, to: q.to, day, now: q.now }),
    manualInputs(db, q.reportUnitId, q.from, q.to),
  ]);
  const inputs: IndexInputs = {
    procedures: { listed: extra.listed, publishedInForce: extra.publishedInForce },
    dossiers: {
      received: dossiers.received,
      settled: dossiers.settled,
      inProgress: { onTime: dossiers.inProgress.onTime, overdue: dossiers.inProgress.overdue },
      online: dossiers.online.dossiers,
      withFees: extra.withFees,
      paidOnline: extra.paidOnline,
      electronicResult: dossiers.flags.electronicResult,
      reusedDocuments: dossiers.flags.reusedDocuments,
      digitised: dossiers.flags.digitised,
      personalNumber: extra.personalNumber,
      ratings: { total: dossiers.satisfaction.total, dissatisfied: dossiers.satisfaction.levels.khong_hai_long },
    },
    feedback: { answered: feedback.answered.total, answeredOnTime: feedback.answered.onTime, published: feedback.published },
    manual,
  };
  return { ...computeIndex(inputs), inputs };
}
