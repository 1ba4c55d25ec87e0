// Public surface of the support-teams module: free public-service support teams (Đội hỗ trợ dịch vụ công miễn phí,
// model M5) — teams of union members and volunteers, the duty roster, who is on duty now, and the people helped.
export { onDutyNow, registerSupportTeamsApi } from './api.ts';
export { linkDemoVolunteers, loadDemoSupportTeams } from './commands/load-demo-support-teams.ts';
export { type HelpCounts, type SupportActivity, supportActivity } from './indicators.ts';
export { registerSupportTeamsPages } from './pages.tsx';
export { registerSupportTeamsStaffPages } from './staff-pages.tsx';
