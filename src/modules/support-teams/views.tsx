/** Small view pieces shared by the public and staff pages of the support teams. */
import type { PageContext } from '../../web/context.ts';
import { vietnamDay, vietnamTime } from './rules/roster.ts';

export const labelOf = (ctx: PageContext, l: { vi: string; en: string }) => (ctx.lang === 'en' ? l.en : l.vi);
export const hm = (v: Date | string) => vietnamTime(new Date(v));
/** 2026-10-15 as 15/10/2026. */
export const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
export const dayOf = (v: Date | string) => vietnamDay(new Date(v));

/** The weekday of a date: "Thứ 2" … "Chủ nhật" (Mon … Sun). */
export function weekdayOf(ctx: PageContext, date: string): string {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (ctx.lang === 'en') return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d] as string;
  return d === 0 ? 'Chủ nhật' : `Thứ ${d + 1}`;
}

/** A phone number as a link that dials it (digits only in the href). */
export function Phone(props: { phone: string }) {
  return <a href={`tel:${props.phone.replace(/[^0-9+]/g, '')}`}>{props.phone}</a>;
}
