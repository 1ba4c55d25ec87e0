// Public surface of the open311 module: Open311 GeoReport v2 (and FixMyStreet's update polling) over feedback.
export { OPEN311_SCOPE } from './commands/submit-service-request.ts';
export { OPEN311_CHANGESET, registerOpen311Routes } from './routes.ts';
