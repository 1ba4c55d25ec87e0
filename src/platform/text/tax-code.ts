import type { Text } from '../i18n/index.ts';

/** Weights of the check digit of a Vietnamese tax code (mã số thuế) over its first nine digits. */
export const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The tenth digit of a tax code from its first nine: 10 − (Σ dᵢ·wᵢ mod 11). A remainder of 0 would need the digit 10,
 * so no nine digits with that remainder start a valid code (null).
 */
export function taxCheckDigit(first9: string): number | null {
  if (!/^[0-9]{9}$/.test(first9)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (TAX_CODE_WEIGHTS[i] as number);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

export type TaxCodeCheck = { ok: true; value: string; branch: boolean } | { ok: false; message: Text };

/**
 * Reads a business's tax code (mã số thuế doanh nghiệp): 10 digits, or for a branch or dependent unit the parent's 10
 * digits, a hyphen and a 3-digit branch number 001–999 (spaces and dots ignored; 13 digits without the hyphen are
 * accepted and written with it). The first two digits are a province number (not 00), the next seven a sequence (not
 * 0000000) and the tenth the check digit. Kept as NNNNNNNNNN or NNNNNNNNNN-NNN.
 */
export function checkTaxCode(raw: string): TaxCodeCheck {
  const compact = raw.normalize('NFC').replace(/[\s.]/g, '');
  const m = /^([0-9]{10})(?:-?([0-9]{3}))?$/.exec(compact);
  if (!m) {
    return {
      ok: false,
      message: {
        vi: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số với chi nhánh (vd. 0100109106 hoặc 0100109106-001)',
        en: 'A tax code has 10 digits, or 10 digits, a hyphen and 3 digits for a branch (e.g. 0100109106 or 0100109106-001)',
      },
    };
  }
  const main = m[1] as string;
  const branch = m[2];
  if (main.startsWith('00') || main.slice(2, 9) === '0000000' || branch === '000' || taxCheckDigit(main.slice(0, 9)) !== Number(main[9])) {
    return {
      ok: false,
      message: { vi: 'Mã số thuế không đúng (sai chữ số kiểm tra), hãy kiểm tra lại', en: 'Not a valid tax code (the check digit does not match)' },
    };
  }
  return { ok: true, value: branch ? `${main}-${branch}` : main, branch: Boolean(branch) };
}
