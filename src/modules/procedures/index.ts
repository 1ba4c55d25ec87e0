// Public surface of the procedures module (danh mục thủ tục hành chính): the only file other modules may import.
export { registerProceduresApi } from './api.ts';
export { carryOverProcedures } from './commands/carry-over-procedures.ts';
export { createProcedure } from './commands/create-procedure.ts';
export { DEMO_EFFECTIVE_FROM, loadDemoProcedures } from './commands/load-demo-procedures.ts';
export { publishDraft } from './commands/publish-draft.ts';
export { registerProceduresPages } from './pages.tsx';
export {
  type CarryingUnit,
  findProcedureByCode,
  findVersionById,
  findVersionInForce,
  inForce as versionInForceOn,
  isRegisteredSameDay,
  listCarriedInForce,
  type ProcedureRow,
  unitsCarrying,
  type VersionRow,
} from './queries.ts';
export { inForceOn, todayInVietnam } from './rules/versions.ts';
export { ProcedureCode, type ProcedureSpec } from './schema.ts';
