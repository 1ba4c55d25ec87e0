// Public surface of the conduct module: friendly conduct (model M13, seed 004), the commitment "4 xin, 4 luôn,
// 5 không" signed online by each official, and satisfaction surveys of citizens and businesses (online and paper).
export { registerCommitmentPages } from './commitment-pages.tsx';
export { type CommitmentSignatures, commitmentSignatures, type SatisfactionLine, type SurveyResults, surveyResults } from './results.ts';
export { formatShare } from './rules/survey.ts';
export { registerSurveyPages } from './survey-pages.tsx';
export { registerSurveyStaffPages } from './survey-staff-pages.tsx';
