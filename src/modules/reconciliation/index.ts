// Public surface of the reconciliation module (đối soát thanh toán: sao kê ngân hàng, cổng thông báo chuyển khoản).
export { applyStatement, type ImportSummary, importStatement, sha256Of } from './commands/import-statement.ts';
export { EXCEPTIONS_PAGE, IMPORT_PAGE, registerReconciliationPages } from './pages.tsx';
export { cassoSignature } from './rules/casso.ts';
export { matchTransfers } from './rules/match.ts';
export { parseStatement } from './rules/statement.ts';
export { CASSO_WEBHOOK, registerReconciliationWebhooks } from './webhooks.ts';
