/**
 * The second factor of public tracking: the citizen gives the dossier code and the last 4 digits of the ID number
 * or of the phone number recorded at receipt. A wrong pair is answered exactly like an unknown code.
 *
 * Pure module.
 */
import { timingSafeEqual } from 'node:crypto';

/** The last four digits of a number written with or without spaces, dots or a +84 prefix. */
export function lastFourDigits(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Whether `check` (4 digits) matches the end of the ID number or of the phone. */
export function checkMatches(check: string, idNumber: string | null, phone: string | null): boolean {
  if (!/^\d{4}$/.test(check)) return false;
  const id = lastFourDigits(idNumber);
  const tel = lastFourDigits(phone);
  // Evaluate both, so the time taken does not tell which one matched.
  const a = id !== null && same(check, id);
  const b = tel !== null && same(check, tel);
  return a || b;
}
