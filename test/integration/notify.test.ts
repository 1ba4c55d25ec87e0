/**
 * The notifications outbox sender (src/platform/notify): e-mail through a real SMTP server (the stand-in), SMS through
 * a real HTTP gateway with eSMS.vn's API shape, retries with backoff, giving up after 5 attempts, two senders at once,
 * and channels without a transport left pending.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { maskRecipient, sendPendingNotifications } from '../../src/platform/notify/index.ts';
import { startSystem } from '../helpers.ts';
import { startSmsStandIn } from '../stand-ins/sms.ts';
import { startSmtpStandIn } from '../stand-ins/smtp.ts';

const smtp = await startSmtpStandIn();
const sms = await startSmsStandIn();
after(() => Promise.all([smtp.close(), sms.close()]));
const sys = await startSystem({ SMTP_URL: smtp.url, MAIL_FROM: 'Cổng Gần Dân <no-reply@gan-dan.test>', ...sms.env });
const pool = sys.platform.pool;

async function queue(channel: 'email' | 'sms', recipient: string, body: string, about: string, subject: string | null = null): Promise<number> {
  const { rows } = await pool.query(`INSERT INTO notifications (channel, recipient, subject, body, about) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    channel,
    recipient,
    subject,
    body,
    about,
  ]);
  return rows[0].id;
}

async function row(id: number) {
  const { rows } = await pool.query(`SELECT status, attempts, recipient, last_error, send_after, sent_at FROM notifications WHERE id = $1`, [id]);
  return rows[0];
}

const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);

test('an e-mail goes out through SMTP with its Vietnamese subject and body intact, an SMS through the gateway', async () => {
  const subject = 'Đã tiếp nhận phản ánh ABCD2345 – Phường Mỹ Phú';
  const body = 'Kính gửi ông/bà,\n\nPhản ánh về “đèn đường hỏng ở hẻm 12” đã được tiếp nhận. Hạn trả lời: 20/11/2026.\n\nTrân trọng.';
  const mailId = await queue('email', 'nguyen.thi.hoa@example.vn', body, 'feedback:ABCD2345', subject);
  const smsId = await queue('sms', '0912345678', 'Da tiep nhan phan anh ma ABCD2345, han tra loi 20/11/2026.', 'feedback:ABCD2345');
  // The rows were queued at PostgreSQL's now(), in microseconds; a JavaScript Date is whole milliseconds and may fall
  // just before it within the same millisecond: send as of a second later.
  const now = new Date(Date.now() + 1000);
  const result = await sendPendingNotifications(sys.platform, now);
  assert.deepEqual(result, { sent: 2, retried: 0, failed: 0, notConfigured: [] });

  assert.equal(smtp.messages.length, 1);
  const mail = smtp.messages[0];
  assert.ok(mail);
  assert.deepEqual(mail.to, ['nguyen.thi.hoa@example.vn']);
  assert.equal(mail.parsed.subject, subject);
  assert.equal(mail.parsed.text?.trim(), body);
  assert.equal(mail.parsed.from?.name, 'Cổng Gần Dân');
  // Encoded for 7-bit transport: no raw UTF-8 in the headers, and out-of-office robots are asked not to answer.
  const head = mail.raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
  assert.match(head, /^Subject: =\?UTF-8\?/im);
  assert.match(head, /^Auto-Submitted: auto-generated/im);

  assert.equal(sms.messages.length, 1);
  assert.equal(sms.messages[0]?.phone, '0912345678');
  assert.equal(sms.messages[0]?.smsType, '2');
  assert.equal(sms.messages[0]?.requestId, `gd-notification-${smsId}`);

  const m = await row(mailId);
  assert.equal(m.status, 'sent');
  assert.equal(m.attempts, 1);
  // Once sent, the address is no longer kept.
  assert.equal(m.recipient, 'n***@example.vn');
  assert.equal((await row(smsId)).recipient, '091****678');
  const audit = await pool.query(`SELECT after FROM audit_log WHERE action = 'notification.sent' AND entity_id = $1`, [String(mailId)]);
  assert.equal(audit.rowCount, 1);
  assert.doesNotMatch(JSON.stringify(audit.rows[0].after), /hoa@|đèn đường/);

  // Nothing left to send: a second run does nothing.
  assert.deepEqual(await sendPendingNotifications(sys.platform, now), { sent: 0, retried: 0, failed: 0, notConfigured: [] });
});

test('a refused e-mail is retried after 1, 5, 30 and 120 minutes, then marked failed after the 5th attempt', async () => {
  smtp.refuseWith({ code: 451, message: 'Mailbox busy, try later' });
  const id = await queue('email', 'tran.van.binh@example.vn', 'Nội dung thử gửi lại', 'feedback:RETRY234', 'Thử gửi lại');
  const start = minutes(new Date(), 1);
  const delivered = smtp.messages.length;

  let now = start;
  for (const [attempt, wait] of [
    [1, 1],
    [2, 5],
    [3, 30],
    [4, 120],
  ] as const) {
    const r = await sendPendingNotifications(sys.platform, now);
    assert.equal(r.retried, 1, `attempt ${attempt}`);
    const after = await row(id);
    assert.equal(after.status, 'pending');
    assert.equal(after.attempts, attempt);
    assert.equal(new Date(after.send_after).getTime(), minutes(now, wait).getTime());
    assert.match(after.last_error, /451/);
    assert.doesNotMatch(after.last_error, /binh|example/);
    // Not due yet: a run a moment later leaves it alone.
    assert.equal((await sendPendingNotifications(sys.platform, minutes(now, wait - 0.5))).retried, 0);
    now = minutes(now, wait);
  }
  const last = await sendPendingNotifications(sys.platform, now);
  assert.equal(last.failed, 1);
  const failed = await row(id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.attempts, 5);
  // Given up: later runs never try it again.
  assert.equal((await sendPendingNotifications(sys.platform, minutes(now, 24 * 60))).failed, 0);
  assert.equal((await row(id)).attempts, 5);
  assert.equal(smtp.messages.length, delivered);
  const audit = await pool.query(`SELECT after FROM audit_log WHERE action = 'notification.failed' AND entity_id = $1`, [String(id)]);
  assert.equal(audit.rows[0]?.after.attempts, 5);

  // A mailbox that does not exist (550 to RCPT TO) fails at once.
  smtp.refuseWith({ code: 550, message: 'No such user' });
  const gone = await queue('email', 'khong.ton.tai@example.vn', 'Nội dung', 'feedback:GONE2345', 'Thư');
  assert.equal((await sendPendingNotifications(sys.platform, minutes(now, 24 * 60))).failed, 1);
  assert.equal((await row(gone)).attempts, 1);
  smtp.refuseWith(null);

  // The SMS gateway failing (HTTP 503, then an error code) is retried the same way, then the message goes.
  sms.failNext(2, { httpStatus: 503 });
  const text = await queue('sms', '0987654321', 'Phan anh da duoc tra loi', 'feedback:SMSRETRY');
  let t = minutes(now, 2 * 24 * 60);
  assert.equal((await sendPendingNotifications(sys.platform, t)).retried, 1);
  t = minutes(t, 1);
  assert.equal((await sendPendingNotifications(sys.platform, t)).retried, 1);
  assert.match((await row(text)).last_error, /503/);
  t = minutes(t, 5);
  assert.equal((await sendPendingNotifications(sys.platform, t)).sent, 1);
  assert.equal((await row(text)).attempts, 3);
});

test('two senders running at once never send one message twice', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 40; i++) ids.push(await queue('email', `nguoi.nhan.${i}@example.vn`, `Thông báo số ${i}`, `feedback:PAR${i}`, `Thông báo ${i}`));
  const before = smtp.messages.length;
  const now = minutes(new Date(), 10 * 24 * 60);
  const drain = async () => {
    let total = 0;
    for (;;) {
      const r = await sendPendingNotifications(sys.platform, now, { batchSize: 3 });
      total += r.sent;
      if (r.sent + r.retried + r.failed === 0) return total;
    }
  };
  const [a, b] = await Promise.all([drain(), drain()]);
  assert.equal(a + b, 40);
  assert.ok(a > 0 && b > 0, `both senders took part (${a} + ${b})`);
  const delivered = smtp.messages.slice(before).map((m) => m.to[0]);
  assert.equal(delivered.length, 40);
  assert.equal(new Set(delivered).size, 40);
  const { rows } = await pool.query(`SELECT status, attempts FROM notifications WHERE id = ANY($1)`, [ids]);
  assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1));
});

test('without SMTP_URL or SMS_URL the messages stay pending, untouched, until a transport is configured', async () => {
  const mail = await queue('email', 'le.thi.cuc@example.vn', 'Chờ cấu hình', 'feedback:WAIT2345', 'Chờ');
  const text = await queue('sms', '0901234567', 'Cho cau hinh', 'feedback:WAIT2345');
  const now = minutes(new Date(), 20 * 24 * 60);
  const bare = { db: sys.platform.db, config: { smtp: null, sms: null } };
  assert.deepEqual(await sendPendingNotifications(bare, now), { sent: 0, retried: 0, failed: 0, notConfigured: ['email', 'sms'] });
  assert.equal((await row(mail)).status, 'pending');
  assert.equal((await row(mail)).attempts, 0);
  // Only SMS configured: the SMS goes, the e-mail keeps waiting.
  const r = await sendPendingNotifications({ db: sys.platform.db, config: { smtp: null, sms: sys.platform.config.sms } }, now);
  assert.deepEqual(r, { sent: 1, retried: 0, failed: 0, notConfigured: ['email'] });
  assert.equal((await row(text)).status, 'sent');
  assert.equal((await row(mail)).status, 'pending');
  assert.equal((await row(mail)).recipient, 'le.thi.cuc@example.vn');
  // Configured again: it goes.
  assert.equal((await sendPendingNotifications(sys.platform, now)).sent, 1);
  assert.equal((await row(mail)).status, 'sent');
});

test('recipients are masked recognisably', () => {
  assert.equal(maskRecipient('tam@example.vn'), 't***@example.vn');
  assert.equal(maskRecipient('0912345678'), '091****678');
});
