// Public surface of the feedback module (phản ánh, kiến nghị; hotline 1022): intake from every channel, routing,
// handling on deadlines, publication. Channels (Open311, Zalo, Facebook, e-mail) live in their own modules and call
// receiveFeedback. Staff handling (accept … publish), the deadline sweep, staff pages and API and administration too.
export { registerFeedbackAdminPages } from './admin-pages.tsx';
export { overdueFeedbackCount } from './attention.ts';
export { loadDemoFeedback } from './commands/load-demo-feedback.ts';
export { rateFeedback } from './commands/rate-feedback.ts';
export { DEFAULT_ANSWER_DAYS, DEFAULT_CLASSIFY_DAYS, type IncomingFeedback, type ReceivedFeedback, receiveFeedback } from './commands/receive-feedback.ts';
export { reopenFeedback } from './commands/reopen-feedback.ts';
export { type DeadlineSweepResult, sweepFeedbackDeadlines } from './commands/sweep-feedback-deadlines.ts';
export { computeFeedbackIndicators, type FeedbackIndicators, monthlyFeedbackSeries } from './indicators.ts';
export { DEADLINES_JOB, feedbackJobDefinitions, feedbackJobOptionsFromEnv } from './jobs.ts';
export { registerFeedbackPublicApi } from './public-api.ts';
export { registerFeedbackPublicPages } from './public-pages.tsx';
export { type CategoryRow, type FeedbackRow, findFeedbackByCode, listCategories } from './queries.ts';
export { registerFeedbackReportRoutes } from './report-routes.tsx';
export { type CheckedFeedback, checkFeedback, DESCRIPTION_MAX, type FeedbackInput } from './rules/intake.ts';
export {
  answeredOnTime,
  channelLabels,
  type FeedbackChannel,
  type FeedbackKind,
  type FeedbackStatus,
  feedbackChannels,
  feedbackKinds,
  feedbackStatuses,
  feedbackStatusLabels,
  fixMyStreetState,
  isFeedbackLate,
  kindLabels,
  open311Status,
  openFeedbackStatuses,
} from './rules/lifecycle.ts';
export { checkPublicText, findPersonalData, type PersonalDataHit, type PersonalDataKind } from './rules/redact.ts';
export { foldVietnamese } from './rules/routing.ts';
export { registerFeedbackStaffApi } from './staff-api.ts';
export { registerFeedbackStaffPages } from './staff-pages.tsx';
