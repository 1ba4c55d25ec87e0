// Public surface of the appointments module (hẹn giờ thực hiện TTHC tại nhà, model M6): requests from the web form and
// from staff (phone, e-mail, Zalo, Facebook), slots on the unit's calendar, assignment, reminders, outcomes recorded on
// the dossier, each person's iCalendar feed.
export { type HomeVisitActivity, homeVisitActivity } from './activity.ts';
export { registerAppointmentsApi } from './api.ts';
export { loadDemoAppointments } from './commands/load-demo-appointments.ts';
export { registerAppointmentsPublicPages } from './public-pages.tsx';
export { registerAppointmentsStaffPages } from './staff-pages.tsx';
