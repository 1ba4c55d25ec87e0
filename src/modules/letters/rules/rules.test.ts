import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTaxCode } from '../../../platform/text/index.ts';
import { signatureOf } from '../render.ts';
import { issuerSymbolOf, letterKinds, registerNumber } from './kinds.ts';
import { checkLetterContent, mayDo } from './letter.ts';
import { defaultTemplates, fillMergeFields, mergeFieldErrors, unknownMergeFields } from './templates.ts';

test('merge fields are filled once, NFC, unknown ones left and reported', () => {
  const nfd = 'Nguyễn Ánh'.normalize('NFD');
  assert.equal(
    fillMergeFields('Kính gửi {ten}, ngày {ngay}: {dia_chi}', { ten: nfd, ngay: '02/03/2026', dia_chi: null }),
    'Kính gửi Nguyễn Ánh, ngày 02/03/2026: …',
  );
  assert.equal(fillMergeFields('{su_kien}', { su_kien: '{ten} <b>' }), '{ten} <b>');
  assert.deepEqual(unknownMergeFields('{ten} {ho_ten} {ho_ten} {x y} {}'), ['ho_ten', 'x y']);
  assert.equal(mergeFieldErrors('body', '{ten}').length, 0);
  assert.match(mergeFieldErrors('body', '{abc}')[0]?.message.vi ?? '', /\{abc\}/);
  for (const k of letterKinds) assert.deepEqual(unknownMergeFields(defaultTemplates[k].body), [], k);
});

test('register numbers and signature blocks', () => {
  assert.equal(registerNumber(12, 'congratulation_birth', 'UBND'), '12/TCM-UBND');
  assert.equal(registerNumber(3, 'condolence', 'UBND'), '3/TCB-UBND');
  assert.equal(registerNumber(4, 'apology', 'UBND'), '4/TXL-UBND');
  assert.equal(issuerSymbolOf({ code: 'cong-an-xa' }, false), 'CONGANXA');
  assert.deepEqual(signatureOf('Phó Chủ tịch UBND thành phố', true), { authority: 'KT. Chủ tịch', title: 'Phó Chủ tịch' });
  assert.deepEqual(signatureOf(null, true), { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch' });
  assert.deepEqual(signatureOf('Trưởng Công an xã', false), { title: 'Trưởng Công an xã' });
});

test('tax codes: check digit, branch, spaces', () => {
  assert.deepEqual(checkTaxCode('0100 109 106'), { ok: true, value: '0100109106', branch: false });
  assert.deepEqual(checkTaxCode('0100109106001'), { ok: true, value: '0100109106-001', branch: true });
  assert.equal(checkTaxCode('0100109107').ok, false);
  assert.equal(checkTaxCode('0100109106-000').ok, false);
  assert.equal(checkTaxCode('abc').ok, false);
});

test('letter content and workflow', () => {
  const ok = checkLetterContent({
    kind: 'other',
    recipientName: ' Lê  Tâm ',
    eventText: 'nhà cháy',
    eventDate: '2026-03-05',
    title: 'Thư thăm hỏi',
    body: 'Kính gửi: {ten}\n\nThăm hỏi.',
  });
  assert.ok(ok.ok && ok.value.recipientName === 'Lê Tâm');
  const bad = checkLetterContent({
    kind: 'congratulation_business',
    recipientName: 'X',
    eventText: '',
    eventDate: '2026-02-30',
    title: 'T',
    body: '{nope} và thêm chữ',
  });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['body', 'eventDate', 'eventText', 'recipientName', 'taxCode', 'title']);
  assert.equal(mayDo('send', 'draft'), false);
  assert.equal(mayDo('send', 'submitted'), false);
  assert.equal(mayDo('send', 'approved'), true);
  assert.equal(mayDo('approve', 'draft'), false);
  assert.equal(mayDo('cancel', 'approved'), false);
});
