/**
 * The figures of a reform report, computed for a set of units (the reporting unit's subtree) over a period from the
 * other modules' public indicator functions (home visits and cashless fees counted as the outreach report counts them).
 */
import type { Db } from '../../platform/db/pool.ts';
import { periodBounds, rate } from '../../platform/period.ts';
import { homeVisitActivity } from '../appointments/index.ts';
import { commitmentSignatures, surveyResults } from '../conduct/index.ts';
import { computeDialogueIndicators } from '../dialogues/index.ts';
import { computeDossierIndicators } from '../dossiers/index.ts';
import { computeFeedbackIndicators } from '../feedback/index.ts';
import { letterActivity } from '../letters/index.ts';
import { cashlessActivity } from '../payments/index.ts';
import { postalActivity } from '../postal/index.ts';
import { serviceIndexOf } from '../service-index/index.ts';
import { supportActivity } from '../support-teams/index.ts';
import type { Figures } from './rules/model-figures.ts';
import { earlierDate } from './rules/period.ts';

export async function computeReportFigures(
  db: Db,
  q: { unitIds: number[]; reportUnitId: number; from: string; to: string; now: Date; today: string },
): Promise<Figures> {
  const { unitIds, from, to, now } = q;
  const { start, end } = periodBounds(from, to, now);
  const dayOfSignatures = earlierDate(to, q.today);
  // The service index reads the same dossier and feedback indicators: computed once, for both.
  const known = { dossiers: computeDossierIndicators(db, { unitIds, from, to, now }), feedback: computeFeedbackIndicators(db, { unitIds, from, to, now }) };
  const [dossiers, feedback, dialogues, postal, support, letters, payments, visits, signatures, surveys, index] = await Promise.all([
    known.dossiers,
    known.feedback,
    computeDialogueIndicators(db, { unitIds, from, to, now }),
    postalActivity(db, { unitIds, from, to }),
    supportActivity(db, { unitIds, from, to }),
    letterActivity(db, { unitIds, from: start, to: end }),
    cashlessActivity(db, { unitIds, start, end }),
    homeVisitActivity(db, { unitIds, start, end }),
    commitmentSignatures(db, { unitIds, today: dayOfSignatures }),
    surveyResults(db, { unitIds, from, to }),
    serviceIndexOf(db, { unitIds, reportUnitId: q.reportUnitId, from, to, now, known }),
  ]);
  const live = letters.filter((l) => l.status !== 'cancelled');
  const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
  const legs = [postal.legs.inbound, postal.legs.outbound];
  const transfer = payments.paid.reduce((n, f) => n + f.transferCount, 0);
  const paid = payments.paid.reduce((n, f) => n + f.transferCount + f.cashCount, 0);
  return {
    'dossiers.received': dossiers.received,
    'dossiers.settled': dossiers.settled.total,
    'dossiers.onTimeRate': dossiers.settled.onTimeRate,
    'dossiers.late': dossiers.settled.late,
    'dossiers.overdue': dossiers.inProgress.overdue,
    'dossiers.sameDay': dossiers.sameDay.dossiers,
    'dossiers.sameDayRate': dossiers.sameDay.rate,
    'dossiers.onlineShare': dossiers.online.share,
    'dossiers.ratings': dossiers.satisfaction.total,
    'dossiers.satisfiedShare': dossiers.satisfaction.satisfiedShare,
    'feedback.received': feedback.received,
    'feedback.answered': feedback.answered.total,
    'feedback.answeredOnTimeRate': feedback.answered.onTimeRate,
    'feedback.satisfiedShare': feedback.satisfaction.satisfiedShare,
    'dialogues.radio': dialogues.held.radio,
    'dialogues.businessCoffee': dialogues.held.businessCoffee,
    'commitments.open': dialogues.commitments.open,
    'commitments.overdue': dialogues.commitments.overdue,
    'commitments.kept': dialogues.commitments.doneInPeriod,
    'commitments.keptOnTime': dialogues.commitments.doneOnTimeInPeriod,
    'support.total': support.total.total,
    'support.vneid': support.total.vneid_account,
    'support.onlineDossier': support.total.online_dossier,
    'support.payment': support.total.payment,
    'homeVisits.requested': visits.requested,
    'homeVisits.done': visits.done,
    'homeVisits.priority': visits.priority,
    'postal.receivedByPost': postal.receivedByPost,
    'postal.returnedByPost': postal.returnedByPost,
    'postal.shipments': legs.reduce((n, l) => n + Object.values(l).reduce((a, b) => a + b, 0), 0),
    'postal.delivered': legs.reduce((n, l) => n + l.delivered, 0),
    'letters.total': sum(live),
    'letters.sent': sum(live.filter((l) => l.status === 'sent')),
    'letters.apologies': sum(live.filter((l) => l.kind === 'apology')),
    'payments.paid': paid,
    'payments.transfer': transfer,
    'payments.cashlessRate': rate(transfer, paid),
    'conduct.officials': signatures.officials,
    'conduct.signed': signatures.signed,
    'conduct.surveyRatings': surveys.ratings,
    'conduct.surveySatisfiedShare': surveys.satisfiedShare,
    'index.total': index.maxWithData > 0 ? index.total : null,
    'index.maxWithData': index.maxWithData,
  };
}
