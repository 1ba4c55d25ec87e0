import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../platform/errors.ts';
import type { FormErrors } from './components.tsx';
import type { PageContext } from './context.ts';

/**
 * Builds the page context for a request: language, viewer, a one-time flash, and a CSRF token
 * made only when the page renders a form that needs one (so an anonymous visitor reading the
 * public catalogue gets no session row and no cookie).
 */
export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  const flash = req.session?.flash ?? null;
  if (flash) req.session.flash = undefined;
  let token: string | undefined;
  return {
    lang: req.lang,
    principal: req.principal,
    get csrf() {
      token ??= reply.generateCsrf();
      return token;
    },
    path: req.url,
    can: (permission) => req.can(permission),
    flash,
  };
}

/** Sends rendered HTML. */
export function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** Redirects after a successful form post, with a message for the next page. */
export function redirectWithFlash(req: FastifyRequest, reply: FastifyReply, to: string, flash: string): FastifyReply {
  req.session.flash = flash;
  return reply.redirect(to, 303);
}

/** Field errors in the viewer's language, keyed by field name. */
export function formErrors(errors: FieldError[], lang: 'vi' | 'en'): FormErrors {
  const out: FormErrors = {};
  for (const e of errors) out[e.field.replace(/^body\.?/, '') || 'form'] ??= e.message[lang];
  return out;
}
