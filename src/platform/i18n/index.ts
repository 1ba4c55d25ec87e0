/** Interface languages: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';

/** A text in both interface languages. */
export interface Text {
  vi: string;
  en: string;
}

/** Picks the language from `?lang=`, then the `lang` cookie, then Accept-Language; Vietnamese by default. */
export function pickLang(query: unknown, cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  const q = typeof query === 'string' ? query : undefined;
  if (q === 'en' || q === 'vi') return q;
  if (cookie === 'en' || cookie === 'vi') return cookie;
  if (!acceptLanguage) return 'vi';
  // First language named wins; weights are rarely used by clients that send one language.
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const qv = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', q: qv ? Number(qv.slice(2)) || 0 : 1, i };
    })
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
