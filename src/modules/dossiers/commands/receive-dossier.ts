import { type Actor, auditInsert } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { dueDate } from '../../calendar/index.ts';
import type { UnitRow } from '../../units/index.ts';
import { toPolicy } from '../policy-queries.ts';
import { type DossierRow, type EventRow, findIntakeContext, type IntakeContext, insertReceivedDossier } from '../queries.ts';
import { defaultAgencyCode, dossierCodePrefix, formatDossierCode, SEQUENCE_DIGITS } from '../rules/code.ts';
import { vietnamDay } from '../rules/pauses.ts';
import type { ReceiveInput } from '../schema.ts';
import { applyServicePolicy } from './apply-service-policy.ts';

/**
 * Receives a dossier at a unit's one-stop desk (tiếp nhận hồ sơ): finds the procedure version in force on the day of
 * receipt (the dossier keeps it), computes the appointment date from its time limit with the unit's working calendar
 * (cut-off hour and hour-based limits honoured: calendar module) and the unit's same-day policies, numbers the dossier
 * in the national code format (rules/code.ts), and records the first timeline event and the audit row, all in the
 * caller's transaction.
 *
 * Two statements: one read (version, agency code, policies, calendar version: queries.ts findIntakeContext), then,
 * once everything that can fail in the application has passed, one write that increments the unit's counter of the
 * day and inserts the dossier, the event and the audit row (insertReceivedDossier). The counter row, on which every
 * intake of the unit that day waits, is thus locked only from that last statement to the commit, and a rollback
 * still gives the number back. Returns the dossier with its first event (the response needs nothing more).
 *
 * The one write statement is atomic by itself (counter, dossier, event and audit row commit or roll back together),
 * so `tx` may be the pool: the API does that, and the counter is then locked only while the statement runs and
 * commits. Keep it one statement: a second write would need the caller's transaction again.
 *
 * `read`: the intake context when the caller already read it for this unit, procedure and day (queries.ts
 * findIntakeByCodes; null there means no version in force); left out, the command reads it.
 *
 * @throws AppError PROCEDURE_NOT_FOUND (no version in force that day), VALIDATION_FAILED, UNPROCESSABLE (merged unit)
 */
export async function receiveDossierWithEvent(
  tx: Db,
  actor: Actor,
  unit: UnitRow,
  input: ReceiveInput,
  now: Date,
  idempotencyKey: string | null,
  read?: { context: IntakeContext | null },
): Promise<{ dossier: DossierRow; event: EventRow }> {
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
  const ctx = read ? read.context : await findIntakeContext(tx, unit.id, input.procedure, day);
  if (!ctx) {
    throw new AppError('PROCEDURE_NOT_FOUND', {
      detail: { vi: `Thủ tục ${input.procedure} không có hiệu lực ngày ${day}`, en: `Procedure ${input.procedure} is not in force on ${day}` },
    });
  }
  const { version } = ctx;
  const limit = Number(version.time_limit_value);
  const hours = version.time_limit_unit === 'working_hours' || !Number.isInteger(limit);
  const normalDue = await dueDate(tx, {
    unit,
    calendarVersion: ctx.calendarVersion,
    from: now,
    ...(hours ? { workingHours: Math.round(version.time_limit_unit === 'working_hours' ? limit : limit * 8) } : { workingDays: limit }),
    cutoffHour: version.cutoff_hour,
  });
  // Same-day and no-appointment policies of the unit (rules/service-policy.ts) may bring the appointment to today.
  const due = await applyServicePolicy(tx, unit, version, now, normalDue, {
    policies: ctx.policies.map(toPolicy),
    registeredSameDay: ctx.registeredSameDay,
    calendarVersion: ctx.calendarVersion,
  });
  const agency = ctx.agencyCode ?? defaultAgencyCode(unit);
  const policy = due.decision.policy;
  const inserted = await insertReceivedDossier(
    tx,
    {
      codePrefix: dossierCodePrefix(agency, day),
      sequenceDigits: SEQUENCE_DIGITS,
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
      // Recorded only when a policy applied: the ordinary appointment is otherwise original_due_date.
      servicePolicy: policy ? { id: policy.id, kind: policy.kind, name: policy.name, normalDueDate: due.decision.normalDueDate } : null,
      idempotencyKey,
      createdBy: actor.userId,
    },
    {
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
        servicePolicy: policy?.name ?? null,
      },
    },
    (code) =>
      auditInsert(actor, {
        action: 'dossier.receive',
        entityType: 'dossier',
        entityId: code,
        unitId: unit.id,
        after: { procedure: version.code, version: version.version, channel: input.channel, dueDate: due.date },
      }),
    { unit: { code: unit.code, name: unit.name, path: unit.path }, procedure: { code: version.code, version: version.version, name: version.name } },
  );
  // The statement formatted the code; the format's one definition is rules/code.ts. A mismatch is a bug in
  // insertReceivedDossier's padding: fail loudly (a caller's transaction then rolls back; on the pool it has committed).
  if (inserted.dossier.code !== formatDossierCode(agency, day, inserted.sequence)) {
    throw new Error(`dossier code ${inserted.dossier.code} does not match sequence ${inserted.sequence}`);
  }
  return { dossier: inserted.dossier, event: inserted.event };
}

/** receiveDossierWithEvent, the dossier only. */
export async function receiveDossier(tx: Db, actor: Actor, unit: UnitRow, input: ReceiveInput, now: Date, idempotencyKey: string | null): Promise<DossierRow> {
  return (await receiveDossierWithEvent(tx, actor, unit, input, now, idempotencyKey)).dossier;
}
