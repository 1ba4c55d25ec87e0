// Public surface of the submissions module (nộp hồ sơ trực tuyến: citizens file dossiers online): the only file other
// modules may import.
export { registerSubmissionPages, SUBMIT_BASE } from './pages.tsx';
