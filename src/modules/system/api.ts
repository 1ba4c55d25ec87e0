import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { migrationsCurrent } from '../../platform/db/migrate.ts';
import type { App } from '../../platform/http/server.ts';

const require = createRequire(import.meta.url);
const staticDir = path.resolve(import.meta.dirname, '../../web/static');
const htmxFile = path.join(path.dirname(require.resolve('htmx.org/package.json')), 'dist/htmx.min.js');

const assets: Record<string, { file: string; type: string }> = {
  'app.css': { file: path.join(staticDir, 'app.css'), type: 'text/css; charset=utf-8' },
  'htmx.min.js': { file: htmxFile, type: 'text/javascript; charset=utf-8' },
  'cccd-scan.js': { file: path.join(staticDir, 'cccd-scan.js'), type: 'text/javascript; charset=utf-8' },
  // The listing kiosk and LED board (src/modules/kiosks): their own stylesheet and script.
  'kiosk.css': { file: path.join(staticDir, 'kiosk.css'), type: 'text/css; charset=utf-8' },
  'kiosk.js': { file: path.join(staticDir, 'kiosk.js'), type: 'text/javascript; charset=utf-8' },
  // The APS self-service machine (src/modules/aps): its forms and receipt, and the print button.
  'aps.css': { file: path.join(staticDir, 'aps.css'), type: 'text/css; charset=utf-8' },
  'aps.js': { file: path.join(staticDir, 'aps.js'), type: 'text/javascript; charset=utf-8' },
  // Online submission (src/modules/submissions): checks files before upload.
  'submit.js': { file: path.join(staticDir, 'submit.js'), type: 'text/javascript; charset=utf-8' },
  // The public feedback form (src/modules/feedback): current position, photos checked before upload.
  'feedback-form.js': { file: path.join(staticDir, 'feedback-form.js'), type: 'text/javascript; charset=utf-8' },
  // jsQR's browser build: the camera scan's decoder where the browser has no BarcodeDetector.
  'vendor/jsqr.js': { file: path.join(path.dirname(require.resolve('jsqr/package.json')), 'dist/jsQR.js'), type: 'text/javascript; charset=utf-8' },
};

/** Health, readiness, the OpenAPI document and the static assets. */
export function registerSystemRoutes(app: App, p: Platform): void {
  app.get(
    '/healthz',
    {
      schema: { tags: ['Vận hành (operations)'], summary: 'Process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
      config: { permission: 'public' },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Vận hành (operations)'],
        summary: 'Database reachable and migrations current',
        response: {
          200: Type.Object({ status: Type.String(), database: Type.Boolean(), migrations: Type.Boolean() }),
          503: Type.Object({ status: Type.String(), database: Type.Boolean(), migrations: Type.Boolean() }),
        },
      },
      config: { permission: 'public' },
    },
    async (_req, reply) => {
      let database = false;
      let migrations = false;
      try {
        await p.pool.query('SELECT 1');
        database = true;
        migrations = await migrationsCurrent(p.pool);
      } catch {
        // reported below
      }
      const ok = database && migrations;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not-ready', database, migrations });
    },
  );

  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());

  // Small, fixed set of assets read once, compressed once (brotli and gzip: on slow mobile networks htmx alone is
  // 51 KB raw, 15 KB compressed), cached by browsers for a day.
  const cache = new Map<string, { raw: Buffer; br: Buffer; gzip: Buffer }>();
  const serveAsset = async (name: string, req: FastifyRequest, reply: FastifyReply) => {
    const asset = assets[name];
    if (!asset) return reply.callNotFound();
    let body = cache.get(name);
    if (!body) {
      const raw = fs.readFileSync(asset.file);
      body = {
        raw,
        br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: zlib.gzipSync(raw, { level: 9 }),
      };
      cache.set(name, body);
    }
    reply.type(asset.type).header('cache-control', 'public, max-age=86400').header('vary', 'accept-encoding');
    const accepted = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(body.br);
    if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(body.gzip);
    return reply.send(body.raw);
  };
  app.get('/static/:name', { schema: { hide: true }, config: { permission: 'public' } }, async (req, reply) =>
    serveAsset((req.params as { name: string }).name, req, reply),
  );
  app.get('/static/vendor/:name', { schema: { hide: true }, config: { permission: 'public' } }, async (req, reply) =>
    serveAsset(`vendor/${(req.params as { name: string }).name}`, req, reply),
  );
}
