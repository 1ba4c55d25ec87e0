import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeNameOf } from './place-name.ts';

test('place of the date line: the nearest territorial unit, kind word dropped unless the name is a number', () => {
  const city = { name: 'Thành phố Cao Lãnh', kind: 'city' };
  assert.equal(placeNameOf({ name: 'Phường Mỹ Phú', kind: 'ward' }, [city]), 'Mỹ Phú');
  assert.equal(placeNameOf({ name: 'Phường 1', kind: 'ward' }, [city]), 'Phường 1');
  assert.equal(placeNameOf({ name: 'Công an phường', kind: 'police' }, [{ name: 'Tỉnh Đồng Tháp', kind: 'province' }, city]), 'Cao Lãnh');
});

test('a number-named commune keeps its kind word, and UBND is dropped', () => {
  assert.equal(placeNameOf({ name: 'UBND Xã Tân Hòa', kind: 'commune' }, []), 'Tân Hòa');
  assert.equal(placeNameOf({ name: 'Ủy ban nhân dân phường 3', kind: 'ward' }, []), 'phường 3');
});
