/**
 * Real processes: `npm start`'s entry point on the embedded PostgreSQL (start, CLI while
 * running, kill -9 and recovery without data loss, graceful stop) and two app processes on
 * one database behind no shared memory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { csrfFrom, freshDatabase } from '../helpers.ts';
import { freePort, root, startApp, waitReady } from '../processes.ts';

function cli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

/** A live process (a zombie awaiting its reaper counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

test('embedded PostgreSQL: start, CLI while running, survive kill -9 of the app, restart with data kept, stop cleanly', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-data-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, DEMO: '1' };
  const port = await freePort();
  const first = startApp({ ...env, PORT: String(port) });
  await waitReady(port, 90_000);

  const made = cli(env, 'api-key:create', '--scope', 'units.read', '--name', 'test');
  assert.equal(made.code, 0, made.stderr);
  const key = made.lines.at(-1) as string;
  assert.match(key, /^gd_/);
  const units = await fetch(`http://127.0.0.1:${port}/api/v1/units?q=cao lanh`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(units.status, 200);
  assert.ok(((await units.json()) as { items: unknown[] }).items.length > 0, 'demo units are loaded');

  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const orphan = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  assert.ok(alive(orphan), 'the embedded server outlives a SIGKILLed parent');

  const port2 = await freePort();
  const second = startApp({ ...env, PORT: String(port2) });
  await waitReady(port2, 90_000);
  assert.ok(!alive(orphan), 'the orphaned server was stopped');
  const again = await fetch(`http://127.0.0.1:${port2}/api/v1/units`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(again.status, 200, 'the key made before the crash still works: no data lost');

  second.kill('SIGTERM');
  const code = await new Promise((r) => second.once('exit', r));
  assert.equal(code, 0);
  assert.ok(!fs.existsSync(pidFile), 'PostgreSQL was shut down with the app');

  const offline = cli(
    env,
    'user:create',
    '--username',
    'can.bo.moi',
    '--name',
    'Cán Bộ Mới',
    '--password',
    'mat-khau-rat-dai',
    '--role',
    'specialist',
    '--unit',
    'cao-lanh-phuong-1',
  );
  assert.equal(offline.code, 0, offline.stderr);
  assert.ok(!fs.existsSync(pidFile), 'the CLI stops the server it started');
  const bad = cli(env, 'user:create', '--username', 'x', '--role', 'khong-co');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown role|missing/);
});

test('two app processes on one database share sessions, CSRF secrets and data', async () => {
  const url = await freshDatabase();
  const [pa, pb] = [await freePort(), await freePort()];
  const env = { DATABASE_URL: url, DEMO: '1' };
  startApp({ ...env, PORT: String(pa) });
  startApp({ ...env, PORT: String(pb) });
  await Promise.all([waitReady(pa, 90_000), waitReady(pb, 90_000)]);
  const a = `http://127.0.0.1:${pa}`;
  const b = `http://127.0.0.1:${pb}`;

  // Sign in on A through the form, then act on B with the same cookie and token.
  const form = await fetch(`${a}/dang-nhap`);
  let cookie = (form.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const signed = await fetch(`${a}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await form.text()), username: 'admin', password: 'GanDan@2026' }),
  });
  assert.equal(signed.status, 303);
  cookie = (signed.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const page = await fetch(`${b}/quan-tri/don-vi`, { headers: { cookie } });
  assert.equal(page.status, 200);
  const csrf = csrfFrom(await page.text());
  const created = await fetch(`${a}/api/v1/units`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'xa-hai-tien-trinh', name: 'Xã Hai Tiến Trình', kind: 'commune', parent: 'cao-lanh' }),
  });
  assert.equal(created.status, 201);
  const seen = await fetch(`${b}/api/v1/units/xa-hai-tien-trinh`, { headers: { cookie } });
  assert.equal(seen.status, 200);
  const demoRows = await fetch(`${b}/api/v1/units?q=phuoc long`, { headers: { cookie } });
  const names = ((await demoRows.json()) as { items: { code: string }[] }).items.map((u) => u.code);
  assert.equal(names.filter((c) => c === 'phuoc-long').length, 1, 'demo data loaded once although both processes started together');
});
