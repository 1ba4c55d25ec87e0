/**
 * Official slips of real dossiers: dossiers driven through the API (clock set to chosen Vietnam times), each slip that
 * applies fetched as PDF and read back with pdftotext, its QR code decoded, and the register book read back from
 * Excel. Slips that do not apply are 404; another unit's clerk is refused.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { dossierClock } from '../../src/modules/dossiers/index.ts';
import { makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { decodeQr, pdfText } from '../pdf.ts';
import { makeProcedure } from './dossiers-support.ts';

after(() => dossierClock.set(null));

/** The same text on one line (sentences wrap anywhere). */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const sys = await startSystem();
const province = await makeUnit(sys, { name: 'Tỉnh Đồng Phiếu' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Tân Phiếu' });
const other = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Bên Cạnh' });
const users = {
  clerk: await makeUser(sys, 'one_stop_clerk', commune),
  specialist: await makeUser(sys, 'specialist', commune),
  leader: await makeUser(sys, 'unit_leader', commune, { subtree: true }),
  otherClerk: await makeUser(sys, 'one_stop_clerk', other),
};
const s = {} as Record<keyof typeof users, Session>;
for (const [k, u] of Object.entries(users)) s[k as keyof typeof users] = await signIn(sys, u.username);

const PROCEDURE_NAME = 'Đăng ký khai sinh có yếu tố nước ngoài (thử in phiếu)';
const proc = await makeProcedure(sys, { days: 3, name: PROCEDURE_NAME, documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'] });
const APPLICANT = 'Nguyễn Thị Ánh Tuyết';

type Dossier = { code: string; status: string; version: number; dueDate: string; dueAt: string };
const at = (local: string) => dossierClock.set(`${local}+07:00`);
const tracking = (code: string) => `http://localhost:3000/tra-cuu?ma=${encodeURIComponent(code)}`;

async function receive(name = APPLICANT): Promise<Dossier> {
  const res = await s.clerk.request({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: {
      unit: commune.code,
      procedure: proc,
      channel: 'desk',
      applicant: { name, idNumber: '001203456789', phone: '0912 344 567', address: 'Ấp Phú Hòa, xã Tân Phiếu' },
      documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Dossier;
}

async function step(session: Session, d: Dossier, slug: string, body: Record<string, unknown> = {}): Promise<Dossier> {
  const res = await session.request({ method: 'POST', url: `/api/v1/dossiers/${d.code}/actions/${slug}`, payload: { version: d.version, ...body } });
  assert.equal(res.statusCode, 200, `${slug}: ${res.body}`);
  return res.json() as Dossier;
}

const slip = (session: Session, code: string, name: string) => session.request({ url: `/api/v1/dossiers/${code}/slips/${name}.pdf` });

async function pdfOf(session: Session, code: string, name: string): Promise<{ pdf: Buffer; text: string }> {
  const res = await slip(session, code, name);
  assert.equal(res.statusCode, 200, `${name}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/pdf/);
  assert.equal(res.headers['content-disposition'], `inline; filename="${code}-${name}.pdf"`);
  const pdf = res.rawPayload;
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  return { pdf, text: pdfText(pdf) };
}

/** The common facts every slip of the dossier prints. */
function assertFacts(text: string, code: string, label: string) {
  assert.ok(text.includes(code), `${label}: dossier code\n${text}`);
  assert.ok(text.includes(APPLICANT), `${label}: applicant's name with diacritics\n${text}`);
}

const codes: string[] = [];

test('supplemented, accepted, late with apology and extension, returned: each slip as PDF with the tracking QR code', async () => {
  at('2026-03-02T09:00:00'); // Monday
  let d = await receive();
  codes.push(d.code);
  assert.equal((await slip(s.clerk, d.code, 'receipt')).statusCode, 404, 'no receipt before acceptance');
  assert.equal((await slip(s.clerk, d.code, 'refusal')).statusCode, 404, 'not refused');
  assert.equal((await slip(s.clerk, d.code, 'apology-extension-1')).statusCode, 404, 'never extended');

  d = await step(s.clerk, d, 'request-supplement', { missing: 'Bản sao giấy chứng nhận kết hôn của cha mẹ' });
  const supplement = await pdfOf(s.clerk, d.code, 'supplement-request');
  assertFacts(supplement.text, d.code, 'supplement');
  assert.match(supplement.text, /PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ/);
  assert.match(supplement.text, /1\. Bản sao giấy chứng nhận kết hôn của cha mẹ/);
  assert.equal(decodeQr(supplement.pdf), tracking(d.code));

  at('2026-03-03T10:00:00');
  d = await step(s.clerk, d, 'receive-supplement');
  d = await step(s.clerk, d, 'accept');
  const dueDay = d.dueDate; // 3 working days from Monday, moved by the one paused day: Friday 6 March
  assert.equal(dueDay, '2026-03-06');
  const receipt = await pdfOf(s.clerk, d.code, 'receipt');
  assertFacts(receipt.text, d.code, 'receipt');
  assert.match(receipt.text, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
  assert.ok(receipt.text.includes(PROCEDURE_NAME.slice(0, 40)), `procedure name\n${receipt.text}`);
  assert.match(flat(receipt.text), /5\. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 06 tháng 3 năm 2026/);
  assert.match(receipt.text, /03 ngày làm việc/);
  assert.match(receipt.text, /Tờ khai đăng ký khai sinh/);
  assert.match(receipt.text, /Tân Phiếu, ngày 03 tháng 3 năm 2026/, 'date line: place name without the kind word');
  assert.match(receipt.text, /TỈNH ĐỒNG PHIẾU/, 'superior body: the parent unit');
  assert.equal(decodeQr(receipt.pdf), tracking(d.code));

  d = await step(s.clerk, d, 'start-processing', { toUnit: commune.code, assignee: users.specialist.username });
  at('2026-03-09T09:00:00'); // late since Friday evening
  d = await step(s.leader, d, 'extend', { newDueDate: '2026-03-12', reason: 'Cần xác minh thông tin hộ tịch ở nơi cư trú trước' });
  const apology = await pdfOf(s.clerk, d.code, 'apology-extension-1');
  assertFacts(apology.text, d.code, 'apology');
  assert.match(apology.text, /VĂN BẢN XIN LỖI/);
  assert.match(apology.text, /Cần xác minh thông tin hộ tịch ở nơi cư trú trước/);
  assert.match(flat(apology.text), /hẹn trả kết quả lúc 17 giờ 00 phút, ngày 06 tháng 3 năm 2026/);
  assert.match(flat(apology.text), /gia hạn thời gian giải quyết hồ sơ đến 17 giờ 00 phút, ngày 12 tháng 3 năm 2026/);
  assert.equal(decodeQr(apology.pdf), tracking(d.code));
  assert.equal((await slip(s.clerk, d.code, 'apology-extension')).statusCode, 200, 'without a number: the latest');
  assert.equal((await slip(s.clerk, d.code, 'apology-extension-2')).statusCode, 404, 'one extension only');

  d = await step(s.specialist, d, 'submit');
  d = await step(s.leader, d, 'approve');
  d = await step(s.specialist, d, 'result-ready');
  d = await step(s.clerk, d, 'return', { returnChannel: 'desk' });
  const sheet = await pdfOf(s.leader, d.code, 'control-sheet');
  assertFacts(sheet.text, d.code, 'control sheet');
  assert.match(sheet.text, /PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ/);
  assert.match(sheet.text, /Quá hạn/, 'the hand-overs after the due moment are marked late');
  assert.match(sheet.text, /Lãnh đạo Xã Tân/);
  assert.equal(decodeQr(sheet.pdf), tracking(d.code));
  assert.equal((await slip(s.clerk, d.code, 'stop-notice')).statusCode, 404, 'returned, not stopped');

  const audit = await sys.platform.pool.query<{ after: { via: string; slip: string } }>(
    "SELECT after FROM audit_log WHERE action = 'dossier.read' AND entity_id = $1 AND after->>'via' = 'slip' ORDER BY id",
    [d.code],
  );
  assert.ok(
    audit.rows.some((r) => r.after.slip === 'receipt'),
    'printing a slip is an audited read of personal data',
  );
});

test('refused: the refusal slip with the reason; no receipt', async () => {
  at('2026-03-04T08:30:00');
  let d = await receive();
  codes.push(d.code);
  d = await step(s.clerk, d, 'refuse', { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của xã' });
  const refusal = await pdfOf(s.clerk, d.code, 'refusal');
  assertFacts(refusal.text, d.code, 'refusal');
  assert.match(refusal.text, /PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ/);
  assert.match(refusal.text, /Hồ sơ không thuộc thẩm quyền giải quyết của xã/);
  assert.ok(refusal.text.includes(PROCEDURE_NAME.slice(0, 40)));
  assert.equal(decodeQr(refusal.pdf), tracking(d.code));
  assert.equal((await slip(s.clerk, d.code, 'receipt')).statusCode, 404);
});

test('withdrawn: the notice of stopping names the applicant’s request', async () => {
  at('2026-03-05T14:00:00');
  let d = await receive();
  codes.push(d.code);
  d = await step(s.clerk, d, 'accept');
  d = await step(s.clerk, d, 'withdraw', { reason: 'Người nộp đề nghị rút hồ sơ để bổ sung giấy tờ khác' });
  const notice = await pdfOf(s.clerk, d.code, 'stop-notice');
  assertFacts(notice.text, d.code, 'stop notice');
  assert.match(notice.text, /Về việc dừng giải quyết hồ sơ/);
  assert.match(notice.text, /Người nộp đề nghị rút hồ sơ để bổ sung giấy tờ khác/);
  assert.equal(decodeQr(notice.pdf), tracking(d.code));
  assert.equal((await slip(s.clerk, d.code, 'receipt')).statusCode, 200, 'accepted before it was withdrawn');
});

test('the register book lists one row per dossier of the period, as Excel and PDF', async () => {
  at('2026-04-01T09:00:00');
  codes.push((await receive('Trần Văn Tháng Tư')).code); // outside March
  const q = `unit=${commune.code}&from=2026-03-01&to=2026-03-31`;
  const xlsx = await s.clerk.request({ url: `/api/v1/dossiers/register.xlsx?${q}` });
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  const found: string[] = [];
  ws.eachRow((row) => {
    const code = String(row.getCell(2).value ?? '');
    if (/-\d{6}-\d{4}$/.test(code)) found.push(code);
  });
  assert.deepEqual(found, codes.slice(0, 3), 'the three March dossiers, in order of receipt');
  const names = JSON.stringify(ws.getSheetValues());
  assert.ok(names.includes(APPLICANT));
  assert.ok(!names.includes('Trần Văn Tháng Tư'));

  const pdf = await s.leader.request({ url: `/api/v1/dossiers/register.pdf?${q}` });
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.match(String(pdf.headers['content-type']), /^application\/pdf/);
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /SỔ THEO DÕI HỒ SƠ/);
  // Codes wrap inside their narrow column: each row starts with its number and the start of its code.
  for (const [i, code] of codes.slice(0, 3).entries()) assert.ok(text.includes(`\n${i + 1} ${code.slice(0, 8)}`), code);
  for (const day of ['02/03/2026', '04/03/2026', '05/03/2026']) assert.ok(text.includes(day), day);
  assert.ok(!text.includes('01/04/2026 '), 'nothing received in April');
  assert.match(text, /Từ chối/, 'the refused dossier says so');

  for (const bad of ['from=2026-03-31&to=2026-03-01', 'from=2025-01-01&to=2026-01-02', 'from=2026-03-01', 'from=2026-03-01&to=31-03-2026']) {
    const res = await s.clerk.request({ url: `/api/v1/dossiers/register.pdf?unit=${commune.code}&${bad}` });
    assert.equal(res.statusCode, 400, bad);
  }
  assert.equal(
    (await s.clerk.request({ url: `/api/v1/dossiers/register.xlsx?unit=${commune.code}&from=2025-03-31&to=2026-03-31` })).statusCode,
    200,
    '366 days',
  );
});

test('another unit’s clerk is refused; an unknown slip or dossier is 404', async () => {
  const code = codes[0] as string;
  assert.equal((await slip(s.otherClerk, code, 'control-sheet')).statusCode, 403);
  assert.equal((await s.otherClerk.request({ url: `/api/v1/dossiers/register.pdf?unit=${commune.code}&from=2026-03-01&to=2026-03-31` })).statusCode, 403);
  assert.equal((await slip(s.clerk, code, 'no-such-slip')).statusCode, 400);
  assert.equal((await slip(s.clerk, 'X.1-260101-9999', 'control-sheet')).statusCode, 404);
  assert.equal((await sys.app.inject({ url: `/api/v1/dossiers/${code}/slips/receipt.pdf` })).statusCode, 401);
});

test('the desk pages link the slips that apply and the month’s register book; the QR address fills in the code', async () => {
  const code = codes[0] as string;
  const page = await s.clerk.request({ url: `/mot-cua/ho-so/${code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /In phiếu/);
  for (const name of ['receipt', 'supplement-request', 'apology-extension-1', 'control-sheet']) assert.ok(page.body.includes(`/slips/${name}.pdf`), name);
  assert.ok(!page.body.includes('/slips/refusal.pdf'));
  at('2026-03-20T09:00:00');
  const desk = await s.clerk.request({ url: `/mot-cua?unit=${commune.code}` });
  assert.ok(desk.body.includes(`/api/v1/dossiers/register.pdf?unit=${commune.code}&amp;from=2026-03-01&amp;to=2026-03-31`), desk.body);
  assert.ok(desk.body.includes('/api/v1/dossiers/register.xlsx?'));
  const qr = await sys.app.inject({ url: `/tra-cuu?ma=${encodeURIComponent(code)}` });
  assert.equal(qr.statusCode, 200);
  assert.ok(qr.body.includes(`value="${code}"`), 'the code is filled in');
});
