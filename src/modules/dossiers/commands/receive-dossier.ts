import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { dueDate } from '../../calendar/index.ts';
import { findVersionInForce } from '../../procedures/index.ts';
import type { UnitRow } from '../../units/index.ts';
import { type DossierRow, findAgencyCode, findDossierById, insertDossier, insertEvent, nextCodeNumber } from '../queries.ts';
import { defaultAgencyCode, formatDossierCode } from '../rules/code.ts';
import { vietnamDay } from '../rules/pauses.ts';
import type { ReceiveInput } from '../schema.ts';
import { applyServicePolicy, recordServicePolicy } from './apply-service-policy.ts';

/**
 * Receives a dossier at a unit's one-stop desk (tiếp nhận hồ sơ): finds the procedure version in force on the day of
 * receipt (the dossier keeps it), computes the appointment date from its time limit with the unit's working calendar
 * (cut-off hour and hour-based limits honoured: calendar module), numbers the dossier in the national code format
 * (rules/code.ts), and records the first timeline event and the audit row, all in the caller's transaction.
 *
 * @throws AppError PROCEDURE_NOT_FOUND (no version in force that day), VALIDATION_FAILED, UNPROCESSABLE (merged unit)
 */
export async function receiveDossier(tx: Db, actor: Actor, unit: UnitRow, input: ReceiveInput, now: Date, idempotencyKey: string | null): Promise<DossierRow> {
  if (unit.merged_into_id) {
    throw new AppError('UNPROCESSABLE', {
      detail: { vi: 'Đơn vị đã được sáp nhập, không tiếp nhận hồ sơ mới', en: 'The unit has been merged; it takes no new dossiers' },
    });
  }
  const applicant = input.applicant;
  if (!applicant.idNumber && !applicant.phone) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'applicant.idNumber',
          message: {
            vi: 'Cần số định danh cá nhân hoặc số điện thoại của người nộp (để tra cứu hồ sơ)',
            en: 'Give the applicant’s ID number or phone (needed to track the dossier)',
          },
        },
      ],
    });
  }
  const day = vietnamDay(now);
  const version = await findVersionInForce(tx, input.procedure, day);
  if (!version) {
    throw new AppError('PROCEDURE_NOT_FOUND', {
      detail: { vi: `Thủ tục ${input.procedure} không có hiệu lực ngày ${day}`, en: `Procedure ${input.procedure} is not in force on ${day}` },
    });
  }
  const limit = Number(version.time_limit_value);
  const hours = version.time_limit_unit === 'working_hours' || !Number.isInteger(limit);
  const normalDue = await dueDate(tx, {
    unitId: unit.id,
    from: now,
    ...(hours ? { workingHours: Math.round(version.time_limit_unit === 'working_hours' ? limit : limit * 8) } : { workingDays: limit }),
    cutoffHour: version.cutoff_hour,
  });
  // Same-day and no-appointment policies of the unit (rules/service-policy.ts) may bring the appointment to today.
  const due = await applyServicePolicy(tx, unit, version, now, normalDue);
  const agency = (await findAgencyCode(tx, unit.id)) ?? defaultAgencyCode(unit);
  const sequence = await nextCodeNumber(tx, unit.id, day);
  const code = formatDossierCode(agency, day, sequence);
  const id = await insertDossier(tx, {
    code,
    unitId: unit.id,
    procedureId: version.procedure_id,
    procedureVersionId: version.id,
    channel: input.channel,
    applicant: {
      name: applicant.name.normalize('NFC').trim(),
      idNumber: applicant.idNumber ?? null,
      phone: applicant.phone ?? null,
      email: applicant.email ?? null,
      address: applicant.address?.normalize('NFC') ?? null,
    },
    documents: (input.documents ?? []).map((s) => s.normalize('NFC')),
    note: input.note ?? null,
    receivedAt: now,
    receiptDay: day,
    countsFrom: due.countsFrom,
    dueDate: due.date,
    dueAt: due.dueAt,
    flags: {
      online: input.channel === 'online',
      paidOnline: input.paidOnline ?? false,
      digitised: input.digitised ?? false,
      electronicResult: input.electronicResult ?? false,
      reusedDocuments: input.reusedDocuments ?? false,
      sameDay: due.decision.sameDay || (input.sameDay ?? false),
    },
    idempotencyKey,
    createdBy: actor.userId,
  });
  await recordServicePolicy(tx, id, due);
  await insertEvent(tx, {
    dossierId: id,
    action: 'receive',
    fromStatus: null,
    toStatus: 'received',
    actorUserId: actor.userId,
    actorLabel: actor.label,
    unitId: unit.id,
    at: now,
    data: {
      channel: input.channel,
      dueDate: due.date,
      countsFrom: due.countsFrom,
      movedToNextWorkingDay: due.movedToNextWorkingDay,
      servicePolicy: due.decision.policy?.name ?? null,
    },
  });
  await recordAudit(tx, actor, {
    action: 'dossier.receive',
    entityType: 'dossier',
    entityId: code,
    unitId: unit.id,
    after: { procedure: version.code, version: version.version, channel: input.channel, dueDate: due.date },
  });
  return (await findDossierById(tx, id)) as DossierRow;
}
