// Public surface of the submissions module (nộp hồ sơ trực tuyến: citizens file dossiers online): the only file other
// modules may import.

export { submitDossier } from './commands/submit-dossier.ts';
export { registerSubmissionPages, SUBMIT_BASE } from './pages.tsx';
export { acceptsOnline, type CheckedApplicant, checkApplicant, type SubmissionValues } from './rules/submission.ts';
