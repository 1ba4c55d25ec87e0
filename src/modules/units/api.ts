import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { createUnit } from './commands/create-unit.ts';
import { mergeUnit } from './commands/merge-unit.ts';
import { updateUnit } from './commands/update-unit.ts';
import { presentUnit } from './present.ts';
import { findUnitByCode, listUnits, searchUnits, type UnitRow } from './queries.ts';
import { CreateUnitBody, MergeUnitBody, UnitCode, UnitOut, UpdateUnitBody } from './schema.ts';

const tags = ['Đơn vị (units)'];
const CodeParams = Type.Object({ code: UnitCode });

async function mustFind(db: Platform['db'], code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã "${code}"`, en: `No unit with code "${code}"` } });
  return unit;
}

/** JSON routes for the unit tree. */
export function registerUnitsApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'Danh sách đơn vị theo thứ tự cây (list units in tree order)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(UnitOut) }) },
      },
      config: { permission: 'units.read' },
    },
    async (req) => {
      const all = await listUnits(p.db);
      const byId = new Map(all.map((u) => [u.id, u]));
      const items = req.query.q ? await searchUnits(p.db, req.query.q) : all;
      return { items: items.map((u) => presentUnit(u, (id) => byId.get(id))) };
    },
  );

  app.get(
    '/api/v1/units/:code',
    { schema: { tags, summary: 'Một đơn vị (one unit)', params: CodeParams, response: { 200: UnitOut } }, config: { permission: 'units.read' } },
    async (req) => {
      const unit = await mustFind(p.db, req.params.code);
      const all = await listUnits(p.db);
      const byId = new Map(all.map((u) => [u.id, u]));
      return presentUnit(unit, (id) => byId.get(id));
    },
  );

  app.post(
    '/api/v1/units',
    { schema: { tags, summary: 'Tạo đơn vị (create a unit)', body: CreateUnitBody, response: { 201: UnitOut } }, config: { permission: 'units.manage' } },
    async (req, reply) => {
      const unit = await inTransaction(p.db, async (tx) => {
        const parent = req.body.parent ? await mustFind(tx, req.body.parent) : null;
        if (parent) req.requireOn('units.manage', parent.path);
        else if (!req.can('units.manage', '/')) throw new AppError('FORBIDDEN');
        return createUnit(tx, req.actor(), req.body, parent);
      });
      const all = await listUnits(p.db);
      const byId = new Map(all.map((u) => [u.id, u]));
      return reply.status(201).send(presentUnit(unit, (id) => byId.get(id)));
    },
  );

  app.patch(
    '/api/v1/units/:code',
    {
      schema: { tags, summary: 'Sửa hoặc chuyển đơn vị (edit or move a unit)', params: CodeParams, body: UpdateUnitBody, response: { 200: UnitOut } },
      config: { permission: 'units.manage' },
    },
    async (req) => {
      const unit = await inTransaction(p.db, async (tx) => {
        const current = await mustFind(tx, req.params.code);
        req.requireOn('units.manage', current.path);
        let newParent: UnitRow | null | undefined;
        if (req.body.parent !== undefined) {
          newParent = req.body.parent ? await mustFind(tx, req.body.parent) : null;
          if (newParent) req.requireOn('units.manage', newParent.path);
          else if (!req.can('units.manage', '/')) throw new AppError('FORBIDDEN');
        }
        return updateUnit(tx, req.actor(), current, req.body, newParent);
      });
      const all = await listUnits(p.db);
      const byId = new Map(all.map((u) => [u.id, u]));
      return presentUnit(unit, (id) => byId.get(id));
    },
  );

  app.post(
    '/api/v1/units/:code/merge',
    {
      schema: {
        tags,
        summary: 'Sáp nhập đơn vị vào đơn vị khác từ một ngày (merge a unit into another from a date)',
        params: CodeParams,
        body: MergeUnitBody,
        response: {
          200: Type.Object({ merged: Type.String(), into: Type.String(), on: Type.String(), carriedOver: Type.Record(Type.String(), Type.Integer()) }),
        },
      },
      config: { permission: 'units.manage' },
    },
    async (req) => {
      return inTransaction(p.db, async (tx) => {
        const from = await mustFind(tx, req.params.code);
        const into = await mustFind(tx, req.body.into);
        req.requireOn('units.manage', from.path);
        req.requireOn('units.manage', into.path);
        const carriedOver = await mergeUnit(tx, req.actor(), from, into, req.body.date, todayInVietnam(new Date()));
        return { merged: from.code, into: into.code, on: req.body.date, carriedOver };
      });
    },
  );
}
