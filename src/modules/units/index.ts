// Public surface of the units module: the only file other modules may import.
export { registerUnitsApi } from './api.ts';
export { createUnit } from './commands/create-unit.ts';
export { loadDemoUnits } from './commands/load-demo-units.ts';
export { type MergeStep, mergeUnit, registerMergeStep } from './commands/merge-unit.ts';
export { registerUnitsPages } from './pages.tsx';
export { ancestorsOf, findUnitByCode, findUnitById, listUnits, type OfficeHours, type UnitJson, type UnitRow, unitFromJson, unitJson } from './queries.ts';
export { mustFindUnit, pageUnitOf, reportPageUnit, reportUnitIds, unitsWhere } from './report-scope.ts';
export { isTerritorial, placeNameOf } from './rules/place-name.ts';
export { UnitCode, unitKindLabels, unitKinds } from './schema.ts';
