/** Real app processes for tests: start `src/main.ts`, wait until ready, sign in over HTTP; all killed when the file ends. */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after } from 'node:test';
import { csrfFrom } from './helpers.ts';

export const root = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the app as `npm start` does; its last output is printed if it exits with an error. */
export function startApp(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`app process exited ${code}: ${output}\n`);
  });
  children.push(child);
  return child;
}

/** Waits until /readyz answers 200; returns how long it took. */
export async function waitReady(port: number, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`app on port ${port} not ready within ${timeoutMs} ms`);
}

/** Signs in through the form over HTTP; returns the session cookie and a CSRF token from `page`. */
export async function signInHttp(base: string, username: string, password: string, page = '/quan-tri'): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${base}/dang-nhap`);
  let cookie = (form.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const signed = await fetch(`${base}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await form.text()), username, password }),
  });
  if (signed.status !== 303) throw new Error(`sign-in as ${username} failed: ${signed.status}`);
  cookie = (signed.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const res = await fetch(`${base}${page}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
  return { cookie, csrf: csrfFrom(await res.text()) };
}
