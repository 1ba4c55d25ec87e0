/** View pieces shared by the post office's, the desk's and the citizen's postal pages. */
import type { PageContext } from '../../web/context.ts';
import { tr } from '../../web/context.ts';
import type { PostalEventRow } from './queries.ts';
import { type ShipmentStatus, type Step, statusLabels, stepLabels } from './rules/legs.ts';

export const fmtMoment = (m: Date | string) => {
  const local = new Date(new Date(m).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};
export const fmtVnd = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('vi-VN')} đ`);
export const label = (ctx: PageContext, t: { vi: string; en: string }) => tr(ctx, t.vi, t.en);

const tagClass: Record<ShipmentStatus, string> = {
  created: 'tag draft',
  picked_up: 'tag normal',
  in_transit: 'tag due_soon',
  delivered: 'tag done',
  failed: 'tag late',
  returned: 'tag off',
};

export function StatusTag(props: { ctx: PageContext; status: ShipmentStatus }) {
  return <span class={tagClass[props.status]}>{label(props.ctx, statusLabels[props.status])}</span>;
}

/** The steps of a shipment, oldest first; `staff` adds who recorded each and the notes. */
export function PostalTimeline(props: {
  ctx: PageContext;
  events: { step: Step; status: ShipmentStatus; at: Date | string; item_number?: string | null; by?: string; note?: string | null }[];
}) {
  const { ctx } = props;
  return (
    <ol class="timeline">
      {props.events.map((e, i) => (
        <li key={i}>
          <strong>{fmtMoment(e.at)}</strong> · {label(ctx, stepLabels[e.step])}: {label(ctx, statusLabels[e.status])}
          {e.item_number && ` · ${e.item_number}`}
          {e.by && ` · ${e.by}`}
          {e.note && <p>{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}

export const staffEvents = (events: PostalEventRow[]) =>
  events.map((e) => ({ step: e.step, status: e.status, at: e.at, item_number: e.item_number, by: e.actor_name ?? e.actor_label, note: e.note }));
