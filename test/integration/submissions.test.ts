/**
 * Online submission by citizens (/nop-truc-tuyen/<procedure>), through the real door: the public form, its multipart
 * POST with real PDF and PNG bytes, the confirmation page, the public tracking page, and a citizen signed in through
 * the local VNeID stand-in who finds the boxes filled in and the dossier among theirs. Bad files are refused by
 * content and size with the typed input kept and nothing written; the honeypot, the idempotency key, procedures not
 * filed online and unknown procedures each give a clear page. The audit log keeps no personal data from the form.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { createProcedure, type ProcedureSpec, publishDraft } from '../../src/modules/procedures/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { makeUnit, startSystem } from '../helpers.ts';
import { citizenSession, startVneidStandIn, TUYET } from './citizens-support.ts';
import { makeProcedure } from './dossiers-support.ts';

const { env } = await startVneidStandIn();
const sys = await startSystem(env);
const db = sys.platform.pool;

const unit = await makeUnit(sys, { name: 'Phường Một' });
const other = await makeUnit(sys, { name: 'Phường Hai' });
const procedure = await makeProcedure(sys, { days: 5, name: 'Đăng ký khai sinh', documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'] });
await carry(unit, procedure);
await carry(other, procedure);

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG_BYTES = (() => {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
})();

async function carry(u: UnitRow, code: string) {
  await db.query('INSERT INTO unit_procedures (unit_id, procedure_id) SELECT $1, id FROM procedures WHERE code = $2', [u.id, code]);
}

let ipCounter = 0;
/** A fresh address per citizen: the POST is limited to 5 a minute per address. */
const nextIp = () => `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

interface Browser {
  ip: string;
  cookie: string;
}

function cookieOf(setCookie: string | string[] | undefined, previous: string): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const sid = list.find((c) => c.startsWith('gd_sid='));
  return sid ? (sid.split(';')[0] as string) : previous;
}

async function get(b: Browser, url: string) {
  const res = await sys.app.inject({ method: 'GET', url, remoteAddress: b.ip, headers: { cookie: b.cookie, accept: 'text/html' } });
  b.cookie = cookieOf(res.headers['set-cookie'], b.cookie);
  return res;
}

/** Opens the form; returns its action (with the CSRF token) and idempotency key. */
async function openForm(b: Browser, code = procedure, query = '') {
  const page = await get(b, `/nop-truc-tuyen/${code}${query}`);
  assert.equal(page.statusCode, 200, page.body.slice(0, 500));
  const action = page.body.match(/<form method="post" action="([^"]+)" enctype="multipart\/form-data"/)?.[1]?.replace(/&amp;/g, '&');
  const key = page.body.match(/name="idempotencyKey" value="([^"]+)"/)?.[1];
  assert.ok(action && key, 'the form has an action and an idempotency key');
  return { page, action, key };
}

type Part = { name: string; value: string } | { name: string; filename: string; type: string; content: Buffer };

function multipart(parts: Part[]): { body: Buffer; type: string } {
  const boundary = `----gandan${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('filename' in p) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`),
        p.content,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const applicant = {
  unit: unit.code,
  applicantName: 'Lê Thị Hồng Nhung',
  applicantIdNumber: '079188004321',
  applicantPhone: '0987 654 321',
  applicantEmail: 'nhung@vidu.vn',
  applicantAddress: 'Số 5 đường Nguyễn Huệ, Phường Một',
  note: 'Nộp thay cho con',
  consent: 'on',
};

async function post(b: Browser, action: string, fields: Record<string, string>, files: { name: string; filename: string; type: string; content: Buffer }[]) {
  const { body, type } = multipart([...Object.entries(fields).map(([name, value]) => ({ name, value })), ...files]);
  const res = await sys.app.inject({
    method: 'POST',
    url: action,
    payload: body,
    remoteAddress: b.ip,
    headers: { cookie: b.cookie, 'content-type': type, accept: 'text/html' },
  });
  b.cookie = cookieOf(res.headers['set-cookie'], b.cookie);
  return res;
}

const twoFiles = [
  { name: 'doc-0', filename: 'to-khai.pdf', type: 'application/pdf', content: PDF },
  { name: 'doc-1', filename: 'giay-chung-sinh.png', type: 'image/png', content: PNG_BYTES },
];

async function dossierCount(): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers')).rows[0]?.n ?? -1;
}

test('an anonymous citizen files with a PDF and a PNG, gets the code and appointment, and tracks the dossier', async () => {
  const b: Browser = { ip: nextIp(), cookie: '' };
  const { page, action, key } = await openForm(b, procedure, `?unit=${unit.code}`);
  assert.match(page.body, /Đăng ký khai sinh/);
  assert.match(page.body, /Tờ khai đăng ký khai sinh/);
  assert.match(page.body, /tối đa 10 MB/, 'the limits are told on the page');
  assert.match(page.body, new RegExp(`<option value="${unit.code}" selected`), '?unit= preselects the unit');
  assert.match(page.body, /<script src="\/static\/submit.js" defer/);

  const res = await post(b, action, { ...applicant, idempotencyKey: key }, twoFiles);
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  const done = await get(b, res.headers.location as string);
  assert.equal(done.statusCode, 200);
  const code = done.body.match(/class="sub-code">([^<]+)</)?.[1] as string;
  assert.ok(code, 'the confirmation shows the dossier code');

  const row = (
    await db.query(
      `SELECT d.id, d.channel, d.online, d.due_date::text AS due, d.documents, d.applicant_id_number, d.applicant_phone, d.unit_id, d.created_by
       FROM dossiers d WHERE d.code = $1`,
      [code],
    )
  ).rows[0];
  assert.equal(row.channel, 'online');
  assert.equal(row.online, true);
  assert.equal(row.unit_id, unit.id);
  assert.equal(row.applicant_id_number, '079188004321');
  assert.equal(row.applicant_phone, '0987654321', 'spaces dropped from the phone');
  assert.deepEqual(row.documents, ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh']);
  const due = (row.due as string).split('-').reverse().join('/');
  assert.ok(done.body.includes(due), `the appointment ${due} is on the confirmation page`);
  assert.match(done.body, new RegExp(`href="/tra-cuu\\?ma=${code}"`), 'links to the tracking page with the code');

  const files = (await db.query('SELECT name, mime, size, sha256, content FROM dossier_attachments WHERE dossier_id = $1 ORDER BY id', [row.id])).rows;
  assert.equal(files.length, 2);
  assert.deepEqual(
    files.map((f) => [f.mime, f.size]),
    [
      ['application/pdf', PDF.length],
      ['image/png', PNG_BYTES.length],
    ],
  );
  for (const f of files) assert.equal(f.sha256, createHash('sha256').update(f.content).digest('hex'), 'checksum stored');
  assert.equal(files[0].sha256, createHash('sha256').update(PDF).digest('hex'));

  // Tracking with the last four digits of the ID number, as any citizen would.
  const track = await get({ ip: nextIp(), cookie: '' }, `/tra-cuu?code=${code}&check=4321`);
  assert.equal(track.statusCode, 200);
  assert.ok(track.body.includes(code));
  assert.match(track.body, /Đăng ký khai sinh/);
  assert.equal((await get({ ip: nextIp(), cookie: '' }, `/tra-cuu?code=${code}&check=0000`)).statusCode, 404);

  // The confirmation is for the browser that filed it only.
  assert.equal((await get({ ip: nextIp(), cookie: '' }, `/nop-truc-tuyen/da-nop/${code}`)).statusCode, 404);

  // The audit rows name the dossier, procedure, channel and files, never what the citizen typed.
  const audit = await db.query<{ row: string; actor_label: string }>(
    "SELECT row_to_json(a)::text AS row, actor_label FROM audit_log a WHERE entity_type = 'dossier' AND entity_id = $1",
    [code],
  );
  assert.deepEqual(audit.rows.map((r) => r.actor_label).sort(), ['public:online', 'public:online', 'public:online']);
  for (const { row: text } of audit.rows) {
    for (const secret of ['Nhung', '079188004321', '4321', '0987', 'nhung@', 'Nguyễn Huệ', 'Nộp thay', 'to-khai', 'giay-chung-sinh']) {
      assert.ok(!text.includes(secret), `audit row holds ${secret}: ${text}`);
    }
  }
});

test('a file named .pdf that is a PNG is taken as a PNG; one that is neither is refused by content, input kept, nothing written', async () => {
  const b: Browser = { ip: nextIp(), cookie: '' };
  const { action, key } = await openForm(b);
  const before = await dossierCount();
  const res = await post(b, action, { ...applicant, idempotencyKey: key }, [
    { name: 'doc-0', filename: 'to-khai.pdf', type: 'application/pdf', content: Buffer.from('GIF89a this is not a PDF at all') },
    { name: 'doc-1', filename: 'giay.png', type: 'image/png', content: PNG_BYTES },
  ]);
  assert.equal(res.statusCode, 415);
  assert.match(res.body, /Chỉ nhận tệp PDF, JPEG hoặc PNG/);
  assert.match(res.body, /id="f-doc-0-error"/, 'the error is next to that file');
  assert.doesNotMatch(res.body, /id="f-doc-1-error"/);
  assert.match(res.body, /value="Lê Thị Hồng Nhung"/, 'typed input kept');
  assert.match(res.body, /value="079188004321"/);
  assert.match(res.body, /Nộp thay cho con/);
  assert.match(res.body, /name="consent" value="on" checked/);
  assert.match(res.body, new RegExp(`name="idempotencyKey" value="${key}"`));
  assert.equal(await dossierCount(), before, 'nothing written');

  // Named .pdf, PNG inside: the type is read from the content, so this one is a PNG and accepted as such.
  const ok = await post(b, action, { ...applicant, idempotencyKey: key }, [
    { name: 'doc-0', filename: 'anh.pdf', type: 'application/pdf', content: PNG_BYTES },
  ]);
  assert.equal(ok.statusCode, 303);
  const stored = await db.query('SELECT a.mime FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.idempotency_key = $1', [key]);
  assert.deepEqual(
    stored.rows.map((r) => r.mime),
    ['image/png'],
  );
});

test('an oversize file is refused with the form again, input kept and nothing written', async () => {
  const b: Browser = { ip: nextIp(), cookie: '' };
  const { action, key } = await openForm(b);
  const before = await dossierCount();
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
  PDF.copy(big);
  const res = await post(b, action, { ...applicant, idempotencyKey: key }, [
    { name: 'doc-0', filename: 'to-khai.pdf', type: 'application/pdf', content: PDF },
    { name: 'doc-1', filename: 'lon.pdf', type: 'application/pdf', content: big },
  ]);
  assert.equal(res.statusCode, 413);
  assert.match(res.body, /id="f-doc-1-error">Tệp lớn hơn 10 MB</);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /value="Lê Thị Hồng Nhung"/);
  assert.match(res.body, /value="Số 5 đường Nguyễn Huệ, Phường Một"/);
  assert.equal(await dossierCount(), before);
  assert.equal((await db.query('SELECT count(*)::int AS n FROM dossier_attachments WHERE size > 10000000')).rows[0].n, 0);
});

test('missing boxes are named one by one, in Vietnamese', async () => {
  const b: Browser = { ip: nextIp(), cookie: '' };
  const { action, key } = await openForm(b);
  const res = await post(b, action, { unit: '', applicantName: 'A', applicantIdNumber: '12ab', applicantPhone: '', idempotencyKey: key }, []);
  assert.equal(res.statusCode, 400);
  for (const m of [
    'Hãy chọn nơi nộp hồ sơ',
    'Hãy nhập họ và tên người nộp',
    'Số định danh cá nhân gồm 12 chữ số',
    'Hãy đính kèm ít nhất một giấy tờ',
    'Hãy đồng ý cho cơ quan dùng thông tin cá nhân',
  ]) {
    assert.ok(res.body.includes(m), m);
  }
});

test('a filled honeypot is dropped: a thank-you page and nothing kept', async () => {
  const b: Browser = { ip: nextIp(), cookie: '' };
  const { action, key } = await openForm(b);
  const before = await dossierCount();
  const res = await post(b, action, { ...applicant, idempotencyKey: key, website: 'http://spam.example' }, twoFiles);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Cảm ơn ông\/bà/);
  assert.doesNotMatch(res.body, /sub-code/);
  assert.equal(await dossierCount(), before);
});

test('the same idempotency key files one dossier; a submission without the CSRF token is refused', async () => {
  const b: Browser = { ip: nextIp(), cookie: '' };
  const { action, key } = await openForm(b);
  const first = await post(b, action, { ...applicant, idempotencyKey: key }, twoFiles);
  const again = await post(b, action, { ...applicant, idempotencyKey: key }, twoFiles);
  assert.equal(first.statusCode, 303);
  assert.equal(again.statusCode, 303);
  assert.equal(first.headers.location, again.headers.location, 'the same dossier');
  const n = await db.query('SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = $1', [key]);
  assert.equal(n.rows[0].n, 1);
  const files = await db.query('SELECT count(*)::int AS n FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.idempotency_key = $1', [
    key,
  ]);
  assert.equal(files.rows[0].n, 2, 'files attached once');

  const forged = await post(b, action.replace(/_csrf=[^&]+/, '_csrf=sai'), { ...applicant, idempotencyKey: randomUUID() }, twoFiles);
  assert.equal(forged.statusCode, 403);
});

test('more than 5 submissions a minute from one address are refused', async () => {
  const b: Browser = { ip: nextIp(), cookie: '' };
  const { action } = await openForm(b);
  const codes: number[] = [];
  for (let i = 0; i < 6; i++) codes.push((await post(b, action, { ...applicant, unit: '' }, [])).statusCode);
  assert.deepEqual(codes, [400, 400, 400, 400, 400, 429]);
});

test('a procedure not filed online gets a clear page; an unknown one the 404 page; the procedure page links only when online', async () => {
  const code = `9.${String(process.pid % 1000).padStart(3, '0')}900`;
  const spec: ProcedureSpec = {
    code,
    name: 'Thủ tục chỉ nộp trực tiếp',
    field: 'Hộ tịch',
    level: 'commune',
    unitTypes: ['commune'],
    agency: null,
    timeLimit: { value: 3, unit: 'working_days', note: null },
    cutoffHour: null,
    fees: [],
    documents: [{ name: 'Tờ khai', copies: 1, kind: 'original', formTemplate: null }],
    steps: [],
    legalBasis: [],
    result: null,
    onlineLevel: 'none',
    sameDayEligible: false,
    unverified: [],
  };
  await inTransaction(sys.platform.db, async (tx) => {
    const draft = await createProcedure(tx, systemActor('test'), spec);
    await publishDraft(tx, systemActor('test'), { id: draft.procedure_id, code, created_at: new Date() }, '2025-07-01');
  });
  await carry(unit, code);
  const b: Browser = { ip: nextIp(), cookie: '' };
  const page = await get(b, `/nop-truc-tuyen/${code}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Thủ tục này chưa nộp trực tuyến được/);
  assert.match(page.body, /nộp trực tiếp tại Bộ phận Một cửa/);
  assert.doesNotMatch(page.body, /type="file"/);
  const { body, type } = multipart([{ name: 'unit', value: unit.code }]);
  const posted = await sys.app.inject({
    method: 'POST',
    url: `/nop-truc-tuyen/${code}`,
    payload: body,
    remoteAddress: b.ip,
    headers: { 'content-type': type },
  });
  assert.equal(posted.statusCode, 403, 'no CSRF token, no write');

  assert.doesNotMatch((await get(b, `/thu-tuc/${code}`)).body, /nop-truc-tuyen/);
  assert.match((await get(b, `/thu-tuc/${procedure}`)).body, new RegExp(`href="/nop-truc-tuyen/${procedure}"`));

  for (const unknown of ['9.999999', 'khong-co', '1.2']) {
    const res = await get(b, `/nop-truc-tuyen/${unknown}`);
    assert.equal(res.statusCode, 404, unknown);
    assert.match(res.body, /Không tìm thấy thủ tục hành chính/);
    assert.match(res.body, /<html lang="vi"/);
  }
});

test('a citizen signed in through VNeID finds the boxes filled in and the dossier among theirs', async () => {
  const citizen = await citizenSession(sys, TUYET);
  const b: Browser = { ip: nextIp(), cookie: citizen.cookie };
  const { page, action, key } = await openForm(b);
  assert.match(page.body, /value="Trần Thị Ánh Tuyết"/);
  assert.match(page.body, new RegExp(`value="${TUYET.claims.idNumber}"`));
  assert.match(page.body, /Thông tin lấy từ tài khoản định danh điện tử VNeID/);
  const res = await post(
    b,
    action,
    { unit: other.code, applicantName: 'Trần Thị Ánh Tuyết', applicantIdNumber: TUYET.claims.idNumber as string, consent: 'on', idempotencyKey: key },
    [twoFiles[0] as (typeof twoFiles)[number]],
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  const done = await get(b, res.headers.location as string);
  const code = done.body.match(/class="sub-code">([^<]+)</)?.[1] as string;
  assert.match(done.body, /href="\/cong-dan\/ho-so"/);
  const mine = await get(b, '/cong-dan/ho-so');
  assert.equal(mine.statusCode, 200);
  assert.ok(mine.body.includes(code), 'the online dossier is in the citizen’s list');
  const citizenId = (await db.query('SELECT id FROM citizens WHERE id_number = $1', [TUYET.claims.idNumber])).rows[0]?.id;
  const labels = await db.query("SELECT DISTINCT actor_label FROM audit_log WHERE entity_type = 'dossier' AND entity_id = $1", [code]);
  assert.deepEqual(
    labels.rows.map((r) => r.actor_label),
    [`citizen:${citizenId}`],
    'audited under the citizen’s label, not their name',
  );
});
