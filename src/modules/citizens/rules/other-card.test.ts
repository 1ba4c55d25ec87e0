import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CardIdentity, findTemplate } from '../../forms/index.ts';
import type { IdentityFields } from '../../identity/index.ts';
import { fillFromOtherCard, otherPersonKeys, otherPersonSections } from './other-card.ts';

const tuyet: IdentityFields = {
  idNumber: '087190001234',
  oldIdNumber: null,
  fullName: 'Trần Thị Ánh Tuyết',
  dateOfBirth: '1990-04-15',
  sex: 'Nữ',
  address: 'Số 12 đường Lê Lợi, Phường 1, Thành phố Cao Lãnh, Đồng Tháp',
  issueDate: '',
};
const hung: IdentityFields = { ...tuyet, idNumber: '087085004321', fullName: 'Nguyễn Văn Hùng', sex: 'Nam', dateOfBirth: '1985-11-02' };
const binh: CardIdentity = {
  idNumber: '001088012345',
  oldIdNumber: null,
  fullName: 'Lê Văn Bình'.normalize('NFD'),
  dateOfBirth: '1988-02-02',
  sex: 'Nam',
  address: 'Số 5, Phường 2, Cao Lãnh, Đồng Tháp',
  issueDate: '2021-07-01',
};
const lan: CardIdentity = { ...binh, idNumber: '087192005678', fullName: 'Phạm Thị Lan', sex: 'Nữ', dateOfBirth: '1992-06-30', issueDate: '2024-09-10' };
const template = (key: string) => findTemplate(key, 1) ?? assert.fail(`no template ${key}`);

test('the other person’s boxes: the other spouse’s column in a marriage; no other person where the card maps only the requester', () => {
  const cases: { key: string; citizen: IdentityFields; keys: string[]; sections: string[] }[] = [
    {
      key: 'marriage-registration',
      citizen: tuyet,
      keys: ['groom.fullName', 'groom.dateOfBirth', 'groom.residence', 'groom.idDocument'],
      sections: ['Bên nam'],
    },
    { key: 'marriage-registration', citizen: hung, keys: ['bride.fullName', 'bride.dateOfBirth', 'bride.residence', 'bride.idDocument'], sections: ['Bên nữ'] },
    { key: 'birth-registration', citizen: tuyet, keys: [], sections: [] },
    { key: 'death-registration', citizen: hung, keys: [], sections: [] },
    { key: 'marital-status', citizen: tuyet, keys: [], sections: [] },
    { key: 'civil-status-extract-copy', citizen: tuyet, keys: [], sections: [] },
    { key: 'certification-request', citizen: tuyet, keys: [], sections: [] },
  ];
  for (const c of cases) {
    const keys = otherPersonKeys(template(c.key), c.citizen);
    assert.deepEqual([...keys], c.keys, `${c.key} for ${c.citizen.fullName}`);
    assert.deepEqual(otherPersonSections(template(c.key), keys), c.sections, c.key);
  }
});

test('a card fills only the other person’s boxes, in NFC, with the desk’s ID-document line', () => {
  const r = fillFromOtherCard(template('marriage-registration'), tuyet, binh);
  assert.ok(r.ok);
  assert.deepEqual(r.values, {
    'groom.fullName': 'Lê Văn Bình',
    'groom.dateOfBirth': '1988-02-02',
    'groom.residence': 'Số 5, Phường 2, Cao Lãnh, Đồng Tháp',
    'groom.idDocument': 'Căn cước công dân số 001088012345 do Cục Cảnh sát QLHC về TTXH cấp ngày 01/07/2021',
  });
  assert.equal(r.values['groom.fullName'], 'Lê Văn Bình'.normalize('NFC'));
  assert.deepEqual(r.sections, ['Bên nam']);

  const bride = fillFromOtherCard(template('marriage-registration'), hung, lan);
  assert.ok(bride.ok);
  assert.equal(bride.values['bride.fullName'], 'Phạm Thị Lan');
  assert.equal(bride.values['bride.idDocument'], 'Thẻ căn cước số 087192005678 do Bộ Công an cấp ngày 10/09/2024');
  assert.equal(
    Object.keys(bride.values).some((k) => k.startsWith('groom.')),
    false,
    'the man’s own column is untouched',
  );
});

test('a card that cannot fill the other person’s boxes is refused with a reason, nothing filled', () => {
  const cases: { name: string; citizen: IdentityFields; card: CardIdentity; message: RegExp }[] = [
    { name: 'a card of the citizen’s own sex', citizen: tuyet, card: lan, message: /giới tính Nữ\) không điền được ô nào trong phần «Bên nam»/ },
    { name: 'the citizen’s own card', citizen: tuyet, card: { ...lan, idNumber: tuyet.idNumber }, message: /thẻ căn cước của chính ông\/bà/ },
    { name: 'the man’s own card', citizen: hung, card: { ...binh, idNumber: hung.idNumber }, message: /thẻ căn cước của chính ông\/bà/ },
  ];
  for (const c of cases) {
    const r = fillFromOtherCard(template('marriage-registration'), c.citizen, c.card);
    assert.equal(r.ok, false, c.name);
    if (!r.ok) {
      assert.match(r.message.vi, c.message, c.name);
      assert.ok(r.message.en.length > 0, c.name);
    }
  }
  const birth = fillFromOtherCard(template('birth-registration'), tuyet, binh);
  assert.equal(birth.ok, false, 'a template with no other person fills nothing');
});
