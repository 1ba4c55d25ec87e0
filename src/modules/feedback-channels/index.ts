// Public surface of the feedback channels module: webhook adapters (Zalo OA, Facebook Page, inbound e-mail) that file
// what people send as feedback through the feedback module's receiveFeedback. See docs/feedback.md, "Channels".
export { feedbackChannelJobDefinitions, SWEEP_WEBHOOKS_JOB } from './jobs.ts';
export { hubSignature, relaySignature, zaloMac } from './rules/signatures.ts';
export { EMAIL_WEBHOOK, FACEBOOK_WEBHOOK, registerFeedbackChannelRoutes, ZALO_WEBHOOK } from './webhooks.ts';
