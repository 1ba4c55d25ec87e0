// Public surface of the reform module (model M15): the registry of reform models, the units' registrations (with
// same-day procedures), the compliance rules of the plans, and inspections with findings and corrections.
export { registerReformApi } from './api.ts';
export { loadDemoReform } from './commands/load-demo-reform.ts';
export { registerReformPages } from './pages.tsx';
export { complianceIssues, type ModelRun, modelsRunBy } from './reads.ts';
export type { ComplianceIssue, ComplianceRule } from './rules/compliance.ts';
