import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feeText, groupByField, timeLimitText } from './guide-sheet.ts';

const fee = (kind: string, amountVnd: number, name = 'Khoản thu') => ({ kind, name, amountVnd });

test('fee column: nothing charged, one fee, a free charge beside a fee, two fees of one kind', () => {
  assert.equal(feeText([]), 'Không thu');
  assert.equal(feeText([fee('le_phi', 0)]), 'Không thu');
  assert.equal(feeText([fee('phi', 2000)]), 'Phí: 2.000 đồng');
  assert.equal(feeText([fee('le_phi', 0), fee('phi', 8000)]), 'Lệ phí: không thu; Phí: 8.000 đồng');
  assert.equal(
    feeText([fee('phi', 8000, 'Phí bản sao'), fee('phi', 1_500_000, 'Phí thẩm định')], '\n'),
    'Phí bản sao: 8.000 đồng\nPhí thẩm định: 1.500.000 đồng',
  );
});

test('time limit: working days and hours, decimals with a comma', () => {
  assert.equal(timeLimitText({ value: 1, unit: 'working_days' }), '1 ngày làm việc');
  assert.equal(timeLimitText({ value: 0.5, unit: 'working_days' }), '0,5 ngày làm việc');
  assert.equal(timeLimitText({ value: 4, unit: 'working_hours' }), '4 giờ làm việc');
});

test('fields and names in Vietnamese alphabetical order', () => {
  const groups = groupByField([
    { field: 'Hộ tịch', name: 'Đăng ký khai tử' },
    { field: 'Đất đai', name: 'Giao đất' },
    { field: 'Hộ tịch', name: 'Đăng ký kết hôn' },
    { field: 'Dân tộc', name: 'Chính sách' },
    { field: 'Hộ tịch', name: 'Cấp bản sao' },
    { field: 'Ho tich', name: 'Khác' },
  ]);
  assert.deepEqual(
    groups.map((g) => [g.field, g.items.map((i) => i.name)]),
    [
      ['Dân tộc', ['Chính sách']],
      ['Đất đai', ['Giao đất']],
      ['Ho tich', ['Khác']],
      ['Hộ tịch', ['Cấp bản sao', 'Đăng ký kết hôn', 'Đăng ký khai tử']],
    ],
  );
});
