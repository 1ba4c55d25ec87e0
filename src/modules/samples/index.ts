// Public surface of the samples module (hồ sơ mẫu: sample filled dossiers and blank forms to download for each
// procedure): the only file other modules may import.
export { registerSamplesApi } from './api.ts';
export { registerSamplesPages } from './pages.tsx';
export { registerSamplesStaffPages } from './staff-pages.tsx';
