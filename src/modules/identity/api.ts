import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { identityErrorFromRejection } from './errors.ts';
import { presentCccd } from './present.ts';
import { parseCccdQr } from './rules/cccd.ts';
import { CccdBody, CccdOut, CccdProblem } from './schema.ts';

const tags = ['Căn cước (identity)'];

const notJson = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    detail: {
      vi: 'Gửi nội dung JSON { "qr": "…" } với Content-Type: application/json',
      en: 'Send a JSON body { "qr": "…" } with Content-Type: application/json',
    },
  });

/** JSON routes of the identity module: reading the chip ID card's QR code. */
export function registerIdentityApi(app: App, _p: Platform): void {
  app.post(
    '/api/v1/identity/cccd',
    {
      schema: {
        tags,
        summary: 'Đọc mã QR trên thẻ căn cước (parse the chip ID card’s QR text)',
        description:
          'Reads the text of the QR code on a chip ID card (CCCD, or the 2024 thẻ căn cước) as a camera decoded it or a handheld scanner ' +
          'typed it: `<12-digit ID>|<9-digit old ID or empty>|<full name>|<DOB ddMMyyyy>|<Nam/Nữ>|<residence>|<issue date ddMMyyyy>[|extras…]`. ' +
          'Returns the fields (NFC, dates YYYY-MM-DD), the extra fields of the 2024 card, and warnings for the clerk (the ID number’s ' +
          'province, century, birth-year or sex digits disagreeing with the card, a doubled scan …). A text that cannot be read is a 422 ' +
          'CCCD_QR_INVALID whose `reason` names the cause (cut-short scan, wrong keyboard layout or Vietnamese input method, a bank ' +
          'transfer QR, an impossible date …) and `field` the card field at fault. Public and stateless: nothing is stored or logged. ' +
          'At most 60 requests a minute from one address.',
        body: CccdBody,
        response: { 200: CccdOut, 400: CccdProblem, 413: CccdProblem, 415: CccdProblem, 422: CccdProblem, 429: CccdProblem },
      },
      // Public and stores nothing; no cookie authenticates it, so there is nothing for CSRF to protect.
      bodyLimit: 16 * 1024,
      // JSON only: a text or form body would otherwise be parsed by the app-wide parsers.
      preValidation: async (req) => {
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw notJson();
      },
      config: { permission: 'public', csrf: false, rateLimit: { max: 60, timeWindow: 60 * 1000 } },
    },
    async (req) => {
      const r = parseCccdQr(req.body.qr, todayInVietnam(new Date()));
      if (!r.ok) throw identityErrorFromRejection(r);
      return presentCccd(r, req.lang);
    },
  );
}
