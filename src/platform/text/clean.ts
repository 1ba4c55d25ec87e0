/**
 * What a person typed, made safe to store and compare: NFC, Windows and old Mac line breaks made \n, control
 * characters other than line breaks and tabs removed, trimmed. Anything that is not a string becomes ''.
 */
export function cleanText(v: unknown): string {
  if (typeof v !== 'string') return '';
  return v
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, '')
    .trim();
}

/** A form's checkbox or a JSON boolean read as yes: true, 'true', 'on', '1', 'yes'. */
export const isYes = (v: unknown): boolean => v === true || v === 'true' || v === 'on' || v === '1' || v === 'yes';
