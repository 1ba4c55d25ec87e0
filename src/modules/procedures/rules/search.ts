import { CODE_PATTERN } from './import-row.ts';

export interface SearchTerms {
  /** The cleaned query (diacritics kept: the database folds them with vn_unaccent, as it does for names). */
  text: string;
  /** A full or partial national code (`1.001193`, `2.000`), when the query looks like one. */
  codePrefix: string | null;
  /** True when the query is a complete code. */
  exactCode: boolean;
}

/**
 * Normalises what a citizen or clerk typed into the search box: NFC (an NFD "ă" would not
 * match), punctuation other than the code's dot made a space, runs of spaces collapsed, at most
 * 100 characters. Returns null when nothing searchable is left (then the list is not filtered).
 */
export function normaliseSearch(raw: string | undefined | null): SearchTerms | null {
  if (!raw) return null;
  const text = raw
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}.\s]/gu, ' ')
    .replace(/(?<![0-9])\.|\.(?![0-9])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  if (!text) return null;
  const isCodeish = /^[0-9]{1,2}(\.[0-9]{0,6})?$/.test(text);
  return { text, codePrefix: isCodeish ? text : null, exactCode: CODE_PATTERN.test(text) };
}
