import { CsrfField, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { type FeeView, feeKindLabels, feeStatusLabels, paidByLabels } from './present.ts';
import { formatVnd } from './rules/amount-in-words.ts';
import { bankNameOf } from './rules/reference.ts';

const label = (ctx: PageContext, t: { vi: string; en: string }) => tr(ctx, t.vi, t.en);
const vnd = (n: number) => `${formatVnd(n)} đ`;
const fmtMoment = (m: Date | string) => {
  const local = new Date(new Date(m).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

/** A fee with its QR image (already rendered as a PNG data URL) for a screen. */
export interface FeeCardData {
  view: FeeView;
  qrImage: string | null;
}

/**
 * One fee as a card: name, amount, status, the VietQR big enough to scan from a screen (256 CSS px) while due, the
 * account and the reference to type by hand; `actions` are the staff's forms (none on the public page).
 */
export function FeeCard(props: { ctx: PageContext; data: FeeCardData; actionBase?: string }) {
  const { ctx } = props;
  const { view: v, qrImage } = props.data;
  const f = v.fee;
  const a = v.account;
  const headingId = `phi-${f.id}`;
  return (
    <article class="fee" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {label(ctx, feeKindLabels[f.kind])}: {f.name}
      </h3>
      <dl class="facts">
        <dt>{tr(ctx, 'Số tiền', 'Amount')}</dt>
        <dd>
          <strong>{vnd(f.amount_vnd)}</strong>
          {f.paid_vnd > 0 && f.status === 'due' && ` · ${tr(ctx, 'đã nộp', 'paid')} ${vnd(f.paid_vnd)}, ${tr(ctx, 'còn', 'owed')} ${vnd(v.owedVnd)}`}
        </dd>
        <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
        <dd>
          <span class={`tag fee-${f.status}`}>{label(ctx, feeStatusLabels[f.status])}</span>
          {f.status === 'paid' && f.paid_by && ` · ${label(ctx, paidByLabels[f.paid_by])}`}
          {f.status === 'paid' && f.paid_at && ` · ${fmtMoment(f.paid_at)}`}
          {f.status === 'waived' && f.waive_reason && ` · ${f.waive_reason}`}
          {f.receipt_number !== null && ` · ${tr(ctx, 'biên lai số', 'receipt no.')} ${f.receipt_number}/${f.receipt_year}`}
        </dd>
        <dt>{tr(ctx, 'Nội dung chuyển khoản', 'Transfer reference')}</dt>
        <dd>
          <code>{f.reference}</code>
        </dd>
        {a && f.status === 'due' && (
          <>
            <dt>{tr(ctx, 'Tài khoản nhận', 'Pay to')}</dt>
            <dd>
              {a.account_name} · {a.account_no} · {a.bank_name ?? bankNameOf(a.bank_bin) ?? a.bank_bin}
            </dd>
          </>
        )}
      </dl>
      {qrImage && (
        <figure class="vietqr">
          <img
            src={qrImage}
            width={256}
            height={256}
            alt={tr(
              ctx,
              `Mã VietQR: chuyển ${formatVnd(v.owedVnd)} đồng đến tài khoản ${a?.account_no ?? ''}, nội dung ${f.reference}`,
              `VietQR: transfer ${formatVnd(v.owedVnd)} VND to account ${a?.account_no ?? ''}, reference ${f.reference}`,
            )}
          />
          <figcaption>
            {tr(ctx, 'Quét bằng ứng dụng ngân hàng: số tiền và nội dung đã điền sẵn.', 'Scan with a banking app: amount and reference are filled in.')}
          </figcaption>
        </figure>
      )}
      {f.status === 'due' && !a && (
        <p class="muted">{tr(ctx, 'Đơn vị chưa có tài khoản chuyên thu: nộp tiền mặt tại quầy.', 'No collection account yet: pay in cash at the desk.')}</p>
      )}
      {props.actionBase && <FeeActions ctx={ctx} v={v} base={`${props.actionBase}/${f.id}`} />}
    </article>
  );
}

function FeeActions(props: { ctx: PageContext; v: FeeView; base: string }) {
  const { ctx, v, base } = props;
  const f = v.fee;
  if (f.status === 'paid') {
    return f.receipt_number !== null ? (
      <p>
        <a href={`${base}/bien-lai.pdf`}>{tr(ctx, 'In biên lai (PDF)', 'Print the receipt (PDF)')}</a>
      </p>
    ) : (
      <form method="post" action={`${base}/bien-lai`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="secondary">
          {tr(ctx, 'Lập và in biên lai', 'Issue and print the receipt')}
        </button>
      </form>
    );
  }
  if (f.status !== 'due') return null;
  return (
    <div class="fee-actions">
      <form method="post" action={`${base}/tien-mat`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{tr(ctx, `Đã thu tiền mặt ${vnd(v.owedVnd)}`, `Cash received: ${vnd(v.owedVnd)}`)}</button>
      </form>
      {f.paid_vnd === 0 && (
        <details>
          <summary>{tr(ctx, 'Miễn, giảm khoản này', 'Waive this fee')}</summary>
          <form method="post" action={`${base}/mien`} novalidate>
            <CsrfField ctx={ctx} />
            <TextArea name="reason" label={tr(ctx, 'Lý do miễn, giảm', 'Reason')} rows={2} required />
            <button type="submit" class="secondary">
              {tr(ctx, 'Miễn', 'Waive')}
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
