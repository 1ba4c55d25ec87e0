import assert from 'node:assert/strict';
import { test } from 'node:test';
import { birthRegistrationV1 } from '../templates/birth-registration.ts';
import { maritalStatusV1 } from '../templates/marital-status.ts';
import { applicantFromCard, checkSetIntake, preselectedProcedure, proceduresOfTemplates } from './intake.ts';
import type { CardIdentity } from './template.ts';

const card: CardIdentity = {
  idNumber: '001099012345',
  oldIdNumber: null,
  fullName: 'Nguyễn Thị Ánh Tuyết'.normalize('NFD'),
  dateOfBirth: '1990-03-15',
  sex: 'Nữ',
  address: ' Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp ',
  issueDate: '2021-07-01',
};

test('the procedures a set serves: each once, in the order of its forms', () => {
  assert.deepEqual(
    proceduresOfTemplates([birthRegistrationV1, maritalStatusV1, birthRegistrationV1]).map((p) => p.code),
    ['1.001193', '3.000722', '1.004873'],
  );
  assert.deepEqual(proceduresOfTemplates([]), []);
});

test('the preselected procedure', () => {
  const offered = ['1.001193', '3.000722'];
  for (const [wanted, setProcedure, want] of [
    ['3.000722', '1.001193', '3.000722'], // the clerk's choice wins
    [undefined, '3.000722', '3.000722'], // else the set's procedure
    ['1.000894', null, '1.001193'], // a choice not offered: the first offered
    [null, '9.999999', '1.001193'],
  ] as const) {
    assert.equal(preselectedProcedure(offered, wanted, setProcedure), want, `${wanted} / ${setProcedure}`);
  }
  assert.equal(preselectedProcedure([], '1.001193', '1.001193'), null);
});

test('the applicant is the card, in NFC, with the typed phone', () => {
  assert.deepEqual(applicantFromCard(card, '0912 345 678'), {
    name: 'Nguyễn Thị Ánh Tuyết',
    idNumber: '001099012345',
    address: 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp',
    phone: '0912 345 678',
  });
  assert.equal(applicantFromCard(card, undefined)?.phone, undefined);
  assert.equal(applicantFromCard(undefined, '0912 345 678'), null);
});

test('intake checks name the procedure the forms do not serve and a missing card', () => {
  assert.deepEqual(checkSetIntake([birthRegistrationV1], '1.001193', true), []);
  assert.deepEqual(checkSetIntake([birthRegistrationV1], '3.000722', true), []);
  assert.deepEqual(
    checkSetIntake([birthRegistrationV1], '1.000894', false).map((e) => e.field),
    ['procedure', 'applicant'],
  );
});
