import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptsOnline, checkApplicant, checkFiles, type SubmissionValues } from './submission.ts';

const limits = { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 30 * 1024 * 1024 };
const good: SubmissionValues = {
  unit: 'phuong-1',
  applicantName: 'Nguyễn Văn An',
  applicantIdNumber: '001203456789',
  applicantPhone: '',
  applicantEmail: '',
  applicantAddress: '',
  note: '',
  consent: true,
  idempotencyKey: '00000000-0000-4000-8000-000000000000',
};

test('full and partial online services take an online dossier; the rest do not', () => {
  assert.deepEqual((['full', 'partial', 'none'] as const).map(acceptsOnline), [true, true, false]);
});

const applicantCases: [string, Partial<SubmissionValues>, string[]][] = [
  ['all good with the ID number', {}, []],
  ['phone only, with spaces', { applicantIdNumber: '', applicantPhone: '0912 345 678' }, []],
  ['old 9-digit ID number', { applicantIdNumber: '381234567' }, []],
  ['neither ID nor phone', { applicantIdNumber: '' }, ['applicantIdNumber']],
  ['ID number with letters', { applicantIdNumber: '00120345678x' }, ['applicantIdNumber']],
  ['bad phone', { applicantPhone: '12345' }, ['applicantPhone']],
  ['bad e-mail', { applicantEmail: 'an@' }, ['applicantEmail']],
  ['one-letter name', { applicantName: 'A' }, ['applicantName']],
  ['no unit', { unit: '' }, ['unit']],
  ['a unit that does not carry the procedure', { unit: 'phuong-9' }, ['unit']],
  ['no consent', { consent: false }, ['consent']],
];
for (const [name, change, fields] of applicantCases) {
  test(`applicant: ${name}`, () => {
    const r = checkApplicant({ ...good, ...change }, ['phuong-1', 'phuong-2']);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.field), fields);
  });
}

test('the phone is kept without spaces', () => {
  const r = checkApplicant({ ...good, applicantPhone: '0912 345.678' }, ['phuong-1']);
  assert.ok(r.ok);
  assert.equal(r.value.applicant.phone, '0912345678');
});

const pdf = (size: number) => ({ size, truncated: false, mime: 'application/pdf' });
const fileCases: [string, [string, { size: number; truncated: boolean; mime: string | null }][], string[]][] = [
  ['one PDF', [['doc-0', pdf(1000)]], []],
  ['no file at all', [], ['doc-0: Hãy đính kèm ít nhất một giấy tờ của hồ sơ']],
  ['exactly 10 MB', [['doc-0', pdf(limits.maxFileBytes)]], []],
  ['cut at the limit', [['doc-1', { size: limits.maxFileBytes, truncated: true, mime: 'application/pdf' }]], ['doc-1: Tệp lớn hơn 10 MB']],
  ['empty', [['doc-0', { size: 0, truncated: false, mime: null }]], ['doc-0: Tệp rỗng']],
  ['not PDF, JPEG or PNG by content', [['doc-2', { size: 10, truncated: false, mime: null }]], ['doc-2: Chỉ nhận tệp PDF, JPEG hoặc PNG']],
  ['four files of 9 MB', [0, 1, 2, 3].map((i) => [`doc-${i}`, pdf(9 * 1024 * 1024)]), ['files: Tổng dung lượng các tệp lớn hơn 30 MB']],
];
for (const [name, files, expected] of fileCases) {
  test(`files: ${name}`, () => {
    assert.deepEqual(
      checkFiles(new Map(files), limits).map((e) => `${e.field}: ${e.message.vi}`),
      expected,
    );
  });
}
