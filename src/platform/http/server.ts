import { randomUUID } from 'node:crypto';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import session from '@fastify/session';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Actor } from '../audit/index.ts';
import { type Authorizer, CITIZEN, type Principal, PUBLIC, SIGNED_IN } from '../auth/principal.ts';
import { PgSessionStore } from '../auth/session-store.ts';
import type { Config } from '../config.ts';
import { AppError, type FieldError, titleOf } from '../errors.ts';
import { type Lang, pickLang } from '../i18n/index.ts';
import { pgRateLimitStore } from './rate-limit-store.ts';
import { describeSchemaErrors } from './validation.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: 'public', 'signed-in', or a permission name such as 'units.manage'. */
    permission?: string;
    /** Skip the CSRF check (only for requests that never carry our cookies, e.g. signed webhooks). */
    csrf?: false;
  }
  interface FastifyInstance {
    /** Every route with the permission it declared (for the permission-matrix test and docs). */
    routeTable: { method: string; url: string; permission: string }[];
  }
  interface FastifyRequest {
    lang: Lang;
    principal: Principal | null;
    actor(): Actor;
    /** Holds `permission` somewhere, or on the unit with `unitPath` when given. */
    can(permission: string, unitPath?: string): boolean;
    /** Throws FORBIDDEN unless the caller holds `permission` on the unit with `unitPath`. */
    requireOn(permission: string, unitPath: string): void;
  }
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    userId?: number;
    /** A citizen signed in through VNeID, and when (epoch ms): the citizens module ends the session after its limit. */
    citizenId?: number;
    citizenSince?: number;
    flash?: string;
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface ErrorPageInput {
  lang: Lang;
  status: number;
  title: string;
  detail: string | null;
  errors: { field: string; message: string }[];
  principal: Principal | null;
}

export interface HttpDeps {
  config: Config;
  pool: pg.Pool;
  sessionSecret: string;
  authorizer: Authorizer;
  loadUserPrincipal(userId: number): Promise<Principal | null>;
  loadApiKeyPrincipal(token: string): Promise<Principal | null>;
  /** The citizen behind a session, or null when the account is gone or the session has outlived its limit. */
  loadCitizenPrincipal?(citizenId: number, since: number): Promise<Principal | null>;
  renderErrorPage(input: ErrorPageInput): string;
  /** Largest request body or upload accepted, in bytes. */
  bodyLimit?: number;
}

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function wantsHtml(req: FastifyRequest): boolean {
  const url = req.url;
  if (url.startsWith('/api/') || url.startsWith('/open311/') || url === '/healthz' || url === '/readyz') return false;
  return (req.headers.accept ?? '').includes('text/html') || req.method === 'POST';
}

/** The PostgreSQL error under a driver or ORM wrapper (drizzle wraps it in `cause`). */
function pgErrorOf(err: unknown): { code: string; constraint?: string; table?: string } | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as { code: string; constraint?: string; table?: string };
  }
  return null;
}

/**
 * Maps any thrown error to an AppError; unknown errors are logged and become INTERNAL.
 * Database errors are logged by SQLSTATE and constraint only: their messages carry the query
 * and its parameters (names, ID numbers, password hashes), which must never reach a log.
 */
function toAppError(err: FastifyError & { validation?: unknown; validationContext?: string }, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (Array.isArray(err.validation)) {
    return new AppError('VALIDATION_FAILED', { errors: describeSchemaErrors(err.validation, err.validationContext ?? 'body') });
  }
  const pg = pgErrorOf(err);
  if (pg) {
    if (pg.code === '23505') return new AppError('CONFLICT');
    if (pg.code === '40001' || pg.code === '40P01')
      return new AppError('CONFLICT', { detail: { vi: 'Dữ liệu đang được cập nhật đồng thời, hãy thử lại', en: 'Concurrent update; please retry' } });
    if (pg.code === '23514' || pg.code === '22001' || pg.code === '22003' || pg.code === '22007' || pg.code === '22008')
      return new AppError('VALIDATION_FAILED');
    req.log.error(
      {
        pgCode: pg.code,
        constraint: pg.constraint,
        table: pg.table,
        stack: String(err.stack ?? '')
          .split('\n')
          .slice(1, 8)
          .join('\n'),
      },
      'database error',
    );
    return new AppError('INTERNAL');
  }
  const code = err.code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (code.startsWith('FST_CSRF')) return new AppError('CSRF_INVALID');
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    code.startsWith('FST_INVALID_MULTIPART') ||
    code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH'
  ) {
    return new AppError('MALFORMED_REQUEST');
  }
  if (err.statusCode === 404) return new AppError('NOT_FOUND');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('MALFORMED_REQUEST');
  req.log.error(
    {
      errName: err.name,
      errCode: err.code,
      stack: String(err.stack ?? '')
        .split('\n')
        .slice(0, 8)
        .join('\n'),
    },
    'unhandled error',
  );
  return new AppError('INTERNAL');
}

/** Sends an AppError as RFC 9457 problem+json or as a Vietnamese/English error page. */
export function sendProblem(deps: HttpDeps, req: FastifyRequest, reply: FastifyReply, e: AppError): FastifyReply {
  const lang = req.lang ?? 'vi';
  const errors = e.errors.map((f: FieldError) => ({ field: f.field, message: f.message[lang] }));
  const title = titleOf(e.code, lang);
  const detail = e.detail ? e.detail[lang] : null;
  if (e.status === 401 && wantsHtml(req) && req.method === 'GET') {
    // Citizens sign in through VNeID from their own start page, staff through the staff form.
    if (req.routeOptions?.config?.permission === CITIZEN) return reply.redirect('/cong-dan', 303);
    return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
  }
  reply.status(e.status);
  if (e.code === 'RATE_LIMITED') reply.header('retry-after', '60');
  if (wantsHtml(req)) {
    return reply
      .type('text/html; charset=utf-8')
      .send(deps.renderErrorPage({ lang, status: e.status, title, detail, errors, principal: req.principal ?? null }));
  }
  return reply.type('application/problem+json; charset=utf-8').send({
    type: `urn:gan-dan:problem:${e.code.toLowerCase().replace(/_/g, '-')}`,
    code: e.code,
    title,
    status: e.status,
    ...(detail ? { detail } : {}),
    instance: req.url.split('?')[0],
    ...(errors.length ? { errors } : {}),
    ...e.extra,
    requestId: req.id,
  });
}

/**
 * Builds the Fastify instance with the platform's middleware list: logging without personal
 * data, security headers, body parsers with limits, PostgreSQL sessions, CSRF, authentication,
 * the route-permission guard, problem+json errors and the OpenAPI document.
 */
export async function buildHttp(deps: HttpDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Never log bodies, cookies, tokens or query strings (they carry names and ID numbers).
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      },
    },
    genReqId: () => randomUUID(),
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    ajv: {
      customOptions: { verbose: true, allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true } as never,
      plugins: [((addFormats as unknown as { default?: unknown }).default ?? addFormats) as never],
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.decorateRequest('lang', 'vi');
  app.decorateRequest('principal', null);
  app.decorateRequest('actor', function (this: FastifyRequest): Actor {
    const p = this.principal;
    return {
      userId: p?.kind === 'user' ? p.userId : null,
      label: p ? p.label : 'anonymous',
      ip: this.ip ?? null,
      requestId: this.id,
    };
  });

  app.decorateRequest('can', function (this: FastifyRequest, permission: string, unitPath?: string): boolean {
    const p = this.principal;
    if (!p || p.kind === 'citizen') return false;
    return unitPath === undefined ? deps.authorizer.holds(p, permission) : deps.authorizer.holdsOn(p, permission, unitPath);
  });
  app.decorateRequest('requireOn', function (this: FastifyRequest, permission: string, unitPath: string): void {
    if (!this.principal) throw new AppError('UNAUTHENTICATED');
    if (this.principal.kind === 'citizen' || !deps.authorizer.holdsOn(this.principal, permission, unitPath)) throw new AppError('FORBIDDEN');
  });

  // Every route must say who may call it.
  const routeTable: { method: string; url: string; permission: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies,
  });
  // Pages, JSON and the stylesheet go compressed to browsers that ask (cheap phones on slow networks): brotli at a
  // quality cheap enough for pages made per request, else gzip; small answers and already-packed types (PNG, PDF, XLSX)
  // as they are. The CSRF token in forms is fresh in every response, which keeps BREACH-style guessing out of reach.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20, parts: 25 } });
  // Off by default; routes opt in with `config: { rateLimit: { max, timeWindow } }` (sign-in, public forms).
  await app.register(rateLimit, {
    global: false,
    store: pgRateLimitStore(deps.pool),
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(cookie);
  await app.register(session, {
    secret: deps.sessionSecret,
    cookieName: 'gd_sid',
    store: new PgSessionStore(deps.pool, SESSION_TTL_MS),
    saveUninitialized: false,
    cookie: { secure: config.secureCookies, httpOnly: true, sameSite: 'lax', maxAge: SESSION_TTL_MS, path: '/' },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/session',
    // Multipart bodies are read by the handler, after this check: such forms carry the token in the action URL.
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
      const fromQuery = req.isMultipart() ? (req.query as Record<string, unknown> | undefined)?._csrf : undefined;
      return fromBody ?? (req.headers['x-csrf-token'] as string | undefined) ?? (typeof fromQuery === 'string' ? fromQuery : undefined) ?? '';
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gần Dân API',
        version: '1.0.0',
        description:
          'API của nền tảng Gần Dân (chính quyền thân thiện). Errors are RFC 9457 problem+json with a stable `code`; send `Accept-Language: en` for English messages.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API key made with `npm run cli -- api-key:create`' },
          session: { type: 'apiKey', in: 'cookie', name: 'gd_sid' },
        },
      },
    },
    hideUntagged: false,
  });

  app.addHook('onRequest', async (req, reply) => {
    const q = req.query as Record<string, unknown> | undefined;
    req.lang = pickLang(q?.lang, req.cookies?.lang, req.headers['accept-language']);
    // A language chosen with ?lang= sticks for the following pages.
    if ((q?.lang === 'vi' || q?.lang === 'en') && req.cookies?.lang !== q.lang) {
      reply.setCookie('lang', q.lang, { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secureCookies, maxAge: 365 * 24 * 3600 });
    }
  });

  // Authentication, the coarse permission check and CSRF, after the body is parsed and
  // before it is validated (so a stranger gets 401, not a list of field errors).
  app.addHook('preValidation', async (req) => {
    const permission = req.routeOptions.config.permission;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.principal = await deps.loadApiKeyPrincipal(auth.slice(7).trim());
      if (!req.principal) throw new AppError('UNAUTHENTICATED');
    } else if (req.session?.userId) {
      req.principal = await deps.loadUserPrincipal(req.session.userId);
      if (!req.principal) await req.session.destroy();
    } else if (req.session?.citizenId && deps.loadCitizenPrincipal) {
      req.principal = await deps.loadCitizenPrincipal(req.session.citizenId, req.session.citizenSince ?? 0);
      if (!req.principal) await req.session.destroy();
    }
    const isPublic = !permission || permission === PUBLIC;
    if (!isPublic && !req.principal) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method) && !auth?.startsWith('Bearer ') && req.routeOptions.config.csrf !== false) {
      // csrfProtection reports a failure through reply.send(error): capture it instead.
      const ok = await new Promise<boolean>((resolve) => {
        app.csrfProtection(req, { send: () => resolve(false) } as unknown as FastifyReply, () => resolve(true));
      });
      if (!ok) throw new AppError('CSRF_INVALID');
    }
    // Citizen routes are for citizens only, and a citizen reaches no other non-public route (not even 'signed-in' ones).
    if (!isPublic && req.principal && (permission === CITIZEN) !== (req.principal.kind === 'citizen')) throw new AppError('FORBIDDEN');
    if (isPublic || permission === SIGNED_IN || permission === CITIZEN || !req.principal) return;
    if (!deps.authorizer.holds(req.principal, permission)) throw new AppError('FORBIDDEN');
  });

  app.setErrorHandler((err: FastifyError, req, reply) => sendProblem(deps, req, reply, toAppError(err, req)));
  app.setNotFoundHandler({ preValidation: async () => {} }, (req, reply) => sendProblem(deps, req, reply, new AppError('NOT_FOUND')));
  return app;
}
