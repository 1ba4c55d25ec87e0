import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { findReferences, referenceFrom } from './reference.ts';

test('reference: GD and 10 characters without look-alikes, matches the column check', () => {
  for (let i = 0; i < 200; i++) {
    const r = referenceFrom(randomBytes(10));
    assert.match(r, /^GD[A-HJKMNP-Z2-9]{10}$/);
    assert.match(r, /^[A-Z0-9]{6,25}$/);
  }
});

test('reference: found in bank descriptions as banks write them', () => {
  assert.deepEqual(findReferences('MBVCB.123456.GDABCDEFGHJK.CT tu 0123 NGUYEN VAN A'), ['GDABCDEFGHJK']);
  assert.deepEqual(findReferences('gdabcdefghjk chuyen tien'), ['GDABCDEFGHJK']);
  assert.deepEqual(findReferences('GDABCDEFGHJK GD23456789AB GDABCDEFGHJK'), ['GDABCDEFGHJK', 'GD23456789AB']);
  assert.deepEqual(findReferences('khong co ma'), []);
});
