/**
 * Receiving the dossier straight from a declaration set at the desk: scan → set → "Tiếp nhận hồ sơ" on the set page →
 * the dossier page. The applicant is the scanned card (diacritics intact), the set is kept with the dossier (no longer
 * purged), the audit log has both rows and no personal data, a repeated post makes no second dossier, another unit
 * is refused, a bad procedure writes nothing. The JSON twin answers the same.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { dossierClock } from '../../src/modules/dossiers/index.ts';
import { loadDemoProcedures } from '../../src/modules/procedures/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';

const QR = '001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|01072021';
// A card of someone else, so each test's dossiers can be told apart by ID number.
const QR_2 = '087088001234||Trần Văn Đức|02111988|Nam|Ấp Tân Hòa, xã Tân Thuận, Đồng Tháp|10092024';

const sys = await startSystem();
await inTransaction(sys.platform.db, (tx) => loadDemoProcedures(tx, systemActor('test')));
const province = await makeUnit(sys, { name: 'Tỉnh Đồng Tiếp Nhận' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Tiếp Nhận' });
const other = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Láng Giềng' });
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', ward)).username);
const otherClerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', other)).username);
// A working Tuesday morning in Vietnam: 1.001193 (khai sinh) is in force and due the same or next working day.
dossierClock.set('2026-03-10T09:00:00+07:00');
after(() => dossierClock.set(null));

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await sys.platform.pool.query(text, params)).rows as T[];
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const hidden = (body: string, name: string) => decode(new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '');
const documentsOn = (body: string) =>
  [...body.matchAll(/type="checkbox" id="f-documents-\d+" name="documents" value="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));

async function newSet(s: Session, qr: string | null, procedure = '1.001193'): Promise<number> {
  const res = await s.request({
    method: 'POST',
    url: '/mot-cua/to-khai',
    payload: form({ unit: ward.code, procedure, ...(qr ? { qr } : {}) }),
    headers: { accept: 'text/html' },
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  return Number(/\/mot-cua\/to-khai\/(\d+)$/.exec(String(res.headers.location))?.[1]);
}

function receive(s: Session, id: number, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return s.request({ method: 'POST', url: `/mot-cua/to-khai/${id}/tiep-nhan`, payload: body.toString(), headers: { accept: 'text/html' } });
}

/** Like assert.match on a page, without printing the whole page when it fails. */
const has = (body: string, re: RegExp) => assert.ok(re.test(body), `page lacks ${re}`);
const hasNot = (body: string, re: RegExp) => assert.ok(!re.test(body), `page has ${re}`);

const setRow = async (id: number) =>
  (await q<{ dossier_id: number | null; purge_after: Date | null }>('SELECT dossier_id::int, purge_after FROM declaration_sets WHERE id = $1', [id]))[0];
const dossierCount = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM dossiers'))[0]?.n;

test('scan → set → "Tiếp nhận hồ sơ" → the dossier page: applicant from the card, set kept with the dossier, audited without personal data', async () => {
  const id = await newSet(clerk, QR);
  const page = await clerk.request({ url: `/mot-cua/to-khai/${id}`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  has(page.body, /<h2 id="tiep-nhan">Tiếp nhận hồ sơ<\/h2>/);
  // The applicant is shown read-only from the card: no input carries the name in the intake form.
  has(page.body, /<dd>Nguyễn Thị Ánh Tuyết<\/dd>/);
  has(page.body, /<dd>001099012345<\/dd>/);
  has(page.body, /<option value="1\.001193" selected>1\.001193 · Đăng ký khai sinh<\/option>/);
  has(page.body, /<option value="3\.000722">/); // the birth form also serves the linked procedure
  const documents = documentsOn(page.body);
  assert.ok(documents.includes('Tờ khai đăng ký khai sinh'), documents.join(' | '));
  const key = hidden(page.body, 'idempotencyKey');
  assert.match(key, /^[0-9a-f-]{36}$/);
  assert.equal(hidden(page.body, 'documentsFor'), '1.001193');

  const fields = {
    _csrf: clerk.csrf,
    idempotencyKey: key,
    documentsFor: '1.001193',
    procedure: '1.001193',
    channel: 'desk',
    phone: '0912 345 678',
    documents: [documents[0] as string, documents[1] as string],
  };
  const res = await receive(clerk, id, fields);
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const code = /^\/mot-cua\/ho-so\/([0-9A-Za-z.-]+)$/.exec(String(res.headers.location))?.[1];
  assert.ok(code, `redirect to the dossier page, got ${res.headers.location}`);
  const dossierPage = await clerk.request({ url: String(res.headers.location), headers: { accept: 'text/html' } });
  assert.equal(dossierPage.statusCode, 200);
  assert.ok(dossierPage.body.includes(`Đã tiếp nhận hồ sơ ${code}`), 'flash on the dossier page');

  const [d] = await q<{
    id: number;
    applicant_name: string;
    applicant_id_number: string;
    applicant_address: string;
    applicant_phone: string;
    documents: string[];
    channel: string;
    unit_id: number;
  }>(
    'SELECT id::int, applicant_name, applicant_id_number, applicant_address, applicant_phone, documents, channel, unit_id::int FROM dossiers WHERE code = $1',
    [code],
  );
  assert.ok(d);
  assert.equal(d.applicant_name, 'Nguyễn Thị Ánh Tuyết');
  assert.equal(d.applicant_name, d.applicant_name.normalize('NFC'));
  assert.equal(d.applicant_id_number, '001099012345');
  assert.equal(d.applicant_address, 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp');
  assert.equal(d.applicant_phone, '0912 345 678');
  assert.deepEqual(d.documents, [documents[0], documents[1]]);
  assert.equal(d.channel, 'desk');
  assert.equal(d.unit_id, ward.id);
  assert.deepEqual(await setRow(id), { dossier_id: d.id, purge_after: null });

  const audit = await q<{ action: string; entity_id: string }>(
    `SELECT action, entity_id FROM audit_log WHERE (entity_type = 'dossier' AND entity_id = $1) OR (entity_type = 'declaration_set' AND entity_id = $2) ORDER BY id`,
    [code, String(id)],
  );
  const actions = audit.map((r) => r.action);
  assert.ok(actions.includes('dossier.receive'), actions.join(', '));
  assert.ok(actions.includes('declaration_set.attach'), actions.join(', '));
  assert.ok(actions.indexOf('dossier.receive') < actions.indexOf('declaration_set.attach'));
  const all = JSON.stringify(await q('SELECT * FROM audit_log'));
  for (const secret of ['001099012345', 'Ánh Tuyết', 'Anh Tuyet', 'Tổ 3', '0912 345 678', '1990-03-15'])
    assert.ok(!all.includes(secret), `audit log holds "${secret}"`);

  // The set page now names the dossier instead of the form; the list of today's sets shows it too.
  const attached = await clerk.request({ url: `/mot-cua/to-khai/${id}`, headers: { accept: 'text/html' } });
  assert.ok(attached.body.includes(`Đã tiếp nhận: hồ sơ <a href="/mot-cua/ho-so/${code}">${code}</a>`));
  hasNot(attached.body, /action="[^"]*\/tiep-nhan"/);
  const list = await clerk.request({ url: `/mot-cua/to-khai?unit=${ward.code}`, headers: { accept: 'text/html' } });
  assert.ok(list.body.includes(`<a href="/mot-cua/ho-so/${code}">${code}</a>`), 'the list links the dossier');

  // The same post again (a double click, a resubmit) lands on the same dossier; nothing new is made.
  const before = await dossierCount();
  const again = await receive(clerk, id, fields);
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, `/mot-cua/ho-so/${code}`);
  assert.equal(await dossierCount(), before);
  assert.equal((await q('SELECT 1 FROM dossiers WHERE applicant_id_number = $1', ['001099012345'])).length, 1);
  // Any other post for the received set is refused.
  const refused = await receive(clerk, id, { ...fields, idempotencyKey: 'another-key' });
  assert.equal(refused.statusCode, 409);
  has(refused.body, new RegExp(`đã được tiếp nhận: hồ sơ ${code}`));
  assert.equal(await dossierCount(), before);
});

test('the JSON twin: 201 with the code and due date, 200 with the same dossier for the same key, 409 otherwise', async () => {
  const made = await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.004873', qr: QR_2 } });
  assert.equal(made.statusCode, 201, made.body);
  const id = made.json().id as number;
  const body = { procedure: '1.004873', channel: 'post', documents: ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân'] };
  const res = await clerk.request({ method: 'POST', url: `/api/v1/forms/sets/${id}/dossier`, payload: body, headers: { 'idempotency-key': 'api-key-1' } });
  assert.equal(res.statusCode, 201, res.body);
  const out = res.json();
  assert.deepEqual(Object.keys(out).sort(), ['dossier', 'set']);
  assert.deepEqual(out.set, { id });
  assert.match(out.dossier.code, /^[0-9A-Za-z.]+-260310-\d{4}$/);
  assert.match(out.dossier.dueDate, /^2026-03-1\d$/);
  const [d] = await q<{ applicant_name: string; channel: string }>('SELECT applicant_name, channel FROM dossiers WHERE code = $1', [out.dossier.code]);
  assert.deepEqual(d, { applicant_name: 'Trần Văn Đức', channel: 'post' });

  const replay = await clerk.request({ method: 'POST', url: `/api/v1/forms/sets/${id}/dossier`, payload: body, headers: { 'idempotency-key': 'api-key-1' } });
  assert.equal(replay.statusCode, 200, replay.body);
  assert.deepEqual(replay.json(), out);
  assert.equal((await q('SELECT 1 FROM dossiers WHERE applicant_id_number = $1', ['087088001234'])).length, 1);

  const second = await clerk.request({ method: 'POST', url: `/api/v1/forms/sets/${id}/dossier`, payload: body, headers: { 'idempotency-key': 'api-key-2' } });
  assert.equal(second.statusCode, 409);
  assert.equal(second.json().code, 'DECLARATION_SET_ALREADY_RECEIVED');
  assert.equal((await clerk.request({ url: `/api/v1/forms/sets/${id}` })).json().dossierCode, out.dossier.code);

  // The key of that dossier used for another set: refused, and the other set stays unattached.
  const otherSet = (await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.004873', qr: QR_2 } })).json()
    .id;
  const clash = await clerk.request({
    method: 'POST',
    url: `/api/v1/forms/sets/${otherSet}/dossier`,
    payload: body,
    headers: { 'idempotency-key': 'api-key-1' },
  });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().code, 'CONFLICT');
  assert.equal((await setRow(otherSet))?.dossier_id, null);

  // Two posts racing with one key (a double tap): the set's lock lets one make the dossier, the other gets it back.
  const raced = (await clerk.request({ method: 'POST', url: '/api/v1/forms/sets', payload: { unit: ward.code, procedure: '1.004873', qr: QR_2 } })).json().id;
  const race = await Promise.all(
    [1, 2].map(() => clerk.request({ method: 'POST', url: `/api/v1/forms/sets/${raced}/dossier`, payload: body, headers: { 'idempotency-key': 'race-key' } })),
  );
  assert.deepEqual(race.map((r) => r.statusCode).sort(), [200, 201]);
  assert.equal(race[0]?.json().dossier.code, race[1]?.json().dossier.code);
  assert.equal((await q("SELECT 1 FROM dossiers WHERE idempotency_key = 'race-key'")).length, 1);

  // A set whose forms do not serve the procedure: 400 naming the field.
  const wrong = await clerk.request({ method: 'POST', url: `/api/v1/forms/sets/${otherSet}/dossier`, payload: { procedure: '1.001193' } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().errors[0].field, 'procedure');
  // The endpoint is in the OpenAPI document.
  const openapi = (await clerk.request({ url: '/api/v1/openapi.json' })).json();
  assert.ok(openapi.paths?.['/api/v1/forms/sets/{id}/dossier']?.post, 'documented in OpenAPI');
});

test('another unit’s clerk is refused (403) and nothing is written', async () => {
  const id = await newSet(clerk, QR);
  const before = await dossierCount();
  const page = await receive(otherClerk, id, {
    _csrf: otherClerk.csrf,
    procedure: '1.001193',
    documentsFor: '1.001193',
    channel: 'desk',
    idempotencyKey: 'k-403',
  });
  assert.equal(page.statusCode, 403);
  const api = await otherClerk.request({ method: 'POST', url: `/api/v1/forms/sets/${id}/dossier`, payload: { procedure: '1.001193' } });
  assert.equal(api.statusCode, 403);
  assert.equal(await dossierCount(), before);
  assert.equal((await setRow(id))?.dossier_id, null);
});

test('a bad procedure re-renders the set page with the error and the input kept; nothing is written', async () => {
  const id = await newSet(clerk, QR);
  const before = await dossierCount();
  const base = { _csrf: clerk.csrf, idempotencyKey: 'k-bad', channel: 'home', phone: '0912 000 111', note: 'Nộp hộ' };

  // A procedure the set's forms do not serve (marriage, for a birth set).
  const notServed = await receive(clerk, id, { ...base, procedure: '1.000894', documentsFor: '1.000894' });
  assert.equal(notServed.statusCode, 400);
  has(notServed.body, /class="error-summary"/);
  has(notServed.body, /Các tờ khai của bộ không dùng cho thủ tục 1\.000894/);
  has(notServed.body, /value="0912 000 111"/);
  has(notServed.body, /<option value="home" selected>/);
  assert.equal(hidden(notServed.body, 'idempotencyKey'), 'k-bad');

  // A malformed phone names the field.
  const badPhone = await receive(clerk, id, { ...base, phone: 'gọi tôi', procedure: '1.001193', documentsFor: '1.001193' });
  assert.equal(badPhone.statusCode, 400);
  has(badPhone.body, /href="#f-phone"/);

  // Changed procedure without JavaScript: the new one's documents are listed to tick, nothing is received yet.
  const switched = await receive(clerk, id, { ...base, procedure: '3.000722', documentsFor: '1.001193', documents: 'Tờ khai đăng ký khai sinh' });
  assert.equal(switched.statusCode, 400);
  has(switched.body, /Đã đổi thủ tục/);
  has(switched.body, /<option value="3\.000722" selected>/);
  assert.equal(hidden(switched.body, 'documentsFor'), '3.000722');

  // The procedure is not in force on the day of receipt: the dossier module's answer is shown the same way.
  dossierClock.set('2025-06-03T09:00:00+07:00');
  try {
    const notInForce = await receive(clerk, id, { ...base, procedure: '1.001193', documentsFor: '1.001193' });
    assert.equal(notInForce.statusCode, 404);
    has(notInForce.body, /class="error-summary"/);
    has(notInForce.body, /Thủ tục 1\.001193 không có hiệu lực ngày 2025-06-03/);
  } finally {
    dossierClock.set('2026-03-10T09:00:00+07:00');
  }

  // A set without a scanned card cannot be received: the page says to scan first.
  const blank = await newSet(clerk, null);
  const noCard = await receive(clerk, blank, { ...base, procedure: '1.001193', documentsFor: '1.001193' });
  assert.equal(noCard.statusCode, 400);
  has(noCard.body, /chưa có thẻ căn cước của người nộp/);

  assert.equal(await dossierCount(), before);
  const row = await setRow(id);
  assert.equal(row?.dossier_id, null);
  assert.ok(row?.purge_after, 'still purged after 24 hours');
  assert.equal((await q("SELECT 1 FROM audit_log WHERE action = 'declaration_set.attach' AND entity_id = $1", [String(id)])).length, 0);
});
