import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { findModelByCode, insertModel, type ModelRow, modelHasProcedures, updateModel } from '../queries.ts';
import type { ModelValues } from '../rules/models.ts';

const auditOf = (v: ModelValues, issuerUnitId: number) => ({ ...v, issuerUnitId });

/**
 * Adds a model to the registry (danh mục mô hình CCHC), issued by `issuer`, with its audit row. The caller has checked
 * reform.manage on the issuer. @throws AppError CONFLICT when the code is taken
 */
export async function createModel(db: Db, actor: Actor, v: ModelValues, issuer: { id: number }): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertModel(tx, v, issuer.id, actor.userId);
    if (!id) {
      throw new AppError('CONFLICT', {
        errors: [{ field: 'code', message: { vi: 'Mã mô hình này đã có', en: 'This model code is taken' } }],
      });
    }
    await recordAudit(tx, actor, {
      action: 'reform.model.create',
      entityType: 'reform_model',
      entityId: v.code,
      unitId: issuer.id,
      after: auditOf(v, issuer.id),
    });
    return id;
  });
}

/**
 * Saves a model's fields (the code stays), with its audit row. `seen` is the version the editor loaded: when someone
 * saved the model since, nothing is written and the second editor is told (CONFLICT). A model whose registrations list
 * procedures stays a same-day model. The caller has checked reform.manage on the old and the new issuer.
 */
export async function editModel(db: Db, actor: Actor, model: ModelRow, v: ModelValues, issuer: { id: number }, seen: Date | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (model.same_day && !v.sameDay && (await modelHasProcedures(tx, model.id))) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            field: 'sameDay',
            message: {
              vi: 'Đơn vị đã đăng ký thủ tục giải quyết trong ngày theo mô hình này',
              en: 'Units have registered same-day procedures under this model',
            },
          },
        ],
      });
    }
    const saved = await updateModel(tx, model.id, { ...v, code: model.code }, issuer.id, seen);
    if (!saved) {
      throw new AppError('CONFLICT', {
        detail: {
          vi: 'Người khác vừa sửa mô hình này. Hãy tải lại trang để xem bản mới rồi sửa lại.',
          en: 'Someone else has just changed this model. Reload to see their version, then edit again.',
        },
      });
    }
    const after = await findModelByCode(tx, model.code);
    await recordAudit(tx, actor, {
      action: 'reform.model.update',
      entityType: 'reform_model',
      entityId: model.code,
      unitId: issuer.id,
      before: {
        name: model.name,
        issuerUnitId: model.issuer_unit_id,
        mandatory: model.mandatory,
        choicePool: model.choice_pool,
        sameDay: model.same_day,
        startsOn: model.starts_on,
        endsOn: model.ends_on,
      },
      after: after ? auditOf({ ...v, code: model.code }, issuer.id) : null,
    });
  });
}
