// Public surface of the letters module (thư chúc mừng, thư chia buồn, thư xin lỗi; model M11): templates, proposals
// from settled dossiers, letters by hand, approval with a register number, PDF, printing and e-mail, the opt-out list.
export { registerLettersApi } from './api.ts';
export { type ProposalResult, proposeLetters } from './commands/propose-letters.ts';
export { letterJobDefinitions, PROPOSE_JOB } from './jobs.ts';
export { registerLettersPages } from './pages.tsx';
export { type LetterActivityRow, letterActivity } from './queries.ts';
export { dossierEvents } from './rules/events.ts';
export {
  kindLabels as letterKindLabels,
  type LetterKind,
  type LetterStatus,
  letterKinds,
  letterStatuses,
  statusLabels as letterStatusLabels,
} from './rules/kinds.ts';
