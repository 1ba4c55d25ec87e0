// Public surface of the outreach module: the report on serving people where they are (home visits, post, letters,
// cashless fees, support teams), issue 8 item 6.
export { registerOutreachRoutes } from './routes.tsx';
