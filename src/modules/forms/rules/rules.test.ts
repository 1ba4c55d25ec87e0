import assert from 'node:assert/strict';
import { test } from 'node:test';
import { birthRegistrationV1 } from '../templates/birth-registration.ts';
import { formTemplates } from '../templates/index.ts';
import { maritalStatusV1 } from '../templates/marital-status.ts';
import { marriageRegistrationV1 } from '../templates/marriage-registration.ts';
import { idDocumentLine, identityValues } from './identity.ts';
import { placeDateLine, printedValue } from './layout.ts';
import { type CardIdentity, fieldsOf, sharedSections } from './template.ts';
import { mergeValues, normaliseValues, parseDate, validateValues } from './values.ts';
import { dateInWords, numberInWords } from './words.ts';

const tuyet: CardIdentity = {
  idNumber: '001099012345',
  oldIdNumber: null,
  fullName: 'Nguyễn Thị Ánh Tuyết',
  dateOfBirth: '1990-03-15',
  sex: 'Nữ',
  address: 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp',
  issueDate: '2021-07-01',
};
const duc: CardIdentity = { ...tuyet, idNumber: '087088001234', fullName: 'Trần Văn Đức', sex: 'Nam', dateOfBirth: '1988-11-02', issueDate: '2024-09-10' };

test('dates typed at the desk: real dates only, YYYY-MM-DD or DD/MM/YYYY', () => {
  const cases: [string, string | null][] = [
    ['2026-03-15', '2026-03-15'],
    ['15/03/2026', '2026-03-15'],
    ['5/3/2026', '2026-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2025', null],
    ['31/04/2026', null],
    ['2026-13-01', null],
    ['15.03.2026', '2026-03-15'],
    ['hôm qua', null],
  ];
  for (const [input, want] of cases) assert.equal(parseDate(input), want, input);
});

test('numbers and dates in words, as "ghi bằng chữ" asks', () => {
  const numbers: [number, string][] = [
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [30, 'ba mươi'],
    [1990, 'một nghìn chín trăm chín mươi'],
    [2000, 'hai nghìn'],
    [2005, 'hai nghìn không trăm linh năm'],
    [2010, 'hai nghìn không trăm mười'],
    [2026, 'hai nghìn không trăm hai mươi sáu'],
  ];
  for (const [n, want] of numbers) assert.equal(numberInWords(n), want, String(n));
  assert.equal(dateInWords('2026-03-15'), 'ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu');
  assert.equal(dateInWords('2025-04-21'), 'ngày hai mươi mốt tháng tư năm hai nghìn không trăm hai mươi lăm');
});

test('the card fills the mapped boxes; the identity document line follows the card generation', () => {
  const birth = identityValues([birthRegistrationV1], tuyet);
  assert.equal(birth['requester.fullName'], 'Nguyễn Thị Ánh Tuyết');
  assert.equal(birth['requester.dateOfBirth'], '1990-03-15');
  assert.equal(birth['requester.residence'], tuyet.address);
  assert.equal(birth['requester.idDocument'], 'Căn cước công dân số 001099012345 do Cục Cảnh sát QLHC về TTXH cấp ngày 01/07/2021');
  assert.equal(birth['child.fullName'], undefined);
  assert.equal(idDocumentLine(duc), 'Thẻ căn cước số 087088001234 do Bộ Công an cấp ngày 10/09/2024');
  // Marriage: the holder's sex picks the column.
  const bride = identityValues([marriageRegistrationV1], tuyet);
  const groom = identityValues([marriageRegistrationV1], duc);
  assert.equal(bride['bride.fullName'], 'Nguyễn Thị Ánh Tuyết');
  assert.equal(bride['groom.fullName'], undefined);
  assert.equal(groom['groom.fullName'], 'Trần Văn Đức');
  // Marital status: the requester is also the person certified.
  assert.equal(identityValues([maritalStatusV1], tuyet)['subject.sex'], 'Nữ');
  // NFD text from the card is stored composed.
  assert.equal(identityValues([birthRegistrationV1], { ...tuyet, fullName: tuyet.fullName.normalize('NFD') })['requester.fullName'], 'Nguyễn Thị Ánh Tuyết');
});

test('validation names each box by its label and checks required, length, pattern, dates and options', () => {
  const t = [birthRegistrationV1];
  const cases: { values: Record<string, string>; field: string; message: RegExp }[] = [
    { values: {}, field: 'child.fullName', message: /Hãy nhập «Họ, chữ đệm, tên người được khai sinh»/ },
    { values: { 'child.dateOfBirth': '2026-02-30' }, field: 'child.dateOfBirth', message: /«Ngày, tháng, năm sinh» không phải là ngày có thật/ },
    { values: { 'child.sex': 'Khác' }, field: 'child.sex', message: /«Giới tính»: hãy chọn/ },
    { values: { 'mother.yearOfBirth': '90' }, field: 'mother.yearOfBirth', message: /«Năm sinh»: ghi năm sinh bốn chữ số/ },
    { values: { 'child.fullName': 'Bé 123' }, field: 'child.fullName', message: /chỉ gồm chữ cái/ },
    { values: { 'child.placeOfBirth': 'x'.repeat(301) }, field: 'child.placeOfBirth', message: /dài tối đa 300 ký tự/ },
    { values: { 'birth.copyCount': '0' }, field: 'birth.copyCount', message: /ghi số bản/ },
  ];
  for (const c of cases) {
    const errors = validateValues(t, c.values, { requireAll: true });
    const e = errors.find((x) => x.field === c.field);
    assert.ok(e, `${c.field}: no error in ${JSON.stringify(errors.map((x) => x.field))}`);
    assert.match(e.message.vi, c.message);
  }
  // Without requireAll, empty boxes pass (they print dotted) but wrong ones do not.
  assert.deepEqual(validateValues(t, {}, { requireAll: false }), []);
  const ok = normaliseValues(t, {
    authority: 'UBND phường Cao Lãnh',
    'requester.fullName': 'Nguyễn Thị Ánh Tuyết',
    'requester.idDocument': 'CCCD',
    'birth.relation': 'Mẹ',
    'child.fullName': 'Trần Ngọc Bảo Hân',
    'child.dateOfBirth': '02/03/2026',
    'child.sex': 'Nữ',
    'child.ethnicity': 'Kinh',
    'child.nationality': 'Việt Nam',
    'child.placeOfBirth': 'Bệnh viện Đa khoa Đồng Tháp',
  });
  assert.equal(ok['child.dateOfBirth'], '2026-03-02');
  assert.deepEqual(validateValues(t, ok, { requireAll: true }), []);
});

test('normalising drops unknown keys, trims, composes NFC and reads ticked boxes', () => {
  const v = normaliseValues(formTemplates as never, { 'child.fullName': '  Tr\u0061\u0300n  Bé  ', hacker: 'x', 'cert.electronic': 'on', 'child.sex': '' });
  assert.deepEqual(v, { 'child.fullName': 'Tràn Bé', 'cert.electronic': 'true' });
});

test('merging: a full form post replaces, a patch keeps, an empty value clears, unknown keys go', () => {
  const t = [birthRegistrationV1];
  const stored = { 'child.fullName': 'A', 'child.sex': 'Nam' };
  assert.deepEqual(mergeValues(t, stored, { 'child.sex': 'Nữ' }, { replace: false }), { 'child.fullName': 'A', 'child.sex': 'Nữ' });
  assert.deepEqual(mergeValues(t, stored, { 'child.sex': 'Nữ' }, { replace: true }), { 'child.sex': 'Nữ' });
  assert.deepEqual(mergeValues(t, stored, { 'child.sex': '' }, { replace: false }), { 'child.fullName': 'A' });
  assert.deepEqual(mergeValues(t, stored, { other: 'x' }, { replace: false }), stored);
});

test('a set of forms shows a shared box once: the requester of birth and marital status is typed once', () => {
  const sections = sharedSections([birthRegistrationV1, maritalStatusV1]);
  const keys = sections.flatMap((s) => s.fields.map((f) => f.key));
  assert.equal(keys.filter((k) => k === 'requester.fullName').length, 1);
  assert.equal(keys.length, new Set(keys).size);
  assert.equal(sections.filter((s) => s.title === 'Người yêu cầu').length, 1);
  assert.ok(keys.includes('child.fullName') && keys.includes('subject.purpose'));
});

test('every template is well-formed: unique keys, layout and identity name known boxes, every procedure code valid', () => {
  for (const t of formTemplates) {
    const keys = fieldsOf(t).map((f) => f.key);
    assert.equal(keys.length, new Set(keys).size, `${t.key}: duplicate keys`);
    const known = new Set(keys);
    for (const m of t.identity) assert.ok(known.has(m.field), `${t.key}: identity → ${m.field}`);
    for (const b of t.layout) {
      const used =
        b.kind === 'line'
          ? b.parts.flatMap((p) => (typeof p === 'string' ? [] : 'tick' in p ? [p.tick] : [p.field]))
          : b.kind === 'lines'
            ? [b.field]
            : b.kind === 'table'
              ? b.rows.flatMap((r) => r.fields)
              : [];
      for (const k of used) assert.ok(known.has(k), `${t.key}: layout → ${k}`);
    }
    for (const s of t.signatures) if (s.nameField) assert.ok(known.has(s.nameField), `${t.key}: signature → ${s.nameField}`);
    assert.ok(known.has(t.placeField) && known.has(t.dateField));
    for (const p of t.procedures) assert.match(p.code, /^[0-9]{1,2}\.[0-9]{5,6}$/);
  }
});

test('printed values: dates as dd/mm/yyyy or in words, choices by label, the place-and-date line dotted when unknown', () => {
  const f = fieldsOf(birthRegistrationV1);
  const dob = f.find((x) => x.key === 'child.dateOfBirth');
  assert.equal(printedValue(dob, '2026-03-02'), '02/03/2026');
  assert.equal(printedValue(dob, '2026-03-02', { words: true }), 'ngày hai tháng ba năm hai nghìn không trăm hai mươi sáu');
  assert.equal(
    printedValue(
      f.find((x) => x.key === 'birth.copies'),
      'co',
    ),
    'Có',
  );
  assert.equal(placeDateLine('Làm tại: ', 'Cao Lãnh', '2026-02-05'), 'Làm tại: Cao Lãnh, ngày 05 tháng 02 năm 2026');
  assert.equal(placeDateLine('Làm tại: ', 'Cao Lãnh', '2026-11-24'), 'Làm tại: Cao Lãnh, ngày 24 tháng 11 năm 2026');
  assert.equal(placeDateLine('', undefined, undefined), '…………………, ngày …… tháng …… năm ………');
});
