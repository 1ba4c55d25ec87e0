import type { Principal } from '../platform/auth/principal.ts';
import type { Lang } from '../platform/i18n/index.ts';

/** What every page view needs about the request. */
export interface PageContext {
  lang: Lang;
  principal: Principal | null;
  /** CSRF token for forms on this page (empty for anonymous read-only pages). */
  csrf: string;
  path: string;
  /** Whether the viewer holds a permission somewhere (for showing links and buttons). */
  can(permission: string): boolean;
  flash?: string | null;
}

/** Picks the Vietnamese or English text. */
export function tr(ctx: { lang: Lang }, vi: string, en: string): string {
  return ctx.lang === 'en' ? en : vi;
}
