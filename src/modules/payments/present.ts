import type { AccountRow, FeeRow } from './queries.ts';
import { encodeVietQr } from './rules/vietqr.ts';

type Label = { vi: string; en: string };

export const feeStatusLabels: Record<FeeRow['status'], Label> = {
  due: { vi: 'Chờ nộp', en: 'Due' },
  paid: { vi: 'Đã nộp', en: 'Paid' },
  waived: { vi: 'Được miễn', en: 'Waived' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};
export const feeKindLabels: Record<FeeRow['kind'], Label> = {
  fee: { vi: 'Phí', en: 'Fee' },
  charge: { vi: 'Lệ phí', en: 'Charge' },
  postal: { vi: 'Cước bưu chính', en: 'Postage' },
  other: { vi: 'Khoản thu khác', en: 'Other' },
};
export const paidByLabels: Record<'transfer' | 'cash', Label> = {
  transfer: { vi: 'Chuyển khoản', en: 'Bank transfer' },
  cash: { vi: 'Tiền mặt', en: 'Cash' },
};

/** A fee with the account it is paid into and, while due, the dynamic VietQR payload for what is still owed. */
export interface FeeView {
  fee: FeeRow;
  account: AccountRow | null;
  /** What is still owed (amount − paid so far). */
  owedVnd: number;
  /** The VietQR payload (dynamic: amount and reference); null unless due with an account. */
  vietqr: string | null;
}

export function feeView(fee: FeeRow, account: AccountRow | null): FeeView {
  const owedVnd = Math.max(0, fee.amount_vnd - fee.paid_vnd);
  const vietqr =
    fee.status === 'due' && account && owedVnd > 0
      ? encodeVietQr({ bankBin: account.bank_bin, accountNo: account.account_no, target: account.target, amountVnd: owedVnd, purpose: fee.reference })
      : null;
  return { fee, account, owedVnd, vietqr };
}

const iso = (m: Date | string | null) => (m === null ? null : new Date(m).toISOString());

/** The JSON of a fee: exactly these fields leave the server (no payer data). */
export function presentFee(v: FeeView) {
  const f = v.fee;
  return {
    id: f.id,
    kind: f.kind,
    name: f.name,
    amountVnd: f.amount_vnd,
    paidVnd: f.paid_vnd,
    owedVnd: v.owedVnd,
    reference: f.reference,
    counter: f.counter,
    status: f.status,
    paidBy: f.paid_by,
    paidAt: iso(f.paid_at),
    waiveReason: f.waive_reason,
    receipt: f.receipt_number === null ? null : { number: f.receipt_number, year: f.receipt_year as number },
    account: v.account
      ? { bankBin: v.account.bank_bin, bankName: v.account.bank_name, accountNo: v.account.account_no, accountName: v.account.account_name }
      : null,
    vietqr: v.vietqr,
  };
}

/** The JSON of a collection account. */
export function presentAccount(a: AccountRow) {
  return {
    id: a.id,
    bankBin: a.bank_bin,
    bankName: a.bank_name,
    accountNo: a.account_no,
    accountName: a.account_name,
    target: a.target,
    counter: a.counter,
    isDefault: a.is_default,
    active: a.active,
  };
}
