import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acrAccepted, addressFrom, birthdateFrom, citizenFromClaims, idNumberFrom, sexFrom, sexFromIdNumber } from './claims.ts';

test('claims map to the identity fields we keep', () => {
  const nfd = 'Trần Thị Ánh Tuyết'.normalize('NFD');
  const cases: { name: string; claims: Record<string, unknown>; expect: ReturnType<typeof citizenFromClaims> }[] = [
    {
      name: 'all standard claims, NFD name normalised to NFC',
      claims: {
        sub: 's',
        name: `  ${nfd} `,
        birthdate: '1990-04-15',
        gender: 'female',
        address: { formatted: 'Số 12 đường Lê Lợi, Phường 1' },
        phone_number: '0912 345 678',
        email: 'a@b.vn',
        citizen_id: '087190001234',
      },
      expect: {
        ok: true,
        citizen: {
          idNumber: '087190001234',
          fullName: 'Trần Thị Ánh Tuyết',
          dateOfBirth: '1990-04-15',
          sex: 'Nữ',
          address: 'Số 12 đường Lê Lợi, Phường 1',
          phone: '0912 345 678',
          email: 'a@b.vn',
        },
      },
    },
    {
      name: 'name from its parts in Vietnamese order; optional claims absent',
      claims: { family_name: 'Nguyễn', middle_name: 'Văn', given_name: 'Hùng', citizen_id: '087 085 004 321' },
      expect: {
        ok: true,
        citizen: { idNumber: '087085004321', fullName: 'Nguyễn Văn Hùng', dateOfBirth: null, sex: null, address: null, phone: null, email: null },
      },
    },
    { name: 'no name', claims: { citizen_id: '087190001234' }, expect: { ok: false, problem: 'no_name' } },
    { name: 'no ID number', claims: { name: 'Lê A' }, expect: { ok: false, problem: 'no_id_number' } },
    {
      name: 'a 9-digit old number is not the personal ID number',
      claims: { name: 'Lê A', citizen_id: '123456789' },
      expect: { ok: false, problem: 'no_id_number' },
    },
  ];
  for (const c of cases) assert.deepEqual(citizenFromClaims(c.claims, 'citizen_id'), c.expect, c.name);
});

test('the ID-number claim name is a setting', () => {
  const r = citizenFromClaims({ name: 'Lê A', so_dinh_danh: '001203456789', citizen_id: '999999999999' }, 'so_dinh_danh');
  assert.ok(r.ok && r.citizen.idNumber === '001203456789');
});

test('birthdate, gender, address and ID number parsing', () => {
  const birthdates: [unknown, string | null][] = [
    ['1990-04-15', '1990-04-15'],
    ['2000-02-29', '2000-02-29'],
    ['1999-02-29', null],
    ['0000-04-15', null], // year withheld (OIDC Core §5.1)
    ['1990', null],
    ['15/04/1990', null],
    [19900415, null],
  ];
  for (const [v, want] of birthdates) assert.equal(birthdateFrom(v), want, String(v));
  const sexes: [unknown, string | null][] = [
    ['male', 'Nam'],
    ['female', 'Nữ'],
    ['Female', 'Nữ'],
    ['Nữ'.normalize('NFD'), 'Nữ'],
    ['nam', 'Nam'],
    ['other', null],
    [undefined, null],
  ];
  for (const [v, want] of sexes) assert.equal(sexFrom(v), want, String(v));
  const addresses: [unknown, string | null][] = [
    [{ formatted: 'Ấp 3, xã Mỹ Tân' }, 'Ấp 3, xã Mỹ Tân'],
    [{ street_address: 'Số 5 Nguyễn Huệ', locality: 'Phường 1', region: 'Đồng Tháp' }, 'Số 5 Nguyễn Huệ, Phường 1, Đồng Tháp'],
    ['Ấp 1', 'Ấp 1'],
    [{}, null],
    [42, null],
  ];
  for (const [v, want] of addresses) assert.equal(addressFrom(v), want, JSON.stringify(v));
  const ids: [unknown, string | null][] = [
    ['087190001234', '087190001234'],
    ['087.190.001.234', '087190001234'],
    [87190001234, '087190001234'],
    ['08719000123', null],
    ['0871900012345', null],
    ['08719000123A', null],
  ];
  for (const [v, want] of ids) assert.equal(idNumberFrom(v), want, String(v));
});

test('account level: acr checked only when required values are configured', () => {
  assert.equal(acrAccepted(undefined, []), true);
  assert.equal(acrAccepted('muc-do-2', ['muc-do-2']), true);
  assert.equal(acrAccepted('muc-do-1', ['muc-do-2']), false);
  assert.equal(acrAccepted(undefined, ['muc-do-2']), false);
  assert.equal(acrAccepted('b', ['a', 'b']), true);
});

test('sex from the ID number’s sex-and-century digit', () => {
  assert.equal(sexFromIdNumber('087090001234'), 'Nam'); // 0: man born 1900s
  assert.equal(sexFromIdNumber('087190001234'), 'Nữ'); // 1: woman born 1900s
  assert.equal(sexFromIdNumber('087205001234'), 'Nam'); // 2: man born 2000s
  assert.equal(sexFromIdNumber('087305001234'), 'Nữ'); // 3: woman born 2000s
  assert.equal(sexFromIdNumber('12345'), null);
});
