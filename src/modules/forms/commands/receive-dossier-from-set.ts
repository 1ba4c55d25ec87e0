import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DossierRow, findDossierByCode, receiveDossier } from '../../dossiers/index.ts';
import { findUnitById } from '../../units/index.ts';
import { mustFindSet, templatesOf } from '../access.ts';
import type { DeclarationSetRow } from '../queries.ts';
import { applicantFromCard, checkSetIntake, type SetIntakeChannel } from '../rules/intake.ts';
import { attachSetToDossier } from './attach-set-to-dossier.ts';

/** What the clerk adds to a set to receive its dossier; the applicant comes from the set's first card. */
export interface SetIntakeInput {
  procedure: string;
  channel: SetIntakeChannel;
  phone?: string;
  documents?: string[];
  note?: string;
}

export const setAlreadyReceived = (set: Pick<DeclarationSetRow, 'id' | 'dossier_code'>) =>
  new AppError('DECLARATION_SET_ALREADY_RECEIVED', {
    detail: {
      vi: `Bộ tờ khai số ${set.id} đã được tiếp nhận: hồ sơ ${set.dossier_code ?? ''}`,
      en: `Declaration set ${set.id} was already received: dossier ${set.dossier_code ?? ''}`,
    },
  });

/**
 * The dossier an attached set was received with, for a request repeating the one that received it (same idempotency
 * key). @throws AppError DECLARATION_SET_ALREADY_RECEIVED for any other request
 */
export async function dossierOfReceivedSet(db: Db, set: DeclarationSetRow, idempotencyKey: string | null): Promise<DossierRow> {
  const existing = set.dossier_code ? await findDossierByCode(db, set.dossier_code) : null;
  if (existing && idempotencyKey && existing.idempotency_key === idempotencyKey) return existing;
  throw setAlreadyReceived(set);
}

/**
 * Receives the dossier of a declaration set at its desk (tiếp nhận hồ sơ từ bộ tờ khai) and keeps the set with it:
 * the applicant's name, personal ID number and address are the requester's card (the set's first identity), the
 * dossier is received by the dossiers module (numbering, appointment date, its audit row) and the set attached (no
 * longer purged; its own audit row), all in the caller's transaction.
 *
 * The set row is locked first, so two requests for one set run one after the other: the second finds the set
 * attached and gets the same dossier back when it carries the same idempotency key (a double click, a retry), else
 * DECLARATION_SET_ALREADY_RECEIVED.
 *
 * @throws AppError DECLARATION_SET_NOT_FOUND, DECLARATION_SET_ALREADY_RECEIVED, VALIDATION_FAILED (a procedure the
 * set's forms do not serve, no card scanned, or the dossier's own checks), PROCEDURE_NOT_FOUND (not in force today),
 * UNPROCESSABLE (merged unit)
 */
export async function receiveDossierFromSet(
  tx: Db,
  actor: Actor,
  setId: number,
  input: SetIntakeInput,
  now: Date,
  idempotencyKey: string | null,
): Promise<{ set: DeclarationSetRow; dossier: DossierRow; created: boolean }> {
  let set = await mustFindSet(tx, setId, true);
  // Attached while this statement waited for the lock: the row is re-read but the joined dossier code comes from the
  // statement's older snapshot (READ COMMITTED), so it is missing. A new statement sees it.
  if (set.dossier_id !== null && set.dossier_code === null) set = await mustFindSet(tx, setId);
  if (set.dossier_id !== null) return { set, dossier: await dossierOfReceivedSet(tx, set, idempotencyKey), created: false };
  const requester = set.identities[0];
  const errors = checkSetIntake(templatesOf(set), input.procedure, requester !== undefined);
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  const applicant = applicantFromCard(requester, input.phone);
  const unit = await findUnitById(tx, set.unit_id);
  if (!unit || !applicant) throw new Error(`set ${set.id}: unit or card vanished under the lock`);
  const dossier = await receiveDossier(
    tx,
    actor,
    unit,
    {
      unit: unit.code,
      procedure: input.procedure,
      channel: input.channel,
      applicant,
      documents: input.documents ?? [],
      ...(input.note ? { note: input.note } : {}),
    },
    now,
    idempotencyKey,
  );
  await attachSetToDossier(tx, set.id, dossier.id, actor, now);
  return { set, dossier, created: true };
}
