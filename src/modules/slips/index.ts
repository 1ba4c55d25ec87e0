// Public surface of the slips module (official one-stop forms as versioned templates): the only file other
// modules may import. It imports no other domain module: callers hand it plain SlipData.
export { sampleReceiptData, timeReceiptRendering } from './bench.ts';
export { seedSlipTemplates } from './commands/seed-slip-templates.ts';
export { findTemplateInForce, listTemplates, type SlipTemplateRow } from './queries.ts';
export { type RegisterBookOptions, type RenderOptions, registerBookWorkbook, renderRegisterBook, renderSlip } from './render.ts';
export { buildSlip } from './rules/build-slip.ts';
export type { SlipBlock, SlipTemplateDefinition } from './rules/definition.ts';
export { fillPlaceholders } from './rules/placeholders.ts';
export type { RegisterBookRow, SlipData } from './rules/slip-data.ts';
export { SLIP_CODES, type SlipCode, type SlipTemplateSeed, slipTemplatesTt03of2025 } from './rules/templates-tt03-2025.ts';
