/**
 * The official holiday schedules for civil servants (công chức, viên chức: Monday–Friday, Saturday and
 * Sunday off) of 2024, 2025 and 2026, as data: every public holiday, compensatory day off (nghỉ bù),
 * swapped weekday off (hoán đổi) and make-up working Saturday (ngày làm bù), each named with its source.
 *
 * These are the seed data an administrator would otherwise type in; later years are entered as data, not
 * code. Fixed holidays with no yearly choice (1/1, 10/3 lunar, 30/4, 1/5) cite Bộ luật Lao động 2019,
 * Điều 112; the Tết days, the day adjacent to 2/9 and any swap cite the notice implementing the Prime
 * Minister's decision (Điều 112.3).
 *
 * Sources (read through public news and legal-database pages; the notices themselves were not available):
 * - 2024: Thông báo 5015/TB-LĐTBXH of 22/11/2023 (Tết 08–14/02, Quốc khánh 31/8–03/9), implementing Văn bản
 *   8662/VPCP-KGVX of 03/11/2023 — quoted in full by huyendakha.kontum.gov.vn and sucsongtre.vn. The 30/4–1/5
 *   swap (29/4 off, Saturday 04/5 worked) was approved by Văn bản 2450/VPCP-KGVX of 12/4/2024 (baophapluat.vn,
 *   chinhphu.vn); the number of the ministry's own implementing notice could not be verified, so the
 *   approval letter is cited.
 * - 2025: Thông báo 6150/TB-LĐTBXH of 2024 (one legal database writes 6150/TB-BLĐTBXH), implementing Văn bản
 *   8726/VPCP-KGVX of 26/11/2024: Tết 27–31/01 (28 tháng Chạp – mùng 3, with the weekends 25/01–02/02);
 *   30/4–1/5 with Friday 02/5 swapped for Saturday 26/4; Quốc khánh 30/8–02/9 (baodanang.vn, vtv9.vtv.vn,
 *   vietnamplus.vn, vietnamnet.vn).
 * - 2026: Thông báo 9441/TB-BNV of 16/10/2025 (Bộ Nội vụ): Tết 16–20/02 (29 tháng Chạp – mùng 4, with the
 *   weekends 14–22/02); Quốc khánh 29/8–02/9 with Monday 31/8 swapped for Saturday 22/8 (vietbao.vn,
 *   kienthuc.net.vn, congan.com.vn). Tết Dương lịch 01–04/01 with Friday 02/01 swapped for Saturday 10/01:
 *   Văn bản 12729/VPCP-KGVX of 25/12/2025 (Deputy Prime Minister's approval); the Bộ Nội vụ notice number
 *   was not found. Giỗ Tổ Hùng Vương falls on Sunday 26/4, so Monday 27/4 is the compensatory day (Điều 111.3;
 *   thanhnien.vn 23/02/2026).
 * - 24/11 Ngày Văn hóa Việt Nam: chosen by Nghị quyết 80-NQ/TW of the Politburo (07/01/2026) as a paid day
 *   off "in principle"; Nghị quyết 30/NQ-CP (February 2026) tasks the Government with amending Điều 112.1 of
 *   the Labour Code. As of the latest sources found (late February 2026) no law or notice makes 24/11/2026 a
 *   day off, so it is NOT in the 2026 schedule; `pendingEntries` holds it for an administrator to enable.
 */

import type { CalendarEntry, CalendarSpec } from './working-days.ts';

/** One year's official schedule. */
export interface OfficialSchedule {
  year: number;
  /** The notices the entries come from. */
  notice: string;
  entries: CalendarEntry[];
}

const LAW = 'BLLĐ 2019, Điều 112';
const TB_2024 = 'Thông báo 5015/TB-LĐTBXH';
const VPCP_2024_SWAP = 'Văn bản 2450/VPCP-KGVX';
const TB_2025 = 'Thông báo 6150/TB-LĐTBXH';
const TB_2026 = 'Thông báo 9441/TB-BNV';
const VPCP_2026_NEW_YEAR = 'Văn bản 12729/VPCP-KGVX';

const holiday = (date: string, name: string): CalendarEntry => ({ date, kind: 'holiday', name });
const dayOff = (date: string, name: string): CalendarEntry => ({ date, kind: 'day_off', name });
const makeUp = (date: string, name: string): CalendarEntry => ({ date, kind: 'working_override', name });

/** Official schedules for civil servants, by year. */
export const officialSchedules: readonly OfficialSchedule[] = [
  {
    year: 2024,
    notice: `${TB_2024} (22/11/2023); ${VPCP_2024_SWAP} (12/4/2024)`,
    entries: [
      holiday('2024-01-01', `Tết Dương lịch (${LAW})`),
      holiday('2024-02-08', `Tết Nguyên đán (29 tháng Chạp) – ${TB_2024}`),
      holiday('2024-02-09', `Tết Nguyên đán (30 tháng Chạp) – ${TB_2024}`),
      holiday('2024-02-10', `Tết Nguyên đán (mùng 1 tháng Giêng) – ${TB_2024}`),
      holiday('2024-02-11', `Tết Nguyên đán (mùng 2 tháng Giêng) – ${TB_2024}`),
      holiday('2024-02-12', `Tết Nguyên đán (mùng 3 tháng Giêng) – ${TB_2024}`),
      dayOff('2024-02-13', `Nghỉ bù Tết Nguyên đán (10/02 trùng thứ Bảy) – ${TB_2024}`),
      dayOff('2024-02-14', `Nghỉ bù Tết Nguyên đán (11/02 trùng Chủ nhật) – ${TB_2024}`),
      holiday('2024-04-18', `Giỗ Tổ Hùng Vương (10/3 âm lịch, ${LAW})`),
      dayOff('2024-04-29', `Nghỉ hoán đổi, làm bù thứ Bảy 04/5/2024 – ${VPCP_2024_SWAP}`),
      holiday('2024-04-30', `Ngày Chiến thắng (30/4, ${LAW})`),
      holiday('2024-05-01', `Ngày Quốc tế lao động (1/5, ${LAW})`),
      makeUp('2024-05-04', `Ngày làm bù cho thứ Hai 29/4/2024 (${VPCP_2024_SWAP})`),
      holiday('2024-09-02', `Quốc khánh (2/9) – ${TB_2024}`),
      holiday('2024-09-03', `Quốc khánh (ngày liền kề 3/9) – ${TB_2024}`),
    ],
  },
  {
    year: 2025,
    notice: `${TB_2025} (thực hiện Văn bản 8726/VPCP-KGVX ngày 26/11/2024)`,
    entries: [
      holiday('2025-01-01', `Tết Dương lịch (${LAW})`),
      holiday('2025-01-27', `Tết Nguyên đán (28 tháng Chạp) – ${TB_2025}`),
      holiday('2025-01-28', `Tết Nguyên đán (29 tháng Chạp) – ${TB_2025}`),
      holiday('2025-01-29', `Tết Nguyên đán (mùng 1 tháng Giêng) – ${TB_2025}`),
      holiday('2025-01-30', `Tết Nguyên đán (mùng 2 tháng Giêng) – ${TB_2025}`),
      holiday('2025-01-31', `Tết Nguyên đán (mùng 3 tháng Giêng) – ${TB_2025}`),
      holiday('2025-04-07', `Giỗ Tổ Hùng Vương (10/3 âm lịch, ${LAW})`),
      makeUp('2025-04-26', `Ngày làm bù cho thứ Sáu 02/5/2025 (${TB_2025})`),
      holiday('2025-04-30', `Ngày Chiến thắng (30/4, ${LAW})`),
      holiday('2025-05-01', `Ngày Quốc tế lao động (1/5, ${LAW})`),
      dayOff('2025-05-02', `Nghỉ hoán đổi, làm bù thứ Bảy 26/4/2025 – ${TB_2025}`),
      holiday('2025-09-01', `Quốc khánh (ngày liền kề 1/9) – ${TB_2025}`),
      holiday('2025-09-02', `Quốc khánh (2/9) – ${TB_2025}`),
    ],
  },
  {
    year: 2026,
    notice: `${VPCP_2026_NEW_YEAR} (25/12/2025); ${TB_2026} (16/10/2025)`,
    entries: [
      holiday('2026-01-01', `Tết Dương lịch (${LAW})`),
      dayOff('2026-01-02', `Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026 – ${VPCP_2026_NEW_YEAR}`),
      makeUp('2026-01-10', `Ngày làm bù cho thứ Sáu 02/01/2026 (${VPCP_2026_NEW_YEAR})`),
      holiday('2026-02-16', `Tết Nguyên đán (29 tháng Chạp) – ${TB_2026}`),
      holiday('2026-02-17', `Tết Nguyên đán (mùng 1 tháng Giêng) – ${TB_2026}`),
      holiday('2026-02-18', `Tết Nguyên đán (mùng 2 tháng Giêng) – ${TB_2026}`),
      holiday('2026-02-19', `Tết Nguyên đán (mùng 3 tháng Giêng) – ${TB_2026}`),
      holiday('2026-02-20', `Tết Nguyên đán (mùng 4 tháng Giêng) – ${TB_2026}`),
      holiday('2026-04-26', `Giỗ Tổ Hùng Vương (10/3 âm lịch, ${LAW})`),
      dayOff('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 trùng Chủ nhật, BLLĐ 2019, Điều 111.3)'),
      holiday('2026-04-30', `Ngày Chiến thắng (30/4, ${LAW})`),
      holiday('2026-05-01', `Ngày Quốc tế lao động (1/5, ${LAW})`),
      makeUp('2026-08-22', `Ngày làm bù cho thứ Hai 31/8/2026 (${TB_2026})`),
      dayOff('2026-08-31', `Nghỉ hoán đổi, làm bù thứ Bảy 22/8/2026 – ${TB_2026}`),
      holiday('2026-09-01', `Quốc khánh (ngày liền kề 1/9) – ${TB_2026}`),
      holiday('2026-09-02', `Quốc khánh (2/9) – ${TB_2026}`),
    ],
  },
];

/**
 * Days announced as policy but not yet law or notice, for an administrator to enable when they are:
 * 24/11/2026, Ngày Văn hóa Việt Nam (Nghị quyết 80-NQ/TW, 07/01/2026; amendment of Điều 112.1 pending).
 */
export const pendingEntries: readonly CalendarEntry[] = [
  holiday('2026-11-24', 'Ngày Văn hóa Việt Nam (24/11) – Nghị quyết 80-NQ/TW; chờ sửa đổi Điều 112 BLLĐ'),
];

/** The official schedule of `year`, or undefined when none is recorded. */
export function officialSchedule(year: number): OfficialSchedule | undefined {
  return officialSchedules.find((schedule) => schedule.year === year);
}

/**
 * A civil-servant calendar (Saturday and Sunday off) holding the official schedules of `years` (all recorded
 * years by default) plus any extra entries, e.g. `pendingEntries` once enacted.
 */
export function officialCalendarSpec(
  years: readonly number[] = officialSchedules.map((s) => s.year),
  extraEntries: readonly CalendarEntry[] = [],
): CalendarSpec {
  const entries: CalendarEntry[] = [];
  for (const year of years) {
    const schedule = officialSchedule(year);
    if (!schedule) throw new RangeError(`no official schedule recorded for ${year}`);
    entries.push(...schedule.entries);
  }
  entries.push(...extraEntries);
  return { weekendDays: [0, 6], entries };
}
