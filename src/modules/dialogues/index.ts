// Public surface of the dialogues module: radio dialogues "Chính quyền đồng hành cùng Nhân dân" and business coffee
// "Cà phê Doanh nhân – Doanh nghiệp" (models M9, M10): schedule, questions beforehand, commitments, coverage.
export { registerDialoguesApi } from './api.ts';
export { overdueCommitmentCount } from './attention.ts';
export { computeDialogueIndicators, type DialogueIndicators } from './indicators.ts';
export { registerDialoguesPages } from './pages.tsx';
export { registerDialoguesStaffPages } from './staff-pages.tsx';
