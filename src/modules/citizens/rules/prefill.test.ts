import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTemplate } from '../../forms/index.ts';
import type { IdentityFields } from '../../identity/index.ts';
import { prefilledKeys, prefillValues } from './prefill.ts';

const tuyet: IdentityFields = {
  idNumber: '087190001234',
  oldIdNumber: null,
  fullName: 'Trần Thị Ánh Tuyết'.normalize('NFD'),
  dateOfBirth: '1990-04-15',
  sex: 'Nữ',
  address: 'Số 12 đường Lê Lợi, Phường 1, Thành phố Cao Lãnh, Đồng Tháp',
  issueDate: '',
};
const template = (key: string) => findTemplate(key, 1) ?? assert.fail(`no template ${key}`);

test('a VNeID identity pre-fills the boxes each form maps to the ID card', () => {
  const cases: { name: string; key: string; identity: IdentityFields; expect: Record<string, string> }[] = [
    {
      name: 'birth registration: the requester, name in NFC, ID number without a guessed issuer',
      key: 'birth-registration',
      identity: tuyet,
      expect: {
        'requester.fullName': 'Trần Thị Ánh Tuyết',
        'requester.dateOfBirth': '1990-04-15',
        'requester.residence': tuyet.address,
        'requester.idDocument': 'Số định danh cá nhân 087190001234',
        'signing.date': '2026-03-16',
      },
    },
    {
      name: 'marital status: requester and the person certified, sex included',
      key: 'marital-status',
      identity: tuyet,
      expect: {
        'requester.fullName': 'Trần Thị Ánh Tuyết',
        'requester.dateOfBirth': '1990-04-15',
        'requester.residence': tuyet.address,
        'requester.idDocument': 'Số định danh cá nhân 087190001234',
        'subject.fullName': 'Trần Thị Ánh Tuyết',
        'subject.dateOfBirth': '1990-04-15',
        'subject.sex': 'Nữ',
        'subject.residence': tuyet.address,
        'subject.idDocument': 'Số định danh cá nhân 087190001234',
        'signing.date': '2026-03-16',
      },
    },
    {
      name: 'marriage: a man fills the groom column only; no address or birth date from VNeID leaves those boxes empty',
      key: 'marriage-registration',
      identity: { ...tuyet, fullName: 'Nguyễn Văn Hùng', sex: 'Nam', idNumber: '087085004321', dateOfBirth: '', address: '' },
      expect: {
        'groom.fullName': 'Nguyễn Văn Hùng',
        'groom.idDocument': 'Số định danh cá nhân 087085004321',
        'signing.date': '2026-03-16',
      },
    },
    {
      name: 'a date of issue (a scanned card) keeps the desk’s line with the issuer',
      key: 'certification-request',
      identity: { ...tuyet, issueDate: '2021-11-20' },
      expect: {
        'requester.fullName': 'Trần Thị Ánh Tuyết',
        'requester.residence': tuyet.address,
        'requester.idDocument': 'Căn cước công dân số 087190001234 do Cục Cảnh sát QLHC về TTXH cấp ngày 20/11/2021',
        'signing.date': '2026-03-16',
      },
    },
  ];
  for (const c of cases) assert.deepEqual(prefillValues(template(c.key), c.identity, '2026-03-16'), c.expect, c.name);
});

test('the boxes marked as filled from VNeID are exactly the non-empty identity boxes', () => {
  const keys = prefilledKeys(template('marriage-registration'), { ...tuyet, address: '' });
  assert.deepEqual([...keys].sort(), ['bride.dateOfBirth', 'bride.fullName', 'bride.idDocument']);
});
