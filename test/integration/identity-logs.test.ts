/**
 * Nothing from an ID card reaches the logs: a real app process logging at `trace` reads good and bad scans, and its
 * whole output is searched for the card's number, name, address and dates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CARDS, sample } from '../../src/modules/identity/rules/samples.ts';
import { freshDatabase } from '../helpers.ts';
import { freePort, startApp, waitReady } from '../processes.ts';

test('scans, refusals and malformed bodies leave no card data in the log', async () => {
  const port = await freePort();
  const app = startApp({ DATABASE_URL: await freshDatabase(), PORT: String(port), LOG_LEVEL: 'trace' });
  let output = '';
  app.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  app.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  await waitReady(port);
  const url = `http://127.0.0.1:${port}/api/v1/identity/cccd`;
  const send = (body: string, type = 'application/json') => fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  const card = CARDS.tuyet;
  assert.equal((await send(JSON.stringify({ qr: sample(card) }))).status, 200);
  assert.equal((await send(JSON.stringify({ qr: sample(card, { dateOfBirth: '31021990' }) }))).status, 422);
  assert.equal((await send(JSON.stringify({ qr: sample(card).replaceAll('|', '¦') }))).status, 422);
  assert.equal((await send(JSON.stringify({ qr: sample(card), other: sample(card) }))).status, 400);
  assert.equal((await send(`{"qr": "${sample(card)}`)).status, 400);
  assert.equal((await send(sample(card), 'text/plain')).status, 415);
  await new Promise((r) => setTimeout(r, 300));
  assert.match(output, /\/api\/v1\/identity\/cccd/, 'requests are logged (by path)');
  for (const secret of [card.idNumber, card.fullName, 'Ánh Tuyết', 'Cao Lãnh', card.dateOfBirth, card.issueDate, '31021990']) {
    assert.ok(!output.includes(secret), `the log holds “${secret}”`);
  }
  app.kill('SIGTERM');
});
