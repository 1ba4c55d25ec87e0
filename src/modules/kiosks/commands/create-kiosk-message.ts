import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { invalid } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { findMessage, insertMessage, listMessages, lockUnitMessages, type MessageRow, setPositions } from '../queries.ts';
import { orderAfterMove } from '../rules/board.ts';
import { MAX_MESSAGES, type MessageInput } from '../schema.ts';
import { checkMessage, cleanMessageText } from './message-input.ts';

/**
 * Adds a message to a unit's LED board and kiosk, last or at `position`; audited in the caller's transaction.
 * @throws AppError VALIDATION_FAILED (blank text, dates backwards, more than MAX_MESSAGES)
 */
export async function createKioskMessage(tx: Db, actor: Actor, unit: UnitRow, input: MessageInput): Promise<MessageRow> {
  const m = { body: cleanMessageText(input.text), validFrom: input.validFrom ?? null, validTo: input.validTo ?? null };
  checkMessage(m);
  await lockUnitMessages(tx, unit.id);
  const existing = await listMessages(tx, unit.id);
  if (existing.length >= MAX_MESSAGES) {
    throw invalid('text', 'Đơn vị đã có {max} thông điệp; hãy xóa bớt trước khi thêm', 'The unit already has {max} messages; delete some first', {
      max: MAX_MESSAGES,
    });
  }
  const id = await insertMessage(tx, { unitId: unit.id, position: existing.length + 1, enabled: input.enabled ?? true, createdBy: actor.userId, ...m });
  if (input.position !== undefined) await setPositions(tx, unit.id, orderAfterMove([...existing, { id, position: existing.length + 1 }], id, input.position));
  const row = (await findMessage(tx, unit.id, id)) as MessageRow;
  await recordAudit(tx, actor, {
    action: 'kiosk_message.create',
    entityType: 'kiosk_message',
    entityId: id,
    unitId: unit.id,
    after: { position: row.position, body: row.body, enabled: row.enabled, validFrom: row.valid_from, validTo: row.valid_to },
  });
  return row;
}
