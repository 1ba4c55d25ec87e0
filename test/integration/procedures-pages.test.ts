import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { System } from '../../src/compose.ts';
import { todayInVietnam } from '../../src/modules/procedures/index.ts';
import { csrfFrom, form, startSystem } from '../helpers.ts';
import { loadDemo, makeStaff, multipart, XLSX } from './procedures-support.ts';

const sys: System = await startSystem();
const staff = await makeStaff(sys);
await loadDemo(sys);
const m = staff.manager;
const today = todayInVietnam(new Date());
const html = { accept: 'text/html' };

test('public catalogue: search without diacritics, then the details', async () => {
  const list = await sys.app.inject({ method: 'GET', url: '/thu-tuc?q=dang+ky+khai+sinh', headers: html });
  assert.equal(list.statusCode, 200);
  const first = /<ul class="results"><li><a href="\/thu-tuc\/([0-9.]+)">([^<]+)<\/a>/.exec(list.body);
  assert.deepEqual([first?.[1], first?.[2]], ['1.001193', 'Đăng ký khai sinh']);
  const page = await sys.app.inject({ method: 'GET', url: '/thu-tuc/1.001193', headers: html });
  assert.equal(page.statusCode, 200);
  for (const text of [
    'Thành phần hồ sơ',
    'Tờ khai đăng ký khai sinh',
    '8.000',
    'Căn cứ pháp lý',
    'Luật Hộ tịch số 60/2014/QH13',
    'Nơi tiếp nhận hồ sơ',
    'toàn trình',
  ]) {
    assert.ok(page.body.includes(text), text);
  }
  const en = await sys.app.inject({ method: 'GET', url: '/thu-tuc/1.001193?lang=en', headers: html });
  assert.match(en.body, /Documents to bring/);
  const missing = await sys.app.inject({ method: 'GET', url: '/thu-tuc/9.999999', headers: html });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Không tìm thấy thủ tục hành chính/);
});

test('staff list: status tags for clerks; managers see import and add', async () => {
  const clerk = await staff.clerk.request({ url: '/quan-tri/thu-tuc?q=chung+thuc' });
  assert.equal(clerk.statusCode, 200);
  assert.match(clerk.body, /class="tag published"/);
  assert.ok(!clerk.body.includes('/quan-tri/thu-tuc/nhap'));
  const manager = await m.request({ url: '/quan-tri/thu-tuc' });
  assert.match(manager.body, /\/quan-tri\/thu-tuc\/nhap/);
  assert.match(manager.body, /Trang 1\/3/);
  assert.equal((await staff.clerk.request({ url: '/quan-tri/thu-tuc/nhap' })).statusCode, 403);
  const anon = await sys.app.inject({ method: 'GET', url: '/quan-tri/thu-tuc', headers: html });
  assert.equal(anon.statusCode, 303);
});

test('edit form: a bad fee line re-renders with the input and an error summary; a good one saves a draft; publish', async () => {
  const detail = await m.request({ url: '/quan-tri/thu-tuc/1.004873' });
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /name="fees"/);
  const values = {
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    level: 'commune',
    unitTypes: 'commune',
    timeLimitValue: '3',
    timeLimitUnit: 'working_days',
    onlineLevel: 'full',
    fees: 'Lệ phí cấp giấy | năm nghìn',
    documents: 'Tờ khai | 1 | bản chính',
    steps: 'Nộp hồ sơ\nNhận kết quả',
    legalBasis: 'Luật Hộ tịch 2014',
  };
  const bad = await m.request({ method: 'POST', url: '/quan-tri/thu-tuc/1.004873/ban-nhap', payload: form({ _csrf: m.csrf, ...values }) });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /Dòng 1: Phải là số/);
  assert.match(bad.body, /Lệ phí cấp giấy \| năm nghìn<\/textarea>/);
  const good = await m.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc/1.004873/ban-nhap',
    payload: form({ _csrf: m.csrf, ...values, fees: 'Lệ phí cấp giấy | 5.000' }),
  });
  assert.equal(good.statusCode, 303, good.body);
  const draft = (await m.request({ url: '/api/v1/procedures/1.004873?version=2' })).json();
  assert.equal(draft.status, 'draft');
  assert.deepEqual(draft.fees, [{ kind: 'le_phi', name: 'Lệ phí cấp giấy', amountVnd: 5000, note: null, exemptions: [] }]);
  const tooEarly = await m.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc/1.004873/cong-bo',
    payload: form({ _csrf: m.csrf, effectiveFrom: '2025-01-01' }),
  });
  assert.equal(tooEarly.statusCode, 400);
  assert.match(tooEarly.body, /Ngày hiệu lực phải sau ngày 2025-07-01/);
  const publish = await m.request({ method: 'POST', url: '/quan-tri/thu-tuc/1.004873/cong-bo', payload: form({ _csrf: m.csrf, effectiveFrom: today }) });
  assert.equal(publish.statusCode, 303);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.004873' })).json().version, 2);
  const clerk = await staff.clerk.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc/1.004873/ban-nhap',
    payload: form({ _csrf: staff.clerk.csrf, ...values }),
  });
  assert.equal(clerk.statusCode, 403);
});

test('new procedure form; HTML in the name is escaped on the staff page', async () => {
  const page = await m.request({ url: '/quan-tri/thu-tuc/moi' });
  assert.equal(page.statusCode, 200);
  const res = await m.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc',
    payload: form({
      _csrf: m.csrf,
      code: '9.800001',
      name: '<img src=x onerror=alert(1)> Thủ tục',
      field: 'Thử',
      level: 'commune',
      unitTypes: 'ward',
      timeLimitValue: '1,5',
      timeLimitUnit: 'working_hours',
      onlineLevel: 'none',
    }),
  });
  assert.equal(res.statusCode, 303, res.body);
  const detail = await m.request({ url: '/quan-tri/thu-tuc/9.800001' });
  assert.ok(!detail.body.includes('<img src=x'));
  assert.match(detail.body, /&lt;img src=x onerror=alert\(1\)> Thủ tục/);
  const dup = await m.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc',
    payload: form({
      _csrf: m.csrf,
      code: '9.800001',
      name: 'Khác',
      field: 'Thử',
      level: 'commune',
      timeLimitValue: '1',
      timeLimitUnit: 'working_days',
      onlineLevel: 'none',
    }),
  });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /Mã thủ tục đã tồn tại/);
});

async function xlsx(rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thủ tục');
  ws.addRow(['Mã', 'Tên', 'Lĩnh vực', 'Cấp', 'Loại đơn vị thực hiện', 'Thời hạn', 'Đơn vị thời hạn', 'Mức độ trực tuyến']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('import page: every bad row listed; a good file applied', async () => {
  const page = await m.request({ url: '/quan-tri/thu-tuc/nhap' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.match(page.body, /action="\/quan-tri\/thu-tuc\/nhap\?_csrf=/);
  const bad = await xlsx([
    ['9.900001', 'Một', 'Thử', 'commune', 'ward', 0, 'working_days', 'none'],
    ['9.900002', 'Hai', 'Thử', 'commune', 'ward', 1, 'tuần', 'none'],
    ['9.900001', 'Ba', 'Thử', 'commune', 'ward', 1, 'working_days', 'none'],
  ]);
  const res = await m.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc/nhap',
    ...multipart({ effectiveFrom: today }, { name: 'a.xlsx', type: XLSX, data: bad }),
  });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /3 lỗi/);
  for (const cell of ['<td>2</td><td>Thời hạn</td>', '<td>3</td><td>Đơn vị thời hạn</td>', '<td>4</td><td>Mã</td>']) assert.ok(res.body.includes(cell), cell);
  const good = await xlsx([['9.900003', 'Bốn', 'Thử', 'commune', 'ward', 2, 'working_days', 'none']]);
  const ok = await m.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc/nhap',
    ...multipart({ effectiveFrom: today }, { name: 'b.xlsx', type: XLSX, data: good }),
  });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /Đã nhập 1 thủ tục: 1 mới/);
  const png = await m.request({
    method: 'POST',
    url: '/quan-tri/thu-tuc/nhap',
    ...multipart({}, { name: 'a.png', type: 'image/png', data: Buffer.from('89504e47', 'hex') }),
  });
  assert.equal(png.statusCode, 415);
  assert.match(png.body, /Chỉ nhận tệp .xlsx hoặc .json/);
});

test('import page without JavaScript: the CSRF token travels in the query string', async () => {
  const page = await m.request({ url: '/quan-tri/thu-tuc/nhap' });
  const action = /action="(\/quan-tri\/thu-tuc\/nhap\?_csrf=[^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
  assert.ok(action.includes('_csrf='), action);
  const good = await xlsx([['9.900004', 'Năm', 'Thử', 'commune', 'ward', 2, 'working_days', 'none']]);
  const body = multipart({}, { name: 'c.xlsx', type: XLSX, data: good });
  const res = await sys.app.inject({ method: 'POST', url: action, payload: body.payload, headers: { ...body.headers, cookie: m.cookie } });
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.ok(csrfFrom(res.body));
  assert.match(res.body, /Đã nhập 1 thủ tục/);
  const forged = await sys.app.inject({
    method: 'POST',
    url: '/quan-tri/thu-tuc/nhap?_csrf=forged',
    payload: body.payload,
    headers: { ...body.headers, cookie: m.cookie },
  });
  assert.equal(forged.statusCode, 403);
});
