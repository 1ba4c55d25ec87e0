/**
 * The short code a citizen keeps to look a question up (mã tra cứu câu hỏi): 8 characters of an alphabet without
 * look-alikes (no 0/O, 1/I/L), so it can be read aloud at the desk and typed on a kiosk.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
export const QUESTION_CODE_PATTERN = '^[A-HJKMNP-Z2-9]{8}$';

/** A code from random bytes (at least 8; the caller draws them): about 39 bits, never guessable by trying. */
export function questionCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error('need 8 random bytes');
  let out = '';
  // 256 is not a multiple of 31: the first 248 values map evenly, the rest fold back (a bias of under 1 %, harmless here).
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[(bytes[i] as number) % CODE_ALPHABET.length];
  return out;
}

/**
 * What a person typed as a code, cleaned: upper case, spaces and dashes dropped, look-alikes read as the letters we
 * use (O→0 is not in the alphabet, so O and 0 both fail; I, L and 1 likewise). Null when it cannot be a code.
 */
export function normaliseQuestionCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const code = raw
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s-]+/g, '');
  return new RegExp(QUESTION_CODE_PATTERN).test(code) ? code : null;
}
