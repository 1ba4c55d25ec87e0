import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogueCodes, figureDefs, figureKeys, figuresOf, formatFigure, modelFigures } from './model-figures.ts';
import { cleanNarrative, NARRATIVE_MAX, narrativeProblem } from './narrative.ts';

test('every model of MODELS.md has figures, each one defined', () => {
  for (const code of catalogueCodes) {
    assert.ok(modelFigures[code].length > 0, code);
    for (const k of modelFigures[code]) assert.ok(figureKeys.includes(k) && figureDefs[k], `${code} ${k}`);
  }
  assert.deepEqual(figuresOf('M2'), ['dossiers.sameDay', 'dossiers.sameDayRate']);
  assert.deepEqual(figuresOf('M16'), []);
  assert.ok(figuresOf('M12').includes('payments.cashlessRate'));
  assert.ok(figuresOf('M6').includes('homeVisits.done'));
});

test('figures as printed; no data is never 0 %', () => {
  const cases: [Parameters<typeof formatFigure>[0], number | null, string][] = [
    ['dossiers.received', 1234, '1.234'],
    ['dossiers.onTimeRate', 0.75, '75 %'],
    ['dossiers.onTimeRate', 2 / 3, '66,7 %'],
    ['dossiers.onTimeRate', null, 'Không có dữ liệu'],
    ['payments.cashlessRate', 0, '0 %'],
    ['index.total', 40.25, '40,25'],
  ];
  for (const [k, v, want] of cases) assert.equal(formatFigure(k, v).replace(/\u00a0/g, ' '), want, `${k} ${v}`);
  assert.equal(formatFigure('dossiers.onTimeRate', null, 'en'), 'No data');
});

test('narratives: NFC, line breaks, control characters, length', () => {
  assert.equal(cleanNarrative('  Hoa\u0300n tha\u0300nh\r\n<b>tốt</b>\u0007 '), 'Hoàn thành\n<b>tốt</b>');
  assert.equal(narrativeProblem('a'.repeat(NARRATIVE_MAX)), null);
  assert.match(narrativeProblem('a'.repeat(NARRATIVE_MAX + 1))?.vi ?? '', /tối đa 10\.000/);
});
