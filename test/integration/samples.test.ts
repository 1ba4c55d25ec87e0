/**
 * Sample filled dossiers (hồ sơ mẫu) and forms to download: a unit's one-stop clerk uploads samples of a procedure
 * the unit carries out (typed by content, at most 5 MB, nothing written when refused), everyone lists and downloads
 * them at a stable URL with an ETag, prints the procedure's blank declarations, and every change is audited.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { findUnitByCode, type UnitRow } from '../../src/modules/units/index.ts';
import { renderPdf } from '../../src/platform/documents/index.ts';
import { csrfFrom, form, makeUser, signIn, startSystem } from '../helpers.ts';
import { pdfText } from '../pdf.ts';
import { loadDemo, multipart } from './procedures-support.ts';

const sys = await startSystem();
await loadDemo(sys);
const CODE = '1.001193'; // Đăng ký khai sinh: carried by every demo ward, served by the birth-registration form
const unitA = (await findUnitByCode(sys.platform.db, 'cao-lanh-phuong-1')) as UnitRow;
const unitB = (await findUnitByCode(sys.platform.db, 'cao-lanh-phuong-2')) as UnitRow;
const clerkA = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', unitA)).username);
const clerkB = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', unitB)).username);

const PDF = await renderPdf(
  { content: [{ text: 'Tờ khai đăng ký khai sinh đã điền mẫu: Nguyễn Văn Mẫu' }] },
  { creationDate: new Date('2026-01-05T02:00:00Z') },
);
const png = new PNG({ width: 4, height: 4 });
png.data.fill(200);
const PNG_BYTES = PNG.sync.write(png);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const db = sys.platform.pool;
const count = async () => Number((await db.query('SELECT count(*) AS n FROM procedure_samples')).rows[0].n);
const audits = async (action: string) =>
  (await db.query('SELECT entity_id, unit_id, after, before FROM audit_log WHERE action = $1 ORDER BY id', [action])).rows;

/** Posts the upload form the way a browser does: multipart, the CSRF token only in the action URL, the session cookie. */
function upload(session: typeof clerkA, unit: UnitRow, fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const body = multipart(fields, file);
  return sys.app.inject({
    method: 'POST',
    url: `/quan-tri/ho-so-mau?unit=${unit.code}&_csrf=${encodeURIComponent(session.csrf)}`,
    headers: { cookie: session.cookie, accept: 'text/html', ...body.headers },
    payload: body.payload,
  });
}

const idOf = async (title: string) => Number((await db.query('SELECT id FROM procedure_samples WHERE title = $1', [title])).rows[0]?.id);
const publicUrl = (body: string, title: string) => {
  const m = new RegExp(`href="(/ho-so-mau/\\d+/[a-z0-9-]+\\.(?:pdf|png|jpg|docx))"[^>]*>${title}</a>`).exec(body);
  assert.ok(m, `link to ${title}`);
  return m[1] as string;
};

test('a clerk uploads a real PDF and PNG for a procedure the unit carries out; the staff page lists them', async () => {
  const page = await clerkA.request({ url: `/quan-tri/ho-so-mau?unit=${unitA.code}`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Hồ sơ mẫu: /);
  assert.match(page.body, new RegExp(`<option value="${CODE.replace('.', '\\.')}"`), 'the carried procedure is offered');
  assert.match(page.body, /enctype="multipart\/form-data"/);

  const pdf = await upload(
    clerkA,
    unitA,
    { procedure: CODE, title: 'Tờ khai khai sinh đã điền mẫu', note: 'Ghi rõ họ tên cha, mẹ' },
    { name: 'mau.pdf', type: 'application/pdf', data: PDF },
  );
  assert.equal(pdf.statusCode, 303, pdf.body.slice(0, 300));
  assert.equal(pdf.headers.location, `/quan-tri/ho-so-mau?unit=${unitA.code}`);
  const image = await upload(
    clerkA,
    unitA,
    { procedure: CODE, title: 'Ảnh chụp giấy chứng sinh (mẫu)' },
    { name: 'anh.png', type: 'image/png', data: PNG_BYTES },
  );
  assert.equal(image.statusCode, 303);

  const list = await clerkA.request({ url: `/quan-tri/ho-so-mau?unit=${unitA.code}`, headers: { accept: 'text/html' } });
  assert.match(list.body, /Đã đăng hồ sơ mẫu/);
  assert.match(list.body, /Tờ khai khai sinh đã điền mẫu/);
  assert.match(list.body, /PNG, 1 KB/);
  const rows = (await db.query('SELECT mime, size, sha256 FROM procedure_samples WHERE unit_id = $1 ORDER BY id', [unitA.id])).rows;
  assert.deepEqual(rows, [
    { mime: 'application/pdf', size: PDF.length, sha256: sha(PDF) },
    { mime: 'image/png', size: PNG_BYTES.length, sha256: sha(PNG_BYTES) },
  ]);
  const uploaded = await audits('sample.upload');
  assert.equal(uploaded.length, 2);
  assert.equal(Number(uploaded[0].unit_id), unitA.id);
  assert.deepEqual(uploaded[0].after, { procedure: CODE, title: 'Tờ khai khai sinh đã điền mẫu', mime: 'application/pdf', size: PDF.length, sha256: sha(PDF) });
});

test('a disguised file, an oversize file and a form with nothing filled are refused, re-rendered, nothing written', async () => {
  const before = await count();
  const auditBefore = (await audits('sample.upload')).length;
  const disguised = await upload(
    clerkA,
    unitA,
    { procedure: CODE, title: 'Tờ khai giả' },
    { name: 'to-khai.pdf', type: 'application/pdf', data: Buffer.from('GIF89a không phải PDF') },
  );
  assert.equal(disguised.statusCode, 415);
  assert.match(disguised.body, /class="error-summary"/);
  assert.match(disguised.body, /href="#f-file">Chỉ nhận tệp PDF, JPEG, PNG hoặc Word/);
  assert.match(disguised.body, /value="Tờ khai giả"/, 'what was typed is kept');
  assert.match(disguised.body, new RegExp(`<option value="${CODE.replace('.', '\\.')}" selected`));

  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]);
  const oversize = await upload(clerkA, unitA, { procedure: CODE, title: 'Quá lớn' }, { name: 'lon.pdf', type: 'application/pdf', data: big });
  assert.equal(oversize.statusCode, 413);
  assert.match(oversize.body, /Tệp lớn hơn 5 MB/);

  const empty = await upload(clerkA, unitA, { procedure: '', title: ' ' }, { name: '', type: 'application/octet-stream', data: Buffer.alloc(0) });
  assert.equal(empty.statusCode, 400);
  for (const f of ['procedure', 'title', 'file']) assert.match(empty.body, new RegExp(`href="#f-${f}"`), f);

  const notCarried = await upload(clerkA, unitA, { procedure: '1.000894x', title: 'Sai thủ tục' }, { name: 'mau.pdf', type: 'application/pdf', data: PDF });
  assert.equal(notCarried.statusCode, 400);
  assert.match(notCarried.body, /Đơn vị không thực hiện thủ tục này/);

  assert.equal(await count(), before, 'nothing written');
  assert.equal((await audits('sample.upload')).length, auditBefore);
});

test("another unit's clerk is refused on the unit's samples (403), and stays refused with a forged CSRF token", async () => {
  const id = await idOf('Tờ khai khai sinh đã điền mẫu');
  assert.equal((await clerkB.request({ url: `/quan-tri/ho-so-mau?unit=${unitA.code}`, headers: { accept: 'text/html' } })).statusCode, 403);
  assert.equal((await upload(clerkB, unitA, { procedure: CODE, title: 'Xâm nhập' }, { name: 'x.pdf', type: 'application/pdf', data: PDF })).statusCode, 403);
  assert.equal((await clerkB.request({ url: `/quan-tri/ho-so-mau/${id}`, headers: { accept: 'text/html' } })).statusCode, 403);
  assert.equal(
    (await clerkB.request({ method: 'POST', url: `/quan-tri/ho-so-mau/${id}/xoa`, payload: form({}), headers: { accept: 'text/html' } })).statusCode,
    403,
  );
  const noToken = multipart({ procedure: CODE, title: 'Không có mã' }, { name: 'x.pdf', type: 'application/pdf', data: PDF });
  const csrfless = await sys.app.inject({
    method: 'POST',
    url: `/quan-tri/ho-so-mau?unit=${unitA.code}`,
    headers: { cookie: clerkA.cookie, ...noToken.headers },
    payload: noToken.payload,
  });
  assert.equal(csrfless.statusCode, 403);
  assert.equal(await count(), 2);
  // Their own unit's page works and shows none of A's samples.
  const own = await clerkB.request({ url: '/quan-tri/ho-so-mau', headers: { accept: 'text/html' } });
  assert.equal(own.statusCode, 200);
  assert.doesNotMatch(own.body, /Tờ khai khai sinh đã điền mẫu/);
});

test('the public lists the samples by unit and downloads them at a stable URL with type, ETag and 304', async () => {
  const procedurePage = await sys.app.inject({ url: `/thu-tuc/${CODE}` });
  assert.match(procedurePage.body, /Mẫu đơn, tờ khai và hồ sơ mẫu/);
  assert.match(procedurePage.body, new RegExp(`href="/thu-tuc/${CODE}/ho-so-mau"`));

  const page = await sys.app.inject({ url: `/thu-tuc/${CODE}/ho-so-mau` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Mẫu đơn, tờ khai và hồ sơ mẫu<\/h1>/);
  assert.match(page.body, new RegExp(`<h3 id="dv-${unitA.code}">${unitA.name}</h3>`));
  assert.match(page.body, /Ghi rõ họ tên cha, mẹ/);
  assert.match(page.body, new RegExp(`href="/thu-tuc/${CODE}/to-khai/birth-registration.pdf"`), 'the blank form to download');
  assert.equal(page.headers['set-cookie'], undefined, 'no session for an anonymous reader');
  const url = publicUrl(page.body, 'Tờ khai khai sinh đã điền mẫu');
  assert.match(url, /^\/ho-so-mau\/\d+\/to-khai-khai-sinh-da-dien-mau\.pdf$/);

  const other = await sys.app.inject({ url: `/thu-tuc/${CODE}/ho-so-mau?unit=${unitB.code}` });
  assert.match(other.body, /Đơn vị này chưa đăng hồ sơ mẫu cho thủ tục này/);
  assert.doesNotMatch(other.body, /Tờ khai khai sinh đã điền mẫu/);

  const file = await sys.app.inject({ url });
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.equal(file.headers['content-disposition'], 'inline; filename="to-khai-khai-sinh-da-dien-mau.pdf"');
  assert.equal(file.headers.etag, `"${sha(PDF)}"`);
  assert.match(String(file.headers['cache-control']), /^public, max-age=\d+$/);
  assert.equal(file.headers['x-content-type-options'], 'nosniff');
  assert.ok(file.rawPayload.equals(PDF), 'the same bytes');
  const again = await sys.app.inject({ url, headers: { 'if-none-match': `"${sha(PDF)}"` } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.rawPayload.length, 0);
  assert.equal((await sys.app.inject({ url, headers: { 'if-none-match': '"khac"' } })).statusCode, 200);

  const pngUrl = publicUrl(page.body, 'Ảnh chụp giấy chứng sinh \\(mẫu\\)');
  const image = await sys.app.inject({ url: pngUrl });
  assert.equal(image.headers['content-type'], 'image/png');
  assert.ok(image.rawPayload.equals(PNG_BYTES));

  const id = url.split('/')[2];
  const renamed = await sys.app.inject({ url: `/ho-so-mau/${id}/ten-cu.pdf` });
  assert.equal(renamed.statusCode, 301);
  assert.equal(renamed.headers.location, url);
  const missing = await sys.app.inject({ url: '/ho-so-mau/999999/khong-co.pdf', headers: { accept: 'text/html' } });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Không tìm thấy hồ sơ mẫu/);
  assert.equal((await sys.app.inject({ url: '/thu-tuc/9.999999/ho-so-mau', headers: { accept: 'text/html' } })).statusCode, 404);
});

test('GET /api/v1/procedures/:code/samples lists the forms and samples (documented, unit filter)', async () => {
  const res = await sys.app.inject({ url: `/api/v1/procedures/${CODE}/samples` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.procedure.code, CODE);
  assert.deepEqual(
    body.forms.map((f: { key: string; url: string }) => [f.key, f.url]),
    [['birth-registration', `/thu-tuc/${CODE}/to-khai/birth-registration.pdf`]],
  );
  assert.equal(body.samples.length, 2);
  assert.deepEqual(Object.keys(body.samples[0]).sort(), ['id', 'mime', 'note', 'sha256', 'size', 'title', 'unit', 'updatedAt', 'url']);
  assert.deepEqual(body.samples[0].unit, { code: unitA.code, name: unitA.name });
  assert.equal(body.samples[0].sha256, sha(PDF));
  const filtered = await sys.app.inject({ url: `/api/v1/procedures/${CODE}/samples?unit=${unitB.code}` });
  assert.deepEqual(filtered.json().samples, []);
  const unknown = await sys.app.inject({ url: '/api/v1/procedures/9.999999/samples' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().code, 'PROCEDURE_NOT_FOUND');
  assert.equal((await sys.app.inject({ url: '/api/v1/procedures/khong-hop-le/samples' })).statusCode, 400);
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/procedures/{code}/samples'].get, 'documented');
});

test('the blank declaration of the procedure is a PDF whose text holds the form title with its diacritics', async () => {
  const res = await sys.app.inject({ url: `/thu-tuc/${CODE}/to-khai/birth-registration.pdf` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /^inline; /);
  const text = pdfText(res.rawPayload).normalize('NFC');
  assert.match(text, /TỜ KHAI ĐĂNG KÝ KHAI SINH/);
  assert.match(text, /Cộng hòa xã hội chủ nghĩa Việt Nam|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.doesNotMatch(text, /Nguyễn Văn Mẫu/, 'blank: no values');
  assert.equal(
    (await sys.app.inject({ url: `/thu-tuc/${CODE}/to-khai/birth-registration.pdf`, headers: { 'if-none-match': String(res.headers.etag) } })).statusCode,
    304,
  );
  assert.equal((await sys.app.inject({ url: `/thu-tuc/${CODE}/to-khai/marriage-registration.pdf` })).statusCode, 404, 'a form of another procedure');
  assert.equal((await sys.app.inject({ url: `/thu-tuc/${CODE}/to-khai/khong-co.pdf` })).statusCode, 404);
});

test('replacing keeps the id (old links redirect), changes the ETag; deleting removes it from the public; all audited', async () => {
  const id = await idOf('Tờ khai khai sinh đã điền mẫu');
  const edit = await clerkA.request({ url: `/quan-tri/ho-so-mau/${id}`, headers: { accept: 'text/html' } });
  assert.equal(edit.statusCode, 200);
  const action = /action="(\/quan-tri\/ho-so-mau\/\d+\?_csrf=[^"]+)"/.exec(edit.body)?.[1]?.replace(/&amp;/g, '&') as string;
  assert.ok(action, 'the replace form carries the token in its action');

  const tooLong = multipart({ title: 'x'.repeat(201), note: '' }, { name: '', type: 'application/octet-stream', data: Buffer.alloc(0) });
  const refused = await sys.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie: clerkA.cookie, accept: 'text/html', ...tooLong.headers },
    payload: tooLong.payload,
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#f-title">Tên tối đa 200 ký tự/);

  const body = multipart({ title: 'Tờ khai khai sinh (ảnh chụp mẫu)', note: '' }, { name: 'moi.png', type: 'image/png', data: PNG_BYTES });
  const replaced = await sys.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie: clerkA.cookie, accept: 'text/html', ...body.headers },
    payload: body.payload,
  });
  assert.equal(replaced.statusCode, 303, replaced.body.slice(0, 300));
  assert.equal(replaced.headers.location, `/quan-tri/ho-so-mau/${id}`);
  const old = await sys.app.inject({ url: `/ho-so-mau/${id}/to-khai-khai-sinh-da-dien-mau.pdf` });
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, `/ho-so-mau/${id}/to-khai-khai-sinh-anh-chup-mau.png`);
  const now = await sys.app.inject({ url: String(old.headers.location), headers: { 'if-none-match': `"${sha(PDF)}"` } });
  assert.equal(now.statusCode, 200, 'the old ETag no longer matches');
  assert.equal(now.headers.etag, `"${sha(PNG_BYTES)}"`);
  const [replace] = await audits('sample.replace');
  assert.equal(replace.before.sha256, sha(PDF));
  assert.equal(replace.after.sha256, sha(PNG_BYTES));
  assert.equal(replace.after.note, null);

  const page = await clerkA.request({ url: `/quan-tri/ho-so-mau/${id}`, headers: { accept: 'text/html' } });
  const deleted = await clerkA.request({
    method: 'POST',
    url: `/quan-tri/ho-so-mau/${id}/xoa`,
    payload: form({ _csrf: csrfFrom(page.body) }),
    headers: { accept: 'text/html' },
  });
  assert.equal(deleted.statusCode, 303);
  const list = await sys.app.inject({ url: `/thu-tuc/${CODE}/ho-so-mau` });
  assert.doesNotMatch(list.body, /Tờ khai khai sinh \(ảnh chụp mẫu\)/);
  assert.match(list.body, /Ảnh chụp giấy chứng sinh \(mẫu\)/, 'the other sample stays');
  assert.equal((await sys.app.inject({ url: String(old.headers.location) })).statusCode, 404);
  assert.equal((await sys.app.inject({ url: `/api/v1/procedures/${CODE}/samples` })).json().samples.length, 1);
  const [del] = await audits('sample.delete');
  assert.equal(del.entity_id, String(id));
  assert.equal(Number(del.unit_id), unitA.id);
  assert.equal(del.before.sha256, sha(PNG_BYTES));
  assert.equal((await clerkA.request({ url: `/quan-tri/ho-so-mau/${id}`, headers: { accept: 'text/html' } })).statusCode, 404);
});
