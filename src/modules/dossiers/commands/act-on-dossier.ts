import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUnitByCode, findUnitById, type UnitRow } from '../../units/index.ts';
import type { DossierRow } from '../queries.ts';
import type { DossierAction } from '../rules/lifecycle.ts';
import { vietnamDay } from '../rules/pauses.ts';
import type { ExtendInput, RouteInput, TransitionInput } from '../schema.ts';
import { extendDossier } from './extend-dossier.ts';
import { receiveSupplement } from './receive-supplement.ts';
import { requestSupplement } from './request-supplement.ts';
import { type ReturnChannel, returnResult } from './return-result-through.ts';
import { routeDossier } from './route-dossier.ts';
import { transitionDossier } from './transition-dossier.ts';
import { workingDaysTaken } from './working-days-taken.ts';

/** The body of any action, already validated against that action's schema (schema.ts). */
export type ActionInput = TransitionInput & Partial<RouteInput> & Partial<ExtendInput> & { reason?: string; missing?: string; returnChannel?: string };

/**
 * Takes one lifecycle action on a locked dossier whose units the caller may act on: the one entry point the API and
 * the desk pages share, so both go through the same rules.
 */
export async function actOnDossier(tx: Db, actor: Actor, d: DossierRow, action: DossierAction, input: ActionInput, now: Date): Promise<DossierRow> {
  switch (action) {
    case 'request_supplement':
      return requestSupplement(tx, actor, d, { ...input, missing: input.missing as string }, now);
    case 'receive_supplement':
      return receiveSupplement(tx, actor, d, input, now);
    case 'extend':
      return extendDossier(tx, actor, d, input as ExtendInput, now);
    case 'start_processing':
    case 'hand_over': {
      let target: UnitRow | null;
      if (input.toUnit) {
        target = await findUnitByCode(tx, input.toUnit);
        if (!target) {
          throw new AppError('VALIDATION_FAILED', {
            errors: [{ field: 'toUnit', message: { vi: `Không có đơn vị mã ${input.toUnit}`, en: `No unit with code ${input.toUnit}` } }],
          });
        }
      } else target = await findUnitById(tx, d.processing_unit_id ?? d.unit_id);
      return routeDossier(tx, actor, d, action, target as UnitRow, input.assignee ?? null, input, now);
    }
    case 'refuse':
    case 'withdraw':
    case 'stop':
      // The reason goes to the citizen in writing (refusal slip, notice of stopping): it is the public note.
      return transitionDossier(tx, actor, d, action, { ...input, publicNote: input.publicNote ?? input.reason ?? null }, now, {
        data: { reason: input.reason },
      });
    case 'return_result':
      return returnResult(tx, actor, d, (input.returnChannel ?? 'desk') as ReturnChannel, input, now);
    case 'mark_result_ready': {
      // The time it took, in working days, stays with the dossier for the report (migration 0012).
      const days = await workingDaysTaken(tx, d, vietnamDay(now));
      return transitionDossier(tx, actor, d, action, input, now, { sets: [sql`working_days_taken = ${days}`] });
    }
    default:
      return transitionDossier(tx, actor, d, action, input, now);
  }
}
