import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DossierRow, insertRating, officialsOf } from '../queries.ts';
import type { Rating } from '../schema.ts';

/**
 * Records the citizen's rating of the handling (M13), once the result has been returned: four levels, optionally
 * naming an official who acted on the dossier. One rating per dossier: a second one is a 409.
 */
export async function rateDossier(
  tx: Db,
  actor: Actor,
  d: DossierRow,
  input: { rating: Rating; official?: number | null; comment?: string | null },
  channel: 'tracking' | 'desk' | 'qr',
  now: Date,
): Promise<void> {
  if (d.status !== 'returned' && d.status !== 'closed') {
    throw new AppError('UNPROCESSABLE', {
      detail: { vi: 'Chỉ đánh giá được sau khi đã nhận kết quả', en: 'A dossier can be rated once its result has been returned' },
    });
  }
  if (input.official) {
    const officials = await officialsOf(tx, d.id);
    if (!officials.some((o) => o.id === input.official)) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ field: 'official', message: { vi: 'Cán bộ này không xử lý hồ sơ của bạn', en: 'This official did not handle your dossier' } }],
      });
    }
  }
  const ok = await insertRating(tx, {
    dossierId: d.id,
    rating: input.rating,
    officialUserId: input.official ?? null,
    comment: input.comment?.normalize('NFC') ?? null,
    channel,
    at: now,
  });
  if (!ok) {
    throw new AppError('CONFLICT', {
      detail: { vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.', en: 'This dossier has already been rated' },
    });
  }
  await recordAudit(tx, actor, {
    action: 'dossier.rate',
    entityType: 'dossier',
    entityId: d.code,
    unitId: d.unit_id,
    after: { rating: input.rating, channel },
  });
}
