/**
 * What the APS machine's tracking box receives (máy APS: tra cứu hồ sơ): a handheld scanner reading the QR code of a
 * receipt types its address (…/tra-cuu?ma=<code>, dossiers module: trackingUrlOf), or the citizen types the code
 * printed under it. Both become the dossier code, or null when the text holds none.
 *
 * Pure module.
 */

/** A dossier code in the national format (dossiers module: rules/code.ts), e.g. 30337-260213-0001. */
export const DOSSIER_CODE_RE = /^[A-Z0-9][A-Z0-9.]{0,63}-[0-9]{6}-[0-9]{4,6}$/;

/** Longest text read from the box: a receipt's address is far shorter. */
export const TRACKING_INPUT_MAX = 500;

/**
 * The dossier code in a scanned address or a typed code: the `ma` (or `code`) parameter of an address, otherwise the
 * text itself, trimmed and upper-cased (people type the letters in lower case). Spaces a scanner or a finger adds are
 * dropped. Null when the result is not a dossier code.
 */
export function codeFromTrackingInput(raw: string): string | null {
  const text = raw.trim().slice(0, TRACKING_INPUT_MAX);
  if (text === '') return null;
  let candidate = text;
  const query = text.indexOf('?');
  if (query >= 0 || /^https?:\/\//i.test(text)) {
    const params = new URLSearchParams(query >= 0 ? text.slice(query + 1).split('#')[0] : '');
    candidate = params.get('ma') ?? params.get('code') ?? '';
  }
  const code = candidate.replace(/\s+/g, '').toUpperCase();
  return DOSSIER_CODE_RE.test(code) ? code : null;
}

/** The 4 check digits as typed (spaces dropped), or null when they are not exactly 4 digits. */
export function checkDigits(raw: string): string | null {
  const digits = raw.replace(/\s+/g, '');
  return /^[0-9]{4}$/.test(digits) ? digits : null;
}
