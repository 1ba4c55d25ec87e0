/**
 * Cleans what someone typed into the question search box: NFC, punctuation made spaces, spaces collapsed, at most
 * 100 characters. Diacritics stay: the database folds both sides with vn_unaccent, so "dang ky khai sinh" finds
 * "Đăng ký khai sinh". Returns null when nothing searchable is left.
 */
export function normaliseQuestionSearch(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  return text || null;
}
