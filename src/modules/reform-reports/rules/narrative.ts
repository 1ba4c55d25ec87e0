/**
 * The narrative a unit writes for each model (phần đánh giá, kết quả thực hiện): plain text, stored NFC, at most
 * 10,000 characters. Markup is kept as typed and always shown as text (pages escape it; DOCX and Excel hold text).
 * Pure.
 */

export const NARRATIVE_MAX = 10_000;

// Control characters other than tab and line breaks would corrupt the DOCX XML; they are removed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A narrative as stored: NFC, Windows line breaks made plain, control characters removed, ends trimmed. */
export function cleanNarrative(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** The message for a narrative that is too long, or null when it is fine (after cleaning). */
export function narrativeProblem(clean: string): { vi: string; en: string } | null {
  if (clean.length > NARRATIVE_MAX) {
    return {
      vi: `Nội dung dài ${clean.length.toLocaleString('vi-VN')} ký tự, tối đa ${NARRATIVE_MAX.toLocaleString('vi-VN')} ký tự`,
      en: `The text is ${clean.length} characters long; at most ${NARRATIVE_MAX}`,
    };
  }
  return null;
}
