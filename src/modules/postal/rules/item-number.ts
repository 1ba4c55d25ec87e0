/**
 * Postal item numbers (số hiệu bưu gửi). International and most Vietnam Post items carry a UPU S10 identifier:
 * a two-letter service indicator, an eight-digit serial number, one check digit and the two-letter ISO country code
 * of the issuing postal administration (e.g. EB123456785VN). The check digit: weights 8, 6, 4, 2, 3, 5, 9, 7 over the
 * eight digits from the left, S = the weighted sum, C = 11 − (S mod 11), with 10 → 0 and 11 → 5 (UPU S10; e.g.
 * 47312482 → 9). A post office that prints its own domestic codes may use 9–13 letters and digits instead, when the
 * caller says so (`domestic`); a code that has the S10 shape must still carry the right check digit.
 *
 * Pure: no I/O.
 */
import type { Text } from '../../../platform/i18n/index.ts';

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
export const S10_PATTERN = /^[A-Z]{2}[0-9]{9}[A-Z]{2}$/;
export const DOMESTIC_PATTERN = /^[A-Z0-9]{9,13}$/;

/** The S10 check digit of eight serial digits. */
export function s10CheckDigit(serial: string): number {
  if (!/^[0-9]{8}$/.test(serial)) throw new Error('an S10 serial number has 8 digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * (WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** Upper case, spaces and dashes removed (numbers are read aloud and typed in groups). */
export function normaliseItemNumber(raw: string): string {
  return raw
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s\-.]/g, '');
}

export type ItemNumberCheck = { ok: true; value: string; kind: 's10' | 'domestic' } | { ok: false; message: Text };

/** Checks an item number typed by staff; the message says exactly what is wrong (the expected check digit included). */
export function checkItemNumber(raw: string, domestic: boolean): ItemNumberCheck {
  const value = normaliseItemNumber(raw);
  if (value === '') return { ok: false, message: { vi: 'Hãy nhập số hiệu bưu gửi', en: 'Enter the item number' } };
  if (S10_PATTERN.test(value)) {
    const serial = value.slice(2, 10);
    const given = Number(value[10]);
    const expected = s10CheckDigit(serial);
    if (given !== expected) {
      return {
        ok: false,
        message: {
          vi: `Số hiệu ${value} sai chữ số kiểm tra: với 8 chữ số ${serial}, chữ số thứ 9 phải là ${expected}, không phải ${given}. Hãy đọc lại số trên bưu gửi.`,
          en: `${value} has a wrong check digit: for the serial ${serial} the 9th digit must be ${expected}, not ${given}. Read the number on the item again.`,
        },
      };
    }
    return { ok: true, value, kind: 's10' };
  }
  if (domestic && DOMESTIC_PATTERN.test(value)) return { ok: true, value, kind: 'domestic' };
  if (domestic) {
    return {
      ok: false,
      message: { vi: 'Mã nội bộ của bưu điện gồm 9 đến 13 chữ cái hoặc chữ số', en: 'A post office’s own code has 9 to 13 letters or digits' },
    };
  }
  return {
    ok: false,
    message: {
      vi: 'Số hiệu bưu gửi gồm 2 chữ cái, 9 chữ số và 2 chữ cái, vd. EB123456785VN. Nếu bưu điện dùng mã riêng, hãy chọn “Mã nội bộ của bưu điện”.',
      en: 'An item number has 2 letters, 9 digits and 2 letters, e.g. EB123456785VN. If the post office uses its own code, tick “Post office’s own code”.',
    },
  };
}
