/**
 * Feedback channels (src/modules/feedback-channels): Zalo OA, Facebook Page and inbound e-mail webhooks, each with a
 * correctly and a wrongly signed delivery, replays, stale timestamps, the Facebook verification handshake, and the
 * feedback items they make (channel, sender, Vietnamese text, script kept as text, e-mail attachments checked by content).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { hubSignature, relaySignature, zaloMac } from '../../src/modules/feedback-channels/index.ts';
import { makeUnit, startSystem } from '../helpers.ts';

const ZALO_APP_ID = '1234567890123456789';
const ZALO_OA_SECRET = 'oa-secret-key-thu-nghiem';
const OA_ID = '579745863508352884';
const FB_SECRET = 'facebook-app-secret-thu-nghiem';
const FB_VERIFY = 'ma-xac-minh-trang-facebook';
const PAGE_ID = '104857392837465';
const MAIL_SECRET = 'bi-mat-chuyen-thu-den-it-nhat-32-ky-tu';

const sys = await startSystem({
  ZALO_APP_ID,
  ZALO_OA_SECRET,
  ZALO_OA_UNITS: JSON.stringify({ [OA_ID]: 'phuong-kenh-zalo' }),
  FACEBOOK_APP_SECRET: FB_SECRET,
  FACEBOOK_VERIFY_TOKEN: FB_VERIFY,
  FACEBOOK_PAGE_UNITS: JSON.stringify({ [PAGE_ID]: 'phuong-kenh-facebook' }),
  INBOUND_EMAIL_SECRET: MAIL_SECRET,
});
const pool = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Kênh Phản Ánh' });
const zaloWard = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Zalo', code: 'phuong-kenh-zalo' });
const fbWard = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Facebook', code: 'phuong-kenh-facebook' });
const mailWard = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Thư Điện Tử', code: 'phuong-kenh-thu' });

let seq = 0;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function zaloEvent(fields: { text?: string; event?: string; ts?: number; msgId?: string; oa?: string; attachments?: unknown[] } = {}) {
  const ts = String(fields.ts ?? Date.now());
  return JSON.stringify({
    app_id: ZALO_APP_ID,
    user_id_by_app: '552177279717587730',
    event_name: fields.event ?? 'user_send_text',
    timestamp: ts,
    sender: { id: '246845883529197922' },
    recipient: { id: fields.oa ?? OA_ID },
    message: {
      msg_id: fields.msgId ?? `zalo-msg-${++seq}`,
      text: fields.text ?? 'Đường ngập nước',
      ...(fields.attachments ? { attachments: fields.attachments } : {}),
    },
  });
}

function postZalo(body: string, signature?: string | null) {
  const ts = String(JSON.parse(body).timestamp);
  const mac = signature === undefined ? `mac=${zaloMac(ZALO_APP_ID, Buffer.from(body), ts, ZALO_OA_SECRET)}` : signature;
  return sys.app.inject({
    method: 'POST',
    url: '/webhooks/zalo',
    headers: { 'content-type': 'application/json', ...(mac ? { 'x-zevent-signature': mac } : {}) },
    payload: body,
  });
}

async function feedbackBy(channel: string, externalRef: string) {
  const { rows } = await pool.query(
    `SELECT f.*, u.code AS unit_code, (SELECT count(*)::int FROM feedback_attachments a WHERE a.feedback_id = f.id) AS attachments
     FROM feedback f JOIN units u ON u.id = f.unit_id WHERE f.channel = $1 AND f.external_ref = $2`,
    [channel, externalRef],
  );
  return rows[0] ?? null;
}

async function lastRejection(channel: string) {
  const { rows } = await pool.query(`SELECT reason, payload_sha256 FROM webhook_rejections WHERE channel = $1 ORDER BY id DESC LIMIT 1`, [channel]);
  return rows[0];
}

test('Zalo: a correctly signed text message becomes feedback of the OA’s ward, script kept as text', async () => {
  const text = 'Cống thoát nước trước nhà số 15 đường Nguyễn Huệ bị tắc, nước ngập sau mưa <script>alert("x")</script>';
  const body = zaloEvent({ text, msgId: 'zalo-msg-vn-1' });
  const res = await postZalo(body);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { status: 'accepted' });
  const f = await feedbackBy('zalo', 'zalo-msg-vn-1');
  assert.ok(f);
  assert.equal(f.unit_code, zaloWard.code);
  assert.equal(f.sender_ref, '246845883529197922');
  assert.equal(f.description, text);
  assert.equal(f.status, 'received');
  assert.equal(f.contact_email, null);
  assert.equal(f.extra.account, OA_ID);
});

test('Zalo: wrong or missing signatures are refused with 401 and logged without the payload', async () => {
  const body = zaloEvent({ msgId: 'zalo-msg-forged' });
  const forged = await postZalo(body, `mac=${'0'.repeat(64)}`);
  assert.equal(forged.statusCode, 401);
  assert.match(String(forged.headers['content-type']), /application\/problem\+json/);
  assert.equal(forged.json().code, 'WEBHOOK_SIGNATURE_INVALID');
  assert.equal(forged.json().reason, 'bad_signature');
  assert.deepEqual(await lastRejection('zalo'), { reason: 'bad_signature', payload_sha256: sha256(body) });
  // Signed with the app secret instead of the OA secret key: still wrong.
  const ts = String(JSON.parse(body).timestamp);
  const wrongKey = await postZalo(body, `mac=${zaloMac(ZALO_APP_ID, Buffer.from(body), ts, 'app-secret-not-oa-secret')}`);
  assert.equal(wrongKey.statusCode, 401);
  // The body changed after signing.
  const tampered = body.replace('Đường ngập nước', 'Nội dung bị sửa');
  const sig = `mac=${zaloMac(ZALO_APP_ID, Buffer.from(body), ts, ZALO_OA_SECRET)}`;
  assert.equal((await postZalo(tampered, sig)).statusCode, 401);
  const missing = await postZalo(body, null);
  assert.equal(missing.statusCode, 401);
  assert.equal(missing.json().reason, 'missing_signature');
  assert.equal(await feedbackBy('zalo', 'zalo-msg-forged'), null);
  const logged = await pool.query(
    `SELECT count(*)::int AS n FROM webhook_rejections WHERE channel = 'zalo' AND reason IN ('bad_signature', 'missing_signature')`,
  );
  assert.equal(logged.rows[0].n, 4);
});

test('Zalo: a replayed delivery and stale or future timestamps are refused with 403; a resend after a 3-hour outage is taken', async () => {
  const body = zaloEvent({ msgId: 'zalo-msg-replay', text: 'Xin sửa giúp đèn đường' });
  assert.equal((await postZalo(body)).statusCode, 200);
  const replay = await postZalo(body);
  assert.equal(replay.statusCode, 403);
  assert.equal(replay.json().code, 'WEBHOOK_REJECTED');
  assert.equal(replay.json().reason, 'replayed');
  assert.equal((await lastRejection('zalo')).reason, 'replayed');
  const count = await pool.query(`SELECT count(*)::int AS n FROM feedback WHERE external_ref = 'zalo-msg-replay'`);
  assert.equal(count.rows[0].n, 1);

  const afterOutage = await postZalo(zaloEvent({ ts: Date.now() - 3 * 3600_000, msgId: 'zalo-msg-late', text: 'Gửi lúc máy chủ đang dừng' }));
  assert.equal(afterOutage.statusCode, 200, afterOutage.body);
  assert.notEqual(await feedbackBy('zalo', 'zalo-msg-late'), null);
  const stale = await postZalo(zaloEvent({ ts: Date.now() - 37 * 3600_000, msgId: 'zalo-msg-stale' }));
  assert.equal(stale.statusCode, 403);
  assert.equal(stale.json().reason, 'stale_timestamp');
  const future = await postZalo(zaloEvent({ ts: Date.now() + 10 * 60_000, msgId: 'zalo-msg-future' }));
  assert.equal(future.json().reason, 'stale_timestamp');
  assert.equal(await feedbackBy('zalo', 'zalo-msg-stale'), null);
});

test('Zalo: a picture keeps its link (not fetched), other events are acknowledged and ignored, unknown OAs refused', async () => {
  const image = zaloEvent({
    event: 'user_send_image',
    text: '',
    msgId: 'zalo-msg-image',
    attachments: [{ type: 'image', payload: { url: 'https://photo-stal.zdn.vn/anh-ho-ga.jpg', thumbnail: 'https://photo-stal.zdn.vn/t.jpg' } }],
  });
  assert.equal((await postZalo(image)).statusCode, 200);
  const f = await feedbackBy('zalo', 'zalo-msg-image');
  assert.deepEqual(f.extra.imageUrls, ['https://photo-stal.zdn.vn/anh-ho-ga.jpg']);
  assert.match(f.description, /Ảnh gửi qua Zalo/);

  const follow = await postZalo(zaloEvent({ event: 'follow', msgId: 'zalo-follow' }));
  assert.equal(follow.statusCode, 200);
  assert.deepEqual(follow.json(), { status: 'ignored' });

  const stranger = await postZalo(zaloEvent({ oa: '999999999', msgId: 'zalo-msg-stranger' }));
  assert.equal(stranger.statusCode, 400);
  assert.equal(stranger.json().reason, 'unknown_recipient');

  const broken = await sys.app.inject({
    method: 'POST',
    url: '/webhooks/zalo',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=00' },
    payload: '{nope',
  });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().reason, 'malformed');

  const huge = await sys.app.inject({
    method: 'POST',
    url: '/webhooks/zalo',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=00' },
    payload: `{"x":"${'a'.repeat(1024 * 1024 + 10)}"}`,
  });
  assert.equal(huge.statusCode, 413);
  assert.equal(huge.json().code, 'PAYLOAD_TOO_LARGE');
});

function facebookDelivery(messages: { mid: string; text?: string; echo?: boolean; ts?: number; page?: string }[]) {
  const now = Date.now();
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: PAGE_ID,
        time: now,
        messaging: messages.map((m) => ({
          sender: { id: m.echo ? PAGE_ID : '6543210987654321' },
          recipient: { id: m.echo ? '6543210987654321' : (m.page ?? PAGE_ID) },
          timestamp: m.ts ?? now,
          message: { mid: m.mid, text: m.text ?? 'Chào trang', ...(m.echo ? { is_echo: true } : {}) },
        })),
      },
    ],
  });
}

function postFacebook(body: string, signature?: string | null) {
  const sig = signature === undefined ? hubSignature(FB_SECRET, Buffer.from(body)) : signature;
  return sys.app.inject({
    method: 'POST',
    url: '/webhooks/facebook',
    headers: { 'content-type': 'application/json', ...(sig ? { 'x-hub-signature-256': sig } : {}) },
    payload: body,
  });
}

test('Facebook: the verification handshake answers the challenge only for the right verify token', async () => {
  const ok = await sys.app.inject({ url: `/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${FB_VERIFY}&hub.challenge=1158201444` });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.body, '1158201444');
  const wrong = await sys.app.inject({ url: '/webhooks/facebook?hub.mode=subscribe&hub.verify_token=sai-ma&hub.challenge=1158201444' });
  assert.equal(wrong.statusCode, 403);
  assert.doesNotMatch(wrong.body, /1158201444/);
  assert.equal((await lastRejection('facebook')).reason, 'bad_signature');
});

test('Facebook: a signed delivery files each message sent to the page; forged, replayed and stale ones are refused', async () => {
  const body = facebookDelivery([
    { mid: 'm_fb-1', text: 'Xin hỏi khi nào sửa xong cầu Rạch Miễu nhỏ ở ấp 3? <b>gấp</b>' },
    { mid: 'm_fb-echo', text: 'Trang đã nhận', echo: true },
  ]);
  const res = await postFacebook(body);
  assert.equal(res.statusCode, 200, res.body);
  const f = await feedbackBy('facebook', 'm_fb-1');
  assert.equal(f.unit_code, fbWard.code);
  assert.equal(f.sender_ref, '6543210987654321');
  assert.equal(f.description, 'Xin hỏi khi nào sửa xong cầu Rạch Miễu nhỏ ở ấp 3? <b>gấp</b>');
  assert.equal(await feedbackBy('facebook', 'm_fb-echo'), null);

  const forged = await postFacebook(facebookDelivery([{ mid: 'm_fb-forged' }]), hubSignature('another-secret', Buffer.from(body)));
  assert.equal(forged.statusCode, 401);
  assert.equal(forged.json().reason, 'bad_signature');
  const noSig = await postFacebook(facebookDelivery([{ mid: 'm_fb-nosig' }]), null);
  assert.equal(noSig.json().reason, 'missing_signature');

  const replay = await postFacebook(body);
  assert.equal(replay.statusCode, 403);
  assert.equal(replay.json().reason, 'replayed');

  const stale = await postFacebook(facebookDelivery([{ mid: 'm_fb-stale', ts: Date.now() - 37 * 3600_000 }]));
  assert.equal(stale.statusCode, 403);
  assert.equal(stale.json().reason, 'stale_timestamp');
  assert.equal(await feedbackBy('facebook', 'm_fb-stale'), null);
});

async function composeMail(opts: {
  messageId: string;
  to?: string;
  subject?: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer }[];
}) {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await t.sendMail({
    from: 'Nguyễn Thị Hoa <hoa.nguyen@example.vn>',
    to: opts.to ?? `phananh+${mailWard.code}@gan-dan.test`,
    subject: opts.subject ?? 'Phản ánh về rác thải',
    text: opts.text,
    html: opts.html,
    messageId: `<${opts.messageId}>`,
    headers: opts.headers,
    attachments: opts.attachments,
  });
  return info.message as Buffer;
}

function postMail(raw: Buffer, opts: { timestamp?: number; signature?: string | null; contentType?: string } = {}) {
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const sig = opts.signature === undefined ? relaySignature(MAIL_SECRET, ts, raw) : opts.signature;
  return sys.app.inject({
    method: 'POST',
    url: '/webhooks/email',
    headers: { 'content-type': opts.contentType ?? 'message/rfc822', 'x-gd-timestamp': ts, ...(sig ? { 'x-gd-signature': sig } : {}) },
    payload: raw,
  });
}

test('E-mail: a signed message becomes feedback with the sender’s address, subject, text and a real PDF attached', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const disguised = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
  const raw = await composeMail({
    messageId: 'thu-1@example.vn',
    subject: 'Rác thải đổ trộm ở bờ kênh Xáng',
    text: 'Kính gửi Ủy ban,\nNhiều ngày nay có người đổ rác trộm ở bờ kênh Xáng, mùi hôi nồng nặc. <script>alert(1)</script>\nXin cảm ơn.',
    attachments: [
      { filename: 'biên bản hiện trường.pdf', content: pdf },
      { filename: 'anh-hien-truong.jpg', content: disguised },
    ],
  });
  const res = await postMail(raw);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { status: 'accepted' });
  const f = await feedbackBy('email', 'thu-1@example.vn');
  assert.ok(f);
  assert.equal(f.unit_code, mailWard.code);
  assert.equal(f.title, 'Rác thải đổ trộm ở bờ kênh Xáng');
  assert.match(f.description, /^Kính gửi Ủy ban,\nNhiều ngày nay có người đổ rác trộm ở bờ kênh Xáng, mùi hôi nồng nặc\. <script>alert\(1\)<\/script>/);
  assert.equal(f.contact_email, 'hoa.nguyen@example.vn');
  assert.equal(f.contact_name, 'Nguyễn Thị Hoa');
  assert.equal(f.contact_consent, true);
  assert.equal(f.sender_ref, 'hoa.nguyen@example.vn');
  assert.equal(f.attachments, 1);
  assert.equal(f.extra.attachmentsSkipped, 1);
  const att = await pool.query(`SELECT name, mime, size FROM feedback_attachments WHERE feedback_id = $1`, [f.id]);
  assert.deepEqual(att.rows[0], { name: 'biên bản hiện trường.pdf', mime: 'application/pdf', size: pdf.length });
  // The acknowledgement waits in the outbox for the sender's address.
  const ack = await pool.query(`SELECT recipient, subject FROM notifications WHERE about = $1`, [`feedback:${f.code}`]);
  assert.equal(ack.rows[0]?.recipient, 'hoa.nguyen@example.vn');

  const replay = await postMail(raw);
  assert.equal(replay.statusCode, 403);
  assert.equal(replay.json().reason, 'replayed');
});

test('E-mail: wrong signatures, a stale timestamp and a re-dated capture are refused; machine mail is ignored', async () => {
  const raw = await composeMail({ messageId: 'thu-2@example.vn', text: 'Nội dung thư thử nghiệm' });
  const forged = await postMail(raw, { signature: relaySignature('khong-phai-bi-mat-cua-chung-ta-nhe', String(Math.floor(Date.now() / 1000)), raw) });
  assert.equal(forged.statusCode, 401);
  assert.equal(forged.json().reason, 'bad_signature');
  assert.equal((await postMail(raw, { signature: null })).json().reason, 'missing_signature');
  const old = Math.floor(Date.now() / 1000) - 6 * 60;
  const stale = await postMail(raw, { timestamp: old });
  assert.equal(stale.statusCode, 403);
  assert.equal(stale.json().reason, 'stale_timestamp');
  // A captured (old) signature with a fresh timestamp: the timestamp is signed too.
  const recaptured = await postMail(raw, { timestamp: Math.floor(Date.now() / 1000), signature: relaySignature(MAIL_SECRET, String(old), raw) });
  assert.equal(recaptured.statusCode, 401);
  assert.equal(await feedbackBy('email', 'thu-2@example.vn'), null);
  const rejected = await lastRejection('email');
  assert.equal(rejected.payload_sha256, sha256(raw));

  const auto = await composeMail({ messageId: 'vang-mat@example.vn', text: 'Tôi đang nghỉ phép', headers: { 'Auto-Submitted': 'auto-replied' } });
  const ignored = await postMail(auto);
  assert.equal(ignored.statusCode, 200);
  assert.deepEqual(ignored.json(), { status: 'ignored' });
  assert.equal(await feedbackBy('email', 'vang-mat@example.vn'), null);
});

test('E-mail: an HTML-only message is read as text; an address that names no unit leaves routing to the rules', async () => {
  const raw = await composeMail({
    messageId: 'thu-3@example.vn',
    to: 'hopthu@gan-dan.test',
    subject: 'Góp ý',
    html: '<p>Đề nghị <b>lắp thêm</b> biển báo &amp; gờ giảm tốc</p><script>alert(1)</script><p>trước trường học</p>',
  });
  const res = await postMail(raw);
  assert.equal(res.statusCode, 200, res.body);
  const f = await feedbackBy('email', 'thu-3@example.vn');
  assert.equal(f.description, 'Đề nghị lắp thêm biển báo & gờ giảm tốc\n trước trường học');
  assert.notEqual(f.unit_code, mailWard.code);
  assert.equal(f.addressed_unit_id, null);

  const text = await postMail(raw, { contentType: 'text/plain' });
  assert.equal(text.statusCode, 400);
});

test('E-mail: at most 3 attachments of at most 5 MB each are kept', async () => {
  const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% tep ${n}\n%%EOF\n`);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5 * 1024 * 1024)]);
  const raw = await composeMail({
    messageId: 'thu-4@example.vn',
    text: 'Gửi kèm nhiều tệp',
    attachments: [
      { filename: 'qua-lon.png', content: png },
      { filename: '1.pdf', content: pdf(1) },
      { filename: '2.pdf', content: pdf(2) },
      { filename: '3.pdf', content: pdf(3) },
      { filename: '4.pdf', content: pdf(4) },
    ],
  });
  assert.equal((await postMail(raw)).statusCode, 200);
  const f = await feedbackBy('email', 'thu-4@example.vn');
  const names = await pool.query(`SELECT name FROM feedback_attachments WHERE feedback_id = $1 ORDER BY id`, [f.id]);
  assert.deepEqual(
    names.rows.map((r) => r.name),
    ['1.pdf', '2.pdf', '3.pdf'],
  );
  assert.equal(f.extra.attachmentsSkipped, 2);
});
