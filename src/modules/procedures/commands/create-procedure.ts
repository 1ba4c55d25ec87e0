import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findProcedureByCode, insertProcedure, insertVersion, type VersionRow } from '../queries.ts';
import { contentOf } from '../rules/import-row.ts';
import type { ProcedureSpec } from '../schema.ts';

/** Adds a procedure to the catalogue with its first version as a draft (nothing is public until published). */
export async function createProcedure(tx: Db, actor: Actor, spec: ProcedureSpec): Promise<VersionRow> {
  if (await findProcedureByCode(tx, spec.code))
    throw new AppError('PROCEDURE_CODE_TAKEN', { detail: { vi: `Đã có thủ tục mã ${spec.code}`, en: `Procedure ${spec.code} already exists` } });
  const procedure = await insertProcedure(tx, spec.code);
  const draft = await insertVersion(tx, {
    procedureId: procedure.id,
    version: 1,
    status: 'draft',
    effectiveFrom: null,
    content: contentOf(spec),
    createdBy: actor.userId,
  });
  await recordAudit(tx, actor, { action: 'procedure.create', entityType: 'procedure', entityId: spec.code, after: { version: 1, ...contentOf(spec) } });
  return draft;
}
