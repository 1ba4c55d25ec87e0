import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { insertLetter } from '../queries.ts';
import { businessSourceRef } from '../rules/events.ts';
import type { LetterContent } from '../rules/letter.ts';

/**
 * Creates a draft letter by hand (a house built, a fire, an accident: kind other or condolence, any recipient), or a
 * business's good-news proposal by tax code (one per tax code and event date: LETTER_ALREADY_PROPOSED otherwise). The
 * caller has checked letters.write on the unit. The audit row keeps the kind, never the recipient.
 */
export async function createLetter(db: Db, actor: Actor, unit: { id: number }, c: LetterContent): Promise<number> {
  const business = c.kind === 'congratulation_business' && c.taxCode !== null;
  return inTransaction(db, async (tx) => {
    const id = await insertLetter(tx, {
      ...c,
      unitId: unit.id,
      origin: business ? 'proposal' : 'manual',
      eventKind: business ? 'business' : 'manual',
      sourceRef: business ? businessSourceRef(c.taxCode as string, c.eventDate) : null,
      dossierId: null,
      createdBy: actor.userId,
    });
    if (id === null) {
      throw new AppError('LETTER_ALREADY_PROPOSED', {
        errors: [
          {
            field: 'taxCode',
            message: { vi: 'Doanh nghiệp này đã có thư chúc mừng cho sự kiện ngày này', en: 'This business already has a letter for this event date' },
          },
        ],
      });
    }
    await recordAudit(tx, actor, { action: 'letter.create', entityType: 'letter', entityId: id, unitId: unit.id, after: { kind: c.kind, business } });
    return id;
  });
}
