// Public surface of the payments module (thu phí, lệ phí không dùng tiền mặt bằng VietQR; model M12): the only file
// other modules may import.
export { cashlessActivity, type FeesPaid, type PaymentActivity } from './activity.ts';
export { registerPaymentsApi } from './api.ts';
export { addFee } from './commands/add-fee.ts';
export { applyPayment } from './commands/apply-payment.ts';
export { type AppliedPayment, applyPayments, type PaymentToApply } from './commands/apply-payments.ts';
export { createDossierFees } from './commands/create-dossier-fees.ts';
export { issueFeeReceipt } from './commands/issue-fee-receipt.ts';
export { DEMO_COUNTER, loadDemoPayments } from './commands/load-demo-payments.ts';
export { markCashPaid } from './commands/mark-cash-paid.ts';
export { saveAccount } from './commands/save-account.ts';
export { waiveFee } from './commands/waive-fee.ts';
export { registerPaymentsPages } from './pages.tsx';
export { type AccountRow, accountFor, type FeeRow, findFee, listAccounts } from './queries.ts';
export { amountInWords, formatVnd } from './rules/amount-in-words.ts';
export { BANKS, bankNameOf, findReferences, REFERENCE_IN_TEXT, referenceFrom } from './rules/reference.ts';
export { crc16, decodeVietQr, encodeVietQr, purposeFrom, type VietQrDecoded, type VietQrError, type VietQrFields } from './rules/vietqr.ts';
