/**
 * Pure rules of the listing kiosk (niêm yết thủ tục hành chính điện tử) and the LED board (bảng LED): which messages
 * show on a day, how a move renumbers them, the short URL name of a field, the kiosk's timing parameters.
 * No I/O, no clock: `day` is a parameter.
 */

/** What the rules need of a stored message. Dates are Vietnam 'YYYY-MM-DD', both ends inclusive. */
export interface MessageSlot {
  id: number;
  position: number;
  enabled: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/** What ordering needs of a message. */
export type Ordered = Pick<MessageSlot, 'id' | 'position'>;

/** Whether a message shows on the board on `day`: switched on, and the day within its optional dates. */
export function shownOn(m: MessageSlot, day: string): boolean {
  return m.enabled && (m.validFrom === null || m.validFrom <= day) && (m.validTo === null || day <= m.validTo);
}

/** The messages shown on `day`, in board order (position, then the older first). */
export function messagesShownOn<T extends MessageSlot>(messages: readonly T[], day: string): T[] {
  return inBoardOrder(messages).filter((m) => shownOn(m, day));
}

export function inBoardOrder<T extends Ordered>(messages: readonly T[]): T[] {
  return [...messages].sort((a, b) => a.position - b.position || a.id - b.id);
}

/**
 * The message ids in their new order after moving `id` to `position` (1-based; beyond the end means last).
 * Every message is then renumbered 1..n in this order, so positions stay dense whatever was stored.
 */
export function orderAfterMove(messages: readonly Ordered[], id: number, position: number): number[] {
  const ids = inBoardOrder(messages).map((m) => m.id);
  const from = ids.indexOf(id);
  if (from < 0) return ids;
  ids.splice(from, 1);
  const to = Math.min(Math.max(1, Math.trunc(position)), ids.length + 1) - 1;
  ids.splice(to, 0, id);
  return ids;
}

/** The position one step up or down from the message's place in board order (for the staff page's buttons). */
export function stepPosition(messages: readonly Ordered[], id: number, direction: 'up' | 'down'): number {
  const index = inBoardOrder(messages).findIndex((m) => m.id === id);
  return direction === 'up' ? Math.max(1, index) : index + 2;
}

/** A field name (lĩnh vực) as a short URL segment without diacritics: "Hộ tịch" → "ho-tich", "Đất đai" → "dat-dai". */
export function fieldSlug(field: string): string {
  const slug = field
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'linh-vuc';
}

/** Each field with its URL segment; two fields that read alike get -2, -3 … in their listed order. */
export function fieldSlugs(fields: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const f of fields) {
    if (out.has(f)) continue;
    const base = fieldSlug(f);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.set(f, slug);
  }
  return out;
}

/** The kiosk's timing, from the query string (tests shorten it): seconds idle before home, between polls, per slide. */
export interface KioskTiming {
  idle: number;
  poll: number;
  rotate: number;
}

export const defaultTiming: KioskTiming = { idle: 90, poll: 30, rotate: 10 };

/** Reads `?idle=&poll=&rotate=`; anything missing or out of range (1 s … 1 h) keeps the default. */
export function timingFrom(query: Record<string, unknown>): KioskTiming {
  const pick = (key: keyof KioskTiming) => {
    const raw = query[key];
    const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
    return n >= 1 && n <= 3600 ? n : defaultTiming[key];
  };
  return { idle: pick('idle'), poll: pick('poll'), rotate: pick('rotate') };
}

/** The query string that carries non-default timing from screen to screen ('' when all are defaults). */
export function timingQuery(t: KioskTiming): string {
  const q = new URLSearchParams();
  for (const key of ['idle', 'poll', 'rotate'] as const) if (t[key] !== defaultTiming[key]) q.set(key, String(t[key]));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const weekdayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const weekdayNamesEn = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Office hours as lines a citizen reads: "Thứ Hai – Thứ Sáu: 07:00–11:30, 13:30–17:00". Days are 0 = Sunday … 6 =
 * Saturday (units.office_hours); consecutive days with the same hours are joined into one range.
 */
export function officeHoursLines(hours: readonly { days: readonly number[]; open: string; close: string }[], lang: 'vi' | 'en' = 'vi'): string[] {
  const names = lang === 'en' ? weekdayNamesEn : weekdayNames;
  const byDay = new Map<number, string[]>();
  for (const h of hours) for (const d of h.days) byDay.set(d, [...(byDay.get(d) ?? []), `${h.open}–${h.close}`]);
  // Monday first, Sunday last.
  const order = [1, 2, 3, 4, 5, 6, 0].filter((d) => byDay.has(d));
  const lines: string[] = [];
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    const a = order[start] as number;
    const same = i < order.length && (byDay.get(order[i] as number) ?? []).sort().join(', ') === (byDay.get(a) ?? []).sort().join(', ');
    const consecutive = i < order.length && (order[i] as number) === ((order[i - 1] as number) + 1) % 7;
    if (same && consecutive) continue;
    const b = order[i - 1] as number;
    const days = a === b ? names[a] : `${names[a]} – ${names[b]}`;
    lines.push(`${days}: ${[...(byDay.get(a) ?? [])].sort().join(', ')}`);
    start = i;
  }
  return lines;
}
