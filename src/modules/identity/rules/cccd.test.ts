import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CccdParseResult, cccdRejections, parseCccdQr } from './cccd.ts';
import { PROVINCE_CODES } from './provinces.ts';
import { CARDS, sample } from './samples.ts';

const TODAY = '2026-03-01';
const parse = (raw: string) => parseCccdQr(raw, TODAY);

function ok(r: CccdParseResult) {
  assert.ok(r.ok, r.ok ? '' : `refused: ${r.reason} ${r.message.en}`);
  return r;
}
const warningCodes = (r: CccdParseResult) => (r.ok ? r.warnings.map((w) => w.code) : []);

test('reads the seven fields of a card without an old ID number', () => {
  const r = ok(parse(sample(CARDS.tuyet)));
  assert.deepEqual(r.fields, {
    idNumber: '087190001234',
    oldIdNumber: null,
    fullName: 'Nguyễn Thị Ánh Tuyết',
    dateOfBirth: '1990-03-12',
    sex: 'Nữ',
    address: 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp',
    issueDate: '2021-04-15',
  });
  assert.deepEqual(r.extras, []);
  assert.deepEqual(r.warnings, []);
});

test('keeps the 9-digit old ID number (CMND) when the card shows one', () => {
  const r = ok(parse(sample(CARDS.binh)));
  assert.equal(r.fields.oldIdNumber, '024681357');
  assert.equal(r.fields.sex, 'Nam');
  assert.equal(r.fields.dateOfBirth, '1985-07-05');
  assert.deepEqual(r.warnings, []);
});

test('a 2024 thẻ căn cước: the first seven fields are read and the extras kept in order, empty ones too', () => {
  const r = ok(parse(sample(CARDS.khoi)));
  assert.equal(r.fields.fullName, 'Lê Minh Khôi');
  assert.equal(r.fields.issueDate, '2024-08-01');
  assert.deepEqual(r.extras, ['', 'Lê Văn Hùng', 'Phạm Thị Lan']);
});

test('text in decomposed Unicode (NFD) comes out composed (NFC), the same as the NFC scan', () => {
  const nfd = sample(CARDS.tuyet).normalize('NFD');
  assert.notEqual(nfd, sample(CARDS.tuyet));
  const r = ok(parse(nfd));
  assert.deepEqual(r.fields, ok(parse(sample(CARDS.tuyet))).fields);
  assert.equal(r.fields.fullName, r.fields.fullName.normalize('NFC'));
  assert.equal(r.fields.sex, 'Nữ');
});

test('29 February of a leap year is a real date of birth', () => {
  assert.equal(ok(parse(sample(CARDS.ngoc))).fields.dateOfBirth, '2012-02-29');
});

test('sex is read in any case, spacing or Unicode form', () => {
  for (const sex of ['Nữ', 'NỮ', 'nữ', ' Nữ ', 'N ữ', 'Nữ'.normalize('NFD')]) {
    assert.equal(ok(parse(sample(CARDS.tuyet, { sex }))).fields.sex, 'Nữ', JSON.stringify(sex));
  }
  for (const sex of ['Nam', 'NAM', 'nam', 'N am']) assert.equal(ok(parse(sample(CARDS.binh, { sex }))).fields.sex, 'Nam', sex);
});

test('spaces in the name and address are tidied; the text itself is kept', () => {
  const r = ok(parse(sample(CARDS.tuyet, { fullName: '  Nguyễn  Thị\tÁnh Tuyết ', address: ' Số 12,  Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp ' })));
  assert.equal(r.fields.fullName, 'Nguyễn Thị Ánh Tuyết');
  assert.equal(r.fields.address, 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp');
});

// What keyboard-wedge scanners add around or inside a good payload ---------------------------------------------

const tolerated: { name: string; raw: string; warnings: string[] }[] = [
  { name: 'trailing CR LF (the scanner’s Enter)', raw: `${sample(CARDS.tuyet)}\r\n`, warnings: [] },
  { name: 'trailing tab', raw: `${sample(CARDS.tuyet)}\t`, warnings: [] },
  { name: 'leading and trailing spaces and line breaks', raw: `\n  ${sample(CARDS.tuyet)}  \r`, warnings: [] },
  { name: 'a byte-order mark and a zero-width space', raw: `\uFEFF${sample(CARDS.tuyet)}\u200B`, warnings: [] },
  { name: 'an AIM symbology prefix ]Q1', raw: `]Q1${sample(CARDS.tuyet)}`, warnings: [] },
  { name: 'the same card twice on one line', raw: `${sample(CARDS.tuyet)}${sample(CARDS.tuyet)}`, warnings: ['DUPLICATE_SCAN'] },
  { name: 'the same card twice, a space between', raw: `${sample(CARDS.tuyet)} ${sample(CARDS.tuyet)}`, warnings: ['DUPLICATE_SCAN'] },
  { name: 'the same card twice, the second cut short', raw: `${sample(CARDS.tuyet)}${sample(CARDS.tuyet).slice(0, 40)}`, warnings: ['DUPLICATE_SCAN'] },
  { name: 'a cut-short scan, then the whole card', raw: `${sample(CARDS.tuyet).slice(0, 40)}${sample(CARDS.tuyet)}`, warnings: ['DUPLICATE_SCAN'] },
  { name: 'the same card on two lines', raw: `${sample(CARDS.tuyet)}\r\n${sample(CARDS.tuyet)}\r\n`, warnings: ['DUPLICATE_SCAN'] },
  {
    name: 'a cut-short line, then the whole card on the next',
    raw: `${sample(CARDS.tuyet).slice(0, 30)}\n${sample(CARDS.tuyet)}`,
    warnings: ['DUPLICATE_SCAN'],
  },
  {
    name: 'one payload broken by an inserted Enter',
    raw: `${sample(CARDS.tuyet).slice(0, 50)}\r\n${sample(CARDS.tuyet).slice(50)}`,
    warnings: ['LINE_BREAK_REMOVED'],
  },
  {
    name: 'a 2024 card broken by Enter inside the extras',
    raw: `${sample(CARDS.khoi).slice(0, -8)}\r${sample(CARDS.khoi).slice(-8)}`,
    warnings: ['LINE_BREAK_REMOVED'],
  },
];

for (const c of tolerated) {
  test(`tolerated: ${c.name}`, () => {
    const r = ok(parse(c.raw));
    assert.equal(r.fields.idNumber, c.raw.includes('001205004321') ? '001205004321' : '087190001234');
    if (!c.raw.includes('001205004321')) assert.equal(r.fields.issueDate, '2021-04-15');
    else assert.deepEqual(r.extras, ['', 'Lê Văn Hùng', 'Phạm Thị Lan']);
    assert.deepEqual(warningCodes(r), c.warnings);
  });
}

// Refusals: each with its own reason, the field when there is one, and no data ------------------------------------

const tuyet = sample(CARDS.tuyet);
const refused: { name: string; raw: string; reason: string; field?: string; vi?: RegExp }[] = [
  { name: 'empty', raw: '', reason: 'EMPTY' },
  { name: 'only the scanner’s Enter', raw: '\r\n\t ', reason: 'EMPTY' },
  { name: 'far too long', raw: tuyet.repeat(30), reason: 'TOO_LONG' },
  {
    name: 'a VietQR bank-transfer code',
    raw: '00020101021238570010A000000727012700069704360113012345678900208QRIBFTTA53037045802VN62150811HOC PHI 20246304ABCD',
    reason: 'NOT_ID_CARD_VIETQR',
    vi: /chuyển khoản ngân hàng/,
  },
  { name: 'a web link', raw: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', reason: 'NOT_ID_CARD_URL', vi: /đường dẫn trang web/ },
  { name: 'JSON from another app', raw: '{"cccd":"087190001234","hoTen":"Nguyễn Thị Ánh Tuyết"}', reason: 'NOT_ID_CARD_JSON' },
  { name: 'plain text', raw: 'Xin chào, đây là mã QR của quán cà phê', reason: 'NOT_ID_CARD_TEXT' },
  { name: 'an old 9-digit CMND number alone', raw: '024681357', reason: 'OLD_ID_CARD', field: 'idNumber', vi: /CMND.*nhập thông tin bằng tay/ },
  { name: 'a CMND number in the first field', raw: sample(CARDS.binh, { idNumber: '024681357', oldIdNumber: '' }), reason: 'OLD_ID_CARD', field: 'idNumber' },
  { name: 'the ID number alone', raw: '087190001234', reason: 'TRUNCATED' },
  { name: 'cut after four fields', raw: tuyet.split('|').slice(0, 4).join('|'), reason: 'TRUNCATED', vi: /4 trong 7 trường/ },
  { name: 'cut inside the issue date', raw: tuyet.slice(0, -3), reason: 'TRUNCATED', field: 'issueDate' },
  { name: 'cut right after the last separator', raw: tuyet.slice(0, -8), reason: 'TRUNCATED', field: 'issueDate' },
  { name: 'a line break then the rest missing', raw: `${tuyet.slice(0, 30)}\r\n`, reason: 'TRUNCATED' },
  { name: 'pipes, but not a card', raw: 'A|B|C', reason: 'FIELD_COUNT' },
  { name: 'two different cards on two lines', raw: `${tuyet}\r\n${sample(CARDS.binh)}`, reason: 'MULTIPLE_SCANS' },
  { name: 'two different cards run together', raw: `${tuyet}${sample(CARDS.binh)}`, reason: 'MULTIPLE_SCANS' },
  { name: '| typed as ¦ (non-US layout)', raw: tuyet.replaceAll('|', '¦'), reason: 'KEYBOARD_LAYOUT', vi: /“¦”.*bàn phím.*US/ },
  { name: '| typed as §', raw: tuyet.replaceAll('|', '§'), reason: 'KEYBOARD_LAYOUT' },
  { name: '| typed as <', raw: tuyet.replaceAll('|', '<'), reason: 'KEYBOARD_LAYOUT' },
  { name: '| typed as #', raw: tuyet.replaceAll('|', '#'), reason: 'KEYBOARD_LAYOUT' },
  {
    name: 'digits typed through French AZERTY',
    raw: tuyet.replace(/[0-9]/g, (d) => '&é"\'(-è_çà'[(Number(d) + 9) % 10] as string),
    reason: 'KEYBOARD_LAYOUT',
    field: 'idNumber',
    vi: /AZERTY/,
  },
  {
    name: 'Telex: “Nữ” as “Nuwx”',
    raw: sample(CARDS.tuyet, { sex: 'Nuwx', fullName: 'Nguyeenx Thij Asnh Tuyeets' }),
    reason: 'INPUT_METHOD',
    vi: /tắt bộ gõ tiếng Việt/,
  },
  { name: 'VNI: “Nữ” as “Nu74”', raw: sample(CARDS.tuyet, { sex: 'Nu74' }), reason: 'INPUT_METHOD' },
  { name: 'mixed: “Nữ” as “Nu4x”', raw: sample(CARDS.tuyet, { sex: 'Nu4x' }), reason: 'INPUT_METHOD' },
  { name: 'Telex in a man’s name', raw: sample(CARDS.binh, { fullName: 'Traanf Vawn Binhf' }), reason: 'INPUT_METHOD' },
  { name: 'VNI digits in a man’s name', raw: sample(CARDS.binh, { fullName: 'Tra62n Va8n Bi2nh' }), reason: 'INPUT_METHOD' },
  { name: 'accents dropped: “Nu”', raw: sample(CARDS.tuyet, { sex: 'Nu', fullName: 'Nguyen Thi Anh Tuyet' }), reason: 'DIACRITICS_LOST', field: 'sex' },
  {
    name: 'accents dropped from a man’s card',
    raw: sample(CARDS.binh, { fullName: 'Tran Van Binh', address: '123 Nguyen Trai, Phuong 2, Quan 5, TP. Ho Chi Minh' }),
    reason: 'DIACRITICS_LOST',
  },
  { name: 'ID of 11 digits', raw: sample(CARDS.tuyet, { idNumber: '08719000123' }), reason: 'ID_NUMBER', field: 'idNumber' },
  { name: 'ID with a letter', raw: sample(CARDS.tuyet, { idNumber: '08719000123O' }), reason: 'ID_NUMBER', field: 'idNumber' },
  { name: 'old ID of 8 digits', raw: sample(CARDS.binh, { oldIdNumber: '02468135' }), reason: 'OLD_ID_NUMBER', field: 'oldIdNumber' },
  { name: 'no name', raw: sample(CARDS.tuyet, { fullName: ' ' }), reason: 'NAME', field: 'fullName' },
  { name: 'a name with symbols', raw: sample(CARDS.tuyet, { fullName: 'Nguyễn Thị {Ánh}' }), reason: 'NAME', field: 'fullName' },
  {
    name: '31 February',
    raw: sample(CARDS.tuyet, { dateOfBirth: '31021990' }),
    reason: 'DATE_OF_BIRTH',
    field: 'dateOfBirth',
    vi: /Ngày sinh 31\/02\/1990 không phải/,
  },
  { name: '29 February of a common year', raw: sample(CARDS.tuyet, { dateOfBirth: '29021990' }), reason: 'DATE_OF_BIRTH', field: 'dateOfBirth' },
  { name: 'month 13', raw: sample(CARDS.tuyet, { dateOfBirth: '12131990' }), reason: 'DATE_OF_BIRTH', field: 'dateOfBirth' },
  {
    name: 'a date of birth with slashes',
    raw: sample(CARDS.tuyet, { dateOfBirth: '12/03/1990' }),
    reason: 'DATE_OF_BIRTH',
    field: 'dateOfBirth',
    vi: /8 chữ số/,
  },
  { name: 'born in the future', raw: sample(CARDS.tuyet, { dateOfBirth: '02032026' }), reason: 'DATE_OF_BIRTH', field: 'dateOfBirth', vi: /sau ngày hôm nay/ },
  { name: 'born before 1900', raw: sample(CARDS.tuyet, { dateOfBirth: '31121899' }), reason: 'DATE_OF_BIRTH', field: 'dateOfBirth' },
  { name: 'sex in English', raw: sample(CARDS.tuyet, { sex: 'Female' }), reason: 'SEX', field: 'sex' },
  { name: 'sex empty', raw: sample(CARDS.tuyet, { sex: '' }), reason: 'SEX', field: 'sex' },
  { name: 'no address', raw: sample(CARDS.tuyet, { address: '' }), reason: 'ADDRESS', field: 'address' },
  {
    name: '31 April as issue date',
    raw: sample(CARDS.tuyet, { issueDate: '31042021' }),
    reason: 'ISSUE_DATE',
    field: 'issueDate',
    vi: /Ngày cấp 31\/04\/2021/,
  },
  { name: 'issued in the future', raw: sample(CARDS.tuyet, { issueDate: '15042027' }), reason: 'ISSUE_DATE', field: 'issueDate' },
  { name: 'issued before birth', raw: sample(CARDS.tuyet, { issueDate: '01011989' }), reason: 'ISSUE_DATE', field: 'issueDate', vi: /trước ngày sinh/ },
];

for (const c of refused) {
  test(`refused: ${c.name} → ${c.reason}`, () => {
    const r = parse(c.raw);
    assert.equal(r.ok, false, `accepted: ${JSON.stringify(r)}`);
    if (r.ok) return;
    assert.equal(r.reason, c.reason, r.message.en);
    assert.equal(r.field, c.field);
    assert.ok(!('fields' in r), 'no field is returned from a bad scan');
    assert.ok(r.message.vi.length > 10 && r.message.en.length > 10);
    assert.notEqual(r.message.vi, r.message.en);
    if (c.vi) assert.match(r.message.vi, c.vi);
  });
}

test('every rejection reason is exercised by the table above', () => {
  const seen = new Set(refused.map((c) => c.reason));
  assert.deepEqual(
    cccdRejections.filter((r) => !seen.has(r)),
    [],
  );
});

test('English messages name the field in English', () => {
  const r = parse(sample(CARDS.tuyet, { dateOfBirth: '31021990' }));
  assert.ok(!r.ok);
  assert.equal(r.message.en, 'Date of birth 31/02/1990 is not a real date.');
});

// Warnings: the ID number's digits against the card's own date of birth and sex; never a refusal ---------------------

const warned: { name: string; raw: string; codes: string[] }[] = [
  { name: 'unknown province code 099', raw: sample(CARDS.tuyet, { idNumber: '099190001234' }), codes: ['ID_PROVINCE_UNKNOWN'] },
  { name: 'province code 000', raw: sample(CARDS.tuyet, { idNumber: '000190001234' }), codes: ['ID_PROVINCE_UNKNOWN'] },
  { name: 'century digit for 2000s, born 1990', raw: sample(CARDS.tuyet, { idNumber: '087390001234' }), codes: ['ID_CENTURY_MISMATCH'] },
  { name: 'male digit, card says Nữ', raw: sample(CARDS.tuyet, { idNumber: '087090001234' }), codes: ['ID_SEX_MISMATCH'] },
  { name: 'female digit, card says Nam', raw: sample(CARDS.binh, { idNumber: '079185012345' }), codes: ['ID_SEX_MISMATCH'] },
  { name: 'birth-year digits 91, born 1990', raw: sample(CARDS.tuyet, { idNumber: '087191001234' }), codes: ['ID_BIRTH_YEAR_MISMATCH'] },
  {
    name: 'all at once',
    raw: sample(CARDS.tuyet, { idNumber: '099291001234' }),
    codes: ['ID_PROVINCE_UNKNOWN', 'ID_CENTURY_MISMATCH', 'ID_SEX_MISMATCH'],
  },
  { name: 'a 12-digit number in the old-ID field', raw: sample(CARDS.tuyet, { oldIdNumber: '087190009999' }), codes: ['OLD_ID_IS_12_DIGITS'] },
  { name: 'a girl born 2012 with digit 3 (female, 2000s)', raw: sample(CARDS.ngoc), codes: [] },
  { name: 'a young man born 2005 with digit 2 (male, 2000s)', raw: sample(CARDS.khoi), codes: [] },
];

for (const c of warned) {
  test(`warned, still read: ${c.name}`, () => {
    const r = ok(parse(c.raw));
    assert.deepEqual(warningCodes(r), c.codes);
    for (const w of r.warnings) assert.ok(w.message.vi && w.message.en);
  });
}

test('century digits follow Thông tư 07/2016: 4/5 for people born in the 2100s', () => {
  const r = ok(parseCccdQr(sample(CARDS.tuyet, { idNumber: '087500001234', dateOfBirth: '01012100', issueDate: '01012110' }), '2120-01-01'));
  assert.deepEqual(warningCodes(r), []);
});

test('the province list holds the 63 codes, all three digits between 001 and 096', () => {
  const codes = Object.keys(PROVINCE_CODES);
  assert.equal(codes.length, 63);
  for (const c of codes) assert.ok(/^0\d\d$/.test(c) && c >= '001' && c <= '096', c);
  assert.equal(PROVINCE_CODES['087'], 'Đồng Tháp');
});
