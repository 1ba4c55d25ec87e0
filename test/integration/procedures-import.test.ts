import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { System } from '../../src/compose.ts';
import { todayInVietnam } from '../../src/modules/procedures/index.ts';
import { startSystem } from '../helpers.ts';
import { loadDemo, makeStaff, multipart, XLSX } from './procedures-support.ts';

const sys: System = await startSystem();
const staff = await makeStaff(sys);
await loadDemo(sys);
const m = staff.manager;
const today = todayInVietnam(new Date());
const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../src/modules/procedures/demo/procedures.json'), 'utf8')) as Record<
  string,
  unknown
>[];

const newProcedure = (code: string, o: Record<string, unknown> = {}) => ({
  ...structuredClone(demo[0]),
  code,
  name: `Thủ tục nhập thử ${code}`,
  ...o,
});

async function snapshot() {
  const r = await sys.platform.pool.query<{ n: string; p: string; a: string }>(
    `SELECT (SELECT count(*) FROM procedure_versions) n, (SELECT count(*) FROM procedures) p, (SELECT count(*) FROM audit_log WHERE action LIKE 'procedure.import%') a`,
  );
  return r.rows[0];
}

function importJson(payload: unknown, query = '', headers: Record<string, string> = {}) {
  return m.request({ method: 'POST', url: `/api/v1/procedures/import${query}`, payload, headers });
}

test('import JSON: new procedures and a changed one, audited per procedure', async () => {
  const changed = { ...structuredClone(demo[1]), name: 'Đăng ký kết hôn (bản nhập)' };
  const before = await snapshot();
  const dry = await importJson({ procedures: [newProcedure('9.100001'), newProcedure('9.100002'), changed] }, '?dryRun=true');
  assert.equal(dry.statusCode, 200, dry.body);
  assert.deepEqual(dry.json(), { dryRun: true, total: 3, created: 2, updated: 1, unchanged: 0, effectiveFrom: today });
  assert.deepEqual(await snapshot(), before);

  const res = await importJson({ procedures: [newProcedure('9.100001'), newProcedure('9.100002'), changed, structuredClone(demo[2])] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { dryRun: false, total: 4, created: 2, updated: 1, unchanged: 1, effectiveFrom: today });
  const after = await snapshot();
  assert.equal(Number(after?.a) - Number(before?.a), 4); // 3 procedures + the summary
  const now = (await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000894' })).json();
  assert.equal(now.name, 'Đăng ký kết hôn (bản nhập)');
  assert.equal(now.version, 2);
  assert.equal(now.effectiveFrom, today);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.100001' })).json().status, 'published');
});

test('import with three bad rows: 422 lists all three and applies nothing', async () => {
  const before = await snapshot();
  const rows = [
    newProcedure('9.200001'),
    newProcedure('9.200002', { timeLimit: { value: 0, unit: 'working_days', note: null } }),
    newProcedure('9.200003', { fees: [{ kind: 'le_phi', name: 'Lệ phí', amountVnd: 'tám nghìn', note: null, exemptions: [] }] }),
    newProcedure('9.200004', { onlineLevel: 'muc-do-4' }),
  ];
  const res = await importJson({ procedures: rows }, '', { 'accept-language': 'en' });
  assert.equal(res.statusCode, 422);
  const body = res.json();
  assert.equal(body.code, 'IMPORT_INVALID');
  assert.equal(body.title, 'The import has invalid rows; nothing was applied');
  assert.deepEqual(
    body.rows.map((r: { row: number; column: string }) => [r.row, r.column]),
    [
      [2, 'timeLimit.value'],
      [3, 'fees[0].amountVnd'],
      [4, 'onlineLevel'],
    ],
  );
  assert.match(body.rows[1].message, /number/);
  assert.deepEqual(await snapshot(), before);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.200001' })).statusCode, 404);
  const vi = await importJson({ procedures: rows });
  assert.match(vi.json().rows[1].message, /Phải là số/);
});

test('import: duplicate codes, negative fees, unknown columns, empty files', async () => {
  const dup = await importJson({ procedures: [newProcedure('9.300001'), newProcedure('9.300002'), newProcedure('9.300001')] });
  assert.equal(dup.statusCode, 422);
  assert.deepEqual(
    dup.json().rows.map((r: { row: number; column: string }) => [r.row, r.column]),
    [[3, 'code']],
  );
  const neg = await importJson({
    procedures: [newProcedure('9.300003', { fees: [{ kind: 'phi', name: 'Phí', amountVnd: -8000, note: null, exemptions: [] }] })],
  });
  assert.equal(neg.json().rows[0].column, 'fees[0].amountVnd');
  const extra = await importJson({ procedures: [{ ...newProcedure('9.300004'), gia: 1 }] });
  assert.equal(extra.json().rows[0].column, 'gia');
  assert.equal((await importJson({ procedures: [] })).statusCode, 422);
  assert.equal((await importJson({ items: [] })).statusCode, 422);
  const form = await m.request({ method: 'POST', url: '/api/v1/procedures/import', payload: 'procedures=1' });
  assert.equal(form.statusCode, 415);
});

test('import: NFD names are normalised; SQL and HTML are stored verbatim', async () => {
  const evil = `<script>alert("x")</script> Đăng ký'); DROP TABLE procedures;--`;
  const res = await importJson({ procedures: [newProcedure('9.400001', { name: evil.normalize('NFD') })] });
  assert.equal(res.statusCode, 200, res.body);
  const got = (await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.400001' })).json();
  assert.equal(got.name, evil);
  const page = await sys.app.inject({ method: 'GET', url: '/thu-tuc/9.400001' });
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes('<script>alert'), 'raw script tag rendered');
  assert.match(page.body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script>|&lt;script&gt;alert/);
  const list = await sys.app.inject({ method: 'GET', url: `/thu-tuc?q=${encodeURIComponent('drop table')}` });
  assert.ok(!list.body.includes('<script>alert'));
  assert.equal((await sys.platform.pool.query('SELECT count(*)::int n FROM procedures')).rows[0].n > 50, true);
});

async function workbook(rows: (string | number | null)[][], headers?: string[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thủ tục');
  ws.addRow(
    headers ?? [
      'Mã',
      'Tên',
      'Lĩnh vực',
      'Cấp',
      'Loại đơn vị thực hiện',
      'Thời hạn',
      'Đơn vị thời hạn',
      'Giờ tiếp nhận cuối',
      'Mức độ trực tuyến',
      'Giải quyết trong ngày',
      'Lệ phí (JSON)',
    ],
  );
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('import a real .xlsx made with exceljs', async () => {
  const fees = JSON.stringify([{ kind: 'le_phi', name: 'Lệ phí thử', amountVnd: 15000, note: null, exemptions: [] }]);
  const buf = await workbook([
    ['9.500001', 'Cấp giấy xác nhận thử nghiệm', 'Thử nghiệm', 'Cấp xã', 'commune\nward', 3, 'working_days', '15:00', 'partial', 'Có', fees],
    ['9.500002', 'Đăng ký thử nghiệm khác', 'Thử nghiệm', 'commune', 'police', '2', 'ngày làm việc', null, 'toàn trình', 'Không', null],
  ]);
  const body = multipart({}, { name: 'thu-tuc.xlsx', type: XLSX, data: buf });
  const res = await m.request({ method: 'POST', url: '/api/v1/procedures/import?effectiveFrom=2025-08-01', ...body });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().created, 2);
  const one = (await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.500001' })).json();
  assert.deepEqual(
    [one.level, one.unitTypes, one.timeLimit.value, one.cutoffHour, one.sameDayEligible, one.fees[0].amountVnd, one.effectiveFrom],
    ['commune', ['commune', 'ward'], 3, '15:00', true, 15000, '2025-08-01'],
  );
  const two = (await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.500002' })).json();
  assert.deepEqual([two.timeLimit.value, two.timeLimit.unit, two.onlineLevel, two.fees], [2, 'working_days', 'full', []]);
});

test('import .xlsx: problems name the sheet row and the column heading', async () => {
  const buf = await workbook([
    ['9.600001', 'Thủ tục tốt', 'Thử', 'commune', 'ward', 1, 'working_days', null, 'none', 'Không', null],
    ['9.600002', 'Thủ tục sai', 'Thử', 'huyện', 'ward', -1, 'working_days', '25:00', 'none', 'Không', '[{"kind":"le_phi","name":"L","amountVnd":"abc"}]'],
  ]);
  const res = await m.request({ method: 'POST', url: '/api/v1/procedures/import', ...multipart({}, { name: 'x.xlsx', type: XLSX, data: buf }) });
  assert.equal(res.statusCode, 422, res.body);
  const rows = res.json().rows.map((r: { row: number; column: string }) => [r.row, r.column]);
  assert.deepEqual(rows, [
    [3, 'Cấp'],
    [3, 'Thời hạn'],
    [3, 'Giờ tiếp nhận cuối'],
    [3, 'Lệ phí (JSON) [0].amountVnd'],
  ]);
  const missing = await workbook([['9.600003', 'Thiếu cột']], ['Mã', 'Tên', 'Giá']);
  const res2 = await m.request({ method: 'POST', url: '/api/v1/procedures/import', ...multipart({}, { name: 'x.xlsx', type: XLSX, data: missing }) });
  assert.equal(res2.statusCode, 422);
  const cols = res2.json().rows.map((r: { row: number; column: string }) => `${r.row}:${r.column}`);
  assert.ok(cols.includes('1:Giá') && cols.includes('1:Lĩnh vực') && cols.includes('1:Thời hạn'), cols.join(', '));
});

test('uploads: over 5 MB → 413; a PNG → 415; a JSON file works', async () => {
  const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
  const tooBig = await m.request({
    method: 'POST',
    url: '/api/v1/procedures/import',
    ...multipart({}, { name: 'big.json', type: 'application/json', data: big }),
  });
  assert.equal(tooBig.statusCode, 413);
  assert.equal(tooBig.json().code, 'PAYLOAD_TOO_LARGE');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const image = await m.request({ method: 'POST', url: '/api/v1/procedures/import', ...multipart({}, { name: 'anh.png', type: 'image/png', data: png }) });
  assert.equal(image.statusCode, 415);
  assert.equal(image.json().code, 'UNSUPPORTED_MEDIA_TYPE');
  const disguised = await m.request({ method: 'POST', url: '/api/v1/procedures/import', ...multipart({}, { name: 'anh.xlsx', type: XLSX, data: png }) });
  assert.equal(disguised.statusCode, 415);
  const jsonFile = Buffer.from(JSON.stringify([newProcedure('9.700001')]));
  const ok = await m.request({
    method: 'POST',
    url: '/api/v1/procedures/import?dryRun=true',
    ...multipart({}, { name: 'a.json', type: 'application/json', data: jsonFile }),
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().created, 1);
  const broken = await m.request({
    method: 'POST',
    url: '/api/v1/procedures/import',
    ...multipart({}, { name: 'a.json', type: 'application/json', data: Buffer.from('{"procedures": [') }),
  });
  assert.equal(broken.statusCode, 422);
});

test('export → import changes nothing (JSON and Excel)', async () => {
  const json = await m.request({ url: '/api/v1/procedures/export.json' });
  assert.equal(json.statusCode, 200);
  assert.match(String(json.headers['content-disposition']), /attachment; filename="thu-tuc-/);
  const exported = json.json();
  assert.ok(exported.procedures.length >= 54);
  assert.deepEqual(
    exported.procedures.find((p: { code: string }) => p.code === '1.001193'),
    demo[0],
  );
  const before = await snapshot();
  const again = await importJson(exported);
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(again.json(), {
    dryRun: false,
    total: exported.procedures.length,
    created: 0,
    updated: 0,
    unchanged: exported.procedures.length,
    effectiveFrom: today,
  });

  const xlsx = await m.request({ url: '/api/v1/procedures/export.xlsx' });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.headers['content-type'], XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Thủ tục');
  assert.ok(sheet);
  assert.equal(sheet.getRow(1).getCell(1).value, 'Mã');
  assert.equal(sheet.rowCount, exported.procedures.length + 1);
  const back = await m.request({
    method: 'POST',
    url: '/api/v1/procedures/import',
    ...multipart({}, { name: 'export.xlsx', type: XLSX, data: xlsx.rawPayload }),
  });
  assert.equal(back.statusCode, 200, back.body);
  assert.equal(back.json().unchanged, exported.procedures.length);
  assert.equal(back.json().updated + back.json().created, 0);
  const after = await snapshot();
  assert.equal(after?.n, before?.n);
  assert.equal(after?.p, before?.p);
});
