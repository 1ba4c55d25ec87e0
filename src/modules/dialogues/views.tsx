/** View pieces shared by the public and staff dialogue pages. Every text is escaped by preact. */
import { type PageContext, tr } from '../../web/context.ts';
import type { CommitmentRow, DialogueRow, ParticipantRow } from './queries.ts';
import { isOverdue } from './rules/commitments.ts';
import { commitmentStatusLabels, formatLabels, kindLabels, statusLabels } from './schema.ts';

const dayFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });

/** A day as dd/mm/yyyy from YYYY-MM-DD. */
export const fmtDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** When a dialogue takes place, in Vietnam time: "08:00–11:00, thứ năm, 15/10/2026". */
export function fmtWhen(start: Date | string, end: Date | string): string {
  const s = new Date(start);
  const e = new Date(end);
  const sameDay = dayFormat.format(s) === dayFormat.format(e);
  return sameDay
    ? `${timeFormat.format(s)}–${timeFormat.format(e)}, ${dayFormat.format(s)}`
    : `${timeFormat.format(s)}, ${dayFormat.format(s)} – ${timeFormat.format(e)}, ${dayFormat.format(e)}`;
}

export const labelOf = (ctx: PageContext, l: { vi: string; en: string }) => tr(ctx, l.vi, l.en);

export function kindText(ctx: PageContext, d: Pick<DialogueRow, 'kind' | 'format'>): string {
  return `${labelOf(ctx, kindLabels[d.kind])}${d.format ? ` · ${labelOf(ctx, formatLabels[d.format])}` : ''}`;
}

export function StatusTag(props: { ctx: PageContext; d: Pick<DialogueRow, 'status'> }) {
  const cls = props.d.status === 'held' ? 'done' : props.d.status === 'cancelled' ? 'off' : 'draft';
  return <span class={`tag ${cls}`}>{labelOf(props.ctx, statusLabels[props.d.status])}</span>;
}

export function CommitmentTag(props: { ctx: PageContext; c: Pick<CommitmentRow, 'status' | 'deadline'>; today: string }) {
  const { ctx, c } = props;
  if (isOverdue(c, props.today)) return <span class="tag late">{tr(ctx, 'Quá hạn', 'Overdue')}</span>;
  const cls = c.status === 'done' ? 'done' : c.status === 'dropped' ? 'off' : 'normal';
  return <span class={`tag ${cls}`}>{labelOf(ctx, commitmentStatusLabels[c.status])}</span>;
}

/** The facts of a dialogue: kind, time, place, unit, status. */
export function DialogueFacts(props: { ctx: PageContext; d: DialogueRow }) {
  const { ctx, d } = props;
  return (
    <dl class="facts">
      <dt>{tr(ctx, 'Chương trình', 'Programme')}</dt>
      <dd>{kindText(ctx, d)}</dd>
      <dt>{tr(ctx, 'Đơn vị tổ chức', 'Organised by')}</dt>
      <dd>{d.unit_name}</dd>
      <dt>{tr(ctx, 'Thời gian', 'When')}</dt>
      <dd>{fmtWhen(d.starts_at, d.ends_at)}</dd>
      <dt>{tr(ctx, 'Địa điểm', 'Where')}</dt>
      <dd>{d.place}</dd>
      <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
      <dd>
        <StatusTag ctx={ctx} d={d} />
        {d.status === 'cancelled' && d.cancel_reason && (
          <p>
            {tr(ctx, 'Lý do: ', 'Reason: ')}
            {d.cancel_reason}
          </p>
        )}
      </dd>
    </dl>
  );
}

/** Participants as the public sees them: businesses by name and tax code, no representative. */
export function ParticipantList(props: { ctx: PageContext; items: ParticipantRow[] }) {
  const { ctx, items } = props;
  const officials = items.filter((p) => p.kind === 'official');
  const businesses = items.filter((p) => p.kind === 'business');
  return (
    <>
      {officials.length > 0 && (
        <>
          <h3>{tr(ctx, 'Lãnh đạo, cán bộ', 'Officials')}</h3>
          <ul>
            {officials.map((o) => (
              <li key={o.id}>
                {o.name}
                {o.position ? `, ${o.position}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {businesses.length > 0 && (
        <>
          <h3>{tr(ctx, 'Doanh nghiệp', 'Businesses')}</h3>
          <ul>
            {businesses.map((b) => (
              <li key={b.id}>
                {b.name}{' '}
                <span class="muted">
                  ({tr(ctx, 'MST', 'Tax code')} {b.tax_code})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The commitments of a dialogue (or across units), overdue ones flagged with a text label. */
export function CommitmentTable(props: {
  ctx: PageContext;
  items: CommitmentRow[];
  today: string;
  showDialogue?: boolean;
  editHref?: (c: CommitmentRow) => string;
}) {
  const { ctx, items, today } = props;
  return (
    <ul class="qa-list commitments">
      {items.map((c) => (
        <li key={c.id} id={`cam-ket-${c.id}`}>
          <p class="qa-text">{c.text}</p>
          <p>
            <CommitmentTag ctx={ctx} c={c} today={today} /> {tr(ctx, 'Đơn vị chủ trì: ', 'Owner: ')}
            {c.owner_unit_name} · {tr(ctx, 'Hạn: ', 'Deadline: ')}
            {fmtDay(c.deadline)}
          </p>
          {props.showDialogue && (
            <p class="muted">
              {tr(ctx, 'Tại: ', 'Raised at: ')}
              {props.editHref ? <a href={props.editHref(c)}>{c.dialogue_title}</a> : c.dialogue_title} · {c.dialogue_unit_name}
            </p>
          )}
          {c.outcome && (
            <p class="qa-text">
              <strong>{tr(ctx, 'Kết quả: ', 'Outcome: ')}</strong>
              {c.outcome}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
