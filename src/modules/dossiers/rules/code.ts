/**
 * Dossier codes (mã hồ sơ thủ tục hành chính).
 *
 * Format: `<agency identifier>-<YYMMDD of receipt>-<sequence of the day, 4 digits>`, e.g. `000.00.12.H19-260213-0001`.
 * Source: Thông tư 01/2018/TT-VPCP, Điều 19 khoản 1 (read through secondary reproductions of its text): "Mã số hồ sơ
 * … có cấu trúc V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX", where the first part is the agency's identifier under Thông tư
 * 10/2016/TT-BTTTT (now Quyết định 20/2020/QĐ-TTg), YYMMDD the receipt date and XXXX the number of the dossier among
 * those received that day. Thông tư 03/2025/TT-VPCP, which replaces it, is reported to keep the structure; its text
 * could not be checked this session, so the agency identifier is per-unit data (unit_dossier_settings) and the
 * format lives here only.
 *
 * Numbers are per receiving unit and per receipt day, from 0001, with no gaps (see the migration's counter table).
 * Past 9999 the sequence simply grows a digit (the format has no room; a desk never receives that many a day).
 *
 * Pure module.
 */

/**
 * The agency identifier used when a unit has none recorded: its national administrative code, or its code in
 * capitals with dots for hyphens (the hyphen separates the parts of a dossier code).
 */
export function defaultAgencyCode(unit: { code: string; admin_code: string | null }): string {
  return unit.admin_code ?? unit.code.toUpperCase().replace(/-/g, '.');
}

/** Formats a code from the agency identifier, the Vietnam receipt date ('YYYY-MM-DD') and the sequence of the day. */
export function formatDossierCode(agency: string, receiptDay: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${dossierCodePrefix(agency, receiptDay)}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** Digits of the sequence of the day (at least: past 9999 it grows). */
export const SEQUENCE_DIGITS = 4;

/**
 * The code without its sequence, `<agency>-<YYMMDD>-`: intake numbers the dossier in the same statement as it inserts
 * it (the counter row is locked only for that statement), so the database appends the sequence, zero-padded to
 * SEQUENCE_DIGITS; the command checks the result against formatDossierCode.
 */
export function dossierCodePrefix(agency: string, receiptDay: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receiptDay)) throw new RangeError(`bad receipt day ${receiptDay}`);
  const yymmdd = receiptDay.slice(2, 4) + receiptDay.slice(5, 7) + receiptDay.slice(8, 10);
  return `${agency}-${yymmdd}-`;
}

/** Splits a code into its parts, or null when it does not have the national shape. */
export function parseDossierCode(code: string): { agency: string; receiptDay: string; sequence: number } | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9.]{0,63})-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/.exec(code);
  if (!m) return null;
  const [, agency, yy, mm, dd, seq] = m as unknown as [string, string, string, string, string, string];
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { agency, receiptDay: `20${yy}-${mm}-${dd}`, sequence: Number(seq) };
}

/** The pattern of a dossier code in URLs and schemas (loose: the shape, not the date's validity). */
export const DOSSIER_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9.]{0,63}-[0-9]{6}-[0-9]{4,6}$';
