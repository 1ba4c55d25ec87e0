import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldSlug, fieldSlugs, messagesShownOn, officeHoursLines, orderAfterMove, stepPosition, timingFrom, timingQuery } from './board.ts';

const m = (id: number, position: number, extra: Partial<{ enabled: boolean; validFrom: string | null; validTo: string | null }> = {}) => ({
  id,
  position,
  enabled: true,
  validFrom: null,
  validTo: null,
  ...extra,
});

test('a message shows when switched on and the day lies within its dates, both ends inclusive', () => {
  const list = [
    m(1, 2),
    m(2, 1),
    m(3, 3, { enabled: false }),
    m(4, 4, { validFrom: '2026-03-01' }),
    m(5, 5, { validTo: '2026-02-28' }),
    m(6, 6, { validFrom: '2026-03-01', validTo: '2026-03-01' }),
  ];
  const cases: [string, number[]][] = [
    ['2026-02-28', [2, 1, 5]],
    ['2026-03-01', [2, 1, 4, 6]],
    ['2026-03-02', [2, 1, 4]],
  ];
  for (const [day, ids] of cases)
    assert.deepEqual(
      messagesShownOn(list, day).map((x) => x.id),
      ids,
      day,
    );
});

test('moving a message renumbers the board densely', () => {
  const list = [m(10, 1), m(11, 2), m(12, 5), m(13, 5)];
  const cases: [number, number, number[]][] = [
    [12, 1, [12, 10, 11, 13]],
    [10, 4, [11, 12, 13, 10]],
    [10, 99, [11, 12, 13, 10]],
    [13, 0, [13, 10, 11, 12]],
    [99, 1, [10, 11, 12, 13]],
  ];
  for (const [id, pos, order] of cases) assert.deepEqual(orderAfterMove(list, id, pos), order, `${id} → ${pos}`);
  assert.equal(stepPosition(list, 11, 'up'), 1);
  assert.equal(stepPosition(list, 10, 'up'), 1);
  assert.equal(stepPosition(list, 11, 'down'), 3);
});

test('field names become short URL segments without diacritics', () => {
  const cases: [string, string][] = [
    ['Hộ tịch', 'ho-tich'],
    ['Đất đai', 'dat-dai'],
    ['Bảo trợ xã hội', 'bao-tro-xa-hoi'],
    ['Chứng thực', 'chung-thuc'],
    ['Người có công (ưu đãi)', 'nguoi-co-cong-uu-dai'],
    ['Hộ tịch'.normalize('NFD'), 'ho-tich'],
    ['——', 'linh-vuc'],
  ];
  for (const [field, slug] of cases) assert.equal(fieldSlug(field), slug, field);
  assert.deepEqual([...fieldSlugs(['Hộ tịch', 'Hộ  tịch', 'Hô tịch']).values()], ['ho-tich', 'ho-tich-2', 'ho-tich-3']);
});

test('kiosk timing comes from the query string within 1 s … 1 h, and travels only when not the default', () => {
  assert.deepEqual(timingFrom({}), { idle: 90, poll: 30, rotate: 10 });
  assert.deepEqual(timingFrom({ idle: '2', poll: '1', rotate: '3' }), { idle: 2, poll: 1, rotate: 3 });
  assert.deepEqual(timingFrom({ idle: '0', poll: '-1', rotate: '9999' }), { idle: 90, poll: 30, rotate: 10 });
  assert.deepEqual(timingFrom({ idle: ['2'], poll: 'abc' }), { idle: 90, poll: 30, rotate: 10 });
  assert.equal(timingQuery({ idle: 90, poll: 30, rotate: 10 }), '');
  assert.equal(timingQuery({ idle: 2, poll: 30, rotate: 10 }), '?idle=2');
});

test('office hours read as day ranges', () => {
  const standard = [
    { days: [1, 2, 3, 4, 5], open: '07:00', close: '11:30' },
    { days: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
  ];
  assert.deepEqual(officeHoursLines(standard), ['Thứ Hai – Thứ Sáu: 07:00–11:30, 13:30–17:00']);
  assert.deepEqual(officeHoursLines([...standard, { days: [6], open: '07:00', close: '11:30' }]), [
    'Thứ Hai – Thứ Sáu: 07:00–11:30, 13:30–17:00',
    'Thứ Bảy: 07:00–11:30',
  ]);
  assert.deepEqual(officeHoursLines([{ days: [1, 3], open: '08:00', close: '12:00' }], 'en'), ['Monday: 08:00–12:00', 'Wednesday: 08:00–12:00']);
  assert.deepEqual(officeHoursLines([]), []);
});
