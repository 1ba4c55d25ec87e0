/** View pieces shared by the public and staff question pages. Every text is escaped by preact. */
import { type PageContext, tr } from '../../web/context.ts';
import { questionPath } from './present.ts';
import type { QuestionRow } from './queries.ts';
import { rejectReasonLabels, statusLabels } from './schema.ts';

const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const momentFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** A day in Vietnam, dd/mm/yyyy. */
export const fmtDate = (v: Date | string | null) => (v === null ? '—' : dateFormat.format(new Date(v)));
/** A moment in Vietnam, HH:MM dd/mm/yyyy. */
export const fmtMoment = (v: Date | string | null) => (v === null ? '—' : momentFormat.format(new Date(v)));

/** The first `max` characters of a text, on a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 220): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function labelOf(ctx: PageContext, l: { vi: string; en: string }): string {
  return tr(ctx, l.vi, l.en);
}

export function StatusTags(props: { ctx: PageContext; q: Pick<QuestionRow, 'status' | 'published'> }) {
  const { ctx, q } = props;
  const cls = q.status === 'answered' ? 'published' : q.status === 'rejected' ? 'off' : 'draft';
  return (
    <>
      <span class={`tag ${cls}`}>{labelOf(ctx, statusLabels[q.status])}</span>
      {q.status === 'answered' && (
        <>
          {' '}
          <span class={`tag ${q.published ? 'published' : 'merged'}`}>
            {q.published ? tr(ctx, 'Công khai', 'Public') : tr(ctx, 'Không công khai', 'Not public')}
          </span>
        </>
      )}
    </>
  );
}

/** The reason a question was not answered, for the asker. */
export function RejectText(props: { ctx: PageContext; q: Pick<QuestionRow, 'reject_reason' | 'reject_note'> }) {
  const { ctx, q } = props;
  if (!q.reject_reason) return null;
  return (
    <p>
      {tr(ctx, 'Lý do: ', 'Reason: ')}
      {labelOf(ctx, rejectReasonLabels[q.reject_reason])}
      {q.reject_note ? `. ${q.reject_note}` : ''}
    </p>
  );
}

/** Answered questions as a list of links with the unit and date: the public list and the block beside a procedure. */
export function AnsweredList(props: { ctx: PageContext; items: QuestionRow[]; heading: 'h2' | 'h3' | 'h4'; showProcedure?: boolean }) {
  const { ctx } = props;
  const H = props.heading;
  return (
    <ul class="qa-list">
      {props.items.map((q) => (
        <li key={q.code}>
          <H class="qa-title">
            <a href={questionPath(q.code)}>{excerpt(q.question, 160)}</a>
          </H>
          {q.answer && <p class="qa-text">{excerpt(q.answer, 240)}</p>}
          <p class="muted">
            {q.unit_name} · {tr(ctx, 'trả lời ngày', 'answered on')} {fmtDate(q.answered_at)}
            {props.showProcedure && q.procedure_code && (
              <>
                {' · '}
                {tr(ctx, 'Thủ tục', 'Procedure')} {q.procedure_code}
                {q.procedure_name ? `: ${q.procedure_name}` : ''}
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The block of answered questions about one procedure, with links to all of them and to ask about it: rendered on
 * /hoi-dap/thu-tuc/<code>, and meant to sit on the procedure's own page once that page offers a place for it.
 */
export function ProcedureQuestions(props: { ctx: PageContext; procedureCode: string; items: QuestionRow[]; total: number; heading?: 'h2' | 'h3' }) {
  const { ctx, procedureCode: code } = props;
  const H = props.heading ?? 'h2';
  return (
    <section class="qa-block" aria-labelledby={`hoi-dap-${code}`}>
      <H id={`hoi-dap-${code}`}>{tr(ctx, 'Hỏi đáp về thủ tục này', 'Questions about this procedure')}</H>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có câu hỏi nào được trả lời.', 'No question has been answered yet.')}</p>
      ) : (
        <AnsweredList ctx={ctx} items={props.items} heading={H === 'h2' ? 'h3' : 'h4'} />
      )}
      <p class="actions">
        {props.total > props.items.length && (
          <a class="button secondary" href={`/hoi-dap?procedure=${encodeURIComponent(code)}`}>
            {tr(ctx, `Xem cả ${props.total} câu hỏi`, `See all ${props.total} questions`)}
          </a>
        )}
        <a class="button" href={`/hoi-dap/hoi?thu-tuc=${encodeURIComponent(code)}`}>
          {tr(ctx, 'Hỏi về thủ tục này', 'Ask about this procedure')}
        </a>
      </p>
    </section>
  );
}
