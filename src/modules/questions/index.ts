// Public surface of the questions module ("Chạm để biết": questions and answers about procedures and local matters).
export { registerQuestionsApi } from './api.ts';
export { registerQuestionsPages } from './pages.tsx';
export { answeredQuestionsFor, type QuestionRow } from './queries.ts';
export { registerQuestionsStaffPages } from './staff-pages.tsx';
export { ProcedureQuestions } from './views.tsx';
