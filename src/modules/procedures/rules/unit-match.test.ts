import assert from 'node:assert/strict';
import { test } from 'node:test';
import { carriesOut } from './unit-match.ts';

const hoTich = { level: 'commune' as const, unitKinds: ['commune', 'ward'] };
const cuTru = { level: 'commune' as const, unitKinds: ['police'] };
const canCuoc = { level: 'province' as const, unitKinds: ['police'] };
const banSao = { level: 'commune' as const, unitKinds: ['commune', 'ward', 'department'] };

const cases: [string, { level: 'commune' | 'province'; unitKinds: string[] }, string, string | null, boolean][] = [
  ['birth registration at a ward', hoTich, 'ward', 'city', true],
  ['birth registration at a commune', hoTich, 'commune', 'province', true],
  ['not at a province', hoTich, 'province', null, false],
  ['not at a department', hoTich, 'department', 'province', false],
  ['residence at commune police', cuTru, 'police', 'commune', true],
  ['residence at ward police', cuTru, 'police', 'ward', true],
  ['not at the ward itself', cuTru, 'ward', 'city', false],
  ['not at the police of an abolished district level', cuTru, 'police', 'city', false],
  ['ID card at provincial police', canCuoc, 'police', 'province', true],
  ['ID card also received by the province', canCuoc, 'province', null, true],
  ['ID card not at commune police', canCuoc, 'police', 'commune', false],
  ['civil-status copies at a provincial department (Sở Tư pháp)', banSao, 'department', 'province', true],
  ['not at a department of a former district', banSao, 'department', 'city', false],
];

for (const [name, proc, kind, parentKind, expected] of cases) {
  test(`carries out: ${name}`, () => {
    assert.equal(carriesOut(proc, { kind, parentKind }), expected);
  });
}
