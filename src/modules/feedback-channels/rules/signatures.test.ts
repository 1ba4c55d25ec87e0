import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { CHAT_MAX_AGE_MS, hubSignature, hubSignatureValid, isFresh, relaySignature, relaySignatureValid, zaloMac, zaloSignatureValid } from './signatures.ts';

test('X-Hub-Signature-256 is HMAC-SHA256 of the raw body, hex, prefixed sha256= (published test vector)', () => {
  // The vector GitHub publishes for the same X-Hub-Signature-256 scheme Meta uses.
  const body = Buffer.from('Hello, World!');
  const expected = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
  assert.equal(hubSignature("It's a Secret to Everybody", body), expected);
  assert.equal(hubSignatureValid(expected, "It's a Secret to Everybody", body), true);
  assert.equal(hubSignatureValid(expected.toUpperCase().replace('SHA256', 'sha256'), "It's a Secret to Everybody", body), true);
  for (const wrong of ['', expected.slice(7), `sha1=${expected.slice(7)}`, `${expected}00`, expected.replace('7', '8')]) {
    assert.equal(hubSignatureValid(wrong, "It's a Secret to Everybody", body), false, wrong);
  }
});

test('Zalo mac is sha256 of appId + body + timestamp + OA secret key, with or without the "mac=" prefix', () => {
  const body = Buffer.from('{"event_name":"user_send_text","timestamp":"1718000000000","message":{"text":"Xin chào"}}');
  const expected = createHash('sha256')
    .update(`123${body.toString('utf8')}1718000000000secret`, 'utf8')
    .digest('hex');
  assert.equal(zaloMac('123', body, '1718000000000', 'secret'), expected);
  assert.equal(zaloSignatureValid(`mac=${expected}`, '123', body, '1718000000000', 'secret'), true);
  assert.equal(zaloSignatureValid(expected, '123', body, '1718000000000', 'secret'), true);
  assert.equal(zaloSignatureValid(`mac=${expected}`, '124', body, '1718000000000', 'secret'), false);
  assert.equal(zaloSignatureValid(`mac=${expected}`, '123', body, '1718000000001', 'secret'), false);
  assert.equal(zaloSignatureValid('mac=', '123', body, '1718000000000', 'secret'), false);
});

test('the relay signature covers the timestamp and the body', () => {
  const body = Buffer.from('Subject: x\r\n\r\nbody');
  const sig = relaySignature('s'.repeat(32), '1790000000', body);
  assert.match(sig, /^sha256=[0-9a-f]{64}$/);
  assert.equal(relaySignatureValid(sig, 's'.repeat(32), '1790000000', body), true);
  assert.equal(relaySignatureValid(sig, 's'.repeat(32), '1790000001', body), false);
  assert.equal(relaySignatureValid(sig, 's'.repeat(32), '1790000000', Buffer.from('Subject: y\r\n\r\nbody')), false);
});

test('deliveries are fresh for 5 minutes back and 1 minute ahead', () => {
  const now = Date.UTC(2026, 10, 6, 2, 0, 0);
  const cases: [number, boolean][] = [
    [now, true],
    [now - 5 * 60_000, true],
    [now - 5 * 60_000 - 1, false],
    [now + 60_000, true],
    [now + 60_001, false],
    [Number.NaN, false],
  ];
  for (const [ts, fresh] of cases) assert.equal(isFresh(ts, now), fresh, String(ts - now));
});

test('chat events (Zalo, Facebook) are fresh for the 36 hours their platforms resend them', () => {
  const now = Date.UTC(2026, 10, 6, 2, 0, 0);
  assert.equal(isFresh(now - 12 * 3600_000, now, CHAT_MAX_AGE_MS), true);
  assert.equal(isFresh(now - 36 * 3600_000, now, CHAT_MAX_AGE_MS), true);
  assert.equal(isFresh(now - 36 * 3600_000 - 1, now, CHAT_MAX_AGE_MS), false);
  assert.equal(isFresh(now + 60_001, now, CHAT_MAX_AGE_MS), false);
});
