/**
 * The short codes people keep to look something up (a question, a feedback item): 8 characters of an alphabet
 * without look-alikes (no 0/O, 1/I/L), so they can be read aloud on the phone or at the desk and typed on a kiosk.
 */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SHORT_CODE_LENGTH = 8;
export const SHORT_CODE_PATTERN = '^[A-HJKMNP-Z2-9]{8}$';

/** A code from random bytes (at least 8; the caller draws them): about 39 bits, never guessable by trying. */
export function shortCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < SHORT_CODE_LENGTH) throw new Error('need 8 random bytes');
  let out = '';
  // 256 is not a multiple of 31: the first 248 values map evenly, the rest fold back (a bias of under 1 %, harmless here).
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) out += SHORT_CODE_ALPHABET[(bytes[i] as number) % SHORT_CODE_ALPHABET.length];
  return out;
}

/**
 * What a person typed as a code, cleaned: upper case, spaces and dashes dropped. Null when it cannot be a code
 * (look-alikes such as O, 0, I, L, 1 are not in the alphabet, so they fail instead of matching another code).
 */
export function normaliseShortCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const code = raw
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s-]+/g, '');
  return new RegExp(SHORT_CODE_PATTERN).test(code) ? code : null;
}
