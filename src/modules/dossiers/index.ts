// Public surface of the dossiers module (hồ sơ thủ tục hành chính): the only file other modules may import.
export { findForCitizen, rateByCitizen, registerDossiersApi, trackDossier } from './api.ts';
export { type DossierAttention, dossierAttention } from './attention.ts';
export { dossierClock } from './clock.ts';
export { attachFile } from './commands/attach-file.ts';
export { carryOverDossiers } from './commands/carry-over-dossiers.ts';
export { receiveDossier } from './commands/receive-dossier.ts';
export { type HomeVisit, recordHomeVisit } from './commands/record-home-visit.ts';
export { returnResultThrough } from './commands/return-result-through.ts';
export { fillWorkingDaysTaken } from './commands/working-days-taken.ts';
export {
  computeDossierIndicators,
  type DossierIndicators,
  dossierFiguresByUnit,
  type MonthlyDossierRow,
  monthlyDossierSeries,
  type UnitFiguresRow,
} from './indicators.ts';
export { DUE_SOON_JOB, dossierJobDefinitions, RETURNED_NOT_CLOSED_JOB, warningOptionsFromEnv } from './jobs.ts';
export { registerDossiersPages } from './pages.tsx';
export { registerDossierPoliciesApi } from './policy-api.ts';
export { registerDossierPoliciesPages } from './policy-pages.tsx';
export { type SameDayStat, sameDayStats } from './policy-queries.ts';
export {
  type ApplicantDossierRow,
  countDeskFigures,
  type DeskFigures,
  type DossierRow,
  type EventRow,
  findByIdempotencyKey,
  findDossierByCode,
  listDossiersByApplicant,
  listEvents,
} from './queries.ts';
export { registerDossierReportRoutes } from './report-routes.tsx';
export { MAX_ATTACHMENT_BYTES, sniffMime } from './rules/attachments.ts';
export { formatDossierCode, parseDossierCode } from './rules/code.ts';
export { actionRules, type DossierAction, type DossierStatus, dossierActions, dossierStatuses, isLate, statusLabels } from './rules/lifecycle.ts';
export { decideAppointment, type PolicyKind, policyKindLabels } from './rules/service-policy.ts';
export { type Rating, ratingLabels, ratings } from './schema.ts';
export { registerDossierSlipRoutes } from './slip-routes.ts';
export { trackingUrlOf } from './slips.ts';
export { TrackingLookupForm, TrackingNotFound } from './tracking-form.tsx';
