/**
 * A real HTTP server on 127.0.0.1 standing in for a brandname SMS gateway with eSMS.vn's JSON API
 * (POST /MainService.svc/json/SendMultipleMessage_V4_post_json/): it checks ApiKey, SecretKey and Brandname, answers
 * CodeResult "100" with an SMSID, "101" for wrong keys, "104" for an unknown brandname, "124" for a RequestId it has
 * already taken, and keeps every accepted message. It can be told to fail the next requests. Not product code.
 *
 *   npx tsx test/stand-ins/sms.ts        # port 2526, prints the SMS_* settings and each message
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

export const SMS_PATH = '/MainService.svc/json/SendMultipleMessage_V4_post_json/';

export interface CapturedSms {
  phone: string;
  content: string;
  smsType: string;
  isUnicode: string;
  requestId: string | null;
  smsId: string;
}

export interface SmsStandIn {
  url: string;
  env: Record<string, string>;
  messages: CapturedSms[];
  /** The next `count` requests get this answer instead: an HTTP status (e.g. 503) or a CodeResult (e.g. "99"). */
  failNext(count: number, answer: { httpStatus: number } | { codeResult: string }): void;
  close(): Promise<void>;
}

export async function startSmsStandIn(opts: { port?: number } = {}): Promise<SmsStandIn> {
  const apiKey = 'stand-in-api-key';
  const secret = 'stand-in-secret';
  const brandname = 'GANDAN';
  const messages: CapturedSms[] = [];
  const taken = new Set<string>();
  let failures: { count: number; answer: { httpStatus: number } | { codeResult: string } } = { count: 0, answer: { httpStatus: 500 } };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== SMS_PATH) return reply(404, { error: 'Not found' });
      if (failures.count > 0) {
        failures.count--;
        const a = failures.answer;
        return 'httpStatus' in a ? reply(a.httpStatus, { error: 'Invalid request' }) : reply(200, { CodeResult: a.codeResult, CountRegenerate: 0 });
      }
      let b: Record<string, unknown>;
      try {
        b = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { error: 'Invalid request' });
      }
      if (b.ApiKey !== apiKey || b.SecretKey !== secret) return reply(200, { CodeResult: '101', CountRegenerate: 0, ErrorMessage: 'Authorize Failed' });
      if (b.Brandname !== brandname) return reply(200, { CodeResult: '104', CountRegenerate: 0, ErrorMessage: 'Brand name code is not exist' });
      const requestId = typeof b.RequestId === 'string' ? b.RequestId : null;
      if (requestId && taken.has(requestId)) return reply(200, { CodeResult: '124', CountRegenerate: 0, ErrorMessage: 'Request exist 1', SendStatus: '5' });
      if (requestId) taken.add(requestId);
      const smsId = randomBytes(16).toString('hex');
      messages.push({
        phone: String(b.Phone ?? ''),
        content: String(b.Content ?? ''),
        smsType: String(b.SmsType ?? ''),
        isUnicode: String(b.IsUnicode ?? '0'),
        requestId,
        smsId,
      });
      return reply(200, { CodeResult: '100', CountRegenerate: 0, SMSID: smsId });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}${SMS_PATH}`;
  return {
    url,
    env: { SMS_URL: url, SMS_API_KEY: apiKey, SMS_SECRET: secret, SMS_BRANDNAME: brandname },
    messages,
    failNext: (count, answer) => {
      failures = { count, answer };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = await startSmsStandIn({ port: Number(process.env.PORT ?? 2526) });
  process.stdout.write(
    `SMS gateway stand-in listening\n${Object.entries(s.env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`,
  );
  let seen = 0;
  setInterval(() => {
    for (; seen < s.messages.length; seen++) process.stdout.write(`sms ${seen + 1}: ${s.messages[seen]?.content ?? ''}\n`);
  }, 500);
}
