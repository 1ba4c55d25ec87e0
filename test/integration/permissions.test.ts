/**
 * The permission matrix: every route × every role × (own unit, child unit, unrelated unit).
 * The expectation table below is written independently of src/modules/staff/permissions.ts:
 * it is the specification the code must meet. A route registered without a case here fails
 * the coverage test, so new routes must join the matrix.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../src/modules/staff/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { citizenSession, startVneidStandIn } from './citizens-permission-cases.ts';
import { matrixCases as extraCases } from './permission-cases.ts';

export type Relation = 'own' | 'child' | 'unrelated';
/** How a route's access is decided. */
export type Scope =
  | 'public'
  | 'signed-in'
  | 'anywhere' // the permission held at any unit
  | 'unit' // the permission held on the target unit (own or, through a subtree grant, child)
  | 'global' // the permission held over a whole province or as system administrator
  | 'citizen'; // a citizen signed in through VNeID only: every staff role and API key is refused

export interface MatrixCase {
  method: string;
  route: string;
  permission: string;
  scope: Scope;
  /**
   * The route declares `permission` ('signed-in') and its handler asks for any one of these on the target unit (a
   * feedback list read by operators with feedback.receive and specialists with feedback.handle).
   */
  anyOf?: string[];
  /** Builds the request against a target unit; may create fixtures under it. */
  make(fx: Fixtures, target: UnitRow): Promise<{ url: string; payload?: unknown }>;
}

export interface Fixtures {
  sys: Awaited<ReturnType<typeof startSystem>>;
  n: () => number;
  makeUnit: typeof makeUnit;
  makeUser: typeof makeUser;
}

const spec: Record<Role, string[]> = {
  system_admin: ['*'],
  unit_leader: [
    'units.read',
    'users.read',
    'users.manage',
    'procedures.read',
    'calendar.read',
    'audit.read',
    'dossiers.read',
    'dossiers.process',
    'dossiers.approve',
    'dossiers.policies',
    'reports.read',
    'kiosks.manage',
    'guides.print',
    'questions.answer',
    'samples.manage',
    'feedback.receive',
    'feedback.handle',
    'feedback.manage',
    'dialogues.manage',
    'payments.collect',
    'payments.manage',
    'support-teams.manage',
    'support-teams.record',
    'letters.write',
    'letters.approve',
    'appointments.manage',
    'conduct.read',
    'surveys.manage',
    'reform.register',
    'reform.inspect',
    'reform-reports.write',
  ],
  home_affairs_officer: [
    'units.read',
    'units.manage',
    'users.read',
    'procedures.read',
    'procedures.manage',
    'calendar.read',
    'calendar.manage',
    'audit.read',
    'dossiers.read',
    'dossiers.policies',
    'reports.read',
    'guides.print',
    'index.inputs',
    'feedback.manage',
    'dialogues.manage',
    'payments.manage',
    'conduct.read',
    'conduct.manage',
    'surveys.manage',
    'reform.manage',
    'reform.register',
    'reform.inspect',
    'reform-reports.write',
  ],
  one_stop_clerk: [
    'units.read',
    'procedures.read',
    'calendar.read',
    'dossiers.read',
    'dossiers.receive',
    'kiosks.manage',
    'questions.answer',
    'guides.print',
    'samples.manage',
    'feedback.receive',
    'feedback.handle',
    'payments.collect',
    'support-teams.manage',
    'support-teams.record',
    'letters.write',
    'appointments.manage',
    'surveys.manage',
  ],
  specialist: ['units.read', 'procedures.read', 'calendar.read', 'dossiers.read', 'dossiers.process', 'questions.answer', 'feedback.handle', 'letters.write'],
  post_office_staff: ['units.read', 'procedures.read', 'postal.handle'],
  support_volunteer: ['procedures.read', 'support-teams.record'],
  hotline_operator: ['units.read', 'procedures.read', 'feedback.receive'],
};
const roleList = Object.keys(spec) as Role[];

function expectAllowed(role: Role, c: MatrixCase, relation: Relation): boolean {
  const has = spec[role].includes('*') || (c.anyOf ?? [c.permission]).some((p) => spec[role].includes(p));
  switch (c.scope) {
    case 'public':
    case 'signed-in':
      return true;
    case 'anywhere':
      return has;
    case 'unit':
      return has && (role === 'system_admin' || relation !== 'unrelated');
    case 'global':
      return role === 'system_admin';
    case 'citizen':
      return false;
  }
}

const coreCases: MatrixCase[] = [
  { method: 'GET', route: '/api/v1/me', permission: 'signed-in', scope: 'signed-in', make: async () => ({ url: '/api/v1/me' }) },
  { method: 'GET', route: '/quan-tri', permission: 'signed-in', scope: 'signed-in', make: async () => ({ url: '/quan-tri' }) },
  { method: 'GET', route: '/api/v1/units', permission: 'units.read', scope: 'anywhere', make: async () => ({ url: '/api/v1/units' }) },
  { method: 'GET', route: '/api/v1/units/:code', permission: 'units.read', scope: 'anywhere', make: async (_f, t) => ({ url: `/api/v1/units/${t.code}` }) },
  {
    method: 'POST',
    route: '/api/v1/units',
    permission: 'units.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: '/api/v1/units', payload: { code: `m-${f.n()}`, name: 'Xã Mới', kind: 'commune', parent: t.code } }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/units/:code',
    permission: 'units.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/units/${t.code}`, payload: { name: t.name, kind: t.kind } }),
  },
  {
    method: 'POST',
    route: '/api/v1/units/:code/merge',
    permission: 'units.manage',
    scope: 'unit',
    make: async (f, t) => {
      const a = await f.makeUnit(f.sys, { parent: t });
      const b = await f.makeUnit(f.sys, { parent: t });
      return { url: `/api/v1/units/${a.code}/merge`, payload: { into: b.code, date: '2025-07-01' } };
    },
  },
  { method: 'GET', route: '/api/v1/users', permission: 'users.read', scope: 'unit', make: async (_f, t) => ({ url: `/api/v1/users?unit=${t.code}` }) },
  {
    method: 'GET',
    route: '/api/v1/users/:username',
    permission: 'users.read',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/users/${(await f.makeUser(f.sys, 'specialist', t)).username}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/users',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => ({
      url: '/api/v1/users',
      payload: { username: `moi.${f.n()}`, password: 'mat-khau-rat-dai', fullName: 'Cán bộ Mới', grants: [{ role: 'specialist', unit: t.code }] },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:username',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/users/${(await f.makeUser(f.sys, 'specialist', t)).username}`, payload: { fullName: 'Tên Mới' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/users/:username/grants',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => ({
      url: `/api/v1/users/${(await f.makeUser(f.sys, 'specialist', t)).username}/grants`,
      payload: { role: 'one_stop_clerk', unit: t.code },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/:username/grants/:grantId',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => {
      const u = await f.makeUser(f.sys, 'specialist', t);
      const g = await f.sys.platform.pool.query<{ id: number }>('SELECT id FROM role_grants WHERE user_id = $1', [u.id]);
      return { url: `/api/v1/users/${u.username}/grants/${g.rows[0]?.id}` };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/api-keys',
    permission: 'api-keys.manage',
    scope: 'global',
    make: async () => ({ url: '/api/v1/api-keys', payload: { name: 'Tích hợp', scopes: ['open311'] } }),
  },
  { method: 'GET', route: '/api/v1/audit', permission: 'audit.read', scope: 'unit', make: async (_f, t) => ({ url: `/api/v1/audit?unit=${t.code}` }) },
  // Staff pages
  { method: 'GET', route: '/quan-tri/don-vi', permission: 'units.read', scope: 'anywhere', make: async () => ({ url: '/quan-tri/don-vi?q=xa' }) },
  {
    method: 'GET',
    route: '/quan-tri/don-vi/moi',
    permission: 'units.manage',
    scope: 'anywhere',
    make: async (_f, t) => ({ url: `/quan-tri/don-vi/moi?parent=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/don-vi/:code',
    permission: 'units.read',
    scope: 'anywhere',
    make: async (_f, t) => ({ url: `/quan-tri/don-vi/${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/don-vi',
    permission: 'units.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/don-vi', payload: form({ code: `p-${f.n()}`, name: 'Phường Mới', kind: 'ward', parent: t.code }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/don-vi/:code',
    permission: 'units.manage',
    scope: 'unit',
    make: async (f, t) => {
      const a = await f.makeUnit(f.sys, { parent: t });
      return { url: `/quan-tri/don-vi/${a.code}`, payload: form({ name: 'Tên Sửa', kind: 'ward', parent: t.code }) };
    },
  },
  {
    method: 'POST',
    route: '/quan-tri/don-vi/:code/sap-nhap',
    permission: 'units.manage',
    scope: 'unit',
    make: async (f, t) => {
      const a = await f.makeUnit(f.sys, { parent: t });
      const b = await f.makeUnit(f.sys, { parent: t });
      return { url: `/quan-tri/don-vi/${a.code}/sap-nhap`, payload: form({ into: b.code, date: '2025-07-01' }) };
    },
  },
  {
    method: 'GET',
    route: '/quan-tri/nguoi-dung',
    permission: 'users.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/nguoi-dung?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/nguoi-dung/moi',
    permission: 'users.manage',
    scope: 'anywhere',
    make: async (_f, t) => ({ url: `/quan-tri/nguoi-dung/moi?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/nguoi-dung',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => ({
      url: '/quan-tri/nguoi-dung',
      payload: form({ username: `trang.${f.n()}`, password: 'mat-khau-rat-dai', fullName: 'Cán bộ Trang', role: 'specialist', unit: t.code }),
    }),
  },
  {
    method: 'GET',
    route: '/quan-tri/nguoi-dung/:username',
    permission: 'users.read',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/nguoi-dung/${(await f.makeUser(f.sys, 'specialist', t)).username}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/nguoi-dung/:username',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => ({
      url: `/quan-tri/nguoi-dung/${(await f.makeUser(f.sys, 'specialist', t)).username}`,
      payload: form({ fullName: 'Tên Sửa', active: 'true' }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/nguoi-dung/:username/vai-tro',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => ({
      url: `/quan-tri/nguoi-dung/${(await f.makeUser(f.sys, 'specialist', t)).username}/vai-tro`,
      payload: form({ role: 'one_stop_clerk', unit: t.code }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/nguoi-dung/:username/vai-tro/:grantId/xoa',
    permission: 'users.manage',
    scope: 'unit',
    make: async (f, t) => {
      const u = await f.makeUser(f.sys, 'specialist', t);
      const g = await f.sys.platform.pool.query<{ id: number }>('SELECT id FROM role_grants WHERE user_id = $1', [u.id]);
      return { url: `/quan-tri/nguoi-dung/${u.username}/vai-tro/${g.rows[0]?.id}/xoa`, payload: form({}) };
    },
  },
  { method: 'GET', route: '/quan-tri/nhat-ky', permission: 'audit.read', scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/nhat-ky?unit=${t.code}` }) },
];

const cases = [...coreCases, ...extraCases];

// Set up at the top level (not in a hook) so the system lives until the file's tests end.
// A local VNeID stand-in, so that a citizen can sign in and be refused everywhere staff go.
const vneid = await startVneidStandIn();
const sys = await startSystem(vneid.env);
let i = 0;
const fx: Fixtures = { sys, n: () => i++, makeUnit, makeUser };
const province = await makeUnit(sys, { name: 'Tỉnh A' });
const own = await makeUnit(sys, { parent: province, kind: 'city', name: 'Thành phố A' });
const child = await makeUnit(sys, { parent: own, kind: 'ward', name: 'Phường A1' });
const otherProvince = await makeUnit(sys, { name: 'Tỉnh B' });
const unrelated = await makeUnit(sys, { parent: otherProvince, kind: 'commune', name: 'Xã B1' });
const sessions = new Map<Role, Session>();
for (const role of roleList) {
  const user = await makeUser(sys, role, own, { subtree: true });
  sessions.set(role, await signIn(sys, user.username));
}

test('every registered route has a case in the permission matrix', () => {
  const covered = new Set(cases.map((c) => `${c.method} ${c.route}`));
  const publicRoutes = fx.sys.app.routeTable.filter((r) => r.permission === 'public');
  const missing = fx.sys.app.routeTable.filter((r) => r.permission !== 'public' && !covered.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`);
  assert.deepEqual(missing, [], 'routes without a permission-matrix case');
  for (const c of cases) {
    const registered = fx.sys.app.routeTable.find((r) => r.method === c.method && r.url === c.route);
    assert.ok(registered, `matrix case for an unregistered route ${c.method} ${c.route}`);
    assert.equal(registered.permission, c.permission, `${c.method} ${c.route} declares ${registered.permission}`);
  }
  assert.ok(publicRoutes.some((r) => r.url === '/healthz'));
});

test('anonymous callers get 401 (API) or are sent to sign-in (pages) on every non-public route', async () => {
  for (const c of cases) {
    const { url, payload } = await c.make(fx, own);
    const res = await fx.sys.app.inject({
      method: c.method as 'GET',
      url,
      payload: typeof payload === 'string' ? payload : (payload as object),
      headers: typeof payload === 'string' ? { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } : { accept: 'text/html' },
    });
    if (url.startsWith('/api/')) assert.equal(res.statusCode, 401, `${c.method} ${url}`);
    else if (c.method === 'GET') assert.equal(res.statusCode, 303, `${c.method} ${url}`);
    else assert.ok(res.statusCode === 401 || res.statusCode === 403, `${c.method} ${url}: ${res.statusCode}`);
  }
});

for (const role of roleList) {
  test(`role ${role}: allowed and refused exactly as the matrix says, on own, child and unrelated units`, async () => {
    const s = sessions.get(role)!;
    const targets: Record<Relation, UnitRow> = { own, child, unrelated };
    const wrong: string[] = [];
    for (const c of cases) {
      for (const relation of ['own', 'child', 'unrelated'] as Relation[]) {
        const { url, payload } = await c.make(fx, targets[relation]);
        const res = await s.request({ method: c.method, url, payload, headers: url.startsWith('/api/') ? {} : { accept: 'text/html' } });
        const allowed = expectAllowed(role, c, relation);
        const refused = res.statusCode === 403 || res.statusCode === 401;
        if (allowed === refused || res.statusCode >= 500)
          wrong.push(`${c.method} ${url} (${relation}): expected ${allowed ? 'allowed' : '403'}, got ${res.statusCode}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
}

test('a grant without subtree covers its unit but not the units below it', async () => {
  const leader = await makeUser(fx.sys, 'unit_leader', own, { subtree: false });
  const s = await signIn(fx.sys, leader.username);
  assert.equal((await s.request({ url: `/api/v1/users?unit=${own.code}` })).statusCode, 200);
  assert.equal((await s.request({ url: `/api/v1/users?unit=${child.code}` })).statusCode, 403);
});

test('a citizen signed in through VNeID is refused on every staff route and reaches the citizen routes', async () => {
  const citizen = await citizenSession(fx.sys);
  const wrong: string[] = [];
  for (const c of cases) {
    const { url, payload } = await c.make(fx, own);
    const res = await citizen.request({ method: c.method, url, payload, headers: url.startsWith('/api/') ? {} : { accept: 'text/html' } });
    const refused = res.statusCode === 403 || res.statusCode === 401;
    if ((c.scope === 'citizen') === refused || res.statusCode >= 500) wrong.push(`${c.method} ${url}: ${res.statusCode}`);
  }
  assert.deepEqual(wrong, []);
});
