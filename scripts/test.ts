/**
 * `npm test`: runs every test file with node's test runner against one PostgreSQL cluster.
 *
 * - TEST_DATABASE_URL set (e.g. CI's Debian PostgreSQL 15): that server is used.
 * - otherwise an embedded PostgreSQL 18 is started in a temporary folder for this run.
 *
 * Migrations run once into a template database; each test file clones it (CREATE DATABASE
 * … TEMPLATE), so files run in parallel on fresh data. Everything is dropped at the end.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';

function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') findTests(full, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function main(): Promise<number> {
  const root = path.resolve(import.meta.dirname, '..');
  const args = process.argv.slice(2);
  const files = args.length > 0 ? args : [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))].sort();
  if (files.length === 0) throw new Error('no test files found');

  let stopEmbedded: (() => Promise<void>) | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let label = 'TEST_DATABASE_URL';
  if (!adminUrl) {
    const dir = path.join(root, '.tmp', `test-pg-${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const embedded = await openEmbeddedDatabase(dir, 'server');
    adminUrl = embedded.url;
    label = 'embedded PostgreSQL';
    stopEmbedded = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
  const template = `gd_tpl_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' TEMPLATE template0`);
  const tplPool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
  await migrate(tplPool);
  await tplPool.end();
  process.stdout.write(`# database: ${label}, PostgreSQL ${version}; ${files.length} test files\n`);

  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? '2'}`, ...files], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test', GD_TEST_ADMIN_URL: withDatabase(adminUrl as string, 'postgres'), GD_TEST_TEMPLATE: template },
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });

  // Drop the per-file databases the run left behind (a crashed file may not drop its own).
  const leftovers = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'gd\\_t\\_%' OR datname = $1", [template]);
  for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
  await admin.end();
  await stopEmbedded?.();
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`test run failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
