import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ComplianceModel, type ComplianceRegistration, type ComplianceUnit, complianceIssues, referenceDay } from './compliance.ts';

// A small tree: province /1/ → city /1/2/ → ward /1/2/3/, commune /1/2/4/; a city department /1/2/5/; a province
// department /1/6/; another city /1/7/ with a ward /1/7/8/.
const units: ComplianceUnit[] = [
  { id: 1, code: 'tinh', name: 'Tỉnh', kind: 'province', path: '/1/', merged: false },
  { id: 2, code: 'tp', name: 'Thành phố', kind: 'city', path: '/1/2/', merged: false },
  { id: 3, code: 'p1', name: 'Phường 1', kind: 'ward', path: '/1/2/3/', merged: false },
  { id: 4, code: 'x1', name: 'Xã 1', kind: 'commune', path: '/1/2/4/', merged: false },
  { id: 5, code: 'pnv', name: 'Phòng Nội vụ', kind: 'department', path: '/1/2/5/', merged: false },
  { id: 6, code: 'snv', name: 'Sở Nội vụ', kind: 'department', path: '/1/6/', merged: false },
  { id: 7, code: 'tp2', name: 'Thành phố 2', kind: 'city', path: '/1/7/', merged: false },
  { id: 8, code: 'p2', name: 'Phường 2 (đã sáp nhập)', kind: 'ward', path: '/1/7/8/', merged: true },
];
const model = (
  id: number,
  issuerPath: string,
  mandatory: boolean,
  choicePool: boolean,
  startsOn = '2021-09-11',
  endsOn: string | null = null,
): ComplianceModel => ({
  id,
  code: `m${id}`,
  name: `Mô hình ${id}`,
  issuerPath,
  mandatory,
  choicePool,
  startsOn,
  endsOn,
});
const models = [
  model(10, '/1/', true, false), // a province model
  model(20, '/1/2/', true, false, '2023-10-31'), // the city's mandatory model
  model(21, '/1/2/', false, true, '2023-10-31'), // optional pool
  model(22, '/1/2/', false, true, '2023-10-31'),
  model(30, '/1/7/', true, false), // another city's: not binding on /1/2/
  model(40, '/1/', true, false, '2021-01-01', '2022-06-30'), // ended mid-2022
];
const reg = (unitId: number, modelId: number, fromDate: string, toDate: string | null = null): ComplianceRegistration => ({
  unitId,
  modelId,
  fromDate,
  toDate,
});

test('referenceDay: the year’s end, today while it runs, none for a future year or before 2000', () => {
  const cases: [number, string, string | null][] = [
    [2025, '2026-11-24', '2025-12-31'],
    [2026, '2026-11-24', '2026-11-24'],
    [2027, '2026-11-24', null],
    [1999, '2026-11-24', null],
    [2026.5, '2026-11-24', null],
  ];
  for (const [year, today, want] of cases) assert.equal(referenceDay(year, today), want, String(year));
});

test('compliance rules over a small tree', () => {
  const cases: { name: string; regs: ComplianceRegistration[]; year: number; day: string; want: string[] }[] = [
    {
      name: 'nothing registered: both communes miss the mandatory models and a pick; both departments started nothing',
      regs: [],
      year: 2025,
      day: '2025-12-31',
      want: [
        'p1 mandatory_model m10,m20',
        'p1 optional_model m21,m22',
        'x1 mandatory_model m10,m20',
        'x1 optional_model m21,m22',
        'pnv new_model_yearly',
        'snv new_model_yearly',
      ],
    },
    {
      name: 'all in order',
      regs: [
        reg(3, 10, '2021-10-01'),
        reg(3, 20, '2023-11-01'),
        reg(3, 21, '2023-11-01'),
        reg(4, 10, '2021-10-01'),
        reg(4, 20, '2023-11-01'),
        reg(4, 22, '2024-01-01'),
        reg(5, 21, '2025-03-01'),
        reg(6, 10, '2025-12-31'),
      ],
      year: 2025,
      day: '2025-12-31',
      want: [],
    },
    {
      name: 'a mandatory model ended before the reference day counts as missing; a pick ended too',
      regs: [
        reg(3, 10, '2021-10-01', '2025-06-30'),
        reg(3, 20, '2023-11-01'),
        reg(3, 21, '2023-11-01', '2025-01-31'),
        reg(4, 10, '2021-10-01'),
        reg(4, 20, '2023-11-01'),
        reg(4, 21, '2024-01-01'),
      ],
      year: 2025,
      day: '2025-12-31',
      want: ['p1 mandatory_model m10', 'p1 optional_model m21,m22', 'pnv new_model_yearly', 'snv new_model_yearly'],
    },
    {
      name: 'before the city plan started (2022) only the province model binds and there is no pool yet',
      regs: [reg(3, 10, '2021-10-01'), reg(4, 10, '2021-10-01'), reg(5, 10, '2022-05-01'), reg(6, 10, '2022-02-01')],
      year: 2022,
      day: '2022-12-31',
      want: [],
    },
    {
      name: 'a department re-registering a model it ran before has not started a new one',
      regs: [
        reg(3, 10, '2021-10-01'),
        reg(3, 20, '2023-11-01'),
        reg(3, 22, '2023-11-01'),
        reg(4, 10, '2021-10-01'),
        reg(4, 20, '2023-11-01'),
        reg(4, 22, '2024-01-01'),
        reg(5, 21, '2023-01-01', '2023-12-31'),
        reg(5, 21, '2025-02-01'),
        reg(6, 22, '2025-01-01'),
      ],
      year: 2025,
      day: '2025-12-31',
      want: ['pnv new_model_yearly'],
    },
    {
      name: 'during the year: a model starting after today does not count yet',
      regs: [
        reg(3, 10, '2021-10-01'),
        reg(3, 20, '2023-11-01'),
        reg(3, 21, '2023-11-01'),
        reg(4, 10, '2021-10-01'),
        reg(4, 20, '2023-11-01'),
        reg(4, 21, '2024-01-01'),
        reg(5, 22, '2026-12-01'),
        reg(6, 22, '2026-03-01'),
      ],
      year: 2026,
      day: '2026-11-24',
      want: ['pnv new_model_yearly'],
    },
  ];
  for (const c of cases) {
    const got = complianceIssues(units, models, c.regs, c.year, c.day).map((i) =>
      [i.unit.code, i.rule, i.models.map((m) => m.code).join(',')].filter(Boolean).join(' '),
    );
    assert.deepEqual(got, c.want, c.name);
  }
});
