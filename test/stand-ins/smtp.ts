/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) standing in for the mail relay, for tests and local
 * development: it takes what the app sends, keeps each message raw and parsed (postal-mime), and can refuse with a
 * chosen SMTP reply to exercise retries. Not product code: nothing under src/ may import it.
 *
 *   npx tsx test/stand-ins/smtp.ts       # port 2525, prints SMTP_URL and each message's subject
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: Email;
}

export interface SmtpStandIn {
  /** SMTP_URL to give the app (with the stand-in's user and password). */
  url: string;
  port: number;
  messages: CapturedMail[];
  /** Answer every RCPT TO with this SMTP reply (e.g. 451 temporary, 550 no such user) until set back to null. */
  refuseWith(reply: { code: number; message: string } | null): void;
  /** Resolves once `count` messages have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpStandIn(opts: { port?: number; user?: string; password?: string } = {}): Promise<SmtpStandIn> {
  const user = opts.user ?? 'gan-dan';
  const password = opts.password ?? 'mat-khau-smtp';
  const messages: CapturedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  const waiters: { count: number; resolve(): void }[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) return cb(null, { user: auth.username });
      return cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, cb) {
      if (refusal) return cb(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        PostalMime.parse(raw).then(
          (parsed) => {
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            for (const w of waiters.filter((x) => messages.length >= x.count)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve();
            }
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    port,
    messages,
    refuseWith: (r) => {
      refusal = r;
    },
    waitFor: (count, timeoutMs = 10_000) =>
      messages.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`expected ${count} messages, got ${messages.length}`)), timeoutMs);
            waiters.push({
              count,
              resolve: () => {
                clearTimeout(t);
                resolve();
              },
            });
          }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = await startSmtpStandIn({ port: Number(process.env.PORT ?? 2525) });
  process.stdout.write(`SMTP stand-in listening\nSMTP_URL=${s.url}\nMAIL_FROM="Gần Dân <no-reply@localhost>"\n`);
  let seen = 0;
  setInterval(() => {
    for (; seen < s.messages.length; seen++) process.stdout.write(`message ${seen + 1}: ${s.messages[seen]?.parsed.subject ?? ''}\n`);
  }, 500);
}
