import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  insertRegistration,
  lockUnitModel,
  type ModelRow,
  proceduresByCode,
  type RegistrationRow,
  setRegistrationProcedures,
  updateRegistration,
} from '../queries.ts';
import { overlapping, type RegistrationValues } from '../rules/registrations.ts';

/** The catalogue ids of the codes; a code the catalogue lacks is a field error naming it. */
async function procedureIds(tx: Db, codes: string[]): Promise<number[]> {
  const found = await proceduresByCode(tx, codes);
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'procedures',
          message: {
            vi: `Không có thủ tục mã ${missing.slice(0, 5).join(', ')} trong danh mục`,
            en: `Not in the catalogue: ${missing.slice(0, 5).join(', ')}`,
          },
        },
      ],
    });
  }
  return codes.map((c) => (found.find((f) => f.code === c) as { id: number }).id);
}

const overlapError = () =>
  new AppError('REFORM_REGISTRATION_OVERLAP', {
    errors: [
      {
        field: 'fromDate',
        message: { vi: 'Đơn vị đã đăng ký mô hình này trong khoảng thời gian trùng', en: 'The unit already runs this model in an overlapping period' },
      },
    ],
  });

/**
 * Registers that a unit runs a model (đăng ký thực hiện mô hình) from a day, with the same-day procedures for a
 * same-day model, and its audit row. Two periods of one unit and model never overlap (checked under a lock).
 * The caller has checked reform.register on the unit and the rules (rules/registrations.ts).
 */
export async function registerModel(db: Db, actor: Actor, unit: { id: number }, model: ModelRow, v: RegistrationValues): Promise<number> {
  return inTransaction(db, async (tx) => {
    const others = await lockUnitModel(tx, unit.id, model.id);
    if (overlapping(others, { from: v.fromDate, to: v.toDate }, null)) throw overlapError();
    const ids = await procedureIds(tx, v.procedureCodes);
    const id = await insertRegistration(tx, { unitId: unit.id, modelId: model.id, fromDate: v.fromDate, toDate: v.toDate, note: v.note }, actor.userId);
    await setRegistrationProcedures(tx, id, ids);
    await recordAudit(tx, actor, {
      action: 'reform.registration.create',
      entityType: 'reform_registration',
      entityId: id,
      unitId: unit.id,
      after: { model: model.code, fromDate: v.fromDate, toDate: v.toDate, note: v.note, procedures: v.procedureCodes },
    });
    return id;
  });
}

/** Changes a registration's period, note and procedures (ending it is setting `toDate`), with its audit row. */
export async function editRegistration(db: Db, actor: Actor, reg: RegistrationRow, v: RegistrationValues): Promise<void> {
  await inTransaction(db, async (tx) => {
    const others = await lockUnitModel(tx, reg.unit_id, reg.model_id);
    if (overlapping(others, { from: v.fromDate, to: v.toDate }, reg.id)) throw overlapError();
    const ids = await procedureIds(tx, v.procedureCodes);
    await updateRegistration(tx, reg.id, v);
    await setRegistrationProcedures(tx, reg.id, ids);
    await recordAudit(tx, actor, {
      action: 'reform.registration.update',
      entityType: 'reform_registration',
      entityId: reg.id,
      unitId: reg.unit_id,
      before: { fromDate: reg.from_date, toDate: reg.to_date, note: reg.note, procedures: reg.procedures.map((p) => p.code) },
      after: { fromDate: v.fromDate, toDate: v.toDate, note: v.note, procedures: v.procedureCodes },
    });
  });
}
