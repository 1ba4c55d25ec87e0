import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSample } from './check-sample.ts';
import { DOCX_MIME, MAX_SAMPLE_BYTES, sampleFileName, slugOf, sniffSampleMime } from './sample-file.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

test('a sample is typed by its first bytes, never by its name', () => {
  const cases: [string, Buffer, string | null][] = [
    ['PDF', bytes('%PDF-1.7\n%…'), 'application/pdf'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'image/png'],
    ['Word .docx', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml....'), DOCX_MIME],
    ['.docm (macros)', bytes([0x50, 0x4b, 0x03, 0x04], '[Content_Types].xml word/document.xml word/vbaProject.bin'), null],
    ['.xlsx (a ZIP, not Word)', bytes([0x50, 0x4b, 0x03, 0x04], '[Content_Types].xml xl/workbook.xml'), null],
    ['GIF', bytes('GIF89a'), null],
    ['HTML', bytes('<!doctype html><script>'), null],
    ['"%PDF" without the dash', bytes('%PDF'), null],
    ['empty', Buffer.alloc(0), null],
  ];
  for (const [name, content, mime] of cases) assert.equal(sniffSampleMime(content), mime, name);
});

test('a title becomes a short ASCII slug; the extension follows the type', () => {
  const cases: [string, string][] = [
    ['Tờ khai đăng ký khai sinh (mẫu đã điền)', 'to-khai-dang-ky-khai-sinh-mau-da-dien'],
    ['ĐƠN ĐỀ NGHỊ — Đăng ký thường trú', 'don-de-nghi-dang-ky-thuong-tru'],
    ['Ảnh chụp tờ khai 01/2025', 'anh-chup-to-khai-01-2025'],
    ['!!!', 'ho-so-mau'],
    ['a'.repeat(120), 'a'.repeat(80)],
  ];
  for (const [title, slug] of cases) assert.equal(slugOf(title), slug, title);
  assert.equal(slugOf('Tờ khai'.normalize('NFD')), 'to-khai', 'decomposed input too');
  assert.equal(sampleFileName('Tờ khai mẫu', 'image/jpeg'), 'to-khai-mau.jpg');
  assert.equal(sampleFileName('Tờ khai mẫu', DOCX_MIME), 'to-khai-mau.docx');
});

test('an upload names every bad field, and its status is the worst problem', () => {
  const pdf = { content: bytes('%PDF-1.4 x'), truncated: false };
  assert.deepEqual(checkSample({ title: 'Mẫu', note: '', file: pdf, fileRequired: true }), { ok: true, title: 'Mẫu', note: null, mime: 'application/pdf' });
  const none = checkSample({ title: '', note: 'x'.repeat(1001), file: null, fileRequired: true });
  assert.equal(none.ok, false);
  if (!none.ok) {
    assert.equal(none.status, 400);
    assert.deepEqual(
      none.errors.map((e) => e.field),
      ['title', 'note', 'file'],
    );
  }
  const long = checkSample({ title: 'ấ'.repeat(201), note: '', file: pdf, fileRequired: true });
  assert.ok(!long.ok && long.errors[0]?.field === 'title');
  assert.equal(checkSample({ title: 'ấ'.repeat(200), note: '', file: pdf, fileRequired: true }).ok, true, '200 characters, more bytes');
  const big = checkSample({ title: 'Mẫu', note: '', file: { content: Buffer.alloc(MAX_SAMPLE_BYTES), truncated: true }, fileRequired: true });
  assert.ok(!big.ok && big.status === 413);
  const disguised = checkSample({ title: 'Mẫu', note: '', file: { content: bytes('GIF89a'), truncated: false }, fileRequired: true });
  assert.ok(!disguised.ok && disguised.status === 415);
  assert.deepEqual(checkSample({ title: 'Mẫu', note: 'Ghi chú', file: null, fileRequired: false }), { ok: true, title: 'Mẫu', note: 'Ghi chú', mime: null });
});
