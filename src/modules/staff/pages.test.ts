import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNext } from './pages.tsx';

test('after sign-in only paths on this site are followed', () => {
  const cases: [unknown, string][] = [
    ['/quan-tri/don-vi?q=a', '/quan-tri/don-vi?q=a'],
    ['/', '/'],
    ['//evil.example', '/quan-tri'],
    ['/\\evil.example', '/quan-tri'],
    ['/\t/evil.example', '/quan-tri'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['https://evil.example', '/quan-tri'],
    ['/a b', '/quan-tri'],
    [undefined, '/quan-tri'],
    [['/x'], '/quan-tri'],
  ];
  for (const [input, expected] of cases) assert.equal(safeNext(input), expected, String(input));
});
