import assert from 'node:assert/strict';
import { test } from 'node:test';
import { versionInForce } from './commitment.ts';
import { checkResponse, checkSurveyDraft, formatShare, type SurveyQuestion, satisfactionOf } from './survey.ts';

test('the satisfied share is (very satisfied + satisfied) over all ratings, and null without any', () => {
  const cases: [Parameters<typeof satisfactionOf>[0], number, number | null][] = [
    [{ rat_hai_long: 2, hai_long: 3, binh_thuong: 2, khong_hai_long: 1 }, 8, 5 / 8],
    [{ hai_long: 1 }, 1, 1],
    [{ khong_hai_long: 4 }, 4, 0],
    [{}, 0, null],
  ];
  for (const [levels, ratings, share] of cases) {
    const s = satisfactionOf(levels);
    assert.equal(s.ratings, ratings);
    assert.equal(s.satisfiedShare, share);
  }
  assert.equal(formatShare(null), 'Không có dữ liệu');
  assert.equal(formatShare(null, 'en'), 'No data');
  assert.equal(formatShare(0), '0,0 %');
  assert.equal(formatShare(2 / 3), '66,7 %');
  assert.equal(formatShare(1, 'en'), '100.0 %');
});

test('the version in force is the highest one whose date has come', () => {
  const versions = [
    { version: 1, effective_on: '2023-08-08' },
    { version: 2, effective_on: '2026-01-01' },
    { version: 3, effective_on: '2027-01-01' },
  ];
  const cases: [string, number | null][] = [
    ['2023-08-07', null],
    ['2023-08-08', 1],
    ['2025-12-31', 1],
    ['2026-06-30', 2],
    ['2027-01-01', 3],
  ];
  for (const [day, expected] of cases) assert.equal(versionInForce(versions, day)?.version ?? null, expected, day);
});

test('a survey draft: default wording, positions in aspect order, every bad field named', () => {
  const ok = checkSurveyDraft({ title: 'Khảo sát quý I', opensOn: '2026-01-01', closesOn: '2026-03-31', aspects: ['time', 'service'], text_2: 'Góp ý khác?' });
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.value.questions.map((q) => [q.position, q.kind, q.aspect]),
    [
      [1, 'rating', 'service'],
      [2, 'rating', 'time'],
      [3, 'text', null],
    ],
  );
  assert.match(ok.value.questions[0]?.label ?? '', /kết quả giải quyết/);
  const bad = checkSurveyDraft({ title: 'x', opensOn: '2026-02-30', closesOn: '2026-01-01', aspects: ['nope'] });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['aspects', 'opensOn', 'title']);
  const long = checkSurveyDraft({ title: 'Khảo sát dài', opensOn: '2026-01-01', closesOn: '2027-06-01', aspects: 'service' });
  assert.ok(!long.ok);
  assert.deepEqual(
    long.errors.map((e) => e.field),
    ['closesOn'],
  );
});

test('a filled form: levels, text kept as typed, contact needs consent', () => {
  const qs: SurveyQuestion[] = [
    { position: 1, kind: 'rating', aspect: 'service', label: 'Kết quả?' },
    { position: 2, kind: 'text', aspect: null, label: 'Góp ý?' },
  ];
  const ok = checkResponse(qs, { r_1: 'hai_long', t_2: '  <b>tốt</b>\r\nlắm ', contact: 'ten@Gmail.COM', consent: 'on', official: '7', procedure: '1.001193' });
  assert.ok(ok.ok);
  assert.deepEqual(ok.value.answers, [
    { position: 1, rating: 'hai_long', text: null },
    { position: 2, rating: null, text: '<b>tốt</b>\nlắm' },
  ]);
  assert.deepEqual(
    [ok.value.contact, ok.value.consent, ok.value.officialId, ok.value.procedureCode],
    [{ kind: 'email', value: 'ten@gmail.com' }, true, 7, '1.001193'],
  );
  const cases: [Record<string, unknown>, string[]][] = [
    [{}, ['r_1']],
    [{ r_1: 'tot' }, ['r_1']],
    [{ r_1: 'hai_long', contact: '0912345678' }, ['consent']],
    [{ r_1: 'hai_long', official: 'abc', procedure: 'x', respondentKind: 'alien' }, ['official', 'procedure', 'respondentKind']],
    [{ t_2: 'x'.repeat(2001) }, ['t_2']],
  ];
  for (const [input, fields] of cases) {
    const r = checkResponse(qs, input);
    assert.ok(!r.ok, JSON.stringify(input));
    assert.deepEqual(r.errors.map((e) => e.field).sort(), fields.sort(), JSON.stringify(input));
  }
});
