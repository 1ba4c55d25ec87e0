/**
 * The time axes of the dashboards: the last N months and quarters up to a given day, as first and last days. Pure.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The `n` months ending with the month of `day` (yyyy-mm-dd), oldest first, as first days. */
export function lastMonths(day: string, n: number): string[] {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const k = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(k / 12)}-${pad((k % 12) + 1)}-01`);
  }
  return out;
}

/** The first day of the month after the one starting on `first` (yyyy-mm-01). */
export function monthAfter(first: string): string {
  const k = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7));
  return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}-01`;
}

/** "11/2026" for a month's first day. */
export const monthLabel = (first: string) => `${first.slice(5, 7)}/${first.slice(0, 4)}`;

export interface Quarter {
  label: string;
  from: string;
  to: string;
}

/** The `n` quarters ending with the quarter of `day`, oldest first; the current one ends on `day` (to date). */
export function lastQuarters(day: string, n: number): Quarter[] {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const out: Quarter[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const k = y * 4 + q - i;
    const year = Math.floor(k / 4);
    const quarter = (k % 4) + 1;
    const firstMonth = (quarter - 1) * 3 + 1;
    const to = i === 0 ? day : lastDayOf(year, firstMonth + 2);
    out.push({ label: `Q${quarter}/${year}`, from: `${year}-${pad(firstMonth)}-01`, to });
  }
  return out;
}
