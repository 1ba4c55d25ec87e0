/**
 * The APS self-service machine (/kiosk/<unit>/aps), through the real door: a citizen picks a field and a procedure,
 * scans the ID card's QR code, confirms, and files; the dossier holds the card's applicant and the machine's note,
 * the receipt's QR code decodes to the tracking address; a bad scan fills nothing; the status check takes the
 * scanned address and the 4 check digits; a returned dossier is rated once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import { APS_NOTE } from '../../src/modules/aps/index.ts';
import { makeUnit, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

// jsqr is CommonJS with a `default` export in its types: take the function whichever way the loader exposes it.
type JsQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as JsQr;

const sys = await startSystem();
const db = sys.platform.pool;
const unit = await makeUnit(sys, { name: 'Phường Một' });
const procedure = await makeProcedure(sys, { days: 5, name: 'Đăng ký khai sinh' });
await db.query('INSERT INTO unit_procedures (unit_id, procedure_id) SELECT $1, id FROM procedures WHERE code = $2', [unit.id, procedure]);

const CARD = '001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|01072021';
const VIETQR = '00020101021238570010A000000727012700069704360113012345678900208QRIBFTTA53037045802VN6304ABCD';
const BASE = `/kiosk/${unit.code}/aps`;

let ipCounter = 0;
/** One machine per test: the machine's address is what the rate limits count. */
const machine = () => ({ ip: `10.7.0.${++ipCounter}`, cookie: '' });
type Machine = ReturnType<typeof machine>;

function keepCookie(m: Machine, setCookie: string | string[] | undefined) {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const sid = list.find((c) => c.startsWith('gd_sid='));
  if (sid) m.cookie = sid.split(';')[0] as string;
}

async function get(m: Machine, url: string) {
  const res = await sys.app.inject({ method: 'GET', url, remoteAddress: m.ip, headers: { cookie: m.cookie, accept: 'text/html' } });
  keepCookie(m, res.headers['set-cookie']);
  return res;
}

async function post(m: Machine, url: string, fields: Record<string, string>) {
  const res = await sys.app.inject({
    method: 'POST',
    url,
    remoteAddress: m.ip,
    payload: new URLSearchParams(fields).toString(),
    headers: { cookie: m.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  });
  keepCookie(m, res.headers['set-cookie']);
  return res;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const hidden = (body: string, name: string) => unescapeHtml(body.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '');
const csrf = (body: string) => hidden(body, '_csrf');

async function dossierCount(): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers')).rows[0]?.n ?? -1;
}

/** Start screen → field → procedure → the scan form; returns the scan page. */
async function openScan(m: Machine) {
  const start = await get(m, BASE);
  assert.equal(start.statusCode, 200);
  for (const label of ['Nộp hồ sơ', 'Tra cứu hồ sơ', 'Đánh giá']) assert.ok(start.body.includes(label), label);
  assert.match(start.body, /data-home="\/kiosk\/[^"]+\/aps"/, 'idle returns to the APS start screen');
  const fields = await get(m, `${BASE}/nop`);
  const fieldLink = fields.body.match(/href="([^"]*\/aps\/nop\/linh-vuc\/[^"]+)"/)?.[1] as string;
  assert.ok(fieldLink, 'the unit’s field is offered');
  const list = await get(m, unescapeHtml(fieldLink));
  assert.match(list.body, /Đăng ký khai sinh/);
  const scan = await get(m, `${BASE}/nop/${procedure}`);
  assert.equal(scan.statusCode, 200);
  assert.match(scan.body, /data-cccd-form/);
  assert.match(scan.body, /<script src="\/static\/cccd-scan.js" defer/);
  return scan;
}

/** Files with the card scan; returns the receipt page and the dossier code. */
async function fileWithCard(m: Machine, phone = '0912 345 678') {
  const scan = await openScan(m);
  const confirm = await post(m, `${BASE}/nop/${procedure}/quet`, { _csrf: csrf(scan.body), qr: CARD });
  assert.equal(confirm.statusCode, 200, confirm.body.slice(0, 500));
  const res = await post(m, `${BASE}/nop/${procedure}`, {
    _csrf: csrf(confirm.body),
    qr: hidden(confirm.body, 'qr'),
    idempotencyKey: hidden(confirm.body, 'idempotencyKey'),
    applicantPhone: phone,
    consent: 'on',
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const receipt = await get(m, res.headers.location as string);
  assert.equal(receipt.statusCode, 200);
  const code = receipt.body.match(/data-code="([^"]+)"/)?.[1] as string;
  return { confirm, receipt, code };
}

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

test('a citizen scans the ID card, confirms, files, and gets a receipt whose QR code opens the tracking page', async () => {
  const m = machine();
  const before = await dossierCount();
  const { confirm, receipt, code } = await fileWithCard(m);

  // The confirmation shows what the card holds, with diacritics.
  assert.match(confirm.body, /data-field="fullName">Nguyễn Thị Ánh Tuyết</);
  assert.match(confirm.body, /data-field="idNumber">001099012345</);
  assert.match(confirm.body, /data-field="address">Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp</);

  assert.equal(await dossierCount(), before + 1);
  const row = (
    await db.query(
      `SELECT applicant_name, applicant_id_number, applicant_phone, applicant_address, note, channel, documents, due_date::text AS due
       FROM dossiers WHERE code = $1`,
      [code],
    )
  ).rows[0];
  assert.equal(row.applicant_name, 'Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
  assert.equal(row.applicant_id_number, '001099012345');
  assert.equal(row.applicant_phone, '0912345678');
  assert.equal(row.applicant_address, 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp');
  assert.equal(row.note, APS_NOTE);
  assert.equal(row.note, 'Nộp qua máy APS, giấy tờ nộp tại quầy');
  assert.equal(row.channel, 'online');
  assert.deepEqual(row.documents, []);

  // The receipt: code, appointment, a QR code with the tracking address, the print button (shown by aps.js).
  assert.ok(receipt.body.includes(code));
  assert.ok(receipt.body.includes((row.due as string).split('-').reverse().join('/')), 'the appointment date');
  assert.match(receipt.body, /data-aps-print/);
  assert.match(receipt.body, /<script src="\/static\/aps.js" defer/);
  const dataUrl = receipt.body.match(/<img src="(data:image\/png;base64,[^"]+)"/)?.[1] as string;
  assert.ok(dataUrl, 'the receipt has a QR image');
  const url = decodeQr(dataUrl);
  assert.equal(url, `http://localhost:3000/tra-cuu?ma=${encodeURIComponent(code)}`);

  // The same form sent again (a double touch) files nothing more; another machine cannot see the receipt.
  const audit = await db.query<{ action: string; after: unknown }>(`SELECT action, after::text FROM audit_log WHERE entity_id = $1`, [code]);
  assert.ok(audit.rows.length > 0);
  assert.ok(!JSON.stringify(audit.rows).includes('Tuyết') && !JSON.stringify(audit.rows).includes('001099012345'), 'no personal data in the audit rows');
  const other = machine();
  const hidden404 = await get(other, `${BASE}/bien-nhan/${encodeURIComponent(code)}`);
  assert.equal(hidden404.statusCode, 404);
  assert.doesNotMatch(hidden404.body, /Tuyết/);

  // The stylesheets and script are served.
  for (const asset of ['aps.css', 'aps.js']) assert.equal((await get(m, `/static/${asset}`)).statusCode, 200, asset);
});

test('a double submit files one dossier', async () => {
  const m = machine();
  const scan = await openScan(m);
  const confirm = await post(m, `${BASE}/nop/${procedure}/quet`, { _csrf: csrf(scan.body), qr: CARD });
  const fields = {
    _csrf: csrf(confirm.body),
    qr: hidden(confirm.body, 'qr'),
    idempotencyKey: hidden(confirm.body, 'idempotencyKey'),
    applicantPhone: '',
    consent: 'on',
  };
  const before = await dossierCount();
  const a = await post(m, `${BASE}/nop/${procedure}`, fields);
  const b = await post(m, `${BASE}/nop/${procedure}`, fields);
  assert.equal(a.statusCode, 303);
  assert.equal(b.headers.location, a.headers.location);
  assert.equal(await dossierCount(), before + 1);
});

test('a bad scan (a VietQR payment code) shows the parser’s message and fills nothing', async () => {
  const m = machine();
  const before = await dossierCount();
  const scan = await openScan(m);
  const res = await post(m, `${BASE}/nop/${procedure}/quet`, { _csrf: csrf(scan.body), qr: VIETQR });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /class="error" id="f-qr-error"/);
  assert.match(res.body, /Không đọc được mã QR/);
  assert.doesNotMatch(res.body, /data-field=/, 'no card details shown');
  assert.doesNotMatch(res.body, /name="idempotencyKey"/, 'no filing form');
  const box = res.body.match(/<input[^>]*id="f-qr"[^>]*>/)?.[0] as string;
  assert.ok(box && !/value="/.test(box), 'the scan box is left empty for the next scan');
  // Sending the bad scan straight to the filing route files nothing either.
  const direct = await post(m, `${BASE}/nop/${procedure}`, { _csrf: csrf(scan.body), qr: VIETQR, consent: 'on' });
  assert.equal(direct.statusCode, 422);
  // No consent: the confirmation again with the error, nothing filed.
  const confirm = await post(m, `${BASE}/nop/${procedure}/quet`, { _csrf: csrf(scan.body), qr: CARD });
  const noConsent = await post(m, `${BASE}/nop/${procedure}`, {
    _csrf: csrf(confirm.body),
    qr: hidden(confirm.body, 'qr'),
    idempotencyKey: hidden(confirm.body, 'idempotencyKey'),
    applicantPhone: '12',
  });
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /id="f-consent-error"/);
  assert.match(noConsent.body, /id="f-applicantPhone-error"/);
  assert.match(noConsent.body, /value="12"/, 'the typed phone is kept');
  assert.equal(await dossierCount(), before);
});

test('the status check reads the receipt’s QR address and asks for the 4 digits', async () => {
  const m = machine();
  const { receipt, code } = await fileWithCard(m, '');
  const url = decodeQr(receipt.body.match(/<img src="(data:image\/png;base64,[^"]+)"/)?.[1] as string) as string;

  const scanned = await get(m, `${BASE}/tra-cuu?ma=${encodeURIComponent(url)}&check=`);
  assert.equal(scanned.statusCode, 200);
  assert.match(scanned.body, new RegExp(`id="f-ma" name="ma" type="text" value="${code}"`), 'the code is read from the address');
  assert.match(scanned.body, /id="f-check"[^>]*autofocus/, 'the 4 digits are asked for next');
  assert.doesNotMatch(scanned.body, /data-status=/);

  const found = await get(m, `${BASE}/tra-cuu?ma=${encodeURIComponent(url)}&check=2345`);
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /class="aps-status" data-status="received">Đã tiếp nhận, đang kiểm tra hồ sơ</);
  assert.doesNotMatch(found.body, /Tuyết/, 'the status screen shows no name');

  const typed = await get(m, `${BASE}/tra-cuu?ma=${encodeURIComponent(code.toLowerCase())}&check=2345`);
  assert.match(typed.body, /data-status="received"/, 'a typed code in lower case works too');

  const wrong = await get(m, `${BASE}/tra-cuu?ma=${encodeURIComponent(url)}&check=9999`);
  assert.equal(wrong.statusCode, 404);
  assert.doesNotMatch(wrong.body, /data-status=/);
  const noDigits = await get(m, `${BASE}/tra-cuu?ma=${encodeURIComponent(code)}&check=12`);
  assert.equal(noDigits.statusCode, 400);
  const garbage = await get(m, `${BASE}/tra-cuu?ma=${encodeURIComponent(VIETQR)}&check=2345`);
  assert.equal(garbage.statusCode, 400);
  assert.match(garbage.body, /id="f-ma-error"/);
});

test('a returned dossier is rated once on the machine; one not returned yet is not', async () => {
  const m = machine();
  const { code } = await fileWithCard(m);
  const rateUrl = `${BASE}/danh-gia?ma=${encodeURIComponent(code)}&check=2345`;

  const early = await get(m, rateUrl);
  assert.equal(early.statusCode, 200);
  assert.doesNotMatch(early.body, /name="rating"/, 'no rating before the result is returned');
  assert.match(early.body, /Hồ sơ chưa trả kết quả/);
  const token = csrf((await get(m, `${BASE}/nop/${procedure}`)).body);
  const tooEarly = await post(m, `${BASE}/danh-gia`, { _csrf: token, code, check: '2345', rating: 'hai_long' });
  assert.equal(tooEarly.statusCode, 303, 'a crafted rating before the return is refused by the dossiers module and sent back');
  assert.equal((await db.query('SELECT 1 FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = $1', [code])).rowCount, 0);

  await db.query(`UPDATE dossiers SET status = 'returned', returned_at = now(), return_channel = 'desk' WHERE code = $1`, [code]);
  const page = await get(m, rateUrl);
  const buttons = [...page.body.matchAll(/<button type="submit" name="rating" value="([a-z_]+)"/g)].map((x) => x[1]);
  assert.deepEqual(buttons, ['rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long']);
  const rated = await post(m, `${BASE}/danh-gia`, { _csrf: csrf(page.body), code, check: '2345', rating: 'rat_hai_long' });
  assert.equal(rated.statusCode, 303);
  const after = await get(m, rated.headers.location as string);
  assert.match(after.body, /Cảm ơn ông\/bà đã đánh giá/);
  assert.doesNotMatch(after.body, /name="rating"/, 'no second rating');

  const again = await post(m, `${BASE}/danh-gia`, { _csrf: csrf(page.body), code, check: '2345', rating: 'khong_hai_long' });
  assert.equal(again.statusCode, 303);
  const stored = await db.query<{ rating: string; channel: string }>(
    'SELECT r.rating, r.channel FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = $1',
    [code],
  );
  assert.deepEqual(stored.rows, [{ rating: 'rat_hai_long', channel: 'tracking' }]);
});

test('unknown units and procedures get the machine’s own 404 screen', async () => {
  const m = machine();
  const noUnit = await get(m, '/kiosk/khong-co-don-vi/aps');
  assert.equal(noUnit.statusCode, 404);
  assert.match(noUnit.body, /Không tìm thấy đơn vị/);
  const noProcedure = await get(m, `${BASE}/nop/1.999999`);
  assert.equal(noProcedure.statusCode, 404);
  assert.match(noProcedure.body, /Trang đầu/);
});

test('a procedure not open to online filing is not offered at the machine, and its address shows the not-found screen', async () => {
  const deskOnly = await makeProcedure(sys, { days: 5, name: 'Chứng thực chữ ký tại quầy', online: 'none' });
  await db.query('INSERT INTO unit_procedures (unit_id, procedure_id) SELECT $1, id FROM procedures WHERE code = $2', [unit.id, deskOnly]);
  const m = machine();
  const fields = await get(m, `${BASE}/nop`);
  assert.equal(fields.statusCode, 200);
  assert.doesNotMatch(fields.body, /1 thủ tục[\s\S]*1 thủ tục|2 thủ tục/);
  const direct = await get(m, `${BASE}/nop/${deskOnly}`);
  assert.equal(direct.statusCode, 404);
  assert.doesNotMatch(direct.body, /Chứng thực chữ ký tại quầy/);
  const listed = await get(m, `${BASE}/nop/${procedure}`);
  assert.equal(listed.statusCode, 200);
});
