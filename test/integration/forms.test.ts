/**
 * Declaration sets at the desk: made from a real-format ID-card QR, the remaining boxes typed once, each form
 * printed as PDF and read back with pdftotext; a bad scan fills nothing; other units are refused; the audit log
 * holds no card data; the purge job deletes unattached sets after 24 hours and keeps attached ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachSetToDossier, purgeUnattachedSets } from '../../src/modules/forms/index.ts';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { pdfInfo, pdfText } from '../pdf.ts';
import { makeProcedure, receiveDirect } from './dossiers-support.ts';

const QR = '001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|01072021';
const GROOM_QR = '087088001234||Trần Văn Đức|02111988|Nam|Ấp Tân Hòa, xã Tân Thuận, Đồng Tháp|10092024';
const flat = (t: string) => t.replace(/\s+/g, ' ');

const sys = await startSystem();
const province = await makeUnit(sys, { name: 'Tỉnh Đồng Tờ Khai' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Tờ Khai' });
const other = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Bên Cạnh' });
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', ward)).username);
const otherClerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', other)).username);
const specialist = await signIn(sys, (await makeUser(sys, 'specialist', ward)).username);

async function newSet(s: Session, fields: Record<string, string>) {
  return s.request({ method: 'POST', url: '/mot-cua/to-khai', payload: form({ _csrf: s.csrf, unit: ward.code, ...fields }), headers: { accept: 'text/html' } });
}

function setIdFrom(location: string | undefined): number {
  const m = /\/mot-cua\/to-khai\/(\d+)$/.exec(String(location));
  assert.ok(m, `redirect to the set, got ${location}`);
  return Number(m[1]);
}

test('scan → set with the requester filled and the card warning shown → the rest typed once → every form printed with the values', async () => {
  const res = await newSet(clerk, { procedure: '1.001193', templates: 'marital-status', qr: `${QR}\r\n` });
  assert.equal(res.statusCode, 303, res.body);
  const id = setIdFrom(res.headers.location);
  const page = await clerk.request({ url: `/mot-cua/to-khai/${id}`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /value="Nguyễn Thị Ánh Tuyết"/);
  assert.match(page.body, /Căn cước công dân số 001099012345 do Cục Cảnh sát QLHC về TTXH cấp ngày 01\/07\/2021/);
  // 001099…: the sex digit 0 says male, the card says Nữ: the clerk is warned, the card is not refused.
  assert.match(page.body, /Cần kiểm tra lại thẻ/);
  // The shared requester box appears once although two forms use it.
  assert.equal(page.body.match(/name="requester\.fullName"/g)?.length, 1);

  // Saving with required boxes empty re-renders with the input and names the boxes.
  const partial = await clerk.request({
    method: 'POST',
    url: `/mot-cua/to-khai/${id}`,
    payload: form({
      _csrf: clerk.csrf,
      'requester.fullName': 'Nguyễn Thị Ánh Tuyết',
      'child.fullName': 'Trần Ngọc Bảo Hân',
      'child.dateOfBirth': '31/02/2026',
    }),
    headers: { accept: 'text/html' },
  });
  assert.equal(partial.statusCode, 400);
  assert.match(partial.body, /value="Trần Ngọc Bảo Hân"/);
  assert.match(partial.body, /«Ngày, tháng, năm sinh» không phải là ngày có thật/);
  assert.match(partial.body, /Hãy nhập «Kính gửi»/);

  const filled = {
    authority: 'Ủy ban nhân dân phường Tờ Khai',
    'requester.fullName': 'Nguyễn Thị Ánh Tuyết',
    'requester.dateOfBirth': '1990-03-15',
    'requester.residence': 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp',
    'requester.idDocument': 'Căn cước công dân số 001099012345 do Cục Cảnh sát QLHC về TTXH cấp ngày 01/07/2021',
    'birth.relation': 'Mẹ',
    'child.fullName': 'Trần Ngọc Bảo Hân',
    'child.dateOfBirth': '02/03/2026',
    'child.sex': 'Nữ',
    'child.ethnicity': 'Kinh',
    'child.nationality': 'Việt Nam',
    'child.placeOfBirth': 'Bệnh viện Đa khoa Đồng Tháp',
    'mother.fullName': 'Nguyễn Thị Ánh Tuyết',
    'mother.yearOfBirth': '1990',
    'birth.copies': 'co',
    'birth.copyCount': '2',
    'marital.relation': 'Bản thân',
    'subject.fullName': 'Nguyễn Thị Ánh Tuyết',
    'subject.dateOfBirth': '1990-03-15',
    'subject.sex': 'Nữ',
    'subject.idDocument': 'Căn cước công dân số 001099012345',
    'subject.maritalStatus': 'Đã đăng ký kết hôn',
    'subject.purpose': 'Bổ sung hồ sơ vay vốn ngân hàng',
    'signing.place': 'Cao Lãnh',
    'signing.date': '2026-03-10',
  };
  const saved = await clerk.request({
    method: 'POST',
    url: `/mot-cua/to-khai/${id}`,
    payload: form({ _csrf: clerk.csrf, version: '1', ...filled }),
    headers: { accept: 'text/html' },
  });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));

  const birth = await clerk.request({ url: `/mot-cua/to-khai/${id}/in/birth-registration.pdf` });
  assert.equal(birth.statusCode, 200);
  assert.equal(birth.headers['content-type'], 'application/pdf');
  assert.match(String(birth.headers['content-disposition']), /^inline/);
  assert.equal(pdfInfo(birth.rawPayload).Pages, '1');
  const text = flat(pdfText(birth.rawPayload));
  for (const want of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    'Nguyễn Thị Ánh Tuyết',
    'Trần Ngọc Bảo Hân',
    '02/03/2026',
    'ngày hai tháng ba năm hai nghìn không trăm hai mươi sáu',
    'Bệnh viện Đa khoa Đồng Tháp',
    'Làm tại: Cao Lãnh, ngày 10 tháng 3 năm 2026',
    'NGƯỜI YÊU CẦU',
    '(Ký, ghi rõ họ, chữ đệm, tên)',
  ]) {
    assert.ok(text.includes(want), `birth form lacks "${want}"`);
  }
  const marital = flat(pdfText((await clerk.request({ url: `/mot-cua/to-khai/${id}/in/marital-status.pdf` })).rawPayload));
  assert.ok(marital.includes('TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN'));
  assert.ok(marital.includes('Bổ sung hồ sơ vay vốn ngân hàng'));
  assert.ok(marital.includes('Nguyễn Thị Ánh Tuyết'));
  // A form the set does not hold is 404.
  assert.equal((await clerk.request({ url: `/mot-cua/to-khai/${id}/in/death-registration.pdf` })).statusCode, 404);
});

test('a marriage set takes both cards: each fills its own column; both names print', async () => {
  const res = await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.000894', qr: QR } });
  assert.equal(res.statusCode, 201, res.body);
  const set = res.json();
  assert.equal(set.values['bride.fullName'], 'Nguyễn Thị Ánh Tuyết');
  assert.ok(set.missing.includes('groom.fullName'));
  const patched = await clerk.request({
    method: 'PATCH',
    url: `/api/v1/forms/sets/${set.id}`,
    payload: { qr: GROOM_QR, values: { 'bride.marriageCount': '1', authority: 'UBND phường Tờ Khai' } },
  });
  assert.equal(patched.statusCode, 200, patched.body);
  assert.equal(patched.json().values['groom.fullName'], 'Trần Văn Đức');
  assert.equal(patched.json().values['groom.idDocument'], 'Thẻ căn cước số 087088001234 do Bộ Công an cấp ngày 10/09/2024');
  const pdf = await clerk.request({ url: `/api/v1/forms/sets/${set.id}/marriage-registration.pdf` });
  assert.equal(pdf.statusCode, 200);
  const text = flat(pdfText(pdf.rawPayload));
  assert.ok(text.includes('TỜ KHAI ĐĂNG KÝ KẾT HÔN'));
  assert.ok(text.includes('Nguyễn Thị Ánh Tuyết') && text.includes('Trần Văn Đức'));
  assert.ok(text.includes('BÊN NỮ') && text.includes('BÊN NAM'));
});

test('all six forms print on A4 with the requester’s name in correct Vietnamese', async () => {
  const keys = ['birth-registration', 'marriage-registration', 'death-registration', 'marital-status', 'civil-status-extract-copy', 'certification-request'];
  const res = await clerk.request({
    method: 'POST',
    url: '/api/v1/forms/sets',
    payload: { unit: ward.code, templates: keys, qr: QR, values: { 'deceased.fullName': 'Lê Văn Bảy', 'cert.kind': 'chu-ky' } },
  });
  assert.equal(res.statusCode, 201, res.body);
  const { id } = res.json();
  for (const key of keys) {
    const pdf = await clerk.request({ url: `/api/v1/forms/sets/${id}/${key}.pdf` });
    assert.equal(pdf.statusCode, 200, key);
    assert.match(pdfInfo(pdf.rawPayload)['Page size'] ?? '', /595\.\d* x 841\.\d*/, key);
    const text = flat(pdfText(pdf.rawPayload));
    assert.ok(text.includes('Nguyễn Thị Ánh Tuyết'), `${key} lacks the name`);
    assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), key);
  }
});

test('a bad scan fills nothing and shows the reader’s error; nothing is stored', async () => {
  const before = (await sys.platform.pool.query('SELECT count(*)::int AS n FROM declaration_sets')).rows[0].n;
  const res = await newSet(clerk, { procedure: '1.001193', qr: '001099012345|Nguyễn Thị' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /class="error-summary"/);
  assert.doesNotMatch(res.body, /Nguyễn Thị/);
  const after = (await sys.platform.pool.query('SELECT count(*)::int AS n FROM declaration_sets')).rows[0].n;
  assert.equal(after, before);
  const api = await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.001193', qr: 'not a card' } });
  assert.equal(api.statusCode, 422);
  assert.equal(api.json().code, 'CCCD_QR_INVALID');
  assert.doesNotMatch(api.body, /not a card/);
});

test('another unit’s clerk is refused the set, its page and its PDFs; a specialist cannot make sets', async () => {
  const res = await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.001193', qr: QR } });
  const { id } = res.json();
  for (const url of [`/api/v1/forms/sets/${id}`, `/api/v1/forms/sets/${id}/birth-registration.pdf`])
    assert.equal((await otherClerk.request({ url })).statusCode, 403, url);
  assert.equal((await otherClerk.request({ url: `/mot-cua/to-khai/${id}`, headers: { accept: 'text/html' } })).statusCode, 403);
  assert.equal((await otherClerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.001193' } })).statusCode, 403);
  assert.equal((await specialist.request({ url: `/api/v1/forms/sets/${id}` })).statusCode, 403);
  assert.equal((await clerk.request({ url: '/api/v1/forms/sets/999999999' })).statusCode, 404);
});

test('the audit log names the set, never the card: every read is recorded', async () => {
  const res = await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.001193', qr: QR } });
  const { id } = res.json();
  await clerk.request({ url: `/api/v1/forms/sets/${id}` });
  await clerk.request({ url: `/api/v1/forms/sets/${id}/birth-registration.pdf` });
  await clerk.request({ url: `/mot-cua/to-khai/${id}`, headers: { accept: 'text/html' } });
  const rows = (
    await sys.platform.pool.query(
      "SELECT action, entity_id, before, after FROM audit_log WHERE entity_type = 'declaration_set' AND entity_id = $1 ORDER BY id",
      [String(id)],
    )
  ).rows;
  assert.deepEqual(
    rows.map((r) => r.action),
    ['declaration_set.create', 'declaration_set.read', 'declaration_set.read', 'declaration_set.read'],
  );
  const all = JSON.stringify((await sys.platform.pool.query('SELECT * FROM audit_log')).rows);
  for (const secret of ['001099012345', 'Ánh Tuyết', 'Anh Tuyet', 'Tổ 3', '1990-03-15']) assert.ok(!all.includes(secret), `audit log holds "${secret}"`);
});

test('the purge job deletes sets not attached after 24 hours and keeps attached ones', async () => {
  const make = async () =>
    (await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.001193', qr: QR } })).json().id as number;
  const fresh = await make();
  const old = await make();
  const kept = await make();
  const proc = await makeProcedure(sys, { days: 1 });
  const dossier = await receiveDirect(sys, ward, proc);
  await attachSetToDossier(sys.platform.db, kept, dossier.id);
  await attachSetToDossier(sys.platform.db, kept, dossier.id); // repeating does nothing
  const otherDossier = await receiveDirect(sys, other, proc);
  await assert.rejects(attachSetToDossier(sys.platform.db, fresh, otherDossier.id), /CONFLICT/);
  await sys.platform.pool.query("UPDATE declaration_sets SET created_at = now() - interval '25 hours', purge_after = now() - interval '1 hour' WHERE id = $1", [
    old,
  ]);
  await sys.platform.pool.query("UPDATE declaration_sets SET created_at = now() - interval '25 hours' WHERE id = $1", [kept]);
  const deleted = await purgeUnattachedSets(sys.platform.db, new Date());
  assert.ok(deleted >= 1);
  const left = (await sys.platform.pool.query('SELECT id::int FROM declaration_sets WHERE id = ANY($1::bigint[]) ORDER BY id', [[fresh, old, kept]])).rows.map(
    (r) => r.id,
  );
  assert.deepEqual(left, [fresh, kept]);
  // A day later every unattached set made now is gone; the attached one stays.
  await purgeUnattachedSets(sys.platform.db, new Date(Date.now() + 24 * 3600_000 + 60_000));
  const after = (await sys.platform.pool.query('SELECT id::int FROM declaration_sets WHERE id = ANY($1::bigint[])', [[fresh, old, kept]])).rows.map(
    (r) => r.id,
  );
  assert.deepEqual(after, [kept]);
  assert.equal((await clerk.request({ url: `/api/v1/forms/sets/${old}` })).statusCode, 404);
});

test('templates are listed with their fields and which card field fills which box', async () => {
  const list = await clerk.request({ url: '/api/v1/forms/templates' });
  assert.equal(list.statusCode, 200);
  assert.equal(list.json().items.length, 6);
  const birth = (await clerk.request({ url: '/api/v1/forms/templates/birth-registration' })).json();
  assert.equal(birth.name, 'Tờ khai đăng ký khai sinh');
  assert.ok(birth.procedures.some((x: { code: string }) => x.code === '1.001193'));
  assert.ok(birth.fields.some((f: { key: string; required: boolean }) => f.key === 'child.fullName' && f.required));
  assert.ok(birth.identity.some((m: { field: string; from: string }) => m.field === 'requester.idDocument' && m.from === 'idDocument'));
  assert.equal((await clerk.request({ url: '/api/v1/forms/templates/birth-registration?version=99' })).statusCode, 404);
});
