/**
 * Test support: a fresh database per test file (cloned from the migrated template made by
 * scripts/test.ts), the real app in-process, factories that make their own parents, and
 * signed-in sessions with their CSRF token.
 */
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { composeSystem, type System } from '../src/compose.ts';
import { createUser, type Role } from '../src/modules/staff/index.ts';
import { createUnit, type UnitRow } from '../src/modules/units/index.ts';
import { systemActor } from '../src/platform/audit/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { inTransaction } from '../src/platform/db/query.ts';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-1';

function adminUrl(): string {
  const url = process.env.GD_TEST_ADMIN_URL;
  if (!url) throw new Error('run tests with `npm test` (it starts PostgreSQL and sets GD_TEST_ADMIN_URL)');
  return url;
}

/** Creates a database cloned from the migrated template; returns its URL and how to drop it. */
async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gd_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.GD_TEST_TEMPLATE}`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Creates a database cloned from the migrated template; it is dropped when the file's tests end. */
export async function freshDatabase(): Promise<string> {
  const db = await createDatabase();
  after(db.drop);
  return db.url;
}

/**
 * The real system on a fresh database, closed when the file's tests end — and only then its database dropped: a
 * database dropped first (after-hooks run in the order they were registered) would cut the connections of a job
 * worker still stopping.
 */
export async function startSystem(env: Record<string, string> = {}, opts: { jobs?: boolean; databaseUrl?: string } = {}): Promise<System> {
  const own = opts.databaseUrl ? null : await createDatabase();
  const url = opts.databaseUrl ?? (own as { url: string }).url;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', ...env });
  let system: System;
  try {
    system = await composeSystem(config, url, { jobs: opts.jobs ?? false, poolSize: 5 });
  } catch (err) {
    await own?.drop();
    throw err;
  }
  after(async () => {
    await system.close();
    await own?.drop();
  });
  return system;
}

let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Makes a unit (and, unless given, a province above it). */
export async function makeUnit(sys: System, opts: { parent?: UnitRow | null; kind?: string; name?: string; code?: string } = {}): Promise<UnitRow> {
  return inTransaction(sys.platform.db, (tx) =>
    createUnit(
      tx,
      systemActor('test'),
      {
        code: opts.code ?? `u-${uniq()}`,
        name: opts.name ?? `Đơn vị thử ${uniq()}`,
        kind: (opts.kind ?? (opts.parent ? 'commune' : 'province')) as 'province',
        adminCode: null,
      },
      opts.parent ?? null,
    ),
  );
}

/** Makes a staff account holding `role` at `unit`. */
export async function makeUser(sys: System, role: Role, unit: UnitRow, opts: { subtree?: boolean; username?: string } = {}) {
  const username = opts.username ?? `nv.${uniq()}`;
  return inTransaction(sys.platform.db, (tx) =>
    createUser(
      tx,
      systemActor('test'),
      { username, password: TEST_PASSWORD, fullName: `Cán bộ ${username}`, grants: [{ role, unit: unit.code, subtree: opts.subtree ?? false }] },
      [unit],
    ),
  );
}

export interface Session {
  cookie: string;
  csrf: string;
  /** In-process request carrying the session cookie (and the CSRF token on unsafe methods). */
  request(opts: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<import('light-my-request').Response>;
}

function cookieFrom(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const sid = list.find((c) => c.startsWith('gd_sid='));
  if (!sid) throw new Error('no session cookie');
  return sid.split(';')[0] as string;
}

/** Extracts the CSRF token of the first form on a page. */
export function csrfFrom(body: string): string {
  const m = body.match(/name="_csrf" value="([^"]+)"/);
  if (!m?.[1]) throw new Error('no CSRF token on page');
  return m[1];
}

/** Signs in through the real sign-in form and returns a session. */
export async function signIn(sys: System, username: string, password = TEST_PASSWORD): Promise<Session> {
  const form = await sys.app.inject({ method: 'GET', url: '/dang-nhap' });
  let cookie = cookieFrom(form.headers['set-cookie']);
  const res = await sys.app.inject({
    method: 'POST',
    url: '/dang-nhap',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(form.body), username, password }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`sign-in failed for ${username}: ${res.statusCode}`);
  cookie = cookieFrom(res.headers['set-cookie']);
  const page = await sys.app.inject({ method: 'GET', url: '/quan-tri', headers: { cookie } });
  const csrf = csrfFrom(page.body);
  const refreshed = page.headers['set-cookie'];
  if (refreshed) cookie = cookieFrom(refreshed);
  return sessionOf(sys, cookie, csrf);
}

/** A session from its cookie and CSRF token: in-process requests carrying both (the token on unsafe methods). */
export function sessionOf(sys: System, cookie: string, csrf: string): Session {
  return {
    cookie,
    csrf,
    request: (o) => {
      const unsafe = o.method && !['GET', 'HEAD'].includes(o.method);
      const isForm = typeof o.payload === 'string';
      return sys.app.inject({
        method: (o.method ?? 'GET') as 'GET',
        url: o.url,
        payload: o.payload as string,
        headers: {
          cookie,
          ...(unsafe ? { 'x-csrf-token': csrf } : {}),
          ...(isForm ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...o.headers,
        },
      });
    },
  };
}

/** URL-encodes a form body. */
export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
