import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { type DossierRow, findUserIdByUsername } from '../queries.ts';
import type { TransitionInput } from '../schema.ts';
import { transitionDossier } from './transition-dossier.ts';

/**
 * Sends a dossier to the unit (and optionally the specialist) that will process it: from the desk after acceptance
 * (`start_processing`), or onwards between units during processing (`hand_over`, e.g. to the commune police, one
 * stop of the liên thông chain). Each move is a timeline event with the giving and receiving units: the process
 * control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ) is printed from these events.
 */
export async function routeDossier(
  tx: Db,
  actor: Actor,
  d: DossierRow,
  action: 'start_processing' | 'hand_over',
  target: UnitRow,
  assignee: string | null,
  input: TransitionInput,
  now: Date,
): Promise<DossierRow> {
  if (target.merged_into_id) {
    throw new AppError('UNPROCESSABLE', { detail: { vi: 'Đơn vị nhận đã được sáp nhập', en: 'The receiving unit has been merged' } });
  }
  let assigneeId: number | null = null;
  if (assignee) {
    const user = await findUserIdByUsername(tx, assignee);
    if (!user) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ field: 'assignee', message: { vi: `Không có cán bộ ${assignee}`, en: `No staff member ${assignee}` } }],
      });
    }
    assigneeId = user.id;
  }
  const sets = [sql`processing_unit_id = ${target.id}`, sql`assignee_user_id = ${assigneeId}`];
  if (action === 'start_processing') sets.push(sql`processing_started_at = coalesce(processing_started_at, ${now.toISOString()}::timestamptz)`);
  return transitionDossier(tx, actor, d, action, input, now, {
    sets,
    unitId: d.processing_unit_id ?? d.unit_id,
    toUnitId: target.id,
    data: { toUnit: target.code, assignee },
  });
}
