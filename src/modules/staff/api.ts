import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import { createApiKey } from './commands/create-api-key.ts';
import { createUser } from './commands/create-user.ts';
import { grantRole, revokeGrant } from './commands/grant-role.ts';
import { revokeApiKey } from './commands/revoke-api-key.ts';
import { updateUser } from './commands/update-user.ts';
import { presentUser } from './present.ts';
import { findApiKeyByIdOrPrefix, findGrant, findUserByUsername, grantsOf, listUsers, type UserRow } from './queries.ts';
import { authorizer, holdsGlobally } from './rules/authorize.ts';
import { mayGrantRole, mayManageUser, mayViewUser, visibleUserScopes } from './rules/manage.ts';
import { ApiKeyBody, CreateUserBody, GrantBody, UpdateUserBody, Username, UserOut } from './schema.ts';

const tags = ['Cán bộ (staff)'];
const UserParams = Type.Object({ username: Username });

async function mustUnit(db: Platform['db'], code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã "${code}"`, en: `No unit with code "${code}"` } });
  return unit;
}

async function mustUser(db: Platform['db'], username: string): Promise<UserRow> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}

/** JSON routes for staff accounts, role grants and API keys. */
export function registerStaffApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/me',
    { schema: { tags, summary: 'Tài khoản đang đăng nhập (the signed-in account)', response: { 200: UserOut } }, config: { permission: 'signed-in' } },
    async (req) => {
      const pr = req.principal;
      if (pr?.kind !== 'user') throw new AppError('FORBIDDEN');
      const user = await mustUser(p.db, pr.username);
      return presentUser(user, await grantsOf(p.db, user.id));
    },
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Danh sách cán bộ trong các đơn vị được xem (staff in the units you may see)',
        querystring: Type.Object({
          unit: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Omit(UserOut, ['grants'])), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }),
        },
      },
      config: { permission: 'users.read' },
    },
    async (req) => {
      const pr = req.principal!;
      const unit = req.query.unit ? await mustUnit(p.db, req.query.unit) : null;
      if (unit) req.requireOn('users.read', unit.path);
      const { page, pageSize } = req.query;
      const r = await listUsers(p.db, {
        visible: visibleUserScopes(pr),
        unitId: unit?.id,
        q: req.query.q,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: r.items.map((u) => presentUser(u, [])), total: r.total, page, pageSize };
    },
  );

  app.get(
    '/api/v1/users/:username',
    { schema: { tags, summary: 'Một cán bộ (one staff account)', params: UserParams, response: { 200: UserOut } }, config: { permission: 'users.read' } },
    async (req) => {
      const user = await mustUser(p.db, req.params.username);
      const grants = await grantsOf(p.db, user.id);
      if (!mayViewUser(req.principal!, grants)) throw new AppError('FORBIDDEN');
      // Reading a person's contact details is itself recorded (STANDARDS §7).
      await recordAudit(p.db, req.actor(), { action: 'user.read', entityType: 'user', entityId: user.username, unitId: grants[0]?.unit_id ?? null });
      return presentUser(user, grants);
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: { tags, summary: 'Tạo tài khoản cán bộ (create a staff account)', body: CreateUserBody, response: { 201: UserOut } },
      config: { permission: 'users.manage' },
    },
    async (req, reply) => {
      const user = await inTransaction(p.db, async (tx) => {
        const grants = req.body.grants ?? [];
        if (grants.length === 0 && !holdsGlobally(req.principal!, 'users.manage')) throw new AppError('FORBIDDEN');
        const units: UnitRow[] = [];
        for (const g of grants) {
          const unit = await mustUnit(tx, g.unit);
          req.requireOn('users.manage', unit.path);
          if (!mayGrantRole(authorizer, req.principal!, g.role, unit.path, g.subtree ?? false)) throw new AppError('FORBIDDEN');
          units.push(unit);
        }
        return createUser(tx, req.actor(), req.body, units);
      });
      return reply.status(201).send(presentUser(user, await grantsOf(p.db, user.id)));
    },
  );

  app.patch(
    '/api/v1/users/:username',
    {
      schema: { tags, summary: 'Sửa tài khoản cán bộ (edit a staff account)', params: UserParams, body: UpdateUserBody, response: { 200: UserOut } },
      config: { permission: 'users.manage' },
    },
    async (req) => {
      const user = await inTransaction(p.db, async (tx) => {
        const current = await mustUser(tx, req.params.username);
        const grants = await grantsOf(tx, current.id);
        if (!mayManageUser(authorizer, req.principal!, grants)) throw new AppError('FORBIDDEN');
        return updateUser(tx, req.actor(), current, req.body, grants[0]?.unit_id ?? null);
      });
      return presentUser(user, await grantsOf(p.db, user.id));
    },
  );

  app.post(
    '/api/v1/users/:username/grants',
    {
      schema: { tags, summary: 'Giao vai trò tại đơn vị (grant a role at a unit)', params: UserParams, body: GrantBody, response: { 201: UserOut } },
      config: { permission: 'users.manage' },
    },
    async (req, reply) => {
      const user = await inTransaction(p.db, async (tx) => {
        const current = await mustUser(tx, req.params.username);
        const unit = await mustUnit(tx, req.body.unit);
        req.requireOn('users.manage', unit.path);
        if (!mayGrantRole(authorizer, req.principal!, req.body.role, unit.path, req.body.subtree ?? false)) throw new AppError('FORBIDDEN');
        const targetGrants = await grantsOf(tx, current.id);
        if (targetGrants.length > 0 && !mayManageUser(authorizer, req.principal!, targetGrants)) throw new AppError('FORBIDDEN');
        await grantRole(tx, req.actor(), current, req.body.role, unit, req.body.subtree ?? false);
        return current;
      });
      return reply.status(201).send(presentUser(user, await grantsOf(p.db, user.id)));
    },
  );

  app.delete(
    '/api/v1/users/:username/grants/:grantId',
    {
      schema: {
        tags,
        summary: 'Thu hồi vai trò (revoke a role)',
        params: Type.Object({ username: Username, grantId: Type.Integer({ minimum: 1 }) }),
        response: { 200: UserOut },
      },
      config: { permission: 'users.manage' },
    },
    async (req) => {
      const user = await inTransaction(p.db, async (tx) => {
        const current = await mustUser(tx, req.params.username);
        const grant = await findGrant(tx, req.params.grantId);
        if (!grant || grant.user_id !== current.id) throw new AppError('NOT_FOUND');
        req.requireOn('users.manage', grant.unit_path);
        if (!mayGrantRole(authorizer, req.principal!, grant.role, grant.unit_path, grant.subtree)) throw new AppError('FORBIDDEN');
        await revokeGrant(tx, req.actor(), current, grant);
        return current;
      });
      return presentUser(user, await grantsOf(p.db, user.id));
    },
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Tạo khóa API cho hệ thống tích hợp (create an API key); the key is shown once',
        body: ApiKeyBody,
        response: { 201: Type.Object({ id: Type.Integer(), key: Type.String(), prefix: Type.String(), scopes: Type.Array(Type.String()) }) },
      },
      config: { permission: 'api-keys.manage' },
    },
    async (req, reply) => {
      const out = await inTransaction(p.db, async (tx) => {
        const unit = req.body.unit ? await mustUnit(tx, req.body.unit) : null;
        if (unit) req.requireOn('api-keys.manage', unit.path);
        else if (!holdsGlobally(req.principal!, 'api-keys.manage')) throw new AppError('FORBIDDEN');
        return createApiKey(tx, req.actor(), req.body.name, req.body.scopes, unit);
      });
      return reply.status(201).send({ ...out, scopes: req.body.scopes });
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Thu hồi khóa API (revoke an API key)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null() },
      },
      config: { permission: 'api-keys.manage' },
    },
    async (req, reply) => {
      await inTransaction(p.db, async (tx) => {
        const key = await findApiKeyByIdOrPrefix(tx, { id: req.params.id });
        if (!key) throw new AppError('NOT_FOUND');
        if (key.unit_path) req.requireOn('api-keys.manage', key.unit_path);
        else if (!holdsGlobally(req.principal!, 'api-keys.manage')) throw new AppError('FORBIDDEN');
        await revokeApiKey(tx, req.actor(), key);
      });
      return reply.status(204).send(null);
    },
  );
}
