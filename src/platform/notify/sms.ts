import type { SmsConfig } from '../config.ts';

/** Sends one SMS. The id is the gateway's message id, kept for nothing but the log of a delivery dispute. */
export interface SmsSender {
  send(to: string, text: string, opts?: { requestId?: string }): Promise<{ id: string }>;
}

/** A gateway refusal or failure; `code` is the gateway's result code or the HTTP status, never the message itself. */
export class SmsError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`sms gateway: ${code}`);
    this.code = code;
  }
}

interface EsmsReply {
  CodeResult?: string | number;
  SMSID?: string;
  ErrorMessage?: string;
}

/**
 * A brandname SMS gateway with the JSON API of eSMS.vn (`SendMultipleMessage_V4_post_json`): one POST per message
 * with ApiKey, SecretKey, Brandname, SmsType 2 (customer-care brandname message), Phone, Content, IsUnicode and a
 * RequestId; the reply's CodeResult "100" means accepted, with the message id in SMSID. Our RequestId is the
 * notification's id, so a message sent just before a crash and sent again is refused by the gateway as a duplicate
 * (CodeResult "124"), which we count as sent. Other Vietnamese gateways (VNPT, Viettel, FPT) that offer the same shape
 * work by changing SMS_URL; a different shape needs another implementation of SmsSender.
 */
export function esmsSender(config: SmsConfig, timeoutMs = 10_000): SmsSender {
  return {
    async send(to, text, opts) {
      const unicode = /[^\x20-\x7e\n\r\t]/.test(text);
      const res = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          ApiKey: config.apiKey,
          SecretKey: config.secret,
          Brandname: config.brandname,
          SmsType: '2',
          Phone: to,
          Content: text,
          IsUnicode: unicode ? '1' : '0',
          Sandbox: '0',
          ...(opts?.requestId ? { RequestId: opts.requestId } : {}),
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new SmsError(`HTTP ${res.status}`);
      const reply = (await res.json().catch(() => ({}))) as EsmsReply;
      const code = String(reply.CodeResult ?? '');
      if (code === '100' && reply.SMSID) return { id: String(reply.SMSID) };
      if (code === '124') return { id: `duplicate:${opts?.requestId ?? ''}` };
      throw new SmsError(code ? `CodeResult ${code}` : 'no CodeResult');
    },
  };
}
