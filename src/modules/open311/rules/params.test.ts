import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listParam, open311Date, param, parseOpen311Date, readRequestFilter, readWindow, roundCoordinate } from './params.ts';
import { readSubmission } from './submission.ts';

test('Open311 dates: W3C forms with a zone, Vietnam time without one, a + that became a space', () => {
  const cases: [string, string | null][] = [
    ['2026-11-06T09:00:00+07:00', '2026-11-06T02:00:00.000Z'],
    ['2026-11-06T02:00:00Z', '2026-11-06T02:00:00.000Z'],
    ['2026-11-06T02:00:00.250Z', '2026-11-06T02:00:00.250Z'],
    ['2026-11-06T09:00:00 07:00', '2026-11-06T02:00:00.000Z'],
    ['2026-11-06T09:00+0700', '2026-11-06T02:00:00.000Z'],
    ['2026-11-05T21:00:00-05:00', '2026-11-06T02:00:00.000Z'],
    ['2026-11-06', '2026-11-05T17:00:00.000Z'],
    ['2026-11-06 09:00:00', '2026-11-06T02:00:00.000Z'],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['2026-11-06T24:00:00Z', null],
    ['06/11/2026', null],
    ['hôm qua', null],
    ['', null],
  ];
  for (const [text, iso] of cases) assert.equal(parseOpen311Date(text)?.toISOString() ?? null, iso, text);
});

test('dates go out in Vietnam time with their zone, to the second', () => {
  assert.equal(open311Date(new Date('2026-11-06T02:00:00.789Z')), '2026-11-06T09:00:00+07:00');
  assert.equal(open311Date('2026-12-31T20:30:00Z'), '2027-01-01T03:30:00+07:00');
  assert.equal(open311Date(null), null);
});

test('an empty parameter is an absent one; a repeated one is a comma list', () => {
  assert.equal(param({ a: '' }, 'a'), undefined);
  assert.equal(param({ a: '  ' }, 'a'), undefined);
  assert.equal(param({ a: ' x ' }, 'a'), 'x');
  assert.equal(param({ a: 3 }, 'a'), undefined);
  assert.deepEqual(listParam({ s: ['open', 'closed'] }, 's'), ['open', 'closed']);
  assert.deepEqual(listParam({ s: 'a,,b, ' }, 's'), ['a', 'b']);
  assert.equal(listParam({ s: ',' }, 's'), undefined);
});

test('the date window: at most 90 days, defaults reaching 90 days from the date given or back from now', () => {
  const now = new Date('2026-11-06T02:00:00Z');
  const day = 24 * 3600 * 1000;
  const w = readWindow({}, now);
  assert.ok(w.ok && w.value.end.getTime() === now.getTime() && w.value.start.getTime() === now.getTime() - 90 * day);
  const s = readWindow({ start_date: '2026-01-01T00:00:00Z' }, now);
  assert.ok(s.ok && s.value.end.toISOString() === '2026-04-01T00:00:00.000Z');
  const e = readWindow({ end_date: '2026-04-01T00:00:00Z' }, now);
  assert.ok(e.ok && e.value.start.toISOString() === '2026-01-01T00:00:00.000Z');
  assert.ok(readWindow({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }, now).ok, 'exactly 90 days');
  const wide = readWindow({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' }, now);
  assert.ok(!wide.ok && wide.problems[0]?.param === 'end_date' && wide.problems[0]?.status === 400);
  const backwards = readWindow({ start_date: '2026-02-01', end_date: '2026-01-01' }, now);
  assert.ok(!backwards.ok);
  const bad = readWindow({ start_date: 'x', end_date: 'y' }, now);
  assert.deepEqual(bad.ok ? [] : bad.problems.map((p) => p.param), ['start_date', 'end_date']);
});

test('request filters: ids override the rest; statuses and service codes are checked', () => {
  const now = new Date('2026-11-06T02:00:00Z');
  const ids = readRequestFilter({ service_request_id: 'abcd2345, EFGH6789', status: 'bogus' }, now);
  assert.deepEqual(ids.ok && ids.value, { ids: ['ABCD2345', 'EFGH6789'], serviceCodes: null, statuses: null, window: null });
  const f = readRequestFilter({ service_code: 'Den-Duong,rac-thai', status: 'OPEN' }, now);
  assert.ok(f.ok && f.value.serviceCodes?.join() === 'den-duong,rac-thai' && f.value.statuses?.join() === 'open');
  const bad = readRequestFilter({ status: 'pending', service_code: 'x y' }, now);
  assert.deepEqual(bad.ok ? [] : bad.problems.map((p) => p.param), ['service_code', 'status']);
});

test('coordinates are rounded to 3 decimals (about 110 m)', () => {
  const cases: [number | null, number | null][] = [
    [10.4601234, 10.46],
    [105.6334567, 105.633],
    [-0.0004, -0],
    [null, null],
  ];
  for (const [v, want] of cases) assert.equal(roundCoordinate(v), want);
});

test('a POST body: location required, attributes and media kept, names joined, Open311-only problems named', () => {
  const ok = readSubmission({
    api_key: 'k',
    service_code: 'den-duong',
    lat: '10.1',
    long: '105.2',
    first_name: 'Nguyễn',
    last_name: 'Văn An',
    'attribute[title]': 'Tiêu đề',
    'attribute[pole]': 'C-1',
    media_url: ['https://a.example/1.jpg', 'https://a.example/2.jpg'],
    device_id: '',
  });
  assert.ok(ok.ok);
  assert.equal(ok.value.input.name, 'Nguyễn Văn An');
  assert.equal(ok.value.input.title, 'Tiêu đề');
  assert.deepEqual(ok.value.extra, { media_url: ['https://a.example/1.jpg', 'https://a.example/2.jpg'], attributes: { title: 'Tiêu đề', pole: 'C-1' } });
  const cases: [Record<string, unknown>, string][] = [
    [{ lat: '10', long: '105' }, 'service_code'],
    [{ service_code: 'x' }, 'lat'],
    [{ service_code: 'x', address_string: 'a', media_url: 'ftp://x' }, 'media_url'],
    [{ service_code: 'x', address_id: 'A1', 'attribute[x]': 'v'.repeat(1001) }, 'attribute[x]'],
  ];
  for (const [body, field] of cases) {
    const r = readSubmission(body);
    assert.ok(!r.ok, field);
    assert.equal(r.problems[0]?.param, field);
  }
});
