import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { headerKey, parseAmount, parseStatement, parseStatementDate, statementKindOf } from './statement.ts';

test('statement: amounts as banks write them', () => {
  const cases: [string | number | null, number | null | 'bad'][] = [
    ['1.500.000', 1500000],
    ['1,500,000', 1500000],
    ['1.500.000,00', 1500000],
    ['1,500,000.00', 1500000],
    ['25000', 25000],
    ['25.000 VND', 25000],
    ['-50.000', -50000],
    ['(50.000)', -50000],
    ['1.500,50', 'bad'],
    ['1.500,000', 'bad'],
    ['abc', 'bad'],
    ['', null],
    [null, null],
    [120000, 120000],
    [1.5, 'bad'],
  ];
  for (const [input, expected] of cases) assert.equal(parseAmount(input), expected, String(input));
});

test('statement: dates in Vietnam time, dd/mm/yyyy with or without time, ISO, Excel serials', () => {
  assert.equal(parseStatementDate('05/03/2025')?.toISOString(), '2025-03-04T17:00:00.000Z');
  assert.equal(parseStatementDate('05/03/2025 14:30')?.toISOString(), '2025-03-05T07:30:00.000Z');
  assert.equal(parseStatementDate('05-03-2025 14:30:15')?.toISOString(), '2025-03-05T07:30:15.000Z');
  assert.equal(parseStatementDate('2025-03-05 14:30:15')?.toISOString(), '2025-03-05T07:30:15.000Z');
  // 45721 = 2025-03-05 in Excel's 1900 date system.
  assert.equal(parseStatementDate(45721.5)?.toISOString(), '2025-03-05T05:00:00.000Z');
  assert.equal(parseStatementDate('31/02/2025'), null);
  assert.equal(parseStatementDate('hôm qua'), null);
});

test('statement: header names with or without diacritics', () => {
  assert.equal(headerKey('Số tiền ghi có (VND)'), 'so tien ghi co');
  assert.equal(headerKey('SO TIEN GHI CO'), 'so tien ghi co');
  assert.equal(headerKey('Đối ứng'), 'doi ung');
});

test('statement: kind by content', () => {
  assert.equal(statementKindOf(Buffer.from('\uFEFFNgày,Số tiền\n', 'utf8')), 'csv');
  assert.equal(statementKindOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])), 'xlsx');
  assert.equal(statementKindOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), null);
  assert.equal(statementKindOf(Buffer.from([0xff, 0xfe, 0x41])), null);
});

const VCB = [
  'NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM',
  'SAO KÊ TÀI KHOẢN,,,,',
  'Số tài khoản: 0123456789,,,,',
  '',
  'Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Mô tả',
  '05/03/2025 09:15:00,FT001,,"150.000","MBVCB.123.GDABCDEFGHJK.CT tu 0123 NGUYEN VAN A"',
  '05/03/2025 10:00:00,FT002,"20.000",,Phi dich vu',
  '06/03/2025,FT003,,"50,000",IBFT GD 23456789AB',
  'Tổng cộng,,20.000,200.000,',
].join('\r\n');

test('statement: a Vietcombank-like CSV with title lines, debit lines skipped, footer ignored', async () => {
  const r = await parseStatement(Buffer.from(`\uFEFF${VCB}`, 'utf8'));
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.kind, 'csv');
  assert.equal(r.debitLines, 1);
  assert.deepEqual(
    r.lines.map((l) => [l.line, l.bankTxnId, l.amountVnd]),
    [
      [6, 'FT001', 150000],
      [8, 'FT003', 50000],
    ],
  );
});

test('statement: a semicolon CSV without diacritics, with currency and payer columns', async () => {
  const csv = [
    'STT;Ma giao dich;Ngay giao dich;Ghi co;Ghi no;Dien giai;Doi ung;So tai khoan doi ung;Loai tien',
    '1;TX9;07/03/2025 08:00;300.000;;GDABCDEFGHJK nop phi;Tran Thi B;9704 1234;VND',
  ].join('\n');
  const r = await parseStatement(Buffer.from(csv, 'utf8'));
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.lines[0], {
    line: 2,
    bankTxnId: 'TX9',
    bookedAt: new Date('2025-03-07T01:00:00.000Z'),
    amountVnd: 300000,
    description: 'GDABCDEFGHJK nop phi',
    payerName: 'Tran Thi B',
    payerAccount: '97041234',
  });
});

test('statement: bad lines are each reported and no line is returned', async () => {
  const csv = [
    'Ngày giao dịch,Mã giao dịch,Ghi có,Nội dung,Loại tiền',
    '05/03/2025,A1,100000,GDABCDEFGHJK,VND',
    '05/03/2025,A2,-5000,hoan tien,VND',
    '05/03/2025,A3,100,GDABCDEFGHJK,USD',
    '05/03/2025,A1,100000,lan hai,VND',
    '32/13/2025,A5,100000,x,VND',
    '05/03/2025,A6,0,x,VND',
    '05/03/2025,A7',
  ].join('\n');
  const r = await parseStatement(Buffer.from(csv, 'utf8'));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.problems.map((p) => [p.line, p.reason.vi]),
    [
      [3, 'Số tiền ghi có âm'],
      [4, 'Ngoại tệ USD: chỉ nhận VND'],
      [5, 'Trùng mã giao dịch với dòng 2'],
      [6, 'Ngày giao dịch không đọc được: "32/13/2025"'],
      [7, 'Số tiền bằng 0'],
      [8, 'Thiếu cột: dòng có 2 cột'],
    ],
  );
});

test('statement: a file without the needed columns names them', async () => {
  const r = await parseStatement(Buffer.from('Ngày giao dịch,Số tiền,Nội dung\n05/03/2025,1000,x\n', 'utf8'));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.problems[0]?.line, 0);
  assert.match(r.problems[0]?.reason.vi ?? '', /Số tham chiếu \/ Mã giao dịch, Số tiền ghi có/);
});

test('statement: an .xlsx with a title block, real Excel dates and numbers', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao ke');
  ws.addRow(['SAO KÊ TÀI KHOẢN']);
  ws.addRow(['Chủ tài khoản: UBND XÃ THỬ']);
  ws.addRow([]);
  ws.addRow(['Ngày GD', 'Số tham chiếu', 'Ghi nợ', 'Ghi có', 'Diễn giải']);
  ws.addRow([new Date(Date.UTC(2025, 2, 5, 9, 15)), 'FT100', null, 150000, 'GDABCDEFGHJK']);
  ws.addRow(['06/03/2025 10:00', 'FT101', null, '75.000', 'nop phi']);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const r = await parseStatement(buf);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.kind, 'xlsx');
  assert.deepEqual(
    r.lines.map((l) => [l.line, l.bankTxnId, l.amountVnd, l.bookedAt.toISOString()]),
    [
      [5, 'FT100', 150000, '2025-03-05T02:15:00.000Z'],
      [6, 'FT101', 75000, '2025-03-06T03:00:00.000Z'],
    ],
  );
});
