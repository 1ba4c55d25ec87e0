/**
 * A citizen signed in through VNeID (the real local OpenID provider) fills and prints their own declarations: the
 * boxes about them come pre-filled from VNeID, the rest are typed, the PDF is read back with pdftotext; a missing
 * required box re-renders the form with the input kept; nothing is stored or audited; staff are refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { pdfText } from '../pdf.ts';
import { citizenSession, startVneidStandIn, TUYET } from './citizens-support.ts';

const { env } = await startVneidStandIn();
const sys = await startSystem(env);
const unit = await makeUnit(sys, { name: 'Phường Tờ Khai Công Dân' });
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', unit)).username);
const citizen = await citizenSession(sys, TUYET);

const flat = (t: string) => t.replace(/\s+/g, ' ');
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a browser would send from the page's form: text inputs, textareas and the selected options. */
function formFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const formHtml = body.slice(body.indexOf('<form method="post" action="/cong-dan/to-khai/'));
  for (const m of formHtml.matchAll(/<input ([^>]*)>/g)) {
    const attrs = m[1] as string;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1];
    if (!name || /type="checkbox"/.test(attrs)) continue;
    out[decode(name)] = decode(value ?? '');
  }
  for (const m of formHtml.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) out[decode(m[1] as string)] = decode(m[2] as string);
  for (const m of formHtml.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[decode(m[1] as string)] = decode(/<option value="([^"]*)" selected/.exec(m[2] as string)?.[1] ?? '');
  }
  return out;
}

/** The value attribute of the input with id f-<key>, decoded, or null. */
function inputValue(body: string, key: string): string | null {
  const tag = new RegExp(`<input [^>]*id="f-${key.replace('.', '\\.')}"[^>]*>`).exec(body)?.[0];
  if (!tag) return null;
  return decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
}

const page = (s: Session, url: string) => s.request({ url, headers: { accept: 'text/html' } });
const post = (s: Session, url: string, fields: Record<string, string>) =>
  s.request({ method: 'POST', url, payload: form(fields), headers: { accept: 'text/html' } });

async function counts() {
  const r = await sys.platform.pool.query<{ sets: number; audit: number }>(
    'SELECT (SELECT count(*)::int FROM declaration_sets) AS sets, (SELECT count(*)::int FROM audit_log) AS audit',
  );
  return r.rows[0];
}

test('the citizen page links to the list of forms, which names every template with its legal basis', async () => {
  const home = await page(citizen, '/cong-dan');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /href="\/cong-dan\/to-khai"/);

  const list = await page(citizen, '/cong-dan/to-khai');
  assert.equal(list.statusCode, 200);
  for (const name of ['Tờ khai đăng ký khai sinh', 'Tờ khai đăng ký kết hôn', 'Tờ khai đăng ký khai tử', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân']) {
    assert.ok(list.body.includes(name), name);
  }
  assert.equal([...list.body.matchAll(/href="\/cong-dan\/to-khai\/[a-z-]+"/g)].length, 6, 'six templates, each linked');
  assert.match(list.body, /Thông tư số 04\/2020\/TT-BTP/);
  assert.match(list.body, /Thông tin chỉ dùng để in tờ khai này, hệ thống không lưu lại/);
});

test('a birth registration form comes pre-filled from VNeID and prints with both names in diacritics; nothing is stored', async () => {
  const before = await counts();
  const res = await page(citizen, '/cong-dan/to-khai/birth-registration');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Tờ khai đăng ký khai sinh<\/h1>/);
  assert.match(res.body, /Thông tin chỉ dùng để in tờ khai này, hệ thống không lưu lại/);
  assert.equal(inputValue(res.body, 'requester.fullName'), 'Trần Thị Ánh Tuyết');
  assert.equal(inputValue(res.body, 'requester.dateOfBirth'), '1990-04-15');
  assert.equal(inputValue(res.body, 'requester.residence'), 'Số 12 đường Lê Lợi, Phường 1, Thành phố Cao Lãnh, Đồng Tháp');
  assert.match(inputValue(res.body, 'requester.idDocument') ?? '', /087190001234/);
  assert.equal(inputValue(res.body, 'child.fullName'), '', 'the child’s boxes are left to type');
  assert.match(res.body, /Điền sẵn từ VNeID/);
  for (const legend of ['Người yêu cầu', 'Người được khai sinh', 'Mẹ', 'Cha']) assert.ok(res.body.includes(`<legend>${legend}</legend>`), legend);

  const fields: Record<string, string> = {
    ...formFields(res.body),
    authority: 'Ủy ban nhân dân phường Cao Lãnh',
    'birth.relation': 'Mẹ',
    'child.fullName': 'Lê Hoàng Bảo Ngọc',
    'child.dateOfBirth': '2026-03-01',
    'child.sex': 'Nữ',
    'child.ethnicity': 'Kinh',
    'child.nationality': 'Việt Nam',
    'child.placeOfBirth': 'Bệnh viện Đa khoa Đồng Tháp',
    'mother.fullName': 'Trần Thị Ánh Tuyết',
  };
  assert.equal(fields['requester.fullName'], 'Trần Thị Ánh Tuyết', 'the browser sends the pre-filled boxes back');
  const printed = await post(citizen, '/cong-dan/to-khai/birth-registration', fields);
  assert.equal(printed.statusCode, 200, printed.body.slice(0, 2000));
  assert.equal(printed.headers['content-type'], 'application/pdf');
  assert.equal(printed.headers['content-disposition'], 'inline; filename="birth-registration.pdf"');
  assert.equal(printed.headers['cache-control'], 'no-store');
  const text = flat(pdfText(printed.rawPayload));
  assert.ok(text.includes('TỜ KHAI ĐĂNG KÝ KHAI SINH'), text.slice(0, 400));
  assert.ok(text.includes('Trần Thị Ánh Tuyết'), 'the requester’s name with diacritics');
  assert.ok(text.includes('Lê Hoàng Bảo Ngọc'), 'the child’s name with diacritics');
  assert.ok(text.includes('087190001234'), 'the personal ID number');
  assert.ok(text.includes('Bệnh viện Đa khoa Đồng Tháp'));

  assert.deepEqual(await counts(), before, 'no declaration set and no audit row: the form is printed, not stored');
});

test('a missing required box answers 400 with the form again, naming the box, every typed value kept', async () => {
  const res = await page(citizen, '/cong-dan/to-khai/birth-registration');
  const fields: Record<string, string> = {
    ...formFields(res.body),
    authority: 'Ủy ban nhân dân phường Cao Lãnh',
    'birth.relation': 'Mẹ',
    'child.dateOfBirth': '2026-03-01',
    'child.sex': 'Nữ',
    'child.ethnicity': 'Kinh',
    'child.nationality': 'Việt Nam',
    'child.placeOfBirth': 'Bệnh viện Đa khoa Đồng Tháp',
    'requester.residence': 'Số 8 đường Nguyễn Huệ, Phường 2, Đồng Tháp',
  };
  const again = await post(citizen, '/cong-dan/to-khai/birth-registration', fields);
  assert.equal(again.statusCode, 400);
  assert.match(again.headers['content-type'] as string, /text\/html/);
  assert.match(again.body, /class="error-summary"/);
  assert.match(again.body, /Hãy nhập «Họ, chữ đệm, tên người được khai sinh»/);
  assert.match(again.body, /href="#f-child\.fullName"/);
  assert.equal(inputValue(again.body, 'requester.fullName'), 'Trần Thị Ánh Tuyết');
  assert.equal(inputValue(again.body, 'requester.residence'), 'Số 8 đường Nguyễn Huệ, Phường 2, Đồng Tháp', 'a corrected address is kept');
  assert.equal(inputValue(again.body, 'child.placeOfBirth'), 'Bệnh viện Đa khoa Đồng Tháp');
  assert.equal(inputValue(again.body, 'child.dateOfBirth'), '2026-03-01');
  assert.equal(inputValue(again.body, 'authority'), 'Ủy ban nhân dân phường Cao Lãnh');
  assert.match(again.body, /<option value="Nữ" selected/);
  assert.match(again.body, /Thông tin chỉ dùng để in tờ khai này, hệ thống không lưu lại/);

  const bad = await post(citizen, '/cong-dan/to-khai/birth-registration', { ...fields, 'child.fullName': 'Bé 123', 'child.dateOfBirth': '2026-02-30' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /«Họ, chữ đệm, tên người được khai sinh»: chỉ gồm chữ cái và khoảng trắng/);
  assert.match(bad.body, /«Ngày, tháng, năm sinh» không phải là ngày có thật/);
});

test('the marital status form fills the requester and the person certified, and prints', async () => {
  const res = await page(citizen, '/cong-dan/to-khai/marital-status');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Tờ khai cấp Giấy xác nhận tình trạng hôn nhân<\/h1>/);
  assert.equal(inputValue(res.body, 'subject.fullName'), 'Trần Thị Ánh Tuyết');
  assert.equal(inputValue(res.body, 'subject.dateOfBirth'), '1990-04-15');
  assert.match(inputValue(res.body, 'subject.idDocument') ?? '', /087190001234/);
  const fields: Record<string, string> = {
    ...formFields(res.body),
    authority: 'Ủy ban nhân dân phường Mỹ Phú',
    'marital.relation': 'Bản thân',
    'subject.maritalStatus': 'Chưa đăng ký kết hôn với ai',
    'subject.purpose': 'Đăng ký kết hôn',
  };
  assert.equal(fields['subject.sex'], 'Nữ', 'the sex from VNeID is selected');
  const printed = await post(citizen, '/cong-dan/to-khai/marital-status', fields);
  assert.equal(printed.statusCode, 200, printed.body.slice(0, 2000));
  assert.equal(printed.headers['content-disposition'], 'inline; filename="marital-status.pdf"');
  const text = flat(pdfText(printed.rawPayload));
  assert.ok(text.includes('Trần Thị Ánh Tuyết'));
  assert.ok(text.includes('Chưa đăng ký kết hôn với ai'));
  assert.ok(text.includes('Ủy ban nhân dân phường Mỹ Phú'));
});

const GROOM_QR = '001088012345||Lê Văn Bình|02021988|Nam|Số 5, Phường 2, Cao Lãnh, Đồng Tháp|01072021';
const VIETQR = '00020101021238570010A00000072701270006970436011300110123456780208QRIBFTTA53037045802VN6304ABCD';

test('marriage: the citizen (the bride) scans her groom’s card; his column is filled, hers and everything typed are kept; it prints', async () => {
  const before = await counts();
  const res = await page(citizen, '/cong-dan/to-khai/marriage-registration');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<form method="post" action="\/cong-dan\/to-khai\/marriage-registration" data-cccd-form novalidate>/);
  assert.match(res.body, /<h2 id="quet-cccd">Quét CCCD của người khác<\/h2>/);
  assert.match(res.body, /<label for="f-qr">Mã QR trên thẻ căn cước<\/label>/);
  assert.match(res.body, /<input id="f-qr" name="qr" type="text" data-cccd-scan /);
  assert.match(res.body, /nút «Quét bằng camera» hiện ra dưới ô này/);
  assert.match(res.body, /<script src="\/static\/cccd-scan.js" defer/);
  assert.match(res.body, /href="#quet-cccd"/);
  assert.equal(inputValue(res.body, 'bride.fullName'), 'Trần Thị Ánh Tuyết');
  assert.equal(inputValue(res.body, 'groom.fullName'), '');

  const typed: Record<string, string> = {
    ...formFields(res.body),
    authority: 'Ủy ban nhân dân phường Cao Lãnh',
    'bride.residence': 'Số 8 đường Nguyễn Huệ, Phường 2, Đồng Tháp',
    'bride.ethnicity': 'Kinh',
    'groom.fullName': 'Le Van Binh',
    'groom.ethnicity': 'Kinh',
    'groom.nationality': 'Việt Nam',
    'groom.marriageCount': '1',
  };
  const scanned = await post(citizen, '/cong-dan/to-khai/marriage-registration', { ...typed, qr: GROOM_QR });
  assert.equal(scanned.statusCode, 200, scanned.body.slice(0, 2000));
  assert.match(scanned.headers['content-type'] as string, /text\/html/);
  assert.doesNotMatch(scanned.body, /class="error-summary"/);
  assert.match(scanned.body, /Đã điền các ô trong phần «Bên nam» từ thẻ căn cước vừa quét/);
  assert.equal(inputValue(scanned.body, 'groom.fullName'), 'Lê Văn Bình', 'the card’s name replaces what was typed in his box');
  assert.equal(inputValue(scanned.body, 'groom.dateOfBirth'), '1988-02-02');
  assert.equal(inputValue(scanned.body, 'groom.residence'), 'Số 5, Phường 2, Cao Lãnh, Đồng Tháp');
  assert.equal(inputValue(scanned.body, 'groom.idDocument'), 'Căn cước công dân số 001088012345 do Cục Cảnh sát QLHC về TTXH cấp ngày 01/07/2021');
  assert.equal(inputValue(scanned.body, 'groom.ethnicity'), 'Kinh', 'a typed box of his column the card does not map is kept');
  assert.equal(inputValue(scanned.body, 'groom.marriageCount'), '1');
  assert.equal(inputValue(scanned.body, 'bride.fullName'), 'Trần Thị Ánh Tuyết', 'her own boxes stay');
  assert.equal(inputValue(scanned.body, 'bride.residence'), 'Số 8 đường Nguyễn Huệ, Phường 2, Đồng Tháp', 'her corrected address stays');
  assert.match(inputValue(scanned.body, 'bride.idDocument') ?? '', /087190001234/);
  assert.equal(inputValue(scanned.body, 'authority'), 'Ủy ban nhân dân phường Cao Lãnh');
  assert.equal(inputValue(scanned.body, 'qr'), '', 'the card’s text is not echoed into the page');
  assert.ok(!scanned.body.includes('Lê Văn Bình|02021988'), 'the QR text appears nowhere');
  assert.match(scanned.body, /Điền từ thẻ căn cước vừa quét; đối chiếu với thẻ/);

  const fields: Record<string, string> = { ...formFields(scanned.body), 'marriage.copies': 'khong' };
  assert.equal(fields['groom.fullName'], 'Lê Văn Bình', 'the browser sends the filled boxes back');
  const printed = await post(citizen, '/cong-dan/to-khai/marriage-registration', fields);
  assert.equal(printed.statusCode, 200, printed.body.slice(0, 3000));
  assert.equal(printed.headers['content-type'], 'application/pdf');
  const text = flat(pdfText(printed.rawPayload));
  assert.ok(text.includes('TỜ KHAI ĐĂNG KÝ KẾT HÔN'), text.slice(0, 400));
  assert.ok(text.includes('Trần Thị Ánh Tuyết'), 'the bride’s name with diacritics');
  assert.ok(text.includes('Lê Văn Bình'), 'the groom’s name with diacritics');
  assert.ok(text.includes('001088012345'), 'the groom’s ID number');
  assert.ok(text.includes('Số 8 đường Nguyễn Huệ'), 'her corrected address (the table wraps it)');
  assert.ok(text.includes('Cục Cảnh sát QLHC về TTXH cấp ngày 01/07/2021'), 'his ID-document line');

  assert.deepEqual(await counts(), before, 'nothing stored and nothing audited: not the scan, not the print');
});

test('a bank QR (VietQR), an empty box and a card of her own sex are refused by name; nothing is filled, everything typed is kept', async () => {
  const res = await page(citizen, '/cong-dan/to-khai/marriage-registration');
  const typed: Record<string, string> = {
    ...formFields(res.body),
    authority: 'Ủy ban nhân dân phường Cao Lãnh',
    'groom.fullName': 'Lê Văn Bình',
    'groom.ethnicity': 'Kinh',
  };
  const bank = await post(citizen, '/cong-dan/to-khai/marriage-registration', { ...typed, qr: VIETQR });
  assert.equal(bank.statusCode, 422);
  assert.match(bank.body, /class="error-summary"/);
  assert.match(bank.body, /<a href="#f-qr">Đây là mã QR chuyển khoản ngân hàng \(VietQR\), không phải mã QR trên thẻ căn cước/);
  assert.match(bank.body, /<p class="error" id="f-qr-error">/);
  assert.doesNotMatch(bank.body, /Đã điền các ô/);
  assert.equal(inputValue(bank.body, 'qr'), '', 'the bad code is not put back into the box');
  assert.ok(!bank.body.includes('A000000727'), 'the bank code’s text appears nowhere');
  assert.equal(inputValue(bank.body, 'groom.fullName'), 'Lê Văn Bình', 'typed, not filled');
  assert.equal(inputValue(bank.body, 'groom.dateOfBirth'), '', 'nothing filled from the scan');
  assert.equal(inputValue(bank.body, 'groom.idDocument'), '');
  assert.equal(inputValue(bank.body, 'groom.ethnicity'), 'Kinh');
  assert.equal(inputValue(bank.body, 'authority'), 'Ủy ban nhân dân phường Cao Lãnh');
  assert.equal(inputValue(bank.body, 'bride.fullName'), 'Trần Thị Ánh Tuyết');

  const empty = await post(citizen, '/cong-dan/to-khai/marriage-registration', { ...typed, action: 'scan' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /<a href="#f-qr">[^<]*(quét|Quét)[^<]*<\/a>/);
  assert.equal(inputValue(empty.body, 'authority'), 'Ủy ban nhân dân phường Cao Lãnh');

  const woman = await post(citizen, '/cong-dan/to-khai/marriage-registration', {
    ...typed,
    qr: '087192005678||Phạm Thị Lan|30061992|Nữ|Số 5, Phường 2, Cao Lãnh, Đồng Tháp|10092024',
  });
  assert.equal(woman.statusCode, 422);
  assert.match(woman.body, /không điền được ô nào trong phần «Bên nam»/);
  assert.equal(inputValue(woman.body, 'bride.fullName'), 'Trần Thị Ánh Tuyết', 'another woman’s card never replaces her own boxes');
  assert.equal(inputValue(woman.body, 'groom.dateOfBirth'), '');
});

test('a form whose card maps only the requester has no scan section, and a stray QR text does not change printing', async () => {
  const res = await page(citizen, '/cong-dan/to-khai/birth-registration');
  assert.doesNotMatch(res.body, /data-cccd-form/);
  assert.doesNotMatch(res.body, /cccd-scan\.js/);
  assert.doesNotMatch(res.body, /Quét CCCD của người khác/);
  const again = await post(citizen, '/cong-dan/to-khai/birth-registration', { ...formFields(res.body), qr: GROOM_QR });
  assert.equal(again.statusCode, 400, 'validated as a print, not read as a scan');
  assert.match(again.body, /Hãy nhập «Kính gửi»/);
  assert.equal(inputValue(again.body, 'requester.fullName'), 'Trần Thị Ánh Tuyết');
});

test('an unknown form is a Vietnamese 404 page', async () => {
  for (const method of ['GET', 'POST'] as const) {
    const res =
      method === 'GET' ? await page(citizen, '/cong-dan/to-khai/khong-co-mau-nay') : await post(citizen, '/cong-dan/to-khai/khong-co-mau-nay', { a: 'b' });
    assert.equal(res.statusCode, 404, method);
    assert.match(res.body, /Không tìm thấy mẫu tờ khai/);
    assert.match(res.body, /Không có mẫu tờ khai này/);
  }
});

test('staff are refused and anonymous visitors are sent to the citizen start page', async () => {
  assert.equal((await page(clerk, '/cong-dan/to-khai')).statusCode, 403);
  assert.equal((await page(clerk, '/cong-dan/to-khai/birth-registration')).statusCode, 403);
  assert.equal((await post(clerk, '/cong-dan/to-khai/birth-registration', { _csrf: clerk.csrf, 'child.fullName': 'Lê Văn A' })).statusCode, 403);
  for (const url of ['/cong-dan/to-khai', '/cong-dan/to-khai/birth-registration']) {
    const anon = await sys.app.inject({ url, headers: { accept: 'text/html' } });
    assert.equal(anon.statusCode, 303, url);
    assert.equal(anon.headers.location, '/cong-dan');
  }
});

test('a post without the CSRF token is refused', async () => {
  const res = await sys.app.inject({
    method: 'POST',
    url: '/cong-dan/to-khai/birth-registration',
    headers: { cookie: citizen.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form({ 'child.fullName': 'Lê Văn A' }),
  });
  assert.equal(res.statusCode, 403);
});
