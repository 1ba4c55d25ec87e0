import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findVersion, type ProcedureRow, type VersionRow } from '../queries.ts';
import type { ProcedureContent } from '../schema.ts';
import { saveDraft } from './save-draft.ts';

/** Edits version `version` of a procedure, which must be its draft (VERSION_NOT_EDITABLE otherwise). */
export async function editDraftVersion(tx: Db, actor: Actor, procedure: ProcedureRow, version: number, content: ProcedureContent): Promise<VersionRow> {
  const v = await findVersion(tx, procedure.id, version);
  if (!v)
    throw new AppError('PROCEDURE_NOT_FOUND', {
      detail: { vi: `Thủ tục ${procedure.code} không có phiên bản ${version}`, en: `Procedure ${procedure.code} has no version ${version}` },
    });
  if (v.status !== 'draft') {
    throw new AppError('VERSION_NOT_EDITABLE', {
      detail: {
        vi: `Phiên bản ${version} đã công bố, không sửa được; hãy sửa bản nháp`,
        en: `Version ${version} has been published and cannot change; edit the draft instead`,
      },
    });
  }
  return saveDraft(tx, actor, procedure, content);
}
