/**
 * Reform reports over a small hand-computed data set (2026-Q3 at Phường Một: four dossiers, three fees, two ratings,
 * two feedback items, a radio dialogue with two commitments): every figure of the models the ward runs, the DOCX and
 * the Excel workbook read back, bad periods named, two editors (the second refused, nothing lost), the children who
 * have not reported, compiling into the city's report, script and HTML kept as text, another unit's report refused.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type DossierRow, dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { checkFeedback, receiveFeedback } from '../../src/modules/feedback/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const q = (text: string, params: unknown[] = []) => sys.platform.pool.query(text, params);
const province = await makeUnit(sys, { name: 'Tỉnh Báo Cáo' });
const city = await makeUnit(sys, { parent: province, kind: 'city', name: 'Thành phố Báo Cáo' });
const ward = await makeUnit(sys, { parent: city, kind: 'ward', name: 'Phường Một' });
const ward2 = await makeUnit(sys, { parent: city, kind: 'ward', name: 'Phường Hai' });
const procedure = await makeProcedure(sys, { days: 3, name: 'Chứng thực bản sao (báo cáo)' });
await q('INSERT INTO unit_procedures (unit_id, procedure_id) SELECT $1, id FROM procedures WHERE code = $2', [ward.id, procedure]);

// The models: the ward runs five, the city one (the one-stop desk).
const models: [string, string, string][] = [
  ['bc-mot-cua', 'Bộ phận Một cửa', 'M1'],
  ['bc-trong-ngay', 'Giải quyết trong ngày', 'M2'],
  ['bc-1022', 'Tổng đài 1022', 'M8'],
  ['bc-dong-hanh', 'Chính quyền đồng hành cùng Nhân dân', 'M9'],
  ['bc-khong-tien-mat', 'Thanh toán không dùng tiền mặt', 'M12'],
];
for (const [code, name, m] of models) {
  await q(
    `INSERT INTO reform_models (code, name, lead_agency, origin, issuer_unit_id, source, catalogue_code, starts_on)
     VALUES ($1, $2, 'UBND', 'province', $3, 'Kế hoạch thử', $4, '2024-01-01')`,
    [code, name, province.id, m],
  );
  await q(`INSERT INTO reform_registrations (unit_id, model_id, from_date) SELECT $1, id, '2025-01-01' FROM reform_models WHERE code = $2`, [ward.id, code]);
}
await q(`INSERT INTO reform_registrations (unit_id, model_id, from_date) SELECT $1, id, '2025-01-01' FROM reform_models WHERE code = 'bc-mot-cua'`, [city.id]);

async function receive(at: string): Promise<DossierRow> {
  dossierClock.set(at);
  return inTransaction(sys.platform.db, (tx) =>
    receiveDossier(
      tx,
      systemActor('test'),
      ward,
      { unit: ward.code, procedure, channel: 'desk', applicant: { name: 'Lê Văn Báo', phone: '0912000555' } },
      dossierClock.now(),
      null,
    ),
  );
}
// Monday 6 July 2026: a 3-working-day procedure is due on Thursday 9 July.
const d1 = await receive('2026-07-06T09:00:00+07:00');
const d2 = await receive('2026-07-06T09:10:00+07:00');
const d3 = await receive('2026-08-03T09:00:00+07:00');
const d4 = await receive('2026-08-03T09:30:00+07:00');
await receive('2026-06-30T09:00:00+07:00'); // Q2: not in the report
dossierClock.set(null);
const settle = (d: DossierRow, at: string, extra = '') => q(`UPDATE dossiers SET status = 'result_ready', result_at = $2 ${extra} WHERE id = $1`, [d.id, at]);
await settle(d1, '2026-07-07T10:00:00+07:00', ', online = true');
await settle(d2, '2026-07-20T10:00:00+07:00'); // late
await settle(d3, '2026-08-03T15:00:00+07:00', ', same_day = true'); // same day
await settle(d4, '2026-08-05T10:00:00+07:00', ', same_day = true'); // in time, not the same day
await q(
  `INSERT INTO dossier_ratings (dossier_id, rating, channel, rated_at) VALUES ($1, 'hai_long', 'qr', '2026-07-08T09:00:00+07:00'), ($2, 'khong_hai_long', 'qr', '2026-07-21T09:00:00+07:00')`,
  [d1.id, d2.id],
);
for (const [d, ref, by, at] of [
  [d1, 'BCAAAA1111', 'transfer', '2026-07-06T10:00:00+07:00'],
  [d2, 'BCBBBB2222', 'cash', '2026-07-06T10:00:00+07:00'],
  [d3, 'BCCCCC3333', 'transfer', '2026-08-03T10:00:00+07:00'],
] as const) {
  await q(
    `INSERT INTO dossier_fees (dossier_id, unit_id, kind, name, amount_vnd, reference, status, paid_vnd, paid_by, paid_at)
     VALUES ($1, $2, 'fee', 'Lệ phí', 20000, $3, 'paid', 20000, $4, $5)`,
    [d.id, ward.id, ref, by, at],
  );
}
// Feedback: two received 10 July (answer due within 10 working days), one answered on 13 July (rated), one on 20 September.
for (const [answeredAt, rating] of [
  ['2026-07-13T09:00:00+07:00', 'rat_hai_long'],
  ['2026-09-20T09:00:00+07:00', null],
] as const) {
  const c = checkFeedback({ description: 'Phản ánh cho báo cáo mô hình' }, { channel: 'web' });
  if (!c.ok) throw new Error('bad feedback');
  const r = await receiveFeedback(sys.platform.db, systemActor('test'), {
    channel: 'web',
    item: c.value,
    addressedUnitCode: ward.code,
    now: new Date('2026-07-10T09:00:00+07:00'),
  });
  await q(
    `UPDATE feedback SET status = 'answered', answer = 'Đã xử lý', answered_at = $2, rating = $3,
       rated_at = CASE WHEN $3::text IS NULL THEN NULL ELSE $2::timestamptz + interval '1 day' END WHERE code = $1`,
    [r.code, answeredAt, rating],
  );
}
// A radio dialogue held in August with two commitments: one kept on time, one open past its deadline.
const dialogue = await q(
  `INSERT INTO dialogues (unit_id, kind, title, starts_at, ends_at, place, status)
   VALUES ($1, 'radio', 'Đối thoại quý III', '2026-08-15T08:00:00+07:00', '2026-08-15T10:00:00+07:00', 'Đài truyền thanh', 'held') RETURNING id`,
  [ward.id],
);
await q(
  `INSERT INTO dialogue_commitments (dialogue_id, text, owner_unit_id, deadline, status, closed_at, created_at)
   VALUES ($1, 'Sửa đèn đường', $2, '2026-09-01', 'done', '2026-08-25T09:00:00+07:00', '2026-08-15T10:00:00+07:00'),
          ($1, 'Nạo vét cống', $2, '2026-09-15', 'open', NULL, '2026-08-15T10:00:00+07:00')`,
  [dialogue.rows[0].id, ward.id],
);

const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward)).username);
const officer = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', ward)).username);
const cityLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', city, { subtree: true })).username);
const ward2Leader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward2)).username);
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', ward)).username);

let reportId = 0;
type Section = {
  modelCode: string;
  catalogueCode: string;
  figures: { key: string; value: number | null }[];
  narrative: string;
  children: { unitName: string; narrative: string }[];
};
const getReport = async (s = leader, id = reportId) => {
  const res = await s.request({ url: `/api/v1/reform-reports/${id}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { version: number; status: string; unitCount: number; figuresAt: string | null; sections: Section[] };
};

test('opening a report: bad periods are refused by name; figures of each model match the hand computation', async () => {
  for (const [period, reason] of [
    ['2027', 'PERIOD_NOT_BEGUN'],
    ['2027-Q1', 'PERIOD_NOT_BEGUN'],
    ['2026-Q5', 'PERIOD_UNKNOWN'],
    ['2026-H3', 'PERIOD_UNKNOWN'],
    ['quý 3', 'PERIOD_UNKNOWN'],
  ]) {
    const res = await leader.request({ method: 'POST', url: '/api/v1/reform-reports', payload: { unit: ward.code, period } });
    assert.equal(res.statusCode, 400, period);
    assert.equal(res.json().reason, reason, period);
    assert.equal(res.json().errors[0].field, 'period');
  }
  const page = await leader.request({ url: `/quan-tri/bao-cao-mo-hinh?unit=${ward.code}&from=2026-09-30&to=2026-07-01`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /ngày kết thúc trước ngày bắt đầu/);
  assert.equal((await clerk.request({ method: 'POST', url: '/api/v1/reform-reports', payload: { unit: ward.code, period: '2026-Q3' } })).statusCode, 403);

  const res = await leader.request({ method: 'POST', url: '/api/v1/reform-reports', payload: { unit: ward.code, period: '2026-Q3' } });
  assert.equal(res.statusCode, 201, res.body);
  reportId = res.json().id;
  const again = await leader.request({ method: 'POST', url: '/api/v1/reform-reports', payload: { unit: ward.code, period: '2026-q3' } });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, reportId, 'one report per unit and period');

  const r = await getReport();
  assert.equal(r.status, 'draft');
  assert.deepEqual(r.sections.map((s) => s.catalogueCode).sort(), ['M1', 'M12', 'M2', 'M8', 'M9']);
  const fig = (m: string) => Object.fromEntries((r.sections.find((s) => s.catalogueCode === m) as Section).figures.map((f) => [f.key, f.value]));
  assert.deepEqual(fig('M1'), {
    'dossiers.received': 4, // d1–d4 (the Q2 dossier not counted)
    'dossiers.settled': 4,
    'dossiers.onTimeRate': 0.75, // d2 late
    'dossiers.late': 1,
    'dossiers.overdue': 1, // the June dossier, still open and past its deadline on 30 September
    'dossiers.onlineShare': 0.25, // d1
    'dossiers.satisfiedShare': 0.5, // hài lòng, không hài lòng
  });
  assert.deepEqual(fig('M2'), { 'dossiers.sameDay': 2, 'dossiers.sameDayRate': 0.5 }); // d3 settled the same day, d4 not
  assert.deepEqual(fig('M8'), {
    'feedback.received': 2,
    'feedback.answered': 2,
    'feedback.answeredOnTimeRate': 0.5,
    'feedback.satisfiedShare': 1,
  });
  assert.deepEqual(fig('M9'), {
    'dialogues.radio': 1,
    'commitments.open': 1,
    'commitments.overdue': 1, // deadline 15 September, open on 30 September
    'commitments.kept': 1,
    'commitments.keptOnTime': 1,
  });
  const m12 = fig('M12');
  assert.equal(m12['payments.paid'], 3);
  assert.equal(m12['payments.transfer'], 2);
  assert.equal(Math.round((m12['payments.cashlessRate'] as number) * 1000), 667);

  const html = await leader.request({ url: `/quan-tri/bao-cao-mo-hinh/${reportId}`, headers: { accept: 'text/html' } });
  assert.equal(html.statusCode, 200);
  assert.match(html.body, /Tỷ lệ giải quyết đúng và trước hạn<\/th>\s*<td class="num">75 %/);
  assert.match(html.body, /Tỷ lệ thanh toán không dùng tiền mặt<\/th>\s*<td class="num">66,7 %/);
});

test('opening an existing report keeps its figures; compiling through the API brings them up to date, refused on a stale version', async () => {
  const before = await getReport();
  await new Promise((r) => setTimeout(r, 20));
  const again = await leader.request({ method: 'POST', url: '/api/v1/reform-reports', payload: { unit: ward.code, period: '2026-Q3' } });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().figuresAt, before.figuresAt, 'opening again does not recompute');

  const stale = await leader.request({ method: 'POST', url: `/api/v1/reform-reports/${reportId}/compile`, payload: { version: before.version + 5 } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'REFORM_REPORT_CHANGED');
  assert.equal((await getReport()).figuresAt, before.figuresAt, 'a refused compile changes nothing');

  const res = await leader.request({ method: 'POST', url: `/api/v1/reform-reports/${reportId}/compile`, payload: { version: before.version } });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().version > before.version);
  assert.ok(Date.parse(res.json().figuresAt) > Date.parse(before.figuresAt as string), 'figures recomputed');
  const m1 = (res.json().sections as Section[]).find((s) => s.catalogueCode === 'M1') as Section;
  assert.equal(m1.figures.find((f) => f.key === 'dossiers.received')?.value, 4);
  assert.deepEqual(
    (res.json().sections as Section[]).map((s) => s.narrative),
    before.sections.map((s) => s.narrative),
    "the unit's own text is kept",
  );
});

test('a report with no data says "no data", never 0 %', async () => {
  const res = await ward2Leader.request({ method: 'POST', url: '/api/v1/reform-reports', payload: { unit: ward2.code, period: '2026-Q2' } });
  assert.equal(res.statusCode, 201, res.body);
  const m1 = (res.json().sections as Section[]).find((s) => s.catalogueCode === 'M1') as Section;
  assert.equal(m1.figures.find((f) => f.key === 'dossiers.onTimeRate')?.value, null);
  const page = await ward2Leader.request({ url: `/quan-tri/bao-cao-mo-hinh/${res.json().id}`, headers: { accept: 'text/html' } });
  assert.match(page.body, /Tỷ lệ giải quyết đúng và trước hạn<\/th>\s*<td class="num">Không có dữ liệu/);
});

test('two people editing one report: the second save is refused, saying when; nothing the first saved is lost', async () => {
  const { version } = await getReport();
  const first = await leader.request({
    method: 'PATCH',
    url: `/api/v1/reform-reports/${reportId}`,
    payload: { version, narratives: { 'bc-mot-cua': 'Bản của lãnh đạo' } },
  });
  assert.equal(first.statusCode, 200, first.body);
  const second = await officer.request({
    method: 'PATCH',
    url: `/api/v1/reform-reports/${reportId}`,
    payload: { version, narratives: { 'bc-mot-cua': 'Bản của cán bộ' } },
  });
  assert.equal(second.statusCode, 409);
  assert.equal(second.json().code, 'REFORM_REPORT_CHANGED');
  assert.match(second.json().detail, /đã có người khác .*sửa báo cáo này lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}; hãy tải lại/i);
  assert.equal((await getReport()).sections.find((s) => s.modelCode === 'bc-mot-cua')?.narrative, 'Bản của lãnh đạo');

  // The same through the page: the form comes back with what the second person typed and the message.
  const page = await officer.request({
    method: 'POST',
    url: `/quan-tri/bao-cao-mo-hinh/${reportId}`,
    payload: form({ version: String(version), 'n.bc-mot-cua': 'Bản gõ lại của cán bộ' }),
    headers: { accept: 'text/html' },
  });
  assert.equal(page.statusCode, 409);
  assert.match(page.body, /hãy tải lại/);
  assert.match(page.body, /Bản gõ lại của cán bộ/);
  assert.equal((await getReport()).sections.find((s) => s.modelCode === 'bc-mot-cua')?.narrative, 'Bản của lãnh đạo');
});

const evil = '<script>alert("x")</script><b>Đã triển khai</b> =SUM(A1)';

test('narratives are plain text everywhere: stored NFC, script and HTML shown as text; too long refused by name', async () => {
  const { version } = await getReport();
  const nfd = 'Hoa\u0300n tha\u0300nh ke\u0302\u0301 hoa\u0323ch'; // "Hoàn thành kế hoạch" decomposed
  const res = await leader.request({
    method: 'POST',
    url: `/quan-tri/bao-cao-mo-hinh/${reportId}`,
    payload: form({ version: String(version), 'n.bc-1022': evil, 'n.bc-trong-ngay': nfd, docNumber: '15' }),
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const stored = await q(`SELECT narrative FROM reform_report_sections WHERE report_id = $1 AND model_code = 'bc-trong-ngay'`, [reportId]);
  assert.equal(stored.rows[0].narrative, 'Hoàn thành kế hoạch'.normalize('NFC'));
  assert.equal(stored.rows[0].narrative, nfd.normalize('NFC'));
  const page = await leader.request({ url: `/quan-tri/bao-cao-mo-hinh/${reportId}`, headers: { accept: 'text/html' } });
  assert.ok(!page.body.includes('<script>alert'), 'no live script');
  assert.ok(!page.body.includes('<b>Đã triển khai'), 'no live markup');
  assert.ok(page.body.includes('&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;b>Đã triển khai&lt;/b> =SUM(A1)'), 'shown as text');

  const long = await leader.request({
    method: 'PATCH',
    url: `/api/v1/reform-reports/${reportId}`,
    payload: { version: version + 1, narratives: { 'bc-1022': 'a'.repeat(10_001) } },
  });
  assert.equal(long.statusCode, 400);
  assert.equal(long.json().errors[0].field, 'narratives.bc-1022');
});

async function docxText(buffer: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { xml, text };
}

test('the DOCX is in the administrative format and reads back with the figures and narratives', async () => {
  const res = await leader.request({ url: `/quan-tri/bao-cao-mo-hinh/${reportId}/bao-cao.docx` });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /wordprocessingml/);
  const { xml, text } = await docxText(res.rawPayload);
  for (const want of [
    'ỦY BAN NHÂN DÂN THÀNH PHỐ BÁO CÁO',
    'ỦY BAN NHÂN DÂN PHƯỜNG MỘT',
    'Số: 15/BC-UBND',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Một, ngày',
    'BÁO CÁO',
    'Kết quả thực hiện các mô hình cải cách hành chính quý III năm 2026',
    'Bộ phận Một cửa (M1)',
    'Tỷ lệ giải quyết đúng và trước hạn',
    '75 %',
    '66,7 %',
    'Bản của lãnh đạo',
    evil,
    'Hoàn thành kế hoạch',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    'Nơi nhận:',
    '- Lưu: VT.',
  ]) {
    assert.ok(
      text
        .normalize('NFC')
        .replace(/\u00a0/g, ' ')
        .includes(want),
      `DOCX lacks ${want}`,
    );
  }
  assert.ok(text.includes(text.normalize('NFC')), 'NFC throughout');
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, 'A4');
  assert.match(xml, /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/, 'margins 20/15/20/30 mm');
  assert.match(xml, /w:ascii="Times New Roman"/);
  assert.match(xml, /<w:b\/>.*?<w:u w:val="single"\/>.*?Độc lập - Tự do - Hạnh phúc/s, 'motto bold and underlined');
  assert.match(xml, /<w:i\/>.*?Một, ngày \d+ tháng \d+ năm 2026/s, 'place and date in italics');
  assert.ok(!xml.includes('<script>'), 'markup is text in the document');
});

test('the Excel workbook reads back: a sheet of figures per model and one of narratives', async () => {
  const res = await leader.request({ url: `/quan-tri/bao-cao-mo-hinh/${reportId}/bao-cao.xlsx` });
  assert.equal(res.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  assert.equal(names[0], 'Tổng hợp');
  assert.equal(names.at(-1), 'Nội dung');
  assert.equal(names.length, 2 + 5);
  const m1 = wb.worksheets.find((w) => w.name.startsWith('M1 ')) as ExcelJS.Worksheet;
  const cellOf = (ws: ExcelJS.Worksheet, key: string) => {
    let v: unknown;
    ws.eachRow((row) => {
      if (row.getCell(1).value === key) v = row.getCell(3).value;
    });
    return v;
  };
  assert.equal(cellOf(m1, 'dossiers.received'), 4);
  assert.equal(cellOf(m1, 'dossiers.onTimeRate'), 0.75);
  assert.equal(cellOf(wb.worksheets[0] as ExcelJS.Worksheet, 'commitments.overdue'), 1);
  const texts: unknown[] = [];
  (wb.getWorksheet('Nội dung') as ExcelJS.Worksheet).eachRow((row) => texts.push(row.getCell(4).value));
  assert.ok(texts.includes(evil), 'narrative kept as text, not a formula');
  assert.ok(texts.includes('Bản của lãnh đạo'));
});

test('another unit’s report is refused; the parent sees who has not reported and compiles the submitted ones', async () => {
  assert.equal((await ward2Leader.request({ url: `/api/v1/reform-reports/${reportId}` })).statusCode, 403);
  assert.equal((await ward2Leader.request({ url: `/quan-tri/bao-cao-mo-hinh/${reportId}`, headers: { accept: 'text/html' } })).statusCode, 403);
  assert.equal(
    (await ward2Leader.request({ url: `/quan-tri/bao-cao-mo-hinh?unit=${ward.code}&period=2026-Q3`, headers: { accept: 'text/html' } })).statusCode,
    403,
  );

  const status = async () => {
    const page = await cityLeader.request({ url: `/quan-tri/bao-cao-mo-hinh?unit=${city.code}&period=2026-Q3`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    return page.body;
  };
  let body = await status();
  assert.match(body, /2\/2 đơn vị chưa gửi báo cáo/);
  assert.match(body, /Phường Một<\/a><\/th>\s*<td>Đang soạn, chưa gửi/);
  assert.match(body, /Phường Hai<\/th>\s*<td>Chưa lập báo cáo/);

  const { version } = await getReport();
  const sent = await leader.request({ method: 'POST', url: `/quan-tri/bao-cao-mo-hinh/${reportId}/gui`, payload: form({ version: String(version) }) });
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
  assert.equal((await getReport()).status, 'submitted');
  const late = await leader.request({
    method: 'PATCH',
    url: `/api/v1/reform-reports/${reportId}`,
    payload: { version: version + 1, narratives: { 'bc-mot-cua': 'Sửa sau khi gửi' } },
  });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().code, 'REFORM_REPORT_SUBMITTED');
  body = await status();
  assert.match(body, /1\/2 đơn vị chưa gửi báo cáo/);
  assert.match(body, /Phường Một<\/a><\/th>\s*<td>Đã gửi lúc/);

  const opened = await cityLeader.request({ method: 'POST', url: '/quan-tri/bao-cao-mo-hinh', payload: form({ unit: city.code, period: '2026-Q3' }) });
  assert.equal(opened.statusCode, 303);
  const cityId = Number(String(opened.headers.location).split('/').pop());
  const before = await getReport(cityLeader, cityId);
  assert.equal(before.unitCount, 3, 'the city, Phường Một and Phường Hai');
  assert.deepEqual(
    before.sections.map((s) => s.catalogueCode),
    ['M1'],
  );
  const compiled = await cityLeader.request({
    method: 'POST',
    url: `/quan-tri/bao-cao-mo-hinh/${cityId}/tong-hop`,
    payload: form({ version: String(before.version) }),
  });
  assert.equal(compiled.statusCode, 303, compiled.body.slice(0, 300));
  const after = await getReport(cityLeader, cityId);
  assert.deepEqual(after.sections.map((s) => s.catalogueCode).sort(), ['M1', 'M12', 'M2', 'M8', 'M9'], 'the children’s models added');
  const m1 = after.sections.find((s) => s.modelCode === 'bc-mot-cua') as Section;
  assert.deepEqual(m1.children, [{ unitCode: ward.code, unitName: 'Phường Một', narrative: 'Bản của lãnh đạo' }]);
  assert.equal(m1.figures.find((f) => f.key === 'dossiers.received')?.value, 4, 'figures of the whole subtree');
  // Compiling twice gives the same, and the DOCX carries the child's name and narrative under the model.
  const again = await cityLeader.request({
    method: 'POST',
    url: `/quan-tri/bao-cao-mo-hinh/${cityId}/tong-hop`,
    payload: form({ version: String(after.version) }),
  });
  assert.equal(again.statusCode, 303);
  assert.equal((await getReport(cityLeader, cityId)).sections.find((s) => s.modelCode === 'bc-mot-cua')?.children.length, 1);
  const { text } = await docxText((await cityLeader.request({ url: `/quan-tri/bao-cao-mo-hinh/${cityId}/bao-cao.docx` })).rawPayload);
  assert.match(text, /Bộ phận Một cửa \(M1\)[\s\S]*- Phường Một:\s*Bản của lãnh đạo/);
  assert.match(text, /ỦY BAN NHÂN DÂN TỈNH BÁO CÁO/);
  // A stale compile is refused like a stale save.
  const stale = await cityLeader.request({
    method: 'POST',
    url: `/quan-tri/bao-cao-mo-hinh/${cityId}/tong-hop`,
    payload: form({ version: String(before.version) }),
    headers: { accept: 'text/html' },
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /đã có người khác/i);
});

test('the JSON routes are in the OpenAPI document', async () => {
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/reform-reports']?.post);
  assert.ok(doc.paths['/api/v1/reform-reports/{id}']?.get);
  assert.ok(doc.paths['/api/v1/reform-reports/{id}']?.patch);
});
