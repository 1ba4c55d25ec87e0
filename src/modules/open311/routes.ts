/**
 * Open311 GeoReport v2 under /open311/v2/ (STANDARDS §8; docs/open311.md), so existing civic-reporting clients —
 * FixMyStreet first — work with us unchanged. The format is the path's extension (xml, json); errors are the spec's
 * error lists, never problem+json. Every route is public: GETs show only what docs/open311.md lists, and POST
 * requests checks its own `api_key` (a form field, so no session and no CSRF token).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { type FeedbackStatus, feedbackStatuses, listCategories, openFeedbackStatuses } from '../feedback/index.ts';
import { loadApiKeyPrincipal } from '../staff/index.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import { OPEN311_SCOPE, submitServiceRequest } from './commands/submit-service-request.ts';
import { presentCreated, presentDiscovery, presentRequest, presentService, presentServiceDefinition, presentToken, presentUpdate } from './present.ts';
import { listRequests, listUpdates } from './queries.ts';
import { formatOf, type Open311Format, type Open311Problem, param, readRequestFilter, readWindow } from './rules/params.ts';
import { errorsOut, listOut, objectOut, type Wire } from './wire.ts';

/** When this API last changed (discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-05-01T00:00:00+07:00';

const config = { permission: 'public', csrf: false } as const;
const MAX_PHOTOS = 3;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

class Open311Failure extends Error {
  constructor(readonly problems: Open311Problem[]) {
    super('open311');
  }
}
const failure = (status: 400 | 403 | 404, param: string | undefined, vi: string, en: string) =>
  new Open311Failure([{ status, ...(param ? { param } : {}), message: { vi, en } }]);

function send(reply: FastifyReply, wire: Wire, cors: boolean): FastifyReply {
  if (cors) reply.header('access-control-allow-origin', '*');
  return reply.status(wire.status).type(wire.contentType).send(wire.body);
}

/** The format asked for; an unknown extension is an unknown resource (answered in XML, the spec's format). */
function formatFrom(req: FastifyRequest): Open311Format {
  const ext = (req.params as { format?: string }).format ?? '';
  const format = formatOf(ext.toLowerCase());
  if (!format)
    throw failure(404, undefined, `Không có định dạng "${ext.slice(0, 20)}"; dùng .xml hoặc .json`, `No format "${ext.slice(0, 20)}"; use .xml or .json`);
  return format;
}

function formatGuess(req: FastifyRequest): Open311Format {
  return /\.json(?:$|\?)/i.test(req.url) ? 'json' : 'xml';
}

/** Maps whatever went wrong to an error list: parse failures are 400, the rest is logged (without the body) as 500. */
function onError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof Open311Failure) return send(reply, errorsOut(formatGuess(req), err.problems, req.lang), true);
  const status = err instanceof AppError ? err.status : ((err as FastifyError).statusCode ?? 500);
  if (status === 401 || status === 403) {
    // A Bearer header with an unknown key, refused by the platform before the handler.
    const problem: Open311Problem = {
      status: 403,
      param: 'api_key',
      message: { vi: 'api_key không đúng hoặc đã bị thu hồi', en: 'Invalid or revoked api_key' },
    };
    return send(reply, errorsOut(formatGuess(req), [problem], req.lang), true);
  }
  if (status < 500) {
    const text =
      status === 413
        ? { vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' }
        : {
            vi: 'Không đọc được yêu cầu (gửi dạng application/x-www-form-urlencoded)',
            en: 'The request could not be read (send application/x-www-form-urlencoded)',
          };
    return send(reply, errorsOut(formatGuess(req), [{ status: status === 404 ? 404 : 400, message: text }], req.lang), true);
  }
  req.log.error({ errName: (err as Error).name, errCode: (err as FastifyError).code }, 'open311 error');
  const items = [{ code: 500, description: req.lang === 'en' ? 'Internal error' : 'Lỗi hệ thống' }];
  return send(reply, listOut(formatGuess(req), 'errors', 'error', items, 500), true);
}

async function jurisdictionOf(p: Platform, query: unknown): Promise<UnitRow | null> {
  const code = param(query as Record<string, unknown>, 'jurisdiction_id')?.toLowerCase();
  if (!code) return null;
  const unit = await findUnitByCode(p.db, code);
  if (!unit) throw failure(404, 'jurisdiction_id', 'Không có đơn vị (jurisdiction) này', 'Unknown jurisdiction_id');
  return unit;
}

/** Open311's `closed`: every status that is not open (answered, closed, rejected, merged). */
const closedStatuses: FeedbackStatus[] = feedbackStatuses.filter((s) => !openFeedbackStatuses.includes(s));

/** A multipart POST (FixMyStreet uploads photos this way): its fields, and up to 3 JPEG/PNG photos checked by content. */
async function multipartBody(req: FastifyRequest): Promise<{ body: Record<string, unknown>; photos: { name: string; mime: string; content: Buffer }[] }> {
  const body: Record<string, unknown> = {};
  const photos: { name: string; mime: string; content: Buffer }[] = [];
  const options = { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS + 2, fields: 120, parts: 130 }, throwFileSizeLimit: false };
  for await (const part of req.parts(options)) {
    if (part.type === 'field') {
      if (typeof part.value !== 'string') continue;
      const prev = body[part.fieldname];
      body[part.fieldname] = prev === undefined ? part.value : [prev, part.value].flat();
      continue;
    }
    const content = await part.toBuffer();
    if (content.length === 0) continue;
    const mime =
      content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff
        ? 'image/jpeg'
        : content.subarray(0, 4).toString('hex') === '89504e47'
          ? 'image/png'
          : null;
    if (part.file.truncated) throw failure(400, part.fieldname, 'Ảnh lớn hơn 5 MB', 'A photo is larger than 5 MB');
    if (!mime) throw failure(400, part.fieldname, 'Chỉ nhận ảnh JPEG hoặc PNG', 'Only JPEG or PNG photos are accepted');
    if (photos.length >= MAX_PHOTOS) throw failure(400, part.fieldname, `Tối đa ${MAX_PHOTOS} ảnh`, `At most ${MAX_PHOTOS} photos`);
    const name = (part.filename || `anh-${photos.length + 1}`).normalize('NFC').slice(0, 200);
    photos.push({ name, mime, content });
  }
  return { body, photos };
}

/** Registers the Open311 routes and the catch-all that answers unknown Open311 resources with a 404 error list. */
export function registerOpen311Routes(app: App, p: Platform): void {
  type Handler = (req: FastifyRequest, format: Open311Format) => Promise<Wire>;
  const get = (url: string, handler: Handler) =>
    app.get(url, { config, errorHandler: (err, req, reply) => onError(req, reply, err) }, async (req, reply) => {
      try {
        return send(reply, await handler(req, formatFrom(req)), true);
      } catch (err) {
        return onError(req, reply, err);
      }
    });

  const discovery: Handler = async (_req, format) =>
    objectOut(format, 'discovery', presentDiscovery(p.config.publicUrl, p.config.production, OPEN311_CHANGESET));
  get('/open311/discovery.:format', discovery);
  get('/open311/v2/discovery.:format', discovery);

  get('/open311/v2/services.:format', async (req, format) => {
    await jurisdictionOf(p, req.query);
    const categories = await listCategories(p.db);
    return listOut(format, 'services', 'service', categories.map(presentService));
  });

  get('/open311/v2/services/:code.:format', async (req, format) => {
    await jurisdictionOf(p, req.query);
    const code = (req.params as { code: string }).code.toLowerCase();
    const category = (await listCategories(p.db)).find((c) => c.code === code);
    if (!category) throw failure(404, 'service_code', 'Không có dịch vụ (lĩnh vực) này', 'Unknown service_code');
    return objectOut(format, 'service_definition', presentServiceDefinition(category));
  });

  get('/open311/v2/requests.:format', async (req, format) => {
    const unit = await jurisdictionOf(p, req.query);
    const filter = readRequestFilter(req.query as Record<string, unknown>, new Date());
    if (!filter.ok) throw new Open311Failure(filter.problems);
    const f = filter.value;
    const statuses = f.statuses ? [...new Set(f.statuses.flatMap((s) => (s === 'open' ? [...openFeedbackStatuses] : closedStatuses)))] : null;
    const found = await listRequests(p.db, {
      ids: f.ids,
      serviceCodes: f.serviceCodes,
      statuses,
      window: f.window,
      unitPath: f.ids ? null : (unit?.path ?? null),
    });
    return listOut(format, 'service_requests', 'request', found.map(presentRequest));
  });

  const one =
    (kind: 'id' | 'token'): Handler =>
    async (req, format) => {
      await jurisdictionOf(p, req.query);
      const raw = (req.params as { id?: string; token?: string })[kind] ?? '';
      const code = raw.trim().toUpperCase();
      const found = /^[A-HJKMNP-Z2-9]{8}$/.test(code)
        ? await listRequests(p.db, { ids: [code], serviceCodes: null, statuses: null, window: null, unitPath: null })
        : [];
      const row = found[0];
      if (!row) {
        throw kind === 'id'
          ? failure(404, 'service_request_id', 'Không có yêu cầu (phản ánh) này', 'Unknown service_request_id')
          : failure(404, 'token', 'Không có token này', 'Unknown token');
      }
      return kind === 'id'
        ? listOut(format, 'service_requests', 'request', [presentRequest(row)])
        : listOut(format, 'service_requests', 'request', [presentToken(row.code)]);
    };
  get('/open311/v2/requests/:id.:format', one('id'));
  get('/open311/v2/tokens/:token.:format', one('token'));

  const updates: Handler = async (req, format) => {
    const query = req.query as Record<string, unknown>;
    const unit = await jurisdictionOf(p, query);
    const window = readWindow(query, new Date());
    if (!window.ok) throw new Open311Failure(window.problems);
    // FixMyStreet sends its key on this GET too: with it, the updates of the items that key sent, with their text.
    const keyText = param(query, 'api_key');
    let apiKeyId: number | null = null;
    if (keyText) {
      const principal = await loadApiKeyPrincipal(p.db, keyText);
      if (principal?.kind !== 'api_key' || !principal.scopes.includes(OPEN311_SCOPE)) {
        throw failure(403, 'api_key', 'api_key không đúng hoặc đã bị thu hồi', 'Invalid or revoked api_key');
      }
      apiKeyId = principal.apiKeyId;
    }
    const found = await listUpdates(p.db, { window: window.value, apiKeyId, unitPath: unit?.path ?? null });
    return listOut(
      format,
      'service_requests_updates',
      'request_update',
      found.map((u) => presentUpdate(u, apiKeyId !== null)),
    );
  };
  get('/open311/v2/servicerequestupdates.:format', updates);
  get('/open311/v2/update.:format', updates);

  app.post('/open311/v2/requests.:format', { config, errorHandler: (err, req, reply) => onError(req, reply, err) }, async (req, reply) => {
    try {
      const format = formatFrom(req);
      const { body, photos } = req.isMultipart() ? await multipartBody(req) : { body: (req.body ?? {}) as Record<string, unknown>, photos: [] };
      const result = await submitServiceRequest(p.db, {
        body: typeof body === 'object' && body !== null ? body : {},
        bearer: req.principal,
        ip: req.ip ?? null,
        requestId: req.id,
        lang: req.lang,
        photos,
      });
      if (!result.ok) throw new Open311Failure(result.problems);
      return send(reply, listOut(format, 'service_requests', 'request', [presentCreated(result.value.code, result.value.notice)]), false);
    } catch (err) {
      return onError(req, reply, err);
    }
  });

  // Anything else under /open311/: the spec's 404 error list, not our problem+json.
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    url: '/open311/*',
    config,
    errorHandler: (err, req, reply) => onError(req, reply, err),
    handler: async (req, reply) =>
      send(
        reply,
        errorsOut(formatGuess(req), [{ status: 404, message: { vi: 'Không có tài nguyên Open311 này', en: 'No such Open311 resource' } }], req.lang),
        true,
      ),
  });
}
