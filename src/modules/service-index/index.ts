// Public surface of the service-index module: the national service index of Decision 766 (Bộ chỉ số phục vụ người
// dân, doanh nghiệp) per unit and period, its drill-down to the dossiers behind a score, and the inputs from outside.
export { serviceIndexOf } from './compute.ts';
export { registerServiceIndexRoutes } from './routes.tsx';
export { computeIndex, type IndexInputs, type IndexResult, indexGroups, indicatorDefs } from './rules/index766.ts';
