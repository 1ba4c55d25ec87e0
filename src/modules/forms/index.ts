// Public surface of the forms module (tờ khai: declaration forms as data, filled from the ID-card QR, printed to
// sign): the only file other modules may import.
export { registerFormsApi } from './api.ts';
export { timeDeclarationRendering } from './bench.ts';
export { attachSetToDossier } from './commands/attach-set-to-dossier.ts';
export { purgeUnattachedSets } from './commands/purge-declaration-sets.ts';
export { formsJobDefinitions, PURGE_SETS_JOB } from './jobs.ts';
export { FieldInput, registerFormsPages } from './pages.tsx';
export { renderDeclarationPdf } from './render.ts';
export { identityValues } from './rules/identity.ts';
export type { CardIdentity, FormField, FormTemplate } from './rules/template.ts';
export type { FormValues } from './rules/values.ts';
export { normaliseValues, validateValues } from './rules/values.ts';
export { currentTemplate, findTemplate, formTemplates, templatesForProcedure } from './templates/index.ts';
