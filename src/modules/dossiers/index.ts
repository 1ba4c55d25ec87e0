// Public surface of the dossiers module (hồ sơ thủ tục hành chính): the only file other modules may import.
export { registerDossiersApi } from './api.ts';
export { dossierClock } from './clock.ts';
export { carryOverDossiers } from './commands/carry-over-dossiers.ts';
export { receiveDossier } from './commands/receive-dossier.ts';
export { registerDossiersPages } from './pages.tsx';
export { type DossierRow, type EventRow, findDossierByCode, listEvents } from './queries.ts';
export { formatDossierCode, parseDossierCode } from './rules/code.ts';
export { actionRules, type DossierAction, type DossierStatus, dossierActions, dossierStatuses, isLate, statusLabels } from './rules/lifecycle.ts';
