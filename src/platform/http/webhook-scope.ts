import type { FastifyError } from 'fastify';
import { AppError, titleOf } from '../errors.ts';
import type { App } from './server.ts';

/**
 * Registers inbound webhooks (Zalo, Facebook, inbound e-mail, payment gateways) in a scope of their own: their bodies
 * arrive as raw bytes (a signature is computed over the exact bytes received, so nothing may parse them first), and
 * every error is answered as problem+json — a webhook sender never wants an HTML page. Routes inside declare
 * `config: { permission: 'public', csrf: false }` and their own body limits and rate limits.
 */
export async function registerWebhookScope(app: App, label: string, routes: (scope: App) => void | Promise<void>): Promise<void> {
  await app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: FastifyError, req, reply) => {
      let e: AppError;
      if (err instanceof AppError) e = err;
      else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) e = new AppError('PAYLOAD_TOO_LARGE');
      else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) e = new AppError('MALFORMED_REQUEST');
      else {
        req.log.error({ errName: err.name, errCode: err.code }, `${label} webhook error`);
        e = new AppError('INTERNAL');
      }
      if (e.code === 'RATE_LIMITED') reply.header('retry-after', '60');
      const detail = e.detail?.[req.lang ?? 'vi'];
      return reply
        .status(e.status)
        .type('application/problem+json; charset=utf-8')
        .send({
          type: `urn:gan-dan:problem:${e.code.toLowerCase().replace(/_/g, '-')}`,
          code: e.code,
          title: titleOf(e.code, req.lang ?? 'vi'),
          status: e.status,
          ...(detail ? { detail } : {}),
          instance: req.url.split('?')[0],
          ...e.extra,
          requestId: req.id,
        });
    });
    await routes(scope);
  });
}
