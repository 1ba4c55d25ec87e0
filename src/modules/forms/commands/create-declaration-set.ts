import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { UnitRow } from '../../units/index.ts';
import { insertSet, type StoredWarning } from '../queries.ts';
import { identityValues } from '../rules/identity.ts';
import type { CardIdentity, FormTemplate } from '../rules/template.ts';
import { type FormValues, mergeValues } from '../rules/values.ts';

/** How long a set not attached to a dossier is kept (purpose-bound: it only serves today's visit). */
export const UNATTACHED_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Starts a declaration set at a desk: the chosen templates (current versions), the card read from the QR (its
 * fields fill the mapped boxes) and any values typed already (they win over the card). The audit row names the
 * set and its forms, never the data.
 */
export async function createDeclarationSet(
  db: Db,
  actor: Actor,
  unit: UnitRow,
  input: { procedureCode: string | null; templates: FormTemplate[]; card: CardIdentity | null; warnings: StoredWarning[]; values: FormValues },
  now: Date,
): Promise<number> {
  const fromCard = input.card ? identityValues(input.templates, input.card) : {};
  const values = mergeValues(input.templates, fromCard, input.values, { replace: false });
  const templates = input.templates.map((t) => ({ key: t.key, version: t.version }));
  const id = await insertSet(db, {
    unitId: unit.id,
    createdBy: actor.userId,
    procedureCode: input.procedureCode,
    templates,
    identities: input.card ? [input.card] : [],
    values,
    warnings: input.warnings,
    now,
    purgeAfter: new Date(now.getTime() + UNATTACHED_TTL_MS),
  });
  await recordAudit(db, actor, {
    action: 'declaration_set.create',
    entityType: 'declaration_set',
    entityId: id,
    unitId: unit.id,
    after: { templates, procedure: input.procedureCode, scanned: input.card !== null },
  });
  return id;
}
