import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import type { App } from '../../platform/http/server.ts';
import { procedureSamples } from './catalogue.ts';
import { presentBlankForm, presentSample } from './present.ts';
import { SamplesOut, SamplesParams, SamplesQuery } from './schema.ts';

const tags = ['Hồ sơ mẫu (sample dossiers)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

/** JSON routes of the samples module: what the public procedure page lists, for apps and other portals. */
export function registerSamplesApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/procedures/:code/samples',
    {
      schema: {
        tags,
        summary: 'Mẫu đơn, tờ khai và hồ sơ mẫu của một thủ tục (forms to download and sample filled dossiers; public)',
        description:
          'Thủ tục phải đang có hiệu lực (404 PROCEDURE_NOT_FOUND nếu không). `forms`: tờ khai trống in từ mẫu ban hành; `samples`: hồ sơ mẫu các đơn vị ' +
          'đang thực hiện thủ tục đã đăng, theo thứ tự cây đơn vị; `unit` lọc theo một đơn vị. Tải tệp ở `url` (ETag = SHA-256).',
        params: SamplesParams,
        querystring: SamplesQuery,
        response: { 200: SamplesOut, 404: Problem },
      },
      config: { permission: 'public' },
    },
    async (req, reply) => {
      const s = await procedureSamples(p, req.params.code, req.query.unit);
      reply.header('cache-control', 'public, max-age=60');
      return {
        procedure: { code: s.version.code, name: s.version.name },
        forms: s.forms.map((t) => presentBlankForm(s.version.code, t)),
        samples: s.shown.map(presentSample),
      };
    },
  );
}
