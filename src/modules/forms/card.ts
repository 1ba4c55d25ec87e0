import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { parseCccdQr } from '../identity/index.ts';
import type { StoredWarning } from './queries.ts';
import type { CardIdentity } from './rules/template.ts';

/**
 * Reads the ID-card QR text with the identity module's parser. A refusal becomes CCCD_QR_INVALID with the
 * parser's reason and message; nothing of the text is kept, logged or echoed.
 */
export function readCard(qr: string): { card: CardIdentity; warnings: StoredWarning[] } {
  const parsed = parseCccdQr(qr, todayInVietnam(new Date()));
  if (!parsed.ok) {
    throw new AppError('CCCD_QR_INVALID', {
      detail: parsed.message,
      extra: { reason: parsed.reason, ...(parsed.field ? { field: parsed.field } : {}) },
    });
  }
  return { card: parsed.fields, warnings: parsed.warnings.map((w) => ({ code: w.code, message: w.message })) };
}
