/** JSON routes for a unit's board messages (issue 6 item 7): a public read of what shows today, and the edits. */
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/pool.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { dossierClock } from '../dossiers/index.ts';
import { todayInVietnam } from '../procedures/index.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import { createKioskMessage } from './commands/create-kiosk-message.ts';
import { deleteKioskMessage } from './commands/delete-kiosk-message.ts';
import { editKioskMessage } from './commands/edit-kiosk-message.ts';
import { presentMessage } from './present.ts';
import { listMessages } from './queries.ts';
import { messagesShownOn } from './rules/board.ts';
import { MessageBody, MessageList, MessageOut, MessageParams, MessagePatch, UnitParams } from './schema.ts';

const tags = ['Niêm yết điện tử (kiosks)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true });

/** The unit of a kiosk route. @throws AppError UNIT_NOT_FOUND */
export async function mustFindKioskUnit(db: Db, code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã ${code}`, en: `No unit with code ${code}` } });
  return unit;
}

export function registerKiosksApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/kiosks/:unit/messages',
    {
      schema: {
        tags,
        summary: 'Thông điệp bảng LED đang hiển thị hôm nay (the board messages shown today, in order)',
        params: UnitParams,
        response: { 200: MessageList, 404: Problem },
      },
      config: { permission: 'public' },
    },
    async (req) => {
      const unit = await mustFindKioskUnit(p.db, req.params.unit);
      const day = todayInVietnam(dossierClock.now());
      const list = await listMessages(p.db, unit.id);
      const shown = new Set(
        messagesShownOn(
          list.map((r) => ({ id: r.id, position: r.position, enabled: r.enabled, validFrom: r.valid_from, validTo: r.valid_to })),
          day,
        ).map((m) => m.id),
      );
      return { unit: unit.code, day, items: list.filter((r) => shown.has(r.id)).map((r) => presentMessage(r, unit.code)) };
    },
  );

  app.post(
    '/api/v1/kiosks/:unit/messages',
    {
      schema: {
        tags,
        summary: 'Thêm thông điệp bảng LED (add a board message; audited)',
        params: UnitParams,
        body: MessageBody,
        response: { 201: MessageOut, 404: Problem },
      },
      config: { permission: 'kiosks.manage' },
    },
    async (req, reply) => {
      const unit = await mustFindKioskUnit(p.db, req.params.unit);
      req.requireOn('kiosks.manage', unit.path);
      const row = await inTransaction(p.db, (tx) => createKioskMessage(tx, req.actor(), unit, req.body));
      return reply.status(201).send(presentMessage(row, unit.code));
    },
  );

  app.patch(
    '/api/v1/kiosks/:unit/messages/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, bật/tắt hoặc đổi thứ tự thông điệp (edit, switch or move a message; audited)',
        params: MessageParams,
        body: MessagePatch,
        response: { 200: MessageOut, 404: Problem },
      },
      config: { permission: 'kiosks.manage' },
    },
    async (req) => {
      const unit = await mustFindKioskUnit(p.db, req.params.unit);
      req.requireOn('kiosks.manage', unit.path);
      const row = await inTransaction(p.db, (tx) => editKioskMessage(tx, req.actor(), unit, req.params.id, req.body));
      return presentMessage(row, unit.code);
    },
  );

  app.delete(
    '/api/v1/kiosks/:unit/messages/:id',
    {
      schema: {
        tags,
        summary: 'Xóa thông điệp (delete a message; audited)',
        params: MessageParams,
        response: { 204: Type.Null(), 404: Problem },
      },
      config: { permission: 'kiosks.manage' },
    },
    async (req, reply) => {
      const unit = await mustFindKioskUnit(p.db, req.params.unit);
      req.requireOn('kiosks.manage', unit.path);
      await inTransaction(p.db, (tx) => deleteKioskMessage(tx, req.actor(), unit, req.params.id));
      return reply.status(204).send(null);
    },
  );
}
