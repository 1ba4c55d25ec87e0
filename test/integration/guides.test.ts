/**
 * QR guide sheets (phiếu hướng dẫn bằng mã QR): the public unit and field pages their codes open, each field's
 * A4 sheet (text with diacritics, QR codes that decode to the right pages, long lists over several pages), the
 * whole set of a unit in one PDF for staff, and the print event in the audit log.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import type { System } from '../../src/compose.ts';
import { assignFieldSlugs } from '../../src/modules/guides/index.ts';
import { mergeUnit } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { pdfInfo } from '../pdf.ts';
import { decodeAllQrs, makeGuideProcedure, pdfPages } from './guides-support.ts';

const sys: System = await startSystem();
const BASE_URL = 'http://localhost:3000';
const html = { accept: 'text/html' };

const province = await makeUnit(sys, { kind: 'province', name: 'Tỉnh Đồng Tháp Thử' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Tân Hòa Thử', code: 'tan-hoa-thu' });
const other = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Khác' });

const hoTich = ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Đăng ký khai tử'];
for (const name of hoTich) {
  await makeGuideProcedure(sys, {
    name,
    field: 'Hộ tịch',
    days: name === 'Đăng ký kết hôn' ? 5 : 1,
    fees:
      name === 'Đăng ký khai sinh'
        ? [
            { kind: 'le_phi', name: 'Lệ phí đăng ký khai sinh', amountVnd: 0, note: 'Miễn khi đúng hạn', exemptions: [] },
            { kind: 'phi', name: 'Phí cấp bản sao', amountVnd: 8000, note: null, exemptions: [] },
          ]
        : [],
    units: [commune],
  });
}
const chungThuc = await makeGuideProcedure(sys, {
  name: 'Chứng thực bản sao từ bản chính',
  field: 'Chứng thực',
  fees: [{ kind: 'phi', name: 'Phí chứng thực', amountVnd: 2000, note: null, exemptions: [] }],
  units: [commune],
});
// Two fields whose names fold to the same slug: both must get a page of their own.
await makeGuideProcedure(sys, { name: 'Giao đất ở cho hộ gia đình', field: 'Đất đai', units: [commune] });
await makeGuideProcedure(sys, { name: 'Thu hồi đất tự nguyện', field: 'Đất  đai', units: [commune] });
// Not shown: a draft, a version in force only later, and a procedure the commune does not carry.
await makeGuideProcedure(sys, { name: 'Thủ tục nháp chưa công bố', field: 'Hộ tịch', publishFrom: null, units: [commune] });
await makeGuideProcedure(sys, { name: 'Thủ tục áp dụng năm sau', field: 'Hộ tịch', publishFrom: '2099-01-01', units: [commune] });
await makeGuideProcedure(sys, { name: 'Thủ tục của xã khác', field: 'Hộ tịch', units: [other] });
// A long field: more rows than one A4 page holds.
const longField = 'Bảo trợ xã hội';
const longNames = Array.from({ length: 22 }, (_, i) => `Trợ cấp xã hội số ${String(i + 1).padStart(2, '0')}`);
for (const name of longNames) await makeGuideProcedure(sys, { name, field: longField, units: [commune] });

const slugs = assignFieldSlugs(['Hộ tịch', 'Chứng thực', 'Đất đai', 'Đất  đai', longField]);
const slug = (field: string) => slugs.get(field) as string;

test('the unit page lists, by field, only the published procedures in force that the unit carries', async () => {
  const res = await sys.app.inject({ method: 'GET', url: '/thu-tuc/don-vi/tan-hoa-thu', headers: html });
  assert.equal(res.statusCode, 200);
  const body = res.body;
  assert.match(body, /<h1>Thủ tục hành chính tại Xã Tân Hòa Thử<\/h1>/);
  for (const name of [...hoTich, 'Chứng thực bản sao từ bản chính', 'Giao đất ở cho hộ gia đình', 'Thu hồi đất tự nguyện', ...longNames]) {
    assert.ok(body.includes(name), name);
  }
  for (const name of ['Thủ tục nháp chưa công bố', 'Thủ tục áp dụng năm sau', 'Thủ tục của xã khác']) assert.ok(!body.includes(name), name);
  assert.match(body, /28 thủ tục đang áp dụng, thuộc 5 lĩnh vực/);
  // Fields in Vietnamese order (Đ after D and before E), each heading linking to its page.
  const headings = [...body.matchAll(/<h2 id="lv-([a-z0-9-]+)"><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => m[3]);
  assert.deepEqual(headings, ['Bảo trợ xã hội', 'Chứng thực', 'Đất  đai', 'Đất đai', 'Hộ tịch']);
  assert.ok(body.includes(`href="/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${slug('Hộ tịch')}"`));
  assert.ok(body.includes(`href="/thu-tuc/${chungThuc}"`), 'each procedure links to its page');
  assert.match(body, /Phí: 2\.000 đồng/);
  assert.match(body, /Lệ phí: không thu; Phí: 8\.000 đồng/);
  const en = await sys.app.inject({ method: 'GET', url: '/thu-tuc/don-vi/tan-hoa-thu?lang=en', headers: html });
  assert.match(en.body, /Procedures at Xã Tân Hòa Thử/);
});

test('a unit with nothing in force has a page that says so', async () => {
  const empty = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Chưa Có' });
  const res = await sys.app.inject({ method: 'GET', url: `/thu-tuc/don-vi/${empty.code}`, headers: html });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /chưa công bố thủ tục hành chính nào đang áp dụng/);
});

test('the field page lists one field; colliding field names get distinct pages', async () => {
  const res = await sys.app.inject({ method: 'GET', url: `/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${slug('Hộ tịch')}`, headers: html });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Hộ tịch<\/h1>/);
  for (const name of hoTich) assert.ok(res.body.includes(name), name);
  assert.ok(!res.body.includes('Chứng thực bản sao'), 'other fields are not listed');
  assert.ok(res.body.includes(`href="/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${slug('Hộ tịch')}/phieu-huong-dan.pdf"`));
  assert.equal(slug('Đất  đai'), 'dat-dai');
  assert.match(slug('Đất đai'), /^dat-dai-[0-9a-z]{6}$/);
  const a = await sys.app.inject({ method: 'GET', url: '/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/dat-dai', headers: html });
  const b = await sys.app.inject({ method: 'GET', url: `/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${slug('Đất đai')}`, headers: html });
  assert.ok(a.body.includes('Thu hồi đất tự nguyện') && !a.body.includes('Giao đất ở'));
  assert.ok(b.body.includes('Giao đất ở') && !b.body.includes('Thu hồi đất tự nguyện'));
});

test('unknown unit, unknown field, a field of another unit: a Vietnamese 404 page', async () => {
  const cases: [string, RegExp][] = [
    ['/thu-tuc/don-vi/khong-co-don-vi-nay', /Không tìm thấy đơn vị/],
    ['/thu-tuc/don-vi/KHÔNG%20CÓ', /Không tìm thấy đơn vị/],
    ['/thu-tuc/don-vi/khong-co-don-vi-nay/linh-vuc/ho-tich', /Không tìm thấy đơn vị/],
    ['/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/giao-thong', /Không tìm thấy lĩnh vực thủ tục hành chính tại đơn vị/],
    ['/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/%3Cscript%3E', /Không tìm thấy lĩnh vực thủ tục hành chính tại đơn vị/],
    [`/thu-tuc/don-vi/${other.code}/linh-vuc/chung-thuc`, /Không tìm thấy lĩnh vực thủ tục hành chính tại đơn vị/],
    ['/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/giao-thong/phieu-huong-dan.pdf', /Không tìm thấy lĩnh vực/],
  ];
  for (const [url, title] of cases) {
    const res = await sys.app.inject({ method: 'GET', url, headers: html });
    assert.equal(res.statusCode, 404, url);
    assert.match(res.headers['content-type'] as string, /text\/html/, url);
    assert.match(res.body, title, url);
    assert.ok(!res.body.includes('<script>'), url);
  }
});

test('a merged unit’s addresses lead to the unit it was merged into', async () => {
  const gone = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Cũ' });
  await inTransaction(sys.platform.db, (tx) => mergeUnit(tx, systemActor('test'), gone, commune, '2025-07-01', '2026-01-01'));
  const res = await sys.app.inject({ method: 'GET', url: `/thu-tuc/don-vi/${gone.code}/linh-vuc/ho-tich`, headers: html });
  assert.equal(res.statusCode, 302);
  assert.equal(res.headers.location, '/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/ho-tich');
});

test('the field sheet: A4, unit, title, field and every procedure with diacritics; its QR codes open the right pages', async () => {
  const res = await sys.app.inject({ method: 'GET', url: `/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${slug('Hộ tịch')}/phieu-huong-dan.pdf` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const pdf = res.rawPayload;
  if (process.env.GUIDE_PDF_OUT) fs.writeFileSync(process.env.GUIDE_PDF_OUT, pdf);
  assert.match(pdfInfo(pdf)['Page size'] ?? '', /595\.\d+ x 841\.\d+/);
  const page = pdfPages(pdf)[0]?.replace(/\s+/g, ' ');
  for (const text of [
    'TỈNH ĐỒNG THÁP THỬ',
    'XÃ TÂN HÒA THỬ',
    'PHIẾU HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH BẰNG MÃ QR',
    'Lĩnh vực: Hộ tịch',
    'Quét mã QR bằng điện thoại để xem hướng dẫn chi tiết, mẫu đơn, tờ khai',
    'Tân Hòa Thử, ngày',
    ...hoTich,
    '1 ngày làm việc',
    '5 ngày làm việc',
    'Phí: 8.000 đồng',
    'Không thu',
  ]) {
    assert.ok(page?.includes(text), `${text} in\n${page}`);
  }
  assert.ok(!page?.includes('Thủ tục nháp'), 'drafts are not printed');
  const fieldUrl = `${BASE_URL}/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${slug('Hộ tịch')}`;
  const codes = decodeAllQrs(pdf);
  assert.ok(codes.includes(fieldUrl), `the large QR opens the field page: ${codes.join(', ')}`);
  const procedureCodes = codes.filter((c) => c !== fieldUrl);
  assert.equal(new Set(procedureCodes).size, hoTich.length, 'one QR per procedure, opening its forms and sample dossiers');
  for (const c of procedureCodes) assert.match(c, /^http:\/\/localhost:3000\/thu-tuc\/8\.\d{6}\/ho-so-mau$/);
});

test('a long field flows over several pages with the table header repeated', async () => {
  const res = await sys.app.inject({ method: 'GET', url: `/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${slug(longField)}/phieu-huong-dan.pdf` });
  assert.equal(res.statusCode, 200);
  const pages = pdfPages(res.rawPayload);
  if (process.env.GUIDE_PDF_OUT) fs.writeFileSync(process.env.GUIDE_PDF_OUT.replace(/\.pdf$/, '-long.pdf'), res.rawPayload);
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  for (const [i, page] of pages.entries()) {
    assert.match(page, /Tên thủ tục hành chính/, `header on page ${i + 1}`);
    assert.match(page, new RegExp(`Trang ${i + 1}/${pages.length}`));
  }
  const all = pages.join('\n');
  for (const name of longNames) assert.ok(all.includes(name), name);
});

test('staff print the whole set of a unit in one PDF, one section per field, recorded as a print event', async () => {
  const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', commune)).username);
  const page = await leader.request({ url: '/quan-tri/huong-dan-qr', headers: html });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h2>Xã Tân Hòa Thử<\/h2>/);
  assert.ok(page.body.includes('href="/quan-tri/huong-dan-qr/tan-hoa-thu/bo-phieu.pdf"'));
  for (const field of slugs.values()) assert.ok(page.body.includes(`/thu-tuc/don-vi/tan-hoa-thu/linh-vuc/${field}/phieu-huong-dan.pdf`), field);

  const res = await leader.request({ url: '/quan-tri/huong-dan-qr/tan-hoa-thu/bo-phieu.pdf' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  if (process.env.GUIDE_PDF_OUT) fs.writeFileSync(process.env.GUIDE_PDF_OUT.replace(/\.pdf$/, '-set.pdf'), res.rawPayload);
  const pages = pdfPages(res.rawPayload);
  const starts = pages
    .map((p, i) => ({ i, field: /Lĩnh vực: ([^\n]+)/.exec(p)?.[1]?.trim() }))
    .filter((s) => /PHIẾU HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH BẰNG MÃ QR/.test(pages[s.i] ?? ''));
  assert.deepEqual(
    starts.map((s) => s.field),
    // pdftotext shows the two spaces of "Đất  đai" as one
    ['Bảo trợ xã hội', 'Chứng thực', 'Đất đai', 'Đất đai', 'Hộ tịch'],
  );
  assert.ok(
    starts.every((s) => pages[s.i]?.trimStart().startsWith('TỈNH ĐỒNG THÁP THỬ')),
    'each field starts at the top of a new page',
  );
  assert.ok(pages.length > starts.length, 'the long field takes more than one page');

  const audit = await sys.platform.pool.query("SELECT actor_label, entity_id, after FROM audit_log WHERE action = 'guide.set.print'");
  assert.equal(audit.rowCount, 1);
  assert.equal(audit.rows[0].entity_id, 'tan-hoa-thu');
  assert.deepEqual({ fields: audit.rows[0].after.fields, procedures: audit.rows[0].after.procedures }, { fields: 5, procedures: 28 });
});

test('the set is refused outside the staff member’s unit, and a unit with nothing in force has no set', async () => {
  const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', other)).username);
  assert.equal((await leader.request({ url: '/quan-tri/huong-dan-qr/tan-hoa-thu/bo-phieu.pdf', headers: html })).statusCode, 403);
  assert.equal((await leader.request({ url: '/quan-tri/huong-dan-qr?unit=tan-hoa-thu', headers: html })).statusCode, 403);
  // The desk's clerks print their own unit's sheets, not another unit's.
  const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', other)).username);
  assert.equal((await clerk.request({ url: '/quan-tri/huong-dan-qr/tan-hoa-thu/bo-phieu.pdf', headers: html })).statusCode, 403);
  const own = await clerk.request({ url: `/quan-tri/huong-dan-qr/${other.code}/bo-phieu.pdf`, headers: html });
  assert.equal(own.statusCode, 200);
  assert.equal(own.headers['content-type'], 'application/pdf');
  const empty = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Trống' });
  const officer = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', empty)).username);
  const none = await officer.request({ url: `/quan-tri/huong-dan-qr/${empty.code}/bo-phieu.pdf`, headers: html });
  assert.equal(none.statusCode, 404);
  assert.match(none.body, /Xã Trống chưa có thủ tục hành chính nào đang có hiệu lực/);
  const list = await officer.request({ url: '/quan-tri/huong-dan-qr', headers: html });
  assert.match(list.body, /Đơn vị chưa có thủ tục hành chính nào đang có hiệu lực/);
});
