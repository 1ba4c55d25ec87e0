import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/pool.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findUnitByCode, findUnitById, listUnits, UnitCode, type UnitRow } from '../units/index.ts';
import { loadCalendar, type UnitCalendar } from './calendar.ts';
import { addCalendarEntry } from './commands/add-calendar-entry.ts';
import { deleteCalendarEntry } from './commands/delete-calendar-entry.ts';
import { recordCalendarYear } from './commands/record-calendar-year.ts';
import { mayManageCalendar, requireManageCalendar } from './permissions.ts';
import { findEntryById } from './queries.ts';
import type { StoredEntry } from './rules/calendar-spec.ts';
import { fromEpochMs } from './rules/due-date.ts';
import { dayNumberToIso, isoToDayNumber, weekdayOfDayNumber } from './rules/working-days.ts';
import { AddEntryBody, dayKindLabels, dayKinds, RecordYearBody } from './schema.ts';

const BASE = '/quan-tri/lich';

const PageQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  unit: Type.Optional(UnitCode),
});

/** Visible markers, so a non-working day is told by text as well as by colour. */
const MARKS = {
  holiday: { mark: 'L', vi: 'L: nghỉ lễ, tết', en: 'L: public holiday' },
  day_off: { mark: 'N', vi: 'N: nghỉ bù, nghỉ hoán đổi', en: 'N: compensatory or swapped day off' },
  make_up_working_day: { mark: 'LB', vi: 'LB: ngày làm bù (đi làm)', en: 'LB: make-up working day (worked)' },
} as const;

const WEEKDAY_HEADERS = [
  { vi: 'T2', en: 'Mo', viLong: 'Thứ Hai', enLong: 'Monday' },
  { vi: 'T3', en: 'Tu', viLong: 'Thứ Ba', enLong: 'Tuesday' },
  { vi: 'T4', en: 'We', viLong: 'Thứ Tư', enLong: 'Wednesday' },
  { vi: 'T5', en: 'Th', viLong: 'Thứ Năm', enLong: 'Thursday' },
  { vi: 'T6', en: 'Fr', viLong: 'Thứ Sáu', enLong: 'Friday' },
  { vi: 'T7', en: 'Sa', viLong: 'Thứ Bảy', enLong: 'Saturday' },
  { vi: 'CN', en: 'Su', viLong: 'Chủ nhật', enLong: 'Sunday' },
];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Weekdays 0 (Sunday)–6 ordered Monday first. */
function mondayFirst(days: number[]): number[] {
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

function shortDate(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${d}/${m}`;
}

function Month(props: { ctx: PageContext; cal: UnitCalendar; year: number; month: number }) {
  const { ctx, cal, year, month } = props;
  const first = isoToDayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  const next = month === 12 ? isoToDayNumber(`${year + 1}-01-01`) : isoToDayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`);
  const lead = (weekdayOfDayNumber(first) + 6) % 7; // Monday first
  const cells: (number | null)[] = [...Array.from({ length: lead }, () => null)];
  for (let d = first; d < next; d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const notes: { date: string; mark: string; reason: string }[] = [];
  const cellOf = (day: number) => {
    const date = dayNumberToIso(day);
    const status = cal.calendar.dayStatus(date);
    const mark = status.kind === 'holiday' || status.kind === 'day_off' || status.kind === 'make_up_working_day' ? MARKS[status.kind].mark : null;
    if (mark) notes.push({ date, mark, reason: status.reason ?? '' });
    const cls = status.kind === 'weekend' ? 'weekend' : status.kind === 'make_up_working_day' ? 'makeup' : status.working ? undefined : 'off';
    return { date, mark, cls, reason: status.reason };
  };
  const weekCells = weeks.map((week) => week.map((day) => (day === null ? null : cellOf(day))));
  return (
    <div class="cal-month">
      <table>
        <caption>{tr(ctx, `Tháng ${month}/${year}`, `${MONTHS_EN[month - 1]} ${year}`)}</caption>
        <thead>
          <tr>
            {WEEKDAY_HEADERS.map((h) => (
              <th key={h.vi} scope="col">
                <abbr title={tr(ctx, h.viLong, h.enLong)}>{tr(ctx, h.vi, h.en)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weekCells.map((week, w) => (
            <tr key={String(w)}>
              {week.map((c, i) =>
                c === null ? (
                  <td key={`e${i}`} />
                ) : (
                  <td key={c.date} class={c.cls} title={c.reason ?? undefined}>
                    {Number(c.date.slice(8))}
                    {c.mark && <sup>{c.mark}</sup>}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length > 0 && (
        <ul class="cal-notes">
          {notes.map((n) => (
            <li key={n.date}>
              <strong>
                {shortDate(n.date)} ({n.mark})
              </strong>
              : {n.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface PageState {
  year: number;
  unit: UnitRow | null;
  entryValues?: Record<string, string | undefined>;
  entryErrors?: FormErrors;
  yearValues?: Record<string, string | undefined>;
  yearErrors?: FormErrors;
}

function pageUrl(year: number, unit: UnitRow | null): string {
  return `${BASE}?year=${year}${unit ? `&unit=${unit.code}` : ''}`;
}

function kindLabel(ctx: PageContext, kind: string): string {
  const l = dayKindLabels[kind as keyof typeof dayKindLabels];
  return l ? tr(ctx, l.vi, l.en) : kind;
}

function sourceLabel(ctx: PageContext, source: string): string {
  if (source === 'statutory') return tr(ctx, 'Luật', 'Law');
  if (source === 'notice') return tr(ctx, 'Thông báo', 'Notice');
  return tr(ctx, 'Quản trị nhập', 'Entered by an administrator');
}

/** Staff pages: the printable year view of a unit's (or the national) calendar, its entries and notices. */
export function registerCalendarPages(app: App, p: Platform): void {
  const render = async (req: FastifyRequest, reply: FastifyReply, state: PageState, status = 200) => {
    const ctx = pageContext(req, reply);
    const { year, unit } = state;
    const units = await listUnits(p.db);
    const cal = await loadCalendar(p.db, unit, year, year);
    const codeOf = new Map(units.map((u) => [u.id, u]));
    const scopeName = (id: number | null) => (id === null ? tr(ctx, 'Toàn quốc', 'National') : (codeOf.get(id)?.name ?? String(id)));
    const entries: StoredEntry[] = cal.storedEntries.filter((e) => e.date.startsWith(`${year}-`));
    const mayNational = mayManageCalendar(req, null);
    const mayUnit = unit ? mayManageCalendar(req, unit.path) : false;
    const mayDelete = (e: StoredEntry) => mayManageCalendar(req, e.unitId === null ? null : (codeOf.get(e.unitId)?.path ?? '/-/'));
    const scopes = [
      ...(mayNational ? [{ value: '', label: tr(ctx, 'Lịch chung toàn quốc', 'National calendar') }] : []),
      ...(unit && mayUnit ? [{ value: unit.code, label: unit.name }] : []),
    ];
    const title = unit
      ? tr(ctx, `Lịch làm việc ${year}: ${unit.name}`, `Working calendar ${year}: ${unit.name}`)
      : tr(ctx, `Lịch làm việc ${year} (toàn quốc)`, `Working calendar ${year} (national)`);
    const workingDays = cal.calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
    const ev = state.entryValues ?? {};
    const yv = state.yearValues ?? {};
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={title}>
          <PageHeading title={title}>
            <a class="button secondary" href={pageUrl(year - 1, unit)}>
              {tr(ctx, `← Năm ${year - 1}`, `← ${year - 1}`)}
            </a>
            <a class="button secondary" href={pageUrl(year + 1, unit)}>
              {tr(ctx, `Năm ${year + 1} →`, `${year + 1} →`)}
            </a>
          </PageHeading>
          <form class="search" method="get" action={BASE}>
            <Field name="year" type="number" label={tr(ctx, 'Năm', 'Year')} value={year} inputmode="numeric" />
            <Select
              name="unit"
              label={tr(ctx, 'Đơn vị', 'Unit')}
              value={unit?.code ?? ''}
              options={[
                { value: '', label: tr(ctx, 'Lịch chung toàn quốc', 'National calendar') },
                ...units.filter((u) => !u.merged_into_id).map((u) => ({ value: u.code, label: `${'— '.repeat(u.depth)}${u.name}` })),
              ]}
            />
            <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
          </form>
          <p>
            {tr(ctx, `${workingDays} ngày làm việc trong năm.`, `${workingDays} working days in the year.`)}{' '}
            {cal.notices.length > 0
              ? cal.notices.map((n) => (
                  <span key={`${n.year}-${n.unitId}`}>
                    {tr(ctx, 'Theo', 'Per')} {n.notice} ({scopeName(n.unitId)}
                    {n.replacesStatutory ? tr(ctx, ', thay mặc định theo luật', ', replaces the statutory defaults') : ''}).{' '}
                  </span>
                ))
              : tr(
                  ctx,
                  'Chưa nhập thông báo của năm: ngày Tết và nghỉ bù theo mặc định của luật.',
                  'No notice recorded for this year: Tết and compensatory days follow the statutory defaults.',
                )}
          </p>
          <h2>{tr(ctx, 'Chú thích', 'Legend')}</h2>
          <ul class="cal-legend">
            <li>
              <span class="tag off">{MARKS.holiday.mark}</span> {tr(ctx, MARKS.holiday.vi, MARKS.holiday.en)}
            </li>
            <li>
              <span class="tag off">{MARKS.day_off.mark}</span> {tr(ctx, MARKS.day_off.vi, MARKS.day_off.en)}
            </li>
            <li>
              <span class="tag published">{MARKS.make_up_working_day.mark}</span> {tr(ctx, MARKS.make_up_working_day.vi, MARKS.make_up_working_day.en)}
            </li>
            <li>
              {tr(
                ctx,
                `Ngày nghỉ hằng tuần của đơn vị: ${mondayFirst(cal.weekendDays)
                  .map((d) => WEEKDAY_HEADERS[(d + 6) % 7]?.viLong)
                  .join(', ')} (ô màu xám).`,
                `Weekly rest days: ${mondayFirst(cal.weekendDays)
                  .map((d) => WEEKDAY_HEADERS[(d + 6) % 7]?.enLong)
                  .join(', ')} (grey cells).`,
              )}
            </li>
          </ul>
          <section class="cal-year" aria-label={tr(ctx, `Lịch năm ${year}`, `Calendar ${year}`)}>
            {Array.from({ length: 12 }, (_, i) => (
              <Month key={i} ctx={ctx} cal={cal} year={year} month={i + 1} />
            ))}
          </section>

          <h2>{tr(ctx, 'Các mục lịch đã nhập', 'Recorded entries')}</h2>
          {entries.length === 0 ? (
            <p>{tr(ctx, 'Chưa có mục nào cho năm này.', 'No entries for this year.')}</p>
          ) : (
            <TableWrap label={tr(ctx, `Các mục lịch năm ${year}`, `Calendar entries ${year}`)}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{tr(ctx, 'Ngày', 'Date')}</th>
                    <th scope="col">{tr(ctx, 'Loại', 'Kind')}</th>
                    <th scope="col">{tr(ctx, 'Lý do', 'Reason')}</th>
                    <th scope="col">{tr(ctx, 'Văn bản', 'Notice')}</th>
                    <th scope="col">{tr(ctx, 'Phạm vi', 'Scope')}</th>
                    <th scope="col">{tr(ctx, 'Nguồn', 'Source')}</th>
                    <th scope="col">
                      <span class="muted">{tr(ctx, 'Thao tác', 'Actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.id}>
                      <td>{e.date.split('-').reverse().join('/')}</td>
                      <td>{kindLabel(ctx, e.kind)}</td>
                      <td>{e.name}</td>
                      <td>{e.notice ?? '—'}</td>
                      <td>{scopeName(e.unitId)}</td>
                      <td>{sourceLabel(ctx, e.source)}</td>
                      <td>
                        {mayDelete(e) && (
                          <form method="post" action={`${BASE}/muc/${e.id}/xoa`} class="inline">
                            <CsrfField ctx={ctx} />
                            <input type="hidden" name="year" value={String(year)} />
                            {unit && <input type="hidden" name="unit" value={unit.code} />}
                            <button type="submit" class="link">
                              {tr(ctx, `Xóa mục ${shortDate(e.date)}`, `Delete ${shortDate(e.date)}`)}
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}

          {scopes.length > 0 && (
            <section class="cal-manage" aria-label={tr(ctx, 'Sửa lịch', 'Edit the calendar')}>
              <h2>{tr(ctx, 'Thêm ngày nghỉ, ngày lễ hoặc ngày làm bù', 'Add a holiday, day off or make-up working day')}</h2>
              <ErrorSummary
                ctx={ctx}
                errors={state.entryErrors ?? {}}
                labels={{
                  date: tr(ctx, 'Ngày', 'Date'),
                  kind: tr(ctx, 'Loại', 'Kind'),
                  name: tr(ctx, 'Lý do', 'Reason'),
                  notice: tr(ctx, 'Văn bản', 'Notice'),
                  scope: tr(ctx, 'Áp dụng cho', 'Applies to'),
                }}
              />
              <form method="post" action={`${BASE}/muc`} novalidate>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="year" value={String(year)} />
                {unit && <input type="hidden" name="unit" value={unit.code} />}
                <Field name="date" type="date" label={tr(ctx, 'Ngày', 'Date')} value={ev.date} errors={state.entryErrors} required />
                <Select
                  name="kind"
                  label={tr(ctx, 'Loại', 'Kind')}
                  value={ev.kind ?? 'holiday'}
                  errors={state.entryErrors}
                  options={dayKinds.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
                />
                <Field
                  name="name"
                  label={tr(ctx, 'Lý do (hiển thị cho người dân)', 'Reason (shown to the public)')}
                  value={ev.name}
                  errors={state.entryErrors}
                  required
                  maxLength={300}
                  hint={tr(ctx, 'vd. Ngày Văn hóa Việt Nam', 'e.g. Ngày Văn hóa Việt Nam')}
                />
                <Field
                  name="notice"
                  label={tr(ctx, 'Văn bản (nếu có)', 'Notice (if any)')}
                  value={ev.notice}
                  errors={state.entryErrors}
                  maxLength={300}
                  hint={tr(ctx, 'vd. Thông báo 9441/TB-BNV', 'e.g. Thông báo 9441/TB-BNV')}
                />
                <Select
                  name="scope"
                  label={tr(ctx, 'Áp dụng cho', 'Applies to')}
                  value={ev.scope ?? scopes[0]?.value}
                  errors={state.entryErrors}
                  options={scopes}
                />
                <button type="submit">{tr(ctx, 'Thêm vào lịch', 'Add to the calendar')}</button>
              </form>

              <h2>{tr(ctx, `Thông báo nghỉ lễ, tết năm ${year}`, `Official notice for ${year}`)}</h2>
              <ErrorSummary
                ctx={ctx}
                errors={state.yearErrors ?? {}}
                labels={{
                  yearNotice: tr(ctx, 'Số, ngày thông báo', 'Notice'),
                  replacesStatutory: tr(ctx, 'Thay mặc định', 'Replaces the defaults'),
                  yearScope: tr(ctx, 'Áp dụng cho', 'Applies to'),
                }}
              />
              <form method="post" action={`${BASE}/nam`} novalidate>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="year" value={String(year)} />
                {unit && <input type="hidden" name="unit" value={unit.code} />}
                <Field
                  name="yearNotice"
                  label={tr(ctx, 'Số, ngày thông báo', 'Notice number and date')}
                  value={yv.yearNotice}
                  errors={state.yearErrors}
                  required
                  maxLength={500}
                  hint={tr(ctx, 'vd. Thông báo 9441/TB-BNV ngày 16/10/2025', 'e.g. Thông báo 9441/TB-BNV of 16/10/2025')}
                />
                <div class="field">
                  <label for="f-replacesStatutory">
                    <input id="f-replacesStatutory" type="checkbox" name="replacesStatutory" value="true" checked={yv.replacesStatutory !== 'false'} />{' '}
                    {tr(
                      ctx,
                      'Thông báo quy định ngày Tết, ngày liền kề 2/9, nghỉ bù và hoán đổi: dùng các mục đã nhập thay cho mặc định (vẫn giữ 1/1, 10/3 âm lịch, 30/4, 1/5, 2/9)',
                      'The notice sets Tết, the day next to 2/9, compensatory days and swaps: use the entered entries instead of the defaults (1/1, 10/3 lunar, 30/4, 1/5, 2/9 stay)',
                    )}
                  </label>
                </div>
                <Select
                  name="yearScope"
                  label={tr(ctx, 'Áp dụng cho', 'Applies to')}
                  value={yv.yearScope ?? scopes[0]?.value}
                  errors={state.yearErrors}
                  options={scopes}
                />
                <button type="submit">{tr(ctx, 'Lưu thông báo', 'Save the notice')}</button>
              </form>
            </section>
          )}
        </Layout>,
      ),
      status,
    );
  };

  const readPage = async (db: Db, raw: Record<string, unknown>): Promise<{ year: number; unit: UnitRow | null }> => {
    const input: Record<string, unknown> = {};
    for (const k of ['year', 'unit']) if (typeof raw[k] === 'string' && (raw[k] as string).trim() !== '') input[k] = (raw[k] as string).trim();
    const checked = validate(PageQuery, input);
    if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors.map((e) => ({ ...e, field: e.field.replace(/^body\.?/, '') })) });
    const unit = checked.value.unit ? await findUnitByCode(db, checked.value.unit) : null;
    if (checked.value.unit && !unit)
      throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã "${checked.value.unit}"`, en: `No unit with code "${checked.value.unit}"` } });
    return { year: checked.value.year ?? Number(fromEpochMs(Date.now()).date.slice(0, 4)), unit };
  };

  app.get(BASE, { config: { permission: 'calendar.read' } }, async (req, reply) => {
    const state = await readPage(p.db, req.query as Record<string, unknown>);
    return render(req, reply, state);
  });

  app.post(`${BASE}/muc`, { config: { permission: 'calendar.manage' } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const state = await readPage(p.db, form);
    const values = form as Record<string, string | undefined>;
    const checked = validate(AddEntryBody, { date: form.date, kind: form.kind, name: form.name, notice: form.notice ?? null, unit: form.scope ?? null });
    if (!checked.ok) {
      const errors = formErrors(checked.errors, req.lang);
      if (errors.unit) errors.scope = errors.unit;
      delete errors.unit;
      return render(req, reply, { ...state, entryValues: values, entryErrors: errors }, 400);
    }
    try {
      await inTransaction(p.db, async (tx) => {
        const scope = checked.value.unit ? await findUnitByCode(tx, checked.value.unit) : null;
        if (checked.value.unit && !scope) throw new AppError('UNIT_NOT_FOUND');
        requireManageCalendar(req, scope?.path ?? null);
        await addCalendarEntry(tx, req.actor(), checked.value, scope);
      });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'VALIDATION_FAILED')) {
        const message = err.detail?.[req.lang] ?? err.errors[0]?.message[req.lang] ?? tr(req, 'Ngày không hợp lệ', 'Invalid date');
        return render(req, reply, { ...state, entryValues: values, entryErrors: { date: message } }, err.status);
      }
      throw err;
    }
    return redirectWithFlash(
      req,
      reply,
      pageUrl(state.year, state.unit),
      tr(req, `Đã thêm “${checked.value.name}” vào lịch`, `“${checked.value.name}” added to the calendar`),
    );
  });

  app.post(`${BASE}/muc/:id/xoa`, { config: { permission: 'calendar.manage' } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const state = await readPage(p.db, form);
    const id = Number((req.params as { id: string }).id);
    if (!Number.isInteger(id) || id < 1) throw new AppError('NOT_FOUND');
    const name = await inTransaction(p.db, async (tx) => {
      const entry = await findEntryById(tx, id);
      if (!entry) throw new AppError('NOT_FOUND');
      const scope = entry.unit_id === null ? null : await findUnitById(tx, entry.unit_id);
      requireManageCalendar(req, entry.unit_id === null ? null : (scope?.path ?? '/-/'));
      await deleteCalendarEntry(tx, req.actor(), entry);
      return entry.name;
    });
    return redirectWithFlash(req, reply, pageUrl(state.year, state.unit), tr(req, `Đã xóa “${name}” khỏi lịch`, `“${name}” removed from the calendar`));
  });

  app.post(`${BASE}/nam`, { config: { permission: 'calendar.manage' } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const state = await readPage(p.db, form);
    const values = { ...(form as Record<string, string | undefined>), replacesStatutory: form.replacesStatutory === 'true' ? 'true' : 'false' };
    const checked = validate(RecordYearBody, { notice: form.yearNotice, replacesStatutory: form.replacesStatutory === 'true', unit: form.yearScope ?? null });
    if (!checked.ok) {
      const errors = formErrors(checked.errors, req.lang);
      const mapped: FormErrors = {};
      for (const [k, v] of Object.entries(errors)) mapped[k === 'notice' ? 'yearNotice' : k === 'unit' ? 'yearScope' : k] = v;
      return render(req, reply, { ...state, yearValues: values, yearErrors: mapped }, 400);
    }
    await inTransaction(p.db, async (tx) => {
      const scope = checked.value.unit ? await findUnitByCode(tx, checked.value.unit) : null;
      if (checked.value.unit && !scope) throw new AppError('UNIT_NOT_FOUND');
      requireManageCalendar(req, scope?.path ?? null);
      await recordCalendarYear(tx, req.actor(), state.year, checked.value, scope);
    });
    return redirectWithFlash(req, reply, pageUrl(state.year, state.unit), tr(req, `Đã lưu thông báo năm ${state.year}`, `Notice for ${state.year} saved`));
  });
}
