/**
 * Stable short URL segments for fields (lĩnh vực) of procedures: `/thu-tuc/don-vi/<unit>/linh-vuc/<slug>`.
 * The slug is printed inside QR codes on paper guide sheets that hang on a wall for years, so it must not change
 * when other fields come and go, and two fields must never share one.
 *
 * Rule: unaccented, lower case, ASCII letters and digits separated by single hyphens ("Đăng ký, quản lý cư trú" →
 * "dang-ky-quan-ly-cu-tru"). When two field names of the same unit fold to the same slug ("Hộ tịch" and
 * "Hộ  tịch", "Đất đai" and "Dat dai"), the name first in code-point order keeps the plain slug and each other one
 * gets a suffix made from its own exact name ("ho-tich-k3x9q2"): the suffix depends on nothing else, so it stays the
 * same whatever other fields exist. The suffixed form is also accepted for every field, collision or not.
 */

/** Longest slug before any suffix; long field names are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;
const FALLBACK = 'linh-vuc';

/** The plain slug of a field name (may collide with another name's: see assignFieldSlugs). */
export function slugifyField(name: string): string {
  const folded = name
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= MAX_SLUG_LENGTH) return folded || FALLBACK;
  const cut = folded.slice(0, MAX_SLUG_LENGTH + 1);
  const atWord = cut.lastIndexOf('-');
  return (atWord > 0 ? cut.slice(0, atWord) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '') || FALLBACK;
}

/** 32-bit FNV-1a over the UTF-8 bytes of the NFC name, in base 36, 6 characters: the name's own suffix. */
export function nameSuffix(name: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name.normalize('NFC'))) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(6, '0').slice(-6);
}

/** The always-valid suffixed slug of a name. */
export function suffixedSlug(name: string): string {
  return `${slugifyField(name)}-${nameSuffix(name)}`;
}

const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One unique slug per distinct name, whatever order the names come in. Names are compared exactly (after NFC):
 * "Hộ tịch" and "hộ tịch" are two fields and get two slugs.
 */
export function assignFieldSlugs(names: readonly string[]): Map<string, string> {
  const distinct = [...new Set(names.map((n) => n.normalize('NFC')))].sort(codePointOrder);
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const name of distinct) {
    let slug = slugifyField(name);
    if (used.has(slug)) slug = suffixedSlug(name);
    // Only a contrived name ("Hộ tịch k3x9q2") can hit a suffixed slug; a counter keeps even that unique.
    for (let n = 2; used.has(slug); n++) slug = `${suffixedSlug(name)}-${n}`;
    used.add(slug);
    out.set(name, slug);
  }
  return out;
}

/** The field name a slug stands for among `names`, or null: the assigned slug first, then any name's suffixed slug. */
export function fieldForSlug(names: readonly string[], slug: string): string | null {
  for (const [name, s] of assignFieldSlugs(names)) if (s === slug) return name;
  for (const name of names) if (suffixedSlug(name) === slug) return name.normalize('NFC');
  return null;
}
