import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';
import { MAX_WORKING_DAYS } from './rules/working-days.ts';

export const dayKinds = ['holiday', 'day_off', 'working_override'] as const;

export const dayKindLabels: Record<(typeof dayKinds)[number], { vi: string; en: string }> = {
  holiday: { vi: 'Ngày lễ, tết', en: 'Public holiday' },
  day_off: { vi: 'Ngày nghỉ (nghỉ bù, hoán đổi)', en: 'Day off (compensatory or swapped)' },
  working_override: { vi: 'Ngày làm bù (làm việc vào ngày nghỉ)', en: 'Make-up working day' },
};

const IsoDate = Type.String({ format: 'date', description: 'Ngày dạng YYYY-MM-DD', examples: ['2026-02-17'] });
const Moment = Type.String({
  minLength: 10,
  maxLength: 40,
  description: 'Ngày (YYYY-MM-DD) hoặc thời điểm ISO 8601; không ghi múi giờ thì hiểu là giờ Việt Nam (UTC+7)',
  examples: ['2026-02-13', '2026-02-13T16:00:00+07:00'],
});
const OptionalUnit = Type.Optional(UnitCode);
const Year = Type.Integer({ minimum: 1900, maximum: 2100 });

export const AddWorkingDaysQuery = Type.Object({
  from: Moment,
  days: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS, description: 'Số ngày làm việc, 0–3650' }),
  unit: OptionalUnit,
  cutoff: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Giờ chốt nhận hồ sơ, vd. 15:00' })),
});
export type AddWorkingDaysInput = Static<typeof AddWorkingDaysQuery>;

export const DayQuery = Type.Object({ date: IsoDate, unit: OptionalUnit });
export const BetweenQuery = Type.Object({ from: IsoDate, to: IsoDate, unit: OptionalUnit });
export const YearParams = Type.Object({ year: Year });
export const UnitQuery = Type.Object({ unit: OptionalUnit });
export const EntryParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const AddEntryBody = Type.Object(
  {
    date: IsoDate,
    kind: Type.Enum([...dayKinds]),
    name: Type.String({ minLength: 2, maxLength: 300, description: 'Lý do hiển thị, vd. "Ngày Văn hóa Việt Nam"' }),
    notice: Type.Optional(Type.Union([Type.String({ minLength: 2, maxLength: 300, description: 'Văn bản, vd. "Thông báo 9441/TB-BNV"' }), Type.Null()])),
    unit: Type.Optional(Type.Union([UnitCode, Type.Null()])),
  },
  { additionalProperties: false },
);
export type AddEntryInput = Static<typeof AddEntryBody>;

export const RecordYearBody = Type.Object(
  {
    notice: Type.String({ minLength: 2, maxLength: 500, description: 'Số và ngày của thông báo nghỉ lễ, tết' }),
    replacesStatutory: Type.Boolean({
      description: 'true: Tết, ngày liền kề 2/9, nghỉ bù và hoán đổi của năm lấy từ các mục đã nhập, thay cho mặc định theo luật',
    }),
    unit: Type.Optional(Type.Union([UnitCode, Type.Null()])),
  },
  { additionalProperties: false },
);
export type RecordYearInput = Static<typeof RecordYearBody>;

const NullableString = () => Type.Union([Type.String(), Type.Null()]);

export const EntryOut = Type.Object({
  id: Type.Integer(),
  unit: NullableString(),
  date: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  notice: NullableString(),
  source: Type.String(),
});

export const YearOut = Type.Object({ year: Type.Integer(), unit: NullableString(), notice: Type.String(), replacesStatutory: Type.Boolean() });

export const AddWorkingDaysOut = Type.Object({
  date: Type.String(),
  dueAt: Type.String(),
  from: Type.String(),
  days: Type.Integer(),
  unit: NullableString(),
  cutoff: NullableString(),
  countsFrom: Type.String(),
  skipped: Type.Array(Type.Object({ date: Type.String(), reason: Type.String() })),
});

export const DayOut = Type.Object({
  date: Type.String(),
  unit: NullableString(),
  working: Type.Boolean(),
  reason: NullableString(),
  kind: Type.String(),
  source: NullableString(),
  lunar: Type.Object({ day: Type.Integer(), month: Type.Integer(), year: Type.Integer(), leap: Type.Boolean() }),
});

export const BetweenOut = Type.Object({ from: Type.String(), to: Type.String(), unit: NullableString(), workingDays: Type.Integer() });

export const YearViewOut = Type.Object({
  year: Type.Integer(),
  unit: NullableString(),
  weekendDays: Type.Array(Type.Integer()),
  workingDays: Type.Integer(),
  notices: Type.Array(YearOut),
  days: Type.Array(
    Type.Object({
      date: Type.String(),
      working: Type.Boolean(),
      kind: Type.String(),
      reason: Type.String(),
      source: Type.String(),
      notice: NullableString(),
      entryId: Type.Union([Type.Integer(), Type.Null()]),
      entryUnit: NullableString(),
    }),
  ),
});

/** Per-field messages for query parameters, naming the parameter (used instead of the generic schema messages). */
export const queryFieldMessages: Record<string, { vi: string; en: string }> = {
  from: {
    vi: 'Tham số “from” phải là một ngày có thật (YYYY-MM-DD) hoặc thời điểm ISO 8601, trong khoảng năm 1900–2100',
    en: '“from” must be a real date (YYYY-MM-DD) or ISO 8601 date-time between the years 1900 and 2100',
  },
  to: {
    vi: 'Tham số “to” phải là một ngày có thật (YYYY-MM-DD), trong khoảng năm 1900–2100, cách “from” không quá 20 năm',
    en: '“to” must be a real date (YYYY-MM-DD) between 1900 and 2100, at most 20 years from “from”',
  },
  date: {
    vi: 'Tham số “date” phải là một ngày có thật (YYYY-MM-DD), trong khoảng năm 1900–2100',
    en: '“date” must be a real date (YYYY-MM-DD) between the years 1900 and 2100',
  },
  days: {
    vi: `Tham số “days” (số ngày làm việc) phải là số nguyên từ 0 đến ${MAX_WORKING_DAYS}`,
    en: `“days” (the number of working days) must be a whole number from 0 to ${MAX_WORKING_DAYS}`,
  },
  cutoff: { vi: 'Tham số “cutoff” (giờ chốt nhận hồ sơ) phải có dạng HH:MM, vd. 15:00', en: '“cutoff” (the cut-off hour) must be HH:MM, e.g. 15:00' },
  unit: { vi: 'Tham số “unit” phải là mã đơn vị (chữ thường, số, dấu gạch ngang)', en: '“unit” must be a unit code (lower-case letters, digits, hyphens)' },
  year: { vi: 'Năm phải là số nguyên từ 1900 đến 2100', en: 'The year must be a whole number from 1900 to 2100' },
  id: { vi: 'Mã mục lịch phải là số nguyên dương', en: 'The entry id must be a positive whole number' },
};
