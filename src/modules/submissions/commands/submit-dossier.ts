import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { attachFile, type DossierRow, findByIdempotencyKey, receiveDossier } from '../../dossiers/index.ts';
import type { UnitRow } from '../../units/index.ts';
import type { CheckedApplicant } from '../rules/submission.ts';

/** The unique index that makes one dossier per unit and idempotency key (dossiers module). */
function isKeyClash(err: unknown): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505' && e.constraint === 'dossiers_idempotency_uq') return true;
  }
  return false;
}

export interface SubmittedFile {
  name: string | undefined;
  content: Buffer;
}

/**
 * Files a citizen's dossier online (nộp hồ sơ trực tuyến): receives it at `unit` on channel 'online' (the dossiers
 * module numbers it and sets the appointment from the procedure's time limit and the unit's calendar) and attaches
 * every file, stored in PostgreSQL with its SHA-256, all in one transaction: a file the dossiers module refuses
 * leaves nothing behind. Once per idempotency key: a double submit, a retry after a lost answer or two racing
 * requests get the dossier the first one made (`created` false). The audit rows are the dossiers module's own:
 * procedure, channel, appointment, file type and checksum, never the applicant's name, numbers or address.
 *
 * `documents`: the names of the procedure's documents a file came with (thành phần hồ sơ đã nộp).
 *
 * @throws AppError from receiveDossier (PROCEDURE_NOT_FOUND, VALIDATION_FAILED, UNPROCESSABLE) and attachFile
 */
export async function submitDossier(
  db: Db,
  actor: Actor,
  unit: UnitRow,
  input: { procedure: string; checked: CheckedApplicant; documents: string[]; files: SubmittedFile[] },
  now: Date,
  key: string | null,
): Promise<{ dossier: DossierRow; created: boolean }> {
  if (key) {
    const existing = await findByIdempotencyKey(db, unit.id, key);
    if (existing) return { dossier: existing, created: false };
  }
  try {
    const dossier = await inTransaction(db, async (tx) => {
      const d = await receiveDossier(
        tx,
        actor,
        unit,
        { unit: unit.code, procedure: input.procedure, channel: 'online', ...input.checked, documents: input.documents },
        now,
        key,
      );
      for (const f of input.files) await attachFile(tx, actor, d, f, now);
      return d;
    });
    return { dossier, created: true };
  } catch (err) {
    if (key && isKeyClash(err)) {
      const existing = await findByIdempotencyKey(db, unit.id, key);
      if (existing) return { dossier: existing, created: false };
    }
    throw err;
  }
}
