import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/pool.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { describeSchemaErrors, type SchemaError } from '../../platform/http/validation.ts';
import { ancestorsOf, type UnitRow } from '../units/index.ts';
import { dueDate, loadCalendar, parseReceipt, resolveUnit } from './calendar.ts';
import { addCalendarEntry } from './commands/add-calendar-entry.ts';
import { deleteCalendarEntry } from './commands/delete-calendar-entry.ts';
import { recordCalendarYear } from './commands/record-calendar-year.ts';
import { requireManageCalendar } from './permissions.ts';
import { presentEntry, presentYear, presentYearRow, skippedDays, specialDaysOf } from './present.ts';
import { findEntryById } from './queries.ts';
import { solarToLunar } from './rules/lunar.ts';
import { isoToDayNumber } from './rules/working-days.ts';
import {
  AddEntryBody,
  AddWorkingDaysOut,
  AddWorkingDaysQuery,
  BetweenOut,
  BetweenQuery,
  DayOut,
  DayQuery,
  EntryOut,
  EntryParams,
  queryFieldMessages,
  RecordYearBody,
  UnitQuery,
  YearOut,
  YearParams,
  YearViewOut,
} from './schema.ts';

const tags = ['Lịch làm việc (calendar)'];
/** Longest span working-days-between accepts, in days (20 years). */
const MAX_BETWEEN_DAYS = 20 * 366;

/**
 * Turns a query or path validation failure into per-field messages that name the parameter. Routes with
 * `attachValidation` call this first.
 */
function rejectInvalidQuery(req: FastifyRequest): void {
  const err = req.validationError as (Error & { validation?: SchemaError[]; validationContext?: string }) | undefined;
  if (!err) return;
  const generic = describeSchemaErrors(err.validation ?? [], err.validationContext ?? 'querystring');
  const errors: FieldError[] = [];
  for (const e of generic) {
    if (errors.some((x) => x.field === e.field)) continue;
    errors.push({ field: e.field, message: queryFieldMessages[e.field] ?? e.message });
  }
  throw new AppError('VALIDATION_FAILED', { errors });
}

function invalidDate(field: 'date' | 'to' | 'from'): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ field, message: queryFieldMessages[field] as { vi: string; en: string } }] });
}

function checkYearRange(date: string, field: 'date' | 'to' | 'from'): void {
  const year = Number(date.slice(0, 4));
  if (year < 1900 || year > 2100) throw invalidDate(field);
}

/** Unit codes by id for the unit and its ancestors (null: national). */
async function codesOf(db: Db, unit: UnitRow | null): Promise<(id: number | null) => string | null> {
  const chain = unit ? [...(await ancestorsOf(db, unit)), unit] : [];
  const byId = new Map(chain.map((u) => [u.id, u.code]));
  return (id) => (id === null ? null : (byId.get(id) ?? null));
}

async function mustFindScope(db: Db, code: string | null | undefined): Promise<UnitRow | null> {
  return code ? resolveUnit(db, { unitCode: code }) : null;
}

/** JSON routes of the working calendar: public reads, audited changes by calendar managers. */
export function registerCalendarApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/calendar/add-working-days',
    {
      schema: {
        tags,
        summary: 'Cộng ngày làm việc: hạn giải quyết tính từ ngày tiếp nhận (add working days: the due date of a time limit)',
        description:
          'Ngày tiếp nhận không tính; thời hạn N ngày làm việc kết thúc vào cuối ngày làm việc thứ N sau đó. Nếu `from` có giờ: nhận sau giờ chốt `cutoff` hoặc ngoài giờ làm việc của đơn vị thì tính như nhận vào ngày làm việc tiếp theo. The day of receipt is not counted; with a time in `from`, a receipt after `cutoff` or outside office hours counts from the next working day (a date alone is the day of receipt and `cutoff` does not apply).',
        querystring: AddWorkingDaysQuery,
        response: { 200: AddWorkingDaysOut },
      },
      attachValidation: true,
      config: { permission: 'public' },
    },
    async (req) => {
      rejectInvalidQuery(req);
      const q = req.query;
      const received = parseReceipt(q.from, 'from');
      const due = await dueDate(p.db, { unitCode: q.unit, from: q.from, workingDays: q.days, cutoffHour: q.cutoff ?? null });
      const unit = await resolveUnit(p.db, { unitCode: q.unit });
      const cal = await loadCalendar(p.db, unit, Number(received.date.slice(0, 4)), Number(due.date.slice(0, 4)));
      return {
        date: due.date,
        dueAt: due.dueAt,
        from: q.from,
        days: q.days,
        unit: unit?.code ?? null,
        cutoff: q.cutoff ?? null,
        countsFrom: due.countsFrom,
        skipped: skippedDays(cal, received.date, due.date),
      };
    },
  );

  app.get(
    '/api/v1/calendar/day',
    {
      schema: {
        tags,
        summary: 'Một ngày: có phải ngày làm việc, lý do, ngày âm lịch (one day: working or not, why, lunar date)',
        querystring: DayQuery,
        response: { 200: DayOut },
      },
      attachValidation: true,
      config: { permission: 'public' },
    },
    async (req) => {
      rejectInvalidQuery(req);
      const { date } = req.query;
      checkYearRange(date, 'date');
      const unit = await resolveUnit(p.db, { unitCode: req.query.unit });
      const year = Number(date.slice(0, 4));
      const cal = await loadCalendar(p.db, unit, year, year);
      const status = cal.calendar.dayStatus(date);
      const entry = cal.entryOn.get(date);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const lunar = solarToLunar(y, m, d);
      return {
        date,
        unit: unit?.code ?? null,
        working: status.working,
        reason: status.reason,
        kind: status.kind,
        source: entry ? entry.source : status.kind === 'weekend' ? 'weekly_rest' : null,
        lunar: { day: lunar.day, month: lunar.month, year: lunar.year, leap: lunar.leap },
      };
    },
  );

  app.get(
    '/api/v1/calendar/working-days-between',
    {
      schema: {
        tags,
        summary: 'Số ngày làm việc sau `from` đến hết `to` (working days after `from` up to and including `to`)',
        querystring: BetweenQuery,
        response: { 200: BetweenOut },
      },
      attachValidation: true,
      config: { permission: 'public' },
    },
    async (req) => {
      rejectInvalidQuery(req);
      const { from, to } = req.query;
      checkYearRange(from, 'from');
      checkYearRange(to, 'to');
      if (Math.abs(isoToDayNumber(to) - isoToDayNumber(from)) > MAX_BETWEEN_DAYS) throw invalidDate('to');
      const unit = await resolveUnit(p.db, { unitCode: req.query.unit });
      const years = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((a, b) => a - b) as [number, number];
      const cal = await loadCalendar(p.db, unit, years[0], years[1]);
      return { from, to, unit: unit?.code ?? null, workingDays: cal.calendar.workingDaysBetween(from, to) };
    },
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'Lịch một năm: mọi ngày nghỉ và ngày làm bù, kèm lý do và nguồn (a year: every non-working and make-up day with reasons and sources)',
        params: YearParams,
        querystring: UnitQuery,
        response: { 200: YearViewOut },
      },
      attachValidation: true,
      config: { permission: 'public' },
    },
    async (req) => {
      rejectInvalidQuery(req);
      const { year } = req.params;
      const unit = await resolveUnit(p.db, { unitCode: req.query.unit });
      const cal = await loadCalendar(p.db, unit, year, year);
      const codeOf = await codesOf(p.db, unit);
      return {
        year,
        unit: unit?.code ?? null,
        weekendDays: cal.weekendDays,
        workingDays: cal.calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`),
        notices: cal.notices.map((n) => presentYear(n, codeOf)),
        days: specialDaysOf(cal, year, codeOf),
      };
    },
  );

  app.post(
    '/api/v1/calendar/entries',
    {
      schema: {
        tags,
        summary: 'Thêm ngày nghỉ, ngày lễ hoặc ngày làm bù (add a holiday, day off or make-up working day)',
        description:
          'Không có `unit`: lịch chung toàn quốc (cần quyền quản lý lịch toàn tỉnh hoặc quản trị hệ thống). Without `unit`: the national calendar. 409 CONFLICT when that calendar already has an entry on that date.',
        body: AddEntryBody,
        response: { 201: EntryOut },
      },
      config: { permission: 'calendar.manage' },
    },
    async (req, reply) => {
      const { row, unit } = await inTransaction(p.db, async (tx) => {
        const unit = await mustFindScope(tx, req.body.unit);
        requireManageCalendar(req, unit?.path ?? null);
        return { row: await addCalendarEntry(tx, req.actor(), req.body, unit), unit };
      });
      return reply.status(201).send(presentEntry(row, (id) => (id === null ? null : (unit?.code ?? null))));
    },
  );

  app.delete(
    '/api/v1/calendar/entries/:id',
    {
      schema: { tags, summary: 'Xóa một mục lịch (delete a calendar entry)', params: EntryParams, response: { 204: Type.Null() } },
      config: { permission: 'calendar.manage' },
    },
    async (req, reply) => {
      await inTransaction(p.db, async (tx) => {
        const entry = await findEntryById(tx, req.params.id);
        if (!entry) throw new AppError('NOT_FOUND', { detail: { vi: `Không có mục lịch số ${req.params.id}`, en: `No calendar entry ${req.params.id}` } });
        const unit = entry.unit_id === null ? null : await resolveUnit(tx, { unitId: entry.unit_id });
        requireManageCalendar(req, unit?.path ?? null);
        await deleteCalendarEntry(tx, req.actor(), entry);
      });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'Ghi thông báo nghỉ lễ, tết của một năm (record a year’s official notice)',
        description:
          '`replacesStatutory: true`: Tết, ngày liền kề 2/9, nghỉ bù và hoán đổi của năm lấy từ các mục đã nhập; vẫn giữ 1/1, 10/3 âm lịch, 30/4, 1/5, 2/9. With `replacesStatutory`, the year uses its entries for Tết, swaps and compensatory days, plus the fixed-date statutory holidays.',
        params: YearParams,
        body: RecordYearBody,
        response: { 200: YearOut },
      },
      config: { permission: 'calendar.manage' },
    },
    async (req) => {
      const { row, unit } = await inTransaction(p.db, async (tx) => {
        const unit = await mustFindScope(tx, req.body.unit);
        requireManageCalendar(req, unit?.path ?? null);
        return { row: await recordCalendarYear(tx, req.actor(), req.params.year, req.body, unit), unit };
      });
      return presentYearRow(row, (id) => (id === null ? null : (unit?.code ?? null)));
    },
  );
}
