/** Whether a text is a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Whether a period [from, to] (to open when null) contains a day; days compare as YYYY-MM-DD text. */
export function coversDay(p: { from: string; to: string | null }, day: string): boolean {
  return p.from <= day && (p.to === null || p.to >= day);
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (a.to === null || a.to >= b.from) && (b.to === null || b.to >= a.from);
}
