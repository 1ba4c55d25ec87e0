// Public surface of the calendar module: the only file other modules may import.
export { registerCalendarApi } from './api.ts';
export {
  clearCalendarCache,
  DEFAULT_OFFICE_HOURS,
  DEFAULT_WEEKEND,
  type DueDateRequest,
  type DueDateResult,
  dueDate,
  loadCalendar,
  type UnitCalendar,
  type UnitRef,
} from './calendar.ts';
export { addCalendarEntry } from './commands/add-calendar-entry.ts';
export { deleteCalendarEntry } from './commands/delete-calendar-entry.ts';
export { recordCalendarYear } from './commands/record-calendar-year.ts';
export { seedOfficialSchedules } from './commands/seed-official-schedules.ts';
export { registerCalendarPages } from './pages.tsx';
export { lunarToSolar, solarToLunar, tetDate } from './rules/lunar.ts';
export { officialSchedules, pendingEntries } from './rules/official-schedules.ts';
export type { CalendarSpec, CompiledCalendar, DayStatus } from './rules/working-days.ts';
