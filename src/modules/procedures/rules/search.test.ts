import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseSearch } from './search.ts';

const cases: [string | undefined, string | null, string | null, boolean][] = [
  // raw, text, codePrefix, exactCode
  ['dang ky khai sinh', 'dang ky khai sinh', null, false],
  ['  DANG   KY KET HON ', 'DANG KY KET HON', null, false],
  ['chu\u031B\u0301ng thu\u031B\u0323c', 'chứng thực', null, false], // NFD input → NFC
  ['1.001193', '1.001193', '1.001193', true],
  ['2.000', '2.000', '2.000', false],
  ['khai sinh.', 'khai sinh', null, false],
  ["'; DROP TABLE procedures; --", 'DROP TABLE procedures', null, false],
  ['<script>alert(1)</script>', 'script alert 1 script', null, false],
  ['%_%', null, null, false],
  ['', null, null, false],
  [undefined, null, null, false],
];

for (const [raw, text, code, exact] of cases) {
  test(`search terms: ${JSON.stringify(raw)}`, () => {
    const t = normaliseSearch(raw);
    if (text === null) assert.equal(t, null);
    else {
      assert.equal(t?.text, text);
      assert.equal(t?.codePrefix, code);
      assert.equal(t?.exactCode, exact);
    }
  });
}

test('search terms are at most 100 characters', () => {
  assert.equal(normaliseSearch('a'.repeat(500))?.text.length, 100);
});
