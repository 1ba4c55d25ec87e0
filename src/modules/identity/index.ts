// Public surface of the identity module (đọc mã QR trên thẻ căn cước): the only file other modules may import.
export { registerIdentityApi } from './api.ts';
export { type CccdRejected, identityErrorFromRejection } from './errors.ts';
export { CccdScanField, registerIdentityPages, SCAN_PAGE } from './pages.tsx';
export { presentCccd } from './present.ts';
export {
  type CccdField,
  type CccdParseResult,
  type CccdRejection,
  cccdRejections,
  type IdentityFields,
  type IdentityWarning,
  MAX_QR_LENGTH,
  parseCccdQr,
} from './rules/cccd.ts';
export { PROVINCE_CODES, provinceOfIdNumber } from './rules/provinces.ts';
