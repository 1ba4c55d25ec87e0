import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { findMessage, listMessages, lockUnitMessages, type MessageRow, setPositions, updateMessage } from '../queries.ts';
import { orderAfterMove } from '../rules/board.ts';
import type { MessageChange } from '../schema.ts';
import { checkMessage, cleanMessageText } from './message-input.ts';

export const messageNotFound = (id: number) =>
  new AppError('NOT_FOUND', { detail: { vi: `Không có thông điệp số ${id} của đơn vị`, en: `The unit has no message ${id}` } });

const snapshot = (r: MessageRow) => ({ position: r.position, body: r.body, enabled: r.enabled, validFrom: r.valid_from, validTo: r.valid_to });

/**
 * Changes a message of a unit's board: its text, dates, on/off switch and place (the others are renumbered);
 * audited in the caller's transaction with the values before and after.
 * @throws AppError NOT_FOUND, VALIDATION_FAILED
 */
export async function editKioskMessage(tx: Db, actor: Actor, unit: UnitRow, id: number, change: MessageChange): Promise<MessageRow> {
  await lockUnitMessages(tx, unit.id);
  const before = await findMessage(tx, unit.id, id, true);
  if (!before) throw messageNotFound(id);
  const next = {
    body: change.text === undefined ? before.body : cleanMessageText(change.text),
    enabled: change.enabled ?? before.enabled,
    validFrom: change.validFrom === undefined ? before.valid_from : change.validFrom,
    validTo: change.validTo === undefined ? before.valid_to : change.validTo,
  };
  checkMessage(next);
  await updateMessage(tx, id, next);
  if (change.position !== undefined) await setPositions(tx, unit.id, orderAfterMove(await listMessages(tx, unit.id), id, change.position));
  const after = (await findMessage(tx, unit.id, id)) as MessageRow;
  const action =
    change.position !== undefined && Object.keys(change).length === 1
      ? 'kiosk_message.move'
      : change.enabled !== undefined && Object.keys(change).length === 1
        ? change.enabled
          ? 'kiosk_message.enable'
          : 'kiosk_message.disable'
        : 'kiosk_message.update';
  await recordAudit(tx, actor, { action, entityType: 'kiosk_message', entityId: id, unitId: unit.id, before: snapshot(before), after: snapshot(after) });
  return after;
}
