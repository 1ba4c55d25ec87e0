import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { findProcedureByCode } from '../../procedures/index.ts';
import type { UnitRow } from '../../units/index.ts';
import { findPolicy, insertPolicy, type PolicyRow, updatePolicySwitch } from '../policy-queries.ts';
import type { PolicyInput, PolicySwitch } from '../policy-schema.ts';

/**
 * Adds a same-day or no-appointment policy to a unit (rules/service-policy.ts), checking the parameters its kind
 * needs and resolving the Friday rule's procedure codes; audited in the caller's transaction.
 *
 * @throws AppError VALIDATION_FAILED (missing or stray parameter, dates in the wrong order), PROCEDURE_NOT_FOUND
 */
export async function createServicePolicy(tx: Db, actor: Actor, unit: UnitRow, input: PolicyInput): Promise<PolicyRow> {
  const k = input.kind;
  if (k === 'under_threshold' && input.thresholdDays === undefined) {
    throw invalid('thresholdDays', 'Cần số ngày làm việc (vd. 3: thủ tục dưới 03 ngày)', 'Give the threshold in working days (e.g. 3)');
  }
  if (k !== 'under_threshold' && input.thresholdDays !== undefined)
    throw invalid('thresholdDays', 'Chỉ dùng cho chính sách dưới ngưỡng', 'Only for under_threshold');
  if (k === 'no_wait_weekdays' && !input.weekdays?.length) {
    throw invalid(
      'weekdays',
      'Chọn ít nhất một thứ trong tuần (2 = thứ Ba … 5 = thứ Sáu theo ISO: 1 = thứ Hai)',
      'Choose at least one weekday (ISO, 1 = Monday)',
    );
  }
  if (k !== 'no_wait_weekdays' && input.weekdays !== undefined) throw invalid('weekdays', 'Chỉ dùng cho ngày không chờ', 'Only for no_wait_weekdays');
  if (k !== 'friday_not_next_week' && input.procedures) throw invalid('procedures', 'Chỉ dùng cho quy định thứ Sáu', 'Only for friday_not_next_week');
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    throw invalid('validTo', 'Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not precede the start date');
  }
  let procedureIds: number[] | null = null;
  if (input.procedures) {
    procedureIds = [];
    for (const code of input.procedures) {
      const p = await findProcedureByCode(tx, code);
      if (!p) throw new AppError('PROCEDURE_NOT_FOUND', { detail: { vi: `Không có thủ tục mã ${code}`, en: `No procedure ${code}` } });
      procedureIds.push(Number(p.id));
    }
  }
  const id = await insertPolicy(tx, {
    unitId: unit.id,
    kind: k,
    name: input.name?.normalize('NFC').trim() || null,
    thresholdDays: input.thresholdDays ?? null,
    weekdays: input.weekdays ? [...input.weekdays].sort() : null,
    maxDays: input.maxDays ?? null,
    procedureIds,
    enabled: input.enabled ?? true,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    source: input.source?.normalize('NFC').trim() || null,
    createdBy: actor.userId,
  });
  const row = (await findPolicy(tx, id)) as PolicyRow;
  await recordAudit(tx, actor, { action: 'dossier_policy.create', entityType: 'unit_service_policy', entityId: id, unitId: unit.id, after: { ...input } });
  return row;
}

/** Switches a policy on or off (optionally setting its last day); audited. @throws AppError VALIDATION_FAILED */
export async function switchServicePolicy(tx: Db, actor: Actor, policy: PolicyRow, body: PolicySwitch): Promise<PolicyRow> {
  if (body.validTo && policy.valid_from && body.validTo < policy.valid_from) {
    throw invalid('validTo', 'Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not precede the start date');
  }
  await updatePolicySwitch(tx, policy.id, body.enabled, body.validTo);
  const after = (await findPolicy(tx, policy.id)) as PolicyRow;
  await recordAudit(tx, actor, {
    action: body.enabled ? 'dossier_policy.enable' : 'dossier_policy.disable',
    entityType: 'unit_service_policy',
    entityId: policy.id,
    unitId: policy.unit_id,
    before: { enabled: policy.enabled, validTo: policy.valid_to },
    after: { enabled: after.enabled, validTo: after.valid_to },
  });
  return after;
}
