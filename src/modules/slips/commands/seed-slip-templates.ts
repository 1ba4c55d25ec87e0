import { recordAudit, systemActor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { insertTemplateIfAbsent } from '../queries.ts';
import { type SlipTemplateSeed, slipTemplatesTt03of2025 } from '../rules/templates-tt03-2025.ts';

/**
 * Records the official slip templates (Thông tư 03/2025/TT-VPCP, Phụ lục I) that are not stored yet. Safe at
 * every start-up and from several processes at once: a (code, version) is inserted once, never updated (a
 * published form does not change; a correction is a new version).
 *
 * @returns the "code@version" of each template written by this call
 */
export async function seedSlipTemplates(db: Db, seeds: readonly SlipTemplateSeed[] = slipTemplatesTt03of2025): Promise<string[]> {
  const actor = systemActor('system');
  return inTransaction(db, async (tx) => {
    const written: string[] = [];
    for (const s of seeds) {
      const row = await insertTemplateIfAbsent(tx, s);
      if (!row) continue;
      await recordAudit(tx, actor, {
        action: 'slip_template.seed',
        entityType: 'slip_template',
        entityId: row.id,
        unitId: null,
        after: { code: row.code, version: row.version, circular: row.circular, effectiveFrom: row.effective_from },
      });
      written.push(`${row.code}@${row.version}`);
    }
    return written;
  });
}
