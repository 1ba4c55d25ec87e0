import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { DossierRow } from '../../dossiers/index.ts';
import type { IdentityFields } from '../../identity/index.ts';
import { checkApplicant, submitDossier } from '../../submissions/index.ts';
import type { UnitRow } from '../../units/index.ts';

/** The dossier's note: the machine takes no files, the documents are handed in at the desk. */
export const APS_NOTE = 'Nộp qua máy APS, giấy tờ nộp tại quầy';

export interface KioskFiling {
  procedure: string;
  /** What the ID card's QR code holds (identity module), read again from the scan on this request. */
  card: IdentityFields;
  phone: string;
  consent: boolean;
  idempotencyKey: string;
}

/**
 * Files a dossier on the APS self-service machine (máy APS, tự phục vụ): the applicant is who the ID card's QR code
 * names (name, personal ID number, residence), the phone is typed on the screen. The submissions module receives it
 * exactly like an online filing (channel 'online', appointment from the procedure's time limit, once per idempotency
 * key, audit rows without personal data) but with no file: the note tells the desk the documents come by hand.
 *
 * @returns the field errors of the phone or consent boxes, or the dossier (`created` false on a repeated submit)
 * @throws AppError from submitDossier (PROCEDURE_NOT_FOUND, VALIDATION_FAILED, UNPROCESSABLE)
 */
export async function fileAtKiosk(
  db: Db,
  actor: Actor,
  unit: UnitRow,
  input: KioskFiling,
  now: Date,
): Promise<{ ok: false; errors: FieldError[] } | { ok: true; dossier: DossierRow; created: boolean }> {
  const checked = checkApplicant(
    {
      unit: unit.code,
      applicantName: input.card.fullName,
      applicantIdNumber: input.card.idNumber,
      applicantPhone: input.phone,
      applicantEmail: '',
      applicantAddress: input.card.address,
      note: APS_NOTE,
      consent: input.consent,
      idempotencyKey: input.idempotencyKey,
    },
    [unit.code],
  );
  if (!checked.ok) return checked;
  const { dossier, created } = await submitDossier(
    db,
    actor,
    unit,
    { procedure: input.procedure, checked: checked.value, documents: [], files: [] },
    now,
    input.idempotencyKey,
  );
  return { ok: true, dossier, created };
}
