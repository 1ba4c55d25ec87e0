/**
 * Same-day and no-appointment service (giải quyết trong ngày, không hẹn) as per-unit policies: which appointment a
 * dossier gets at intake, and which policy gave it.
 *
 * The policies, as the seeds describe them (../shared/seeds):
 * - `under_threshold` (seed 000, mô hình "Ngày trực tuyến và không hẹn giải quyết TTHC"): procedures whose time limit
 *   is under a threshold (there: "dưới 03 ngày làm việc") are not given an appointment: settled on the spot. The seed
 *   also limits it to procedures settled by a single authority; the catalogue does not record that, so a unit leaves
 *   multi-authority procedures out by not enabling the policy (or we add the field later).
 * - `no_wait_weekdays` (seed 003, Sa Đéc: "Ngày không chờ" on Tuesday and Friday for procedures of 03, 05 or 07 days;
 *   "Ngày thứ năm không hẹn" on Thursday instead of an appointment of 01–05 working days): on the listed weekdays a
 *   complete dossier of a procedure the desk can settle on the spot (the version's `same_day_eligible`, or the unit's
 *   registered same-day list) is settled while the citizen waits; `maxDays` bounds the time limit if the unit says so.
 * - `friday_not_next_week` (seed 004, Kế hoạch 190/KH-UBND thị xã Phước Long, 8/8/2023, I.2 and III.2: "lựa chọn thủ
 *   tục hành chính khi đủ hồ sơ có thể giải quyết trong ngày, đặc biệt là ngày thứ 6 không hẹn qua tuần"; "Thực hiện
 *   giải quyết hồ sơ khi đủ điều kiện ngay trong ngày, đặc biệt không để ngày thứ 6 hẹn qua tuần"): for the listed
 *   procedures, a complete dossier received on a Friday whose ordinary appointment would fall in the next week is not
 *   appointed into it: it is settled within the day, so due that same Friday at the end of office hours. The plan does
 *   not shorten appointments that already fall within the week, and it speaks of dossiers received on the Friday:
 *   one received after the cut-off or after hours counts as received on the next working day (calendar module), so
 *   the rule does not apply to it.
 * - `registered_same_day` (seed 004 appendix, e.g. Phòng Giáo dục "Bốn tại chỗ": tiếp nhận, thẩm định, phê duyệt, trả
 *   kết quả tại chỗ): the procedures the unit registered for same-day settlement (unit_procedures.same_day).
 *
 * Common conditions: the policy is enabled and in force on the day of receipt; the dossier is received within the
 * day's reception (not moved to the next working day by the cut-off hour, the office hours or a closed day: a desk
 * cannot settle on the spot what it is deemed not to have received today). When several policies apply, the first
 * of `policyPrecedence` names the appointment (they all give the same one: today).
 *
 * Pure module: no I/O, no clock.
 */

export const policyKinds = ['registered_same_day', 'under_threshold', 'no_wait_weekdays', 'friday_not_next_week'] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** The order in which policies name an appointment. */
export const policyPrecedence: readonly PolicyKind[] = policyKinds;

/** Standard Vietnamese (and English) names of the kinds; a unit may give its own name (e.g. "Ngày thứ năm không hẹn"). */
export const policyKindLabels: Record<PolicyKind, { vi: string; en: string }> = {
  registered_same_day: { vi: 'Thủ tục đăng ký giải quyết trong ngày', en: 'Registered same-day procedure' },
  under_threshold: { vi: 'Không hẹn đối với thủ tục có thời hạn dưới {n} ngày làm việc', en: 'No appointment under {n} working days' },
  no_wait_weekdays: { vi: 'Ngày không chờ ({days})', en: 'No-wait days ({days})' },
  friday_not_next_week: { vi: 'Thứ Sáu không hẹn qua tuần', en: 'Friday: no appointment into next week' },
};

const weekdayNames: Record<number, string> = { 1: 'thứ Hai', 2: 'thứ Ba', 3: 'thứ Tư', 4: 'thứ Năm', 5: 'thứ Sáu', 6: 'thứ Bảy', 7: 'Chủ nhật' };

/** A unit's policy as stored. */
export interface ServicePolicy {
  id: number;
  kind: PolicyKind;
  name: string | null;
  enabled: boolean;
  validFrom: string | null;
  validTo: string | null;
  thresholdDays: number | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[] | null;
  maxDays: number | null;
  /** Friday rule: the listed procedures; null = all. */
  procedureIds: number[] | null;
}

/** What the rule needs to know about the procedure at this unit. */
export interface PolicyProcedure {
  id: number;
  timeLimit: { value: number; unit: 'working_days' | 'working_hours' };
  /** The procedure version's "can be settled within the day" (same_day_eligible). */
  sameDayEligible: boolean;
  /** The unit registered it for same-day settlement (unit_procedures.same_day). */
  registeredSameDay: boolean;
}

export interface PolicyInput {
  policies: readonly ServicePolicy[];
  procedure: PolicyProcedure;
  /** Vietnam date of receipt, 'YYYY-MM-DD'. */
  receivedDay: string;
  /** The ordinary appointment from the calendar module (due date of the procedure's time limit). */
  normal: { date: string; dueAt: string; countsFrom: string; movedToNextWorkingDay: boolean };
  /** The end of office hours on the day of receipt, ISO +07:00 (the calendar's due moment of a 0-day limit). */
  endOfReceiptDay: string;
}

export interface PolicyDecision {
  /** Settled on the day of receipt (same-day service). */
  sameDay: boolean;
  dueDate: string;
  dueAt: string;
  /** The ordinary appointment, kept for the record and the indicators. */
  normalDueDate: string;
  /** The policy that set the appointment, or null for the ordinary one. */
  policy: { id: number; kind: PolicyKind; name: string } | null;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Sunday ending the ISO week of `day`. */
export function endOfWeek(day: string): string {
  const ms = new Date(`${day}T00:00:00Z`).getTime() + (7 - isoWeekday(day)) * 86400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A policy's display name: its own, else the kind's standard name with its parameters. */
export function policyName(p: Pick<ServicePolicy, 'kind' | 'name' | 'thresholdDays' | 'weekdays'>, lang: 'vi' | 'en' = 'vi'): string {
  if (p.name && lang === 'vi') return p.name;
  const days = (p.weekdays ?? []).map((d) => (lang === 'vi' ? weekdayNames[d] : ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d])).join(', ');
  return policyKindLabels[p.kind][lang].replace('{n}', String(p.thresholdDays ?? '').padStart(2, '0')).replace('{days}', days);
}

/** Whether the policy is switched on and in force on `day`. */
export function policyInForce(p: Pick<ServicePolicy, 'enabled' | 'validFrom' | 'validTo'>, day: string): boolean {
  return p.enabled && (p.validFrom === null || p.validFrom <= day) && (p.validTo === null || day <= p.validTo);
}

/** The time limit in working days (8 working hours a day). */
function limitInDays(t: PolicyProcedure['timeLimit']): number {
  return t.unit === 'working_days' ? t.value : t.value / 8;
}

/** Whether one policy applies to this dossier (the common conditions are checked by the caller). */
export function policyApplies(p: ServicePolicy, input: PolicyInput): boolean {
  const proc = input.procedure;
  const days = limitInDays(proc.timeLimit);
  switch (p.kind) {
    case 'registered_same_day':
      return proc.registeredSameDay;
    case 'under_threshold':
      return p.thresholdDays !== null && days < p.thresholdDays;
    case 'no_wait_weekdays':
      return (
        (p.weekdays ?? []).includes(isoWeekday(input.receivedDay)) &&
        (proc.sameDayEligible || proc.registeredSameDay) &&
        (p.maxDays === null || days <= p.maxDays)
      );
    case 'friday_not_next_week':
      return (
        isoWeekday(input.receivedDay) === 5 && (p.procedureIds === null || p.procedureIds.includes(proc.id)) && input.normal.date > endOfWeek(input.receivedDay)
      );
  }
}

/**
 * Decides a dossier's appointment under the unit's policies: the same day (due at the end of office hours on the
 * day of receipt) when a policy applies, else the ordinary due date. See the module comment for each policy's
 * source and conditions.
 */
export function decideAppointment(input: PolicyInput): PolicyDecision {
  const ordinary: PolicyDecision = {
    sameDay: input.normal.date === input.receivedDay,
    dueDate: input.normal.date,
    dueAt: input.normal.dueAt,
    normalDueDate: input.normal.date,
    policy: null,
  };
  // Already due today, or deemed received on a later day: nothing to shorten.
  if (input.normal.movedToNextWorkingDay || input.normal.countsFrom !== input.receivedDay || input.normal.date <= input.receivedDay) return ordinary;
  for (const kind of policyPrecedence) {
    const p = input.policies.find((x) => x.kind === kind && policyInForce(x, input.receivedDay) && policyApplies(x, input));
    if (p) {
      return {
        sameDay: true,
        dueDate: input.receivedDay,
        dueAt: input.endOfReceiptDay,
        normalDueDate: input.normal.date,
        policy: { id: p.id, kind: p.kind, name: policyName(p) },
      };
    }
  }
  return ordinary;
}
