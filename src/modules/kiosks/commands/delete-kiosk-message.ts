import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { UnitRow } from '../../units/index.ts';
import { deleteMessage, findMessage, listMessages, lockUnitMessages, setPositions } from '../queries.ts';
import { inBoardOrder } from '../rules/board.ts';
import { messageNotFound } from './edit-kiosk-message.ts';

/** Deletes a message from a unit's board and closes the gap in the order; audited with what it said. @throws AppError NOT_FOUND */
export async function deleteKioskMessage(tx: Db, actor: Actor, unit: UnitRow, id: number): Promise<void> {
  await lockUnitMessages(tx, unit.id);
  const before = await findMessage(tx, unit.id, id, true);
  if (!before) throw messageNotFound(id);
  await deleteMessage(tx, id);
  await setPositions(
    tx,
    unit.id,
    inBoardOrder(await listMessages(tx, unit.id)).map((m) => m.id),
  );
  await recordAudit(tx, actor, {
    action: 'kiosk_message.delete',
    entityType: 'kiosk_message',
    entityId: id,
    unitId: unit.id,
    before: { position: before.position, body: before.body, enabled: before.enabled, validFrom: before.valid_from, validTo: before.valid_to },
  });
}
