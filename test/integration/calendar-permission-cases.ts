/** Permission-matrix cases for the calendar routes. */
import { addCalendarEntry } from '../../src/modules/calendar/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form } from '../helpers.ts';
import type { MatrixCase } from './permissions.test.ts';

/** A distinct date per call (each unit's calendar holds one entry per date). */
const dateOf = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const entry = (f: Parameters<MatrixCase['make']>[0], t: Parameters<MatrixCase['make']>[1]) =>
  inTransaction(f.sys.platform.db, (tx) => addCalendarEntry(tx, systemActor('test'), { date: dateOf(f.n()), kind: 'day_off', name: 'Nghỉ thử' }, t));

export const calendarMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/quan-tri/lich',
    permission: 'calendar.read',
    scope: 'anywhere',
    make: async (_f, t) => ({ url: `/quan-tri/lich?year=2026&unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/entries',
    permission: 'calendar.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: '/api/v1/calendar/entries', payload: { date: dateOf(f.n()), kind: 'day_off', name: 'Nghỉ thử', unit: t.code } }),
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/entries',
    permission: 'calendar.manage',
    scope: 'global',
    make: async (f) => ({ url: '/api/v1/calendar/entries', payload: { date: dateOf(f.n()), kind: 'day_off', name: 'Nghỉ toàn quốc' } }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/calendar/entries/:id',
    permission: 'calendar.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/calendar/entries/${(await entry(f, t)).id}` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/calendar/years/:year',
    permission: 'calendar.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: '/api/v1/calendar/years/2099', payload: { notice: 'Thông báo thử', replacesStatutory: false, unit: t.code } }),
  },
  {
    method: 'POST',
    route: '/quan-tri/lich/muc',
    permission: 'calendar.manage',
    scope: 'unit',
    make: async (f, t) => ({
      url: '/quan-tri/lich/muc',
      payload: form({ year: '2030', unit: t.code, date: dateOf(f.n()), kind: 'day_off', name: 'Nghỉ thử', scope: t.code }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/lich/muc/:id/xoa',
    permission: 'calendar.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/lich/muc/${(await entry(f, t)).id}/xoa`, payload: form({ year: '2030', unit: t.code }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/lich/nam',
    permission: 'calendar.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: '/quan-tri/lich/nam', payload: form({ year: '2099', unit: t.code, yearNotice: 'Thông báo thử', yearScope: t.code }) }),
  },
];
