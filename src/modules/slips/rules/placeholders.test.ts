import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { fillPlaceholders, placeholdersOf } from './placeholders.ts';

const scope = {
  dossier: { code: 'H22.45-261124-0001', applicant: { name: 'Nguyễn Thị Ánh Tuyết', email: null }, receivedAt: new Date('2026-11-24T07:30:00Z'), sets: 1 },
  on: '2026-11-24',
};

describe('placeholders', () => {
  const cases: [string, string][] = [
    ['Mã hồ sơ: {{dossier.code}}', 'Mã hồ sơ: H22.45-261124-0001'],
    ['{{ dossier.applicant.name }}', 'Nguyễn Thị Ánh Tuyết'],
    ['{{dossier.receivedAt | datetime}}', '14 giờ 30 phút, ngày 24 tháng 11 năm 2026'],
    ['{{dossier.receivedAt | date}}', 'ngày 24 tháng 11 năm 2026'],
    ['{{dossier.receivedAt|time}}', '14 giờ 30 phút'],
    ['{{on | short}}', '24/11/2026'],
    ['{{dossier.sets | pad2}} (bộ)', '01 (bộ)'],
    ['{{dossier.applicant.name | upper}}', 'NGUYỄN THỊ ÁNH TUYẾT'],
    ['Email: {{dossier.applicant.email?}}.', 'Email: .'],
    ['{{dossier.nothing? | date}}', ''],
    ['no placeholder', 'no placeholder'],
  ];
  for (const [template, expected] of cases) test(`${template} → ${expected}`, () => assert.equal(fillPlaceholders(template, scope), expected));

  test('a missing required placeholder is an error naming it', () => {
    assert.throws(
      () => fillPlaceholders('Hẹn trả: {{dossier.appointmentAt | datetime}}', scope),
      (err: unknown) => {
        assert.ok(err instanceof AppError);
        assert.equal(err.code, 'UNPROCESSABLE');
        assert.equal(err.extra.placeholder, 'dossier.appointmentAt');
        assert.match(err.detail?.vi ?? '', /dossier\.appointmentAt/);
        assert.match(err.detail?.en ?? '', /dossier\.appointmentAt/);
        return true;
      },
    );
    // null counts as missing too
    assert.throws(() => fillPlaceholders('{{dossier.applicant.email}}', scope), /UNPROCESSABLE/);
  });

  test('HTML and odd characters pass through as plain text', () => {
    const odd = '<script>alert("x")</script> & {{not}} \u200b 😀 Đặng';
    assert.equal(fillPlaceholders('Tên: {{x}}', { x: odd }), `Tên: ${odd}`);
    assert.equal(fillPlaceholders('{{x}}', { x: '$& $1 $$' }), '$& $1 $$', 'replacement patterns are not interpreted');
  });

  test('a value that is not printable, or a bad date, is an error naming the placeholder', () => {
    assert.throws(
      () => fillPlaceholders('{{dossier}}', scope),
      (e: unknown) => e instanceof AppError && e.extra.placeholder === 'dossier',
    );
    assert.throws(
      () => fillPlaceholders('{{x | date}}', { x: 'hôm qua' }),
      (e: unknown) => e instanceof AppError && e.extra.placeholder === 'x',
    );
  });

  test('an unknown filter is a template bug', () => assert.throws(() => fillPlaceholders('{{on | shout}}', scope), /unknown placeholder filter/));
  test('lists the placeholders of a text', () => assert.deepEqual(placeholdersOf('{{a.b}} và {{c? | date}}'), ['a.b', 'c']));
});
