// Public surface of the feedback module (phản ánh, kiến nghị; hotline 1022): intake from every channel, routing,
// handling on deadlines, publication. Channels (Open311, Zalo, Facebook, e-mail) live in their own modules and call
// receiveFeedback.
export { DEFAULT_ANSWER_DAYS, DEFAULT_CLASSIFY_DAYS, type IncomingFeedback, type ReceivedFeedback, receiveFeedback } from './commands/receive-feedback.ts';
export { type CategoryRow, type FeedbackRow, findFeedbackByCode, listCategories } from './queries.ts';
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
export { foldVietnamese } from './rules/routing.ts';
export { computeFeedbackIndicators, type FeedbackIndicators } from './indicators.ts';
export { registerFeedbackReportRoutes } from './report-routes.tsx';
