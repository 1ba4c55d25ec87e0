import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { UnitCode } from '../units/index.ts';
import { mustFindDossier, requireOnDossier } from './access.ts';
import { mustFindUnit } from './api.ts';
import { dossierClock } from './clock.ts';
import { printDossierSlip } from './commands/print-dossier-slip.ts';
import { printRegisterBook } from './commands/print-register-book.ts';
import { DossierCode } from './schema.ts';

const tags = ['Phiếu, sổ một cửa (slips)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
/** A file body: documented as binary, sent as a Buffer (Fastify never serializes a Buffer). */
const FileBody = (description: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The longest period one register book covers (a year, leap years included). */
export const MAX_REGISTER_DAYS = 366;

const SlipParams = Type.Object({
  code: DossierCode,
  slip: Type.String({
    pattern: '^(receipt|supplement-request|refusal|apology-extension(-[0-9]{1,3})?|stop-notice|control-sheet)$',
    description: 'receipt, supplement-request, refusal, apology-extension-<n> (n-th extension; without n: the latest), stop-notice, control-sheet',
  }),
});

const RegisterQuery = Type.Object(
  {
    unit: UnitCode,
    from: Type.String({ format: 'date', description: 'Ngày đầu kỳ (YYYY-MM-DD), theo ngày tiếp nhận' }),
    to: Type.String({ format: 'date', description: 'Ngày cuối kỳ (YYYY-MM-DD), tối đa 366 ngày sau ngày đầu' }),
  },
  { additionalProperties: false },
);

/** @throws AppError VALIDATION_FAILED when `to` precedes `from` or the period is longer than MAX_REGISTER_DAYS. */
function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1 || days > MAX_REGISTER_DAYS) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'to',
          message: {
            vi: `Ngày cuối kỳ phải từ ngày đầu kỳ đến tối đa ${MAX_REGISTER_DAYS} ngày`,
            en: `The end date must be on or after the start date, at most ${MAX_REGISTER_DAYS} days in all`,
          },
        },
      ],
    });
  }
}

/**
 * Official slips of a dossier as PDF and the register book (PDF, Excel). Unit-checked like every dossier route:
 * a slip needs `dossiers.read` on the receiving or the processing unit, the book on the receiving unit.
 */
export function registerDossierSlipRoutes(app: App, p: Platform): void {
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/v1/dossiers/register.${format}`,
      {
        schema: {
          tags,
          summary: `Sổ theo dõi hồ sơ (register book) as ${format === 'pdf' ? 'PDF' : 'Excel'}; audited`,
          description: 'Mỗi dòng một hồ sơ đơn vị tiếp nhận trong kỳ `from`..`to` (theo ngày tiếp nhận). Kỳ dài hơn 366 ngày hoặc `to` trước `from` → 400.',
          querystring: RegisterQuery,
          produces: [format === 'pdf' ? 'application/pdf' : XLSX],
          response: { 200: FileBody(format === 'pdf' ? 'PDF' : 'Excel (xlsx)'), 400: Problem, 404: Problem },
        },
        config: { permission: 'dossiers.read' },
      },
      async (req, reply) => {
        const { unit: code, from, to } = req.query;
        const unit = await mustFindUnit(p.db, code);
        req.requireOn('dossiers.read', unit.path);
        checkPeriod(from, to);
        const book = await printRegisterBook(p.db, req.actor(), unit, { from, to }, format, dossierClock.now());
        const name = `so-theo-doi-ho-so-${unit.code}-${from}-${to}.${format}`;
        return reply
          .type(format === 'pdf' ? 'application/pdf' : XLSX)
          .header('content-disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${name}"`)
          .header('cache-control', 'no-store')
          .send(book.content);
      },
    );
  }

  app.get(
    '/api/v1/dossiers/:code/slips/:slip.pdf',
    {
      schema: {
        tags,
        summary: 'Phiếu một cửa của hồ sơ (an official slip of the dossier as PDF, with the tracking QR code; audited)',
        description:
          'Phiếu không áp dụng cho hồ sơ ở thời điểm này → 404: giấy tiếp nhận sau khi tiếp nhận; phiếu yêu cầu bổ sung khi đã yêu cầu; phiếu từ chối khi từ chối; văn bản xin lỗi và gia hạn cho mỗi lần gia hạn; thông báo dừng khi rút hoặc dừng; phiếu kiểm soát luôn có.',
        params: SlipParams,
        produces: ['application/pdf'],
        response: { 200: FileBody('PDF'), 404: Problem },
      },
      config: { permission: 'dossiers.read' },
    },
    async (req, reply) => {
      const d = await mustFindDossier(p.db, req.params.code);
      requireOnDossier(req, 'dossiers.read', d);
      const printed = await printDossierSlip(p.db, req.actor(), d, req.params.slip, { publicUrl: p.config.publicUrl, now: dossierClock.now() });
      if (!printed) {
        throw new AppError('NOT_FOUND', {
          detail: {
            vi: `Hồ sơ ${d.code} không có phiếu "${req.params.slip}" ở trạng thái hiện tại`,
            en: `Dossier ${d.code} has no "${req.params.slip}" slip now`,
          },
        });
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${d.code}-${req.params.slip}.pdf"`)
        .header('cache-control', 'no-store')
        .send(printed.pdf);
    },
  );
}
