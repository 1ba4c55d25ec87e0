/**
 * Open311 GeoReport v2 conformance, written from STANDARDS §8: every endpoint in XML and JSON, the error lists and
 * their statuses, status values, the date window and its 90-day limit, empty parameters, API keys, jurisdictions —
 * and a replay of the XML exchange a FixMyStreet server makes (POST requests.xml, then polling
 * servicerequestupdates.xml), parsed the way its Perl client reads it (XML::Simple: root dropped, lists forced).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { createApiKey, findApiKeyByIdOrPrefix, revokeApiKey } from '../../src/modules/staff/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { freshDatabase, makeUnit, startSystem } from '../helpers.ts';

const databaseUrl = await freshDatabase();
const sys = await startSystem({}, { databaseUrl });
const pool = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Mở Ba Một Một' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Mở Một' });
const otherProvince = await makeUnit(sys, { name: 'Tỉnh Khác' });
await pool.query(
  `INSERT INTO feedback_categories (code, name, description, group_name, keywords, position) VALUES
   ('den-duong', 'Đèn đường', 'Đèn chiếu sáng công cộng hỏng', 'Hạ tầng', 'đèn, chiếu sáng', 1),
   ('rac-thai', 'Rác thải', NULL, 'Môi trường', NULL, 2)`,
);

// The key as an administrator makes it: `npm run cli -- api-key:create --scope open311` prints it as its last line.
const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'api-key:create', '--scope', 'open311', '--name', 'FixMyStreet'], {
  cwd: path.resolve(import.meta.dirname, '../..'),
  env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
  encoding: 'utf8',
  timeout: 120_000,
});
const cliLines = cli.stdout.trim().split('\n');
const KEY = cliLines.at(-1) as string;

const actor = systemActor('test');
const unitsOnlyKey = await inTransaction(sys.platform.db, (tx) => createApiKey(tx, actor, 'units', ['units.read'], null));
const otherProvinceKey = await inTransaction(sys.platform.db, (tx) => createApiKey(tx, actor, 'other', ['open311'], otherProvince));
const revokedKey = await inTransaction(sys.platform.db, (tx) => createApiKey(tx, actor, 'revoked', ['open311'], null));
await inTransaction(sys.platform.db, async (tx) => {
  const row = await findApiKeyByIdOrPrefix(tx, { id: revokedKey.id });
  if (row) await revokeApiKey(tx, actor, row);
});

/** XML::Simple as FixMyStreet configures it: the root element dropped, these elements always lists. */
const fmsParser = new XMLParser({
  isArray: (name) => ['service', 'attribute', 'value', 'request', 'error', 'request_update', 'group'].includes(name),
  parseTagValue: false,
});
function fmsRead(xml: string): Record<string, unknown[]> {
  const doc = fmsParser.parse(xml) as Record<string, unknown>;
  const root = Object.keys(doc).find((k) => k !== '?xml') as string;
  return (doc[root] || {}) as Record<string, unknown[]>;
}

const get = (url: string, headers: Record<string, string> = {}) => sys.app.inject({ method: 'GET', url, headers });
const post = (url: string, fields: Record<string, string>) =>
  sys.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

interface Err {
  code: number;
  description: string;
}
function xmlErrors(body: string): Err[] {
  return (fmsRead(body).error as { code: string; description: string }[]).map((e) => ({ code: Number(e.code), description: e.description }));
}

const base = {
  service_code: 'den-duong',
  lat: '10.4601234',
  long: '105.6334567',
  description: 'Đèn đường trước số 12 Lý Thường Kiệt tắt ba hôm nay',
};

test('the CLI prints the new open311 key as its last line, and the key posts a request', async () => {
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(KEY, /^gd_[A-Za-z0-9_-]{20,}$/);
  const res = await post('/open311/v2/requests.json', { ...base, api_key: KEY });
  assert.equal(res.statusCode, 200, res.body);
});

test('discovery in both formats names the GeoReport v2 endpoint', async () => {
  for (const url of ['/open311/discovery.json', '/open311/v2/discovery.json']) {
    const res = await get(url);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    const d = res.json();
    assert.ok(d.changeset && d.contact && d.key_service);
    assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.equal(d.endpoints[0].url, 'http://localhost:3000/open311/v2');
    assert.deepEqual(d.endpoints[0].formats, ['text/xml', 'application/json']);
    assert.ok(['production', 'test'].includes(d.endpoints[0].type));
  }
  const xml = await get('/open311/discovery.xml');
  assert.equal(xml.statusCode, 200);
  assert.match(xml.headers['content-type'] as string, /^application\/xml/);
  assert.ok(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  const d = fmsParser.parse(xml.body).discovery;
  assert.equal(d.endpoints.endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
  assert.deepEqual(d.endpoints.endpoint.formats.format, ['text/xml', 'application/json']);
});

test('services list every active category, with group and keywords, in XML and JSON', async () => {
  const json = await get('/open311/v2/services.json');
  assert.equal(json.statusCode, 200);
  assert.equal(json.headers['access-control-allow-origin'], '*');
  const list = json.json();
  assert.ok(Array.isArray(list));
  assert.deepEqual(list[0], {
    service_code: 'den-duong',
    service_name: 'Đèn đường',
    description: 'Đèn chiếu sáng công cộng hỏng',
    metadata: false,
    type: 'realtime',
    keywords: 'đèn, chiếu sáng',
    group: 'Hạ tầng',
  });
  const xml = await get(`/open311/v2/services.xml?jurisdiction_id=${ward.code}`);
  assert.equal(xml.statusCode, 200);
  // FixMyStreet's PopulateServiceList reads `group` as a list (one or more groups per service).
  const services = fmsRead(xml.body).service as Record<string, string & string[]>[];
  assert.deepEqual(
    services.map((s) => [s.service_code, s.service_name, s.metadata, s.type, s.group[0]]),
    [
      ['den-duong', 'Đèn đường', 'false', 'realtime', 'Hạ tầng'],
      ['rac-thai', 'Rác thải', 'false', 'realtime', 'Môi trường'],
    ],
  );
});

test('a service definition lists no attributes; an unknown service is a 404 error list', async () => {
  const json = await get('/open311/v2/services/den-duong.json');
  assert.equal(json.statusCode, 200);
  assert.deepEqual(json.json(), { service_code: 'den-duong', attributes: [] });
  const xml = await get('/open311/v2/services/den-duong.xml');
  assert.equal(fmsParser.parse(xml.body).service_definition.service_code, 'den-duong');
  const missing = await get('/open311/v2/services/khong-co.xml');
  assert.equal(missing.statusCode, 404);
  assert.equal(xmlErrors(missing.body)[0]?.code, 404);
  const missingJson = await get('/open311/v2/services/khong-co.json', { 'accept-language': 'en' });
  assert.equal(missingJson.statusCode, 404);
  assert.deepEqual(missingJson.json(), [{ code: 404, description: 'service_code: Unknown service_code' }]);
});

test('an unknown jurisdiction, format or resource is a 404 error list, not problem+json', async () => {
  const j = await get('/open311/v2/services.json?jurisdiction_id=khong-co-don-vi');
  assert.equal(j.statusCode, 404);
  assert.equal(j.json()[0].code, 404);
  const fmt = await get('/open311/v2/services.csv');
  assert.equal(fmt.statusCode, 404);
  assert.equal(xmlErrors(fmt.body)[0]?.code, 404);
  const unknown = await get('/open311/v2/khong-co.json');
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json()[0].code, 404);
  const postJ = await post('/open311/v2/requests.xml', { ...base, api_key: KEY, jurisdiction_id: 'khong-co-don-vi' });
  assert.equal(postJ.statusCode, 404);
  assert.match(xmlErrors(postJ.body)[0]?.description ?? '', /jurisdiction_id/);
});

test('POST requests needs an api_key with the open311 scope: missing, wrong, revoked or unscoped keys get 403', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /api_key/],
    [{ api_key: '' }, /api_key/],
    [{ api_key: 'gd_khongphaikhoathatdauxxxxxxxxxx' }, /api_key/],
    [{ api_key: unitsOnlyKey.key }, /open311/],
    [{ api_key: revokedKey.key }, /api_key/],
  ];
  for (const [key, pattern] of cases) {
    const res = await post('/open311/v2/requests.xml', { ...base, ...key });
    assert.equal(res.statusCode, 403, JSON.stringify(key));
    const errors = xmlErrors(res.body);
    assert.equal(errors[0]?.code, 403);
    assert.match(errors[0]?.description ?? '', pattern);
  }
  // A key bound to a unit posts only inside it.
  const outside = await post('/open311/v2/requests.json', { ...base, api_key: otherProvinceKey.key, jurisdiction_id: ward.code });
  assert.equal(outside.statusCode, 403);
  const inside = await post('/open311/v2/requests.json', { ...base, api_key: otherProvinceKey.key });
  assert.equal(inside.statusCode, 200, inside.body);
  const { rows } = await pool.query('SELECT addressed_unit_id FROM feedback WHERE code = $1', [inside.json()[0].service_request_id]);
  assert.equal(Number(rows[0].addressed_unit_id), Number(otherProvince.id));
});

test('POST requests refuses bad fields with a 400 error list naming each', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ service_code: '' }, /^service_code/],
    [{ service_code: 'khong-co' }, /^service_code/],
    [{ lat: '', long: '' }, /lat/],
    [{ lat: '91', long: '105' }, /^lat/],
    [{ lat: '10.4', long: '' }, /^long/],
    [{ description: 'x'.repeat(4001) }, /^description/],
    [{ email: 'khong-phai-email' }, /^email/],
    [{ media_url: 'javascript:alert(1)' }, /^media_url/],
  ];
  for (const [fields, pattern] of cases) {
    const res = await post('/open311/v2/requests.json', { ...base, api_key: KEY, ...fields });
    assert.equal(res.statusCode, 400, `${JSON.stringify(fields).slice(0, 80)} → ${res.body}`);
    const list = res.json() as Err[];
    assert.ok(list.length >= 1);
    assert.equal(list[0]?.code, 400);
    assert.match(list[0]?.description ?? '', pattern);
  }
  const exactly = await post('/open311/v2/requests.json', { ...base, api_key: KEY, description: 'đ'.repeat(4000) });
  assert.equal(exactly.statusCode, 200, 'a description of exactly 4,000 characters is accepted');
});

test('POST requests makes an open311 item: contact kept with consent, extras kept, empty parameters absent, no session or CSRF', async () => {
  const res = await post('/open311/v2/requests.json', {
    ...base,
    api_key: KEY,
    jurisdiction_id: ward.code,
    address_string: '12 Lý Thường Kiệt, Phường Mở Một',
    email: 'nguoi.gui@example.vn',
    first_name: 'Trần',
    last_name: 'Thị Bích',
    phone: '0912 345 678',
    media_url: 'https://fms.example.org/photo/1.full.jpeg',
    'attribute[title]': 'Đèn đường tắt',
    'attribute[pole_id]': 'C-0042',
    device_id: '',
    account_id: '',
  });
  assert.equal(res.statusCode, 200, res.body);
  const [created] = res.json();
  assert.equal(typeof created.service_request_id, 'string');
  assert.match(created.service_request_id, /^[A-HJKMNP-Z2-9]{8}$/);
  assert.match(created.service_notice, new RegExp(ward.name));
  const { rows } = await pool.query(
    `SELECT f.channel, f.title, f.contact_name, f.contact_email, f.contact_phone, f.contact_consent, f.extra, f.lat, f.lng, f.address,
            f.addressed_unit_id, f.unit_id, k.name AS key_name
       FROM feedback f JOIN api_keys k ON k.id = f.api_key_id WHERE f.code = $1`,
    [created.service_request_id],
  );
  const f = rows[0];
  assert.equal(f.channel, 'open311');
  assert.equal(f.key_name, 'FixMyStreet');
  assert.equal(f.title, 'Đèn đường tắt');
  assert.deepEqual([f.contact_name, f.contact_email, f.contact_phone, f.contact_consent], ['Trần Thị Bích', 'nguoi.gui@example.vn', '0912345678', true]);
  assert.deepEqual(f.extra, { media_url: 'https://fms.example.org/photo/1.full.jpeg', attributes: { title: 'Đèn đường tắt', pole_id: 'C-0042' } });
  assert.equal(f.lat, 10.4601234);
  assert.equal(f.address, '12 Lý Thường Kiệt, Phường Mở Một');
  assert.equal(Number(f.addressed_unit_id), Number(ward.id));
  assert.equal(Number(f.unit_id), Number(ward.id));
  const audit = await pool.query(`SELECT actor_label FROM audit_log WHERE action = 'feedback.receive' AND entity_id = $1`, [created.service_request_id]);
  assert.match(audit.rows[0].actor_label, /^api-key:gd_/);
});

test('GET requests and requests/{id} show status and dates but never the contact; sender text only once published', async () => {
  const res = await post('/open311/v2/requests.xml', {
    ...base,
    api_key: KEY,
    jurisdiction_id: ward.code,
    address_string: '5 Nguyễn Huệ',
    email: 'an.danh@example.vn',
    first_name: 'Lê',
    last_name: 'Văn Riêng',
    phone: '0987654321',
  });
  const id = String((fmsRead(res.body).request as Record<string, string>[])[0]?.service_request_id);

  const one = await get(`/open311/v2/requests/${id}.json`);
  assert.equal(one.statusCode, 200);
  const list = one.json();
  assert.equal(list.length, 1, 'requests/{id} is still a list');
  const r = list[0];
  assert.equal(r.service_request_id, id);
  assert.equal(r.status, 'open');
  assert.equal(r.service_code, 'den-duong');
  assert.equal(r.service_name, 'Đèn đường');
  assert.equal(r.agency_responsible, ward.name);
  for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) assert.match(r[k], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/, k);
  assert.deepEqual([r.lat, r.long], [10.46, 105.633], 'coordinates rounded to 3 decimals');
  assert.equal(r.description, null);
  assert.equal(r.address, null);
  assert.doesNotMatch(one.body, /an\.danh|Riêng|0987654321|Nguyễn Huệ|Lý Thường Kiệt/);

  const xml = await get(`/open311/v2/requests/${id}.xml`);
  const req = fmsRead(xml.body).request as Record<string, string>[];
  assert.equal(req.length, 1);
  assert.equal(req[0]?.service_request_id, id);
  assert.equal(req[0]?.status, 'open');

  // Published by an official: the public text, the answer and the address appear.
  await pool.query(
    `UPDATE feedback SET status = 'answered', answer = 'Đã thay bóng đèn ngày 10/11.', answered_at = now(), published = true,
       public_title = 'Đèn đường tắt', public_summary = 'Đèn đường trên phố bị tắt nhiều ngày.', published_at = now(), updated_at = now() WHERE code = $1`,
    [id],
  );
  const after = (await get(`/open311/v2/requests/${id}.json`)).json()[0];
  assert.equal(after.status, 'closed');
  assert.equal(after.description, 'Đèn đường trên phố bị tắt nhiều ngày.');
  assert.equal(after.status_notes, 'Đã thay bóng đèn ngày 10/11.');
  assert.equal(after.address, '5 Nguyễn Huệ');

  const token = await get(`/open311/v2/tokens/${id}.xml`);
  assert.equal(token.statusCode, 200);
  assert.deepEqual(fmsRead(token.body).request?.[0], { service_request_id: id, token: id });
  const tokenJson = await get(`/open311/v2/tokens/${id.toLowerCase()}.json`);
  assert.deepEqual(tokenJson.json(), [{ service_request_id: id, token: id }]);

  for (const url of ['/open311/v2/requests/ZZZZZZZZ.json', '/open311/v2/tokens/ZZZZZZZZ.json', '/open311/v2/requests/khong.json']) {
    const missing = await get(url);
    assert.equal(missing.statusCode, 404, url);
    assert.equal(missing.json()[0].code, 404);
  }
});

test('GET requests filters by id list, service code, status, jurisdiction and a date window of at most 90 days', async () => {
  const make = async (service_code: string, jurisdiction_id?: string) => {
    const res = await post('/open311/v2/requests.json', { ...base, service_code, api_key: KEY, ...(jurisdiction_id ? { jurisdiction_id } : {}) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json()[0].service_request_id as string;
  };
  const a = await make('rac-thai', ward.code);
  const b = await make('rac-thai', ward.code);
  const c = await make('den-duong');
  await pool.query(`UPDATE feedback SET status = 'rejected', reject_reason = 'Không thuộc phạm vi' WHERE code = $1`, [b]);
  // An old item, received 200 days ago: outside the default window.
  const old = await make('rac-thai', ward.code);
  await pool.query(`UPDATE feedback SET received_at = now() - interval '200 days' WHERE code = $1`, [old]);

  const ids = (res: { json(): { service_request_id: string }[] }) => res.json().map((r) => r.service_request_id);
  const byIds = await get(`/open311/v2/requests.json?service_request_id=${a},${c},${old}`);
  assert.deepEqual(new Set(ids(byIds)), new Set([a, c, old]), 'ids ignore every other filter, even the date window');

  const all = ids(await get('/open311/v2/requests.json'));
  assert.ok(all.includes(a) && all.includes(b) && all.includes(c));
  assert.ok(!all.includes(old), 'default: the last 90 days');

  const rac = ids(await get('/open311/v2/requests.json?service_code=rac-thai'));
  assert.ok(rac.includes(a) && rac.includes(b) && !rac.includes(c));
  const open = ids(await get('/open311/v2/requests.json?service_code=rac-thai&status=open'));
  assert.ok(open.includes(a) && !open.includes(b));
  const closed = ids(await get('/open311/v2/requests.json?status=closed'));
  assert.ok(closed.includes(b) && !closed.includes(a));
  const both = ids(await get('/open311/v2/requests.json?status=open,closed&service_code=rac-thai'));
  assert.ok(both.includes(a) && both.includes(b));

  const inWard = ids(await get(`/open311/v2/requests.json?jurisdiction_id=${ward.code}`));
  assert.ok(inWard.includes(a) && !inWard.includes(c));
  const inProvince = ids(await get(`/open311/v2/requests.json?jurisdiction_id=${province.code}`));
  assert.ok(inProvince.includes(a), 'a jurisdiction covers its subtree');

  const empty = ids(await get('/open311/v2/requests.json?status=&service_code=&start_date=&end_date=&service_request_id=&jurisdiction_id='));
  assert.deepEqual(new Set(empty), new Set(all), 'empty parameters are absent ones');

  const day = 24 * 3600 * 1000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const oldWindow = ids(await get(`/open311/v2/requests.json?start_date=${iso(Date.now() - 210 * day)}&end_date=${iso(Date.now() - 190 * day)}`));
  assert.deepEqual(oldWindow, [old]);
  const startOnly = ids(await get(`/open311/v2/requests.json?start_date=${iso(Date.now() - 201 * day)}`));
  assert.deepEqual(startOnly, [old], 'a start date alone reaches 90 days on');
  const zoned = ids(await get(`/open311/v2/requests.json?start_date=${encodeURIComponent('2020-01-01T00:00:00+07:00')}&end_date=2020-03-30`));
  assert.deepEqual(zoned, []);

  const bad: [string, RegExp][] = [
    [`start_date=${iso(Date.now() - 100 * day)}&end_date=${iso(Date.now())}`, /90/],
    [`start_date=${iso(Date.now())}&end_date=${iso(Date.now() - day)}`, /end_date/],
    ['start_date=hom-qua', /start_date/],
    ['end_date=2026-02-30', /end_date/],
    ['status=pending', /status/],
    ['service_code=KHÔNG', /service_code/],
  ];
  for (const [q, pattern] of bad) {
    const json = await get(`/open311/v2/requests.json?${q}`);
    assert.equal(json.statusCode, 400, q);
    assert.match(json.json()[0].description, pattern);
    const xml = await get(`/open311/v2/requests.xml?${q}`);
    assert.equal(xml.statusCode, 400, q);
    assert.equal(xmlErrors(xml.body)[0]?.code, 400);
  }
});

test('FixMyStreet replay: POST requests.xml as its Open311 client sends it, then polling servicerequestupdates.xml', async () => {
  // Exactly the fields FixMyStreet's Open311.pm posts for a report (extended description: title, detail, URL).
  const description = 'Đèn đường hỏng\n\nĐèn trước cổng chợ không sáng từ tối thứ Hai.\n\nhttps://fms.example.org/report/1234\n';
  const res = await post('/open311/v2/requests.xml', {
    jurisdiction_id: ward.code,
    api_key: KEY,
    service_code: 'den-duong',
    description,
    first_name: 'Nguyễn',
    last_name: 'Văn An',
    email: 'an.nguyen@example.org',
    lat: '10.460123',
    long: '105.633456',
    media_url: 'https://fms.example.org/photo/1234.0.full.jpeg',
    'attribute[fixmystreet_id]': '1234',
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  // $obj->{request}->[0]->{service_request_id}, and it must not be a reference (an empty element).
  const obj = fmsRead(res.body);
  assert.equal(obj.request?.length, 1);
  const id = (obj.request as Record<string, unknown>[])[0]?.service_request_id;
  assert.equal(typeof id, 'string');
  const { rows } = await pool.query(`SELECT id, description, extra FROM feedback WHERE code = $1`, [id]);
  assert.equal(rows[0].description, description.trim());
  assert.equal(rows[0].extra.attributes.fixmystreet_id, '1234');
  const feedbackId = rows[0].id;

  // Staff handle it (received 40 minutes ago): started (public step with a text), an internal note (never shown), then the answer.
  await pool.query(`UPDATE feedback_events SET at = now() - interval '40 minutes' WHERE feedback_id = $1 AND kind = 'received'`, [feedbackId]);
  await pool.query(`UPDATE feedback SET status = 'in_progress', updated_at = now() WHERE id = $1`, [feedbackId]);
  await pool.query(
    `INSERT INTO feedback_events (feedback_id, at, kind, status, public, public_text) VALUES ($1, now() - interval '30 minutes', 'started', 'in_progress', true, 'Đã giao đội chiếu sáng kiểm tra.')`,
    [feedbackId],
  );
  await pool.query(
    `INSERT INTO feedback_events (feedback_id, at, kind, status, public, note) VALUES ($1, now() - interval '20 minutes', 'note', 'in_progress', false, 'Ghi chú nội bộ: gọi điện cho điện lực')`,
    [feedbackId],
  );
  await pool.query(`UPDATE feedback SET status = 'answered', answer = 'Đã thay bóng đèn, đèn sáng lại từ tối 10/11.', answered_at = now() WHERE id = $1`, [
    feedbackId,
  ]);
  await pool.query(
    `INSERT INTO feedback_events (feedback_id, at, kind, status, public) VALUES ($1, now() - interval '10 minutes', 'answered', 'answered', true)`,
    [feedbackId],
  );

  // GetServiceRequestUpdates: the last two hours, W3CDTF in UTC, its api_key and jurisdiction on the GET.
  const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const start = w3c(new Date(Date.now() - 2 * 3600 * 1000));
  const end = w3c(new Date(Date.now() + 1000));
  const q = new URLSearchParams({ api_key: KEY, start_date: start, end_date: end, jurisdiction_id: ward.code }).toString();
  const polled = await get(`/open311/v2/servicerequestupdates.xml?${q}`);
  assert.equal(polled.statusCode, 200, polled.body);
  const updates = (fmsRead(polled.body).request_update as Record<string, string>[]).filter((u) => u.service_request_id === id);
  assert.deepEqual(
    updates.map((u) => [u.status, u.description]),
    [
      ['OPEN', ''],
      ['IN_PROGRESS', 'Đã giao đội chiếu sáng kiểm tra.'],
      ['FIXED', 'Đã thay bóng đèn, đèn sáng lại từ tối 10/11.'],
    ],
  );
  for (const u of updates) {
    assert.match(u.update_id as string, /^\d+$/);
    // check_date: the update's time, in UTC, lies inside the window asked for.
    const t = new Date(u.updated_datetime as string);
    assert.match(u.updated_datetime as string, /\+07:00$/);
    assert.ok(w3c(t) >= start && w3c(t) <= end);
  }
  assert.doesNotMatch(polled.body, /Ghi chú nội bộ|an\.nguyen|Văn An/);

  // update.xml is the same feed; JSON too.
  const alias = await get(`/open311/v2/update.xml?${q}`);
  assert.equal(alias.body, polled.body);
  const json = (await get(`/open311/v2/servicerequestupdates.json?${q}`)).json().filter((u: { service_request_id: string }) => u.service_request_id === id);
  assert.equal(json.length, 3);
  assert.equal(typeof json[0].update_id, 'string');

  // Without the key the feed is public: statuses, but not the text written to the sender (the item is unpublished).
  const anonymous = (await get(`/open311/v2/servicerequestupdates.json?start_date=${start}&end_date=${end}`))
    .json()
    .filter((u: { service_request_id: string }) => u.service_request_id === id);
  assert.deepEqual(
    anonymous.map((u: { status: string; description: string }) => [u.status, u.description]),
    [
      ['OPEN', ''],
      ['IN_PROGRESS', ''],
      ['FIXED', ''],
    ],
  );
  // Another client's key sees none of this client's updates; a wrong key is refused.
  const otherKeyFeed = (await get(`/open311/v2/servicerequestupdates.json?api_key=${otherProvinceKey.key}&start_date=${start}&end_date=${end}`)).json();
  assert.ok(!otherKeyFeed.some((u: { service_request_id: string }) => u.service_request_id === id));
  const wrong = await get(`/open311/v2/servicerequestupdates.xml?api_key=gd_saikhoasaikhoasaikhoasai&start_date=${start}&end_date=${end}`);
  assert.equal(wrong.statusCode, 403);
  assert.equal(xmlErrors(wrong.body)[0]?.code, 403);
  const tooWide = await get(`/open311/v2/servicerequestupdates.xml?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z`);
  assert.equal(tooWide.statusCode, 400);
});

test('XML answers escape markup and drop characters XML cannot carry', async () => {
  const res = await post('/open311/v2/requests.json', { ...base, api_key: KEY, 'attribute[title]': 'x' });
  const id = res.json()[0].service_request_id;
  await pool.query(
    `UPDATE feedback SET status = 'answered', answer = $2, answered_at = now(), published = true, public_title = 't', public_summary = 's', published_at = now() WHERE code = $1`,
    [id, '<script>alert(1)</script> & "trả lời"\u0001'],
  );
  const xml = await get(`/open311/v2/requests/${id}.xml`);
  assert.equal(xml.statusCode, 200);
  assert.match(xml.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;trả lời&quot;</);
  assert.ok(!xml.body.includes(String.fromCharCode(1)));
  assert.equal((fmsRead(xml.body).request as Record<string, string>[])[0]?.status_notes, '<script>alert(1)</script> & "trả lời"');
});

function multipart(fields: Record<string, string>, files: { field: string; name: string; type: string; content: Buffer }[]) {
  const boundary = '----open311test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    parts.push(f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('multipart POST (FixMyStreet uploading photos): a JPEG becomes an attachment; a disguised file is refused', async () => {
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);
  const ok = multipart({ ...base, api_key: KEY, jurisdiction_id: ward.code }, [{ field: 'photo1', name: '99.0.full.jpeg', type: 'image/jpeg', content: jpeg }]);
  const res = await sys.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', ...ok });
  assert.equal(res.statusCode, 200, res.body);
  const id = (fmsRead(res.body).request as Record<string, string>[])[0]?.service_request_id;
  const { rows } = await pool.query(`SELECT a.name, a.mime, a.size FROM feedback_attachments a JOIN feedback f ON f.id = a.feedback_id WHERE f.code = $1`, [
    id,
  ]);
  assert.deepEqual(rows, [{ name: '99.0.full.jpeg', mime: 'image/jpeg', size: 64 }]);
  const disguised = multipart({ ...base, api_key: KEY }, [
    { field: 'photo1', name: 'a.jpeg', type: 'image/jpeg', content: Buffer.from('<html>not a photo</html>') },
  ]);
  const bad = await sys.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', ...disguised });
  assert.equal(bad.statusCode, 400);
  assert.match(xmlErrors(bad.body)[0]?.description ?? '', /^photo1/);
});

test('the key may come as a Bearer header instead of the api_key field', async () => {
  const res = await sys.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${KEY}` },
    payload: new URLSearchParams(base).toString(),
  });
  assert.equal(res.statusCode, 200, res.body);
  const unscoped = await sys.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${unitsOnlyKey.key}` },
    payload: new URLSearchParams(base).toString(),
  });
  assert.equal(unscoped.statusCode, 403);
  const unknown = await sys.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer gd_khongcokhoanaytrongcosodulieu' },
    payload: new URLSearchParams(base).toString(),
  });
  assert.equal(unknown.statusCode, 403);
  assert.deepEqual(
    unknown.json().map((e: Err) => e.code),
    [403],
  );
  const notForm = await sys.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
  assert.equal(notForm.statusCode, 400);
  assert.equal(xmlErrors(notForm.body)[0]?.code, 400);
});
