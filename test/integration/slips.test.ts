import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { System } from '../../src/compose.ts';
import {
  type RegisterBookRow,
  registerBookWorkbook,
  renderRegisterBook,
  renderSlip,
  type SlipData,
  sampleReceiptData,
  seedSlipTemplates,
  slipTemplatesTt03of2025,
  timeReceiptRendering,
} from '../../src/modules/slips/index.ts';
import { AppError } from '../../src/platform/errors.ts';
import { startSystem } from '../helpers.ts';
import { decodeQr, pdfInfo, pdfText, savePdf } from '../pdf.ts';

const root = path.resolve(import.meta.dirname, '../..');

const A4_PORTRAIT = /^595\.2\d* x 841\.8\d* pts \(A4\)/;

function data(overrides: Partial<SlipData['dossier']> = {}, signers: SlipData['signers'] = {}): SlipData {
  const base = sampleReceiptData();
  return { ...base, dossier: { ...base.dossier, ...overrides }, signers: { ...base.signers, ...signers } };
}

const head = { head: 'Lê Thị Hồng', headTitle: 'Giám đốc' };

let sys: System;
async function setUp(): Promise<void> {
  sys = await startSystem();
  // compose.ts seeds at start-up once the lead wires it; then this call writes nothing.
  await seedSlipTemplates(sys.platform.db);
}
const ready = setUp();

describe('slip templates', () => {
  test('seeding is idempotent and audited once', async () => {
    await ready;
    assert.deepEqual(await seedSlipTemplates(sys.platform.db), []);
    const count = await sys.platform.db.execute(sql`SELECT count(*)::int AS n FROM slip_templates`);
    const audits = await sys.platform.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'slip_template.seed'`);
    assert.ok((count.rows[0] as { n: number }).n >= slipTemplatesTt03of2025.length);
    assert.equal((audits.rows[0] as { n: number }).n, slipTemplatesTt03of2025.length);
  });
});

describe('the seven one-stop slips, checked by extracting their text', () => {
  test('Mẫu 01: receipt and appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', async () => {
    await ready;
    const pdf = await renderSlip(sys.platform.db, 'receipt', data(), { on: '2026-11-24' });
    const text = pdfText(pdf);
    for (const expected of [
      'UBND PHƯỜNG CAO LÃNH',
      'TRUNG TÂM PHỤC VỤ HÀNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 1254/GTN-TTPVHCC',
      'Cao Lãnh, ngày 24 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: H22.45-261124-0001',
      'Ông/Bà: Nguyễn Thị Ánh Tuyết',
      'Số 12, đường Lê Lợi, phường Cao Lãnh, tỉnh Đồng Tháp',
      'Giấy chứng nhận kết hôn của cha mẹ',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '4. Thời gian nhận hồ sơ: 14 giờ 30 phút, ngày 24 tháng 11 năm 2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 25 tháng 11 năm 2026',
      'Qua dịch vụ bưu chính công ích',
      'Quyển số: 03/2026, Số thứ tự: 1254',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Đức',
    ])
      assert.ok(text.includes(expected), `receipt shows "${expected}"\n${text}`);
    assert.equal(decodeQr(pdf), 'https://gandan.example.vn/tra-cuu/H22.45-261124-0001');
    const info = pdfInfo(pdf);
    assert.match(info['Page size'] ?? '', A4_PORTRAIT);
    assert.equal(info.Pages, '1', 'the receipt fits on one page');
  });

  test('Mẫu 02: request to supplement (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ)', async () => {
    await ready;
    const supplement = {
      items: ['Bản sao Giấy chứng nhận kết hôn có chứng thực', 'Tờ khai ký đúng họ tên người đi khai'],
      reason: 'Giấy tờ nộp là bản chụp không chứng thực',
      contactName: 'Ông Trần Văn Đức',
      contactPhone: '0277 3851 234',
    };
    const pdf = await renderSlip(sys.platform.db, 'supplement-request', data({ supplement }), { on: '2026-11-24' });
    const text = pdfText(pdf);
    for (const expected of [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Hồ sơ của: Nguyễn Thị Ánh Tuyết',
      '1. Bản sao Giấy chứng nhận kết hôn có chứng thực',
      '2. Tờ khai ký đúng họ tên người đi khai',
      'Lý do: Giấy tờ nộp là bản chụp không chứng thực',
      'số điện thoại 0277 3851 234',
      'NGƯỜI HƯỚNG DẪN',
    ])
      assert.ok(text.includes(expected), `supplement shows "${expected}"\n${text}`);
    assert.equal(decodeQr(pdf), data().trackingUrl);
  });

  test('Mẫu 03: refusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ)', async () => {
    await ready;
    const refusal = { basis: 'khoản 3 Điều 16 Luật Hộ tịch 2014', reasons: ['Việc khai sinh đã được đăng ký tại Ủy ban nhân dân xã Mỹ Trà'] };
    const pdf = await renderSlip(sys.platform.db, 'refusal', data({ refusal }), { on: '2026-11-24' });
    const text = pdfText(pdf);
    for (const expected of [
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Căn cứ khoản 3 Điều 16 Luật Hộ tịch 2014',
      'từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:',
      'Ủy ban nhân dân xã Mỹ Trà',
      'Xin thông báo để Ông/Bà được biết và thực hiện./.',
    ])
      assert.ok(text.includes(expected), `refusal shows "${expected}"\n${text}`);
    assert.equal(decodeQr(pdf), data().trackingUrl);
  });

  test('Mẫu 04: apology and extension (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết)', async () => {
    await ready;
    const delay = { reasons: ['Cần xác minh thông tin khai sinh với Ủy ban nhân dân xã Mỹ Trà'], newDueAt: new Date('2026-11-27T09:00:00Z') };
    const pdf = await renderSlip(sys.platform.db, 'apology-extension', data({ delay }, { ...head, headAuthority: 'KT. Giám đốc', headTitle: 'Phó Giám đốc' }), {
      on: '2026-11-25',
    });
    const text = pdfText(pdf);
    for (const expected of [
      'VĂN BẢN XIN LỖI',
      'VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      'Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết',
      'Cao Lãnh, ngày 24 tháng 11 năm 2026',
      'thành thật xin lỗi Ông/Bà',
      '16 giờ 00 phút, ngày 27 tháng 11 năm 2026',
      'Cần xác minh thông tin khai sinh',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Lê Thị Hồng',
      'Nơi nhận:',
    ])
      assert.ok(text.includes(expected), `apology shows "${expected}"\n${text}`);
    assert.equal(decodeQr(pdf), data().trackingUrl);
  });

  test('Mẫu 05: notice of stopping (Thông báo dừng giải quyết hồ sơ)', async () => {
    await ready;
    const stop = { basis: 'đề nghị dừng giải quyết của Ông/Bà ngày 25/11/2026', reason: 'Người nộp hồ sơ đề nghị rút hồ sơ' };
    const pdf = await renderSlip(sys.platform.db, 'stop-notice', data({ stop }, head), { on: '2026-11-25' });
    const text = pdfText(pdf);
    for (const expected of [
      'THÔNG BÁO',
      'Về việc dừng giải quyết hồ sơ',
      'thông báo dừng giải quyết hồ sơ nêu trên',
      'Lý do: Người nộp hồ sơ đề nghị rút hồ sơ',
      'GIÁM ĐỐC',
      'Lê Thị Hồng',
    ])
      assert.ok(text.includes(expected), `stop notice shows "${expected}"\n${text}`);
    assert.equal(decodeQr(pdf), data().trackingUrl);
  });

  test('Mẫu 06: process control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ)', async () => {
    await ready;
    const handovers = [
      {
        from: 'Trung tâm Phục vụ hành chính công',
        to: 'Công chức Tư pháp - Hộ tịch',
        at: new Date('2026-11-24T08:00:00Z'),
        giver: 'Trần Văn Đức',
        receiver: 'Phạm Minh Khôi',
        result: 'Trước hạn',
      },
      { from: 'Công chức Tư pháp - Hộ tịch', to: 'Trung tâm Phục vụ hành chính công', at: new Date('2026-11-25T02:15:00Z'), result: 'Đúng hạn', note: 'Đã ký' },
    ];
    const pdf = await renderSlip(sys.platform.db, 'control-sheet', data({ handovers, submittedAt: 'Trung tâm Phục vụ hành chính công phường Cao Lãnh' }), {
      on: '2026-11-24',
    });
    const text = pdfText(pdf);
    for (const expected of [
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Kèm theo hồ sơ của: Nguyễn Thị Ánh Tuyết',
      'TÊN CƠ QUAN',
      'THỜI GIAN GIAO,',
      '1. Giao:',
      '2. Nhận:',
      'Phạm Minh Khôi',
      '15 giờ 00 phút,',
      '9 giờ 15 phút,',
      'Trước hạn',
      'Đúng hạn',
    ])
      assert.ok(text.includes(expected), `control sheet shows "${expected}"\n${text}`);
    assert.equal(decodeQr(pdf), data().trackingUrl);
  });

  const bookRows: RegisterBookRow[] = [
    {
      code: 'H22.45-261124-0001',
      procedureName: 'Đăng ký khai sinh',
      sets: 1,
      applicantName: 'Nguyễn Thị Ánh Tuyết',
      applicantAddress: 'Số 12, đường Lê Lợi, phường Cao Lãnh',
      applicantPhone: '0912 345 678',
      processingUnit: 'UBND phường Cao Lãnh',
      receivedAt: new Date('2026-11-24T07:30:00Z'),
      appointmentAt: new Date('2026-11-25T09:00:00Z'),
      returnedAt: '2026-11-25',
    },
    {
      code: 'H22.45-261124-0002',
      procedureName: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      sets: 2,
      applicantName: 'Đặng Văn Lực',
      receivedAt: new Date('2026-11-24T08:10:00Z'),
      note: 'Trả ngay',
    },
  ];
  const unit = sampleReceiptData().unit;

  test('Mẫu 07: register book as landscape PDF (Sổ theo dõi hồ sơ)', async () => {
    await ready;
    const pdf = await renderRegisterBook(sys.platform.db, bookRows, { unit, on: '2026-11-30', period: 'Quyển số 03/2026, tháng 11 năm 2026' });
    const text = pdfText(pdf);
    for (const expected of [
      'SỔ THEO DÕI HỒ SƠ',
      'Quyển số 03/2026, tháng 11 năm 2026',
      'Mã hồ sơ',
      'H22.45-261124-0001',
      'H22.45-261124-0002',
      'Nguyễn Thị',
      'Đặng Văn',
      '24/11/2026',
      '25/11/2026',
      'Trả ngay',
    ])
      assert.ok(text.includes(expected), `register shows "${expected}"\n${text}`);
    assert.match(pdfInfo(pdf)['Page size'] ?? '', /^841\.8\d* x 595\.2\d* pts/, 'A4 landscape');
  });

  test('Mẫu 07: register book as an Excel workbook with the same columns', async () => {
    const buf = await registerBookWorkbook(bookRows, { unit, period: 'Quyển số 03/2026' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sổ theo dõi hồ sơ');
    assert.ok(ws);
    const cells = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    const headerRowNo = [1, 2, 3, 4, 5].find((r) => cells(r)[1] === 'Mã hồ sơ');
    assert.ok(headerRowNo, 'a header row');
    const table = slipTemplatesTt03of2025.find((t) => t.code === 'register-book')?.definition.body[0];
    assert.ok(table && table.type === 'table');
    assert.deepEqual(
      cells(headerRowNo),
      table.columns.map((c) => c.header),
    );
    assert.deepEqual(cells(headerRowNo + 1).slice(0, 3), ['(1)', '(2)', '(3)']);
    const first = cells(headerRowNo + 2);
    assert.equal(first[1], 'H22.45-261124-0001');
    assert.equal(first[4], 'Nguyễn Thị Ánh Tuyết');
    assert.equal(first[7], '24/11/2026');
    assert.equal(cells(headerRowNo + 3)[4], 'Đặng Văn Lực');
    assert.equal(cells(1)[0], 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    assert.equal(cells(2)[0], 'SỔ THEO DÕI HỒ SƠ');
  });
});

describe('rendering rules', () => {
  test('NFD input renders byte-for-byte as NFC', async () => {
    await ready;
    const nfc = data();
    const nfd = JSON.parse(JSON.stringify(nfc).normalize('NFD')) as SlipData;
    nfd.dossier.receivedAt = nfc.dossier.receivedAt;
    nfd.dossier.appointmentAt = nfc.dossier.appointmentAt;
    nfd.issuedAt = nfc.issuedAt;
    assert.notEqual(nfd.dossier.applicant.name, nfc.dossier.applicant.name);
    const a = await renderSlip(sys.platform.db, 'receipt', nfc, { on: '2026-11-24' });
    const b = await renderSlip(sys.platform.db, 'receipt', nfd, { on: '2026-11-24' });
    assert.ok(a.equals(b));
  });

  test('a missing field is an error naming the placeholder', async () => {
    await ready;
    const d = data();
    delete d.dossier.appointmentAt;
    await assert.rejects(
      renderSlip(sys.platform.db, 'receipt', d, { on: '2026-11-24' }),
      (err: unknown) => err instanceof AppError && err.extra.placeholder === 'dossier.appointmentAt',
    );
    await assert.rejects(
      renderSlip(sys.platform.db, 'receipt', { ...data(), trackingUrl: '' }, { on: '2026-11-24' }),
      (err: unknown) => err instanceof AppError && err.extra.placeholder === 'trackingUrl',
    );
  });

  test('the version in force on the date is used; before the first version there is none', async () => {
    await ready;
    const v1 = slipTemplatesTt03of2025.find((t) => t.code === 'receipt');
    assert.ok(v1);
    const v2 = { ...v1.definition, documentType: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 2027)' };
    await sys.platform.db.execute(sql`UPDATE slip_templates SET effective_to = '2027-01-01' WHERE code = 'receipt' AND version = 1`);
    await sys.platform.db.execute(
      sql`INSERT INTO slip_templates (code, version, circular, title, effective_from, definition)
          VALUES ('receipt', 2, 'Thông tư giả định 01/2027', 'Giấy tiếp nhận (thử)', '2027-01-01', ${JSON.stringify(v2)}::jsonb)`,
    );
    try {
      const old = pdfText(await renderSlip(sys.platform.db, 'receipt', data(), { on: '2026-12-31' }));
      const fresh = pdfText(await renderSlip(sys.platform.db, 'receipt', data(), { on: new Date('2026-12-31T17:00:00Z') }));
      assert.ok(!old.includes('(MẪU 2027)'));
      assert.ok(fresh.includes('(MẪU 2027)'), '00:00 on 1 January 2027 in Vietnam is already 2027');
      await assert.rejects(
        renderSlip(sys.platform.db, 'receipt', data(), { on: '2025-09-14' }),
        (err: unknown) => err instanceof AppError && err.code === 'NOT_FOUND',
      );
    } finally {
      await sys.platform.db.execute(sql`DELETE FROM slip_templates WHERE code = 'receipt' AND version = 2`);
      await sys.platform.db.execute(sql`UPDATE slip_templates SET effective_to = NULL WHERE code = 'receipt' AND version = 1`);
    }
  });

  test('screenshot of the receipt for review (test-results/screenshots/slip-receipt.png)', async () => {
    await ready;
    const file = savePdf(await renderSlip(sys.platform.db, 'receipt', data(), { on: '2026-11-24' }));
    const dir = path.join(root, 'test-results', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', file, path.join(dir, 'slip-receipt')]);
    assert.ok(fs.statSync(path.join(dir, 'slip-receipt.png')).size > 10_000);
  });

  test('bench hook: rendering a receipt', async () => {
    await ready;
    const t = await timeReceiptRendering(sys.platform.db, 10);
    process.stdout.write(`# receipt render: p50 ${t.p50Ms.toFixed(0)} ms, p95 ${t.p95Ms.toFixed(0)} ms, ${t.bytes} bytes\n`);
    assert.ok(t.bytes > 10_000);
    assert.ok(t.p95Ms < 2000, 'sanity bound; the target (300 ms) is checked by the bench');
  });
});
