import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { DeclarationSetRow, StoredWarning } from '../queries.ts';
import { updateSet } from '../queries.ts';
import { identityValues } from '../rules/identity.ts';
import type { CardIdentity, FormTemplate } from '../rules/template.ts';
import { type FormValues, mergeValues } from '../rules/values.ts';

/** Cards one set may hold (a marriage needs two; a birth registration may add a parent's). */
export const MAX_CARDS = 4;

/**
 * Changes a set: typed values (a full form post with `replace`, else a patch), and/or another card scanned into
 * it, whose fields overwrite the boxes it maps. Sets attached to a dossier are still editable: the desk prints
 * corrected forms for the same dossier. `expectedVersion` guards against two clerks saving at once.
 */
export async function updateDeclarationSet(
  db: Db,
  actor: Actor,
  set: DeclarationSetRow,
  templates: FormTemplate[],
  input: { values?: FormValues; replace?: boolean; card?: CardIdentity | null; warnings?: StoredWarning[]; expectedVersion?: number },
  now: Date,
): Promise<void> {
  if (input.expectedVersion !== undefined && input.expectedVersion !== set.version) {
    throw new AppError('CONFLICT', {
      detail: { vi: 'Bộ tờ khai vừa được người khác sửa; hãy tải lại trang', en: 'The set was changed by someone else; reload the page' },
    });
  }
  let values = input.values ? mergeValues(templates, set.field_values, input.values, { replace: input.replace ?? false }) : set.field_values;
  let identities = set.identities;
  if (input.card) {
    values = mergeValues(templates, values, identityValues(templates, input.card), { replace: false });
    identities = [...identities.filter((c) => c.idNumber !== input.card?.idNumber), input.card].slice(-MAX_CARDS);
  }
  const warnings = input.card ? (input.warnings ?? []) : set.warnings;
  await updateSet(db, set.id, { templates: set.templates, identities, values, warnings, now });
  await recordAudit(db, actor, {
    action: 'declaration_set.update',
    entityType: 'declaration_set',
    entityId: set.id,
    unitId: set.unit_id,
    after: { scanned: Boolean(input.card), fields: input.values ? Object.keys(input.values).length : 0 },
  });
}
