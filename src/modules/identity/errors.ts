import { AppError } from '../../platform/errors.ts';
import type { CccdParseResult } from './rules/cccd.ts';

export type CccdRejected = Extract<CccdParseResult, { ok: false }>;

/**
 * A refused scan as CCCD_QR_INVALID (422): `detail` and a field error on the form field (`qr` unless named) carry the
 * message, `reason` and `field` the stable cause. Nothing from the scan itself is carried, so nothing can be logged.
 */
export function identityErrorFromRejection(r: CccdRejected, formField = 'qr'): AppError {
  return new AppError('CCCD_QR_INVALID', {
    detail: r.message,
    errors: [{ field: formField, message: r.message }],
    extra: { reason: r.reason, ...(r.field ? { field: r.field } : {}) },
  });
}
