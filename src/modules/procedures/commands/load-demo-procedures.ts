import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { findProcedureByCode, insertUnitProcedure, listActiveUnitsForMatching } from '../queries.ts';
import { checkImportRows } from '../rules/import-row.ts';
import { carriesOut } from '../rules/unit-match.ts';
import { importProcedures } from './import-procedures.ts';

export const demoProceduresFile = path.resolve(import.meta.dirname, '../demo/procedures.json');
/** The demo catalogue is in force from the start of two-level local government. */
export const DEMO_EFFECTIVE_FROM = '2025-07-01';

/**
 * Loads the 54 demo procedures (see demo/SOURCES.md) as versions published from 2025-07-01,
 * and lets every existing unit carry out those matching its kind and level (rules/unit-match.ts),
 * same-day where the procedure allows it. Safe to run again: equal procedures are left alone.
 */
export async function loadDemoProcedures(tx: Db, actor: Actor): Promise<{ procedures: number; unitProcedures: number }> {
  const list = JSON.parse(fs.readFileSync(demoProceduresFile, 'utf8')) as unknown[];
  const checked = checkImportRows(list.map((data, i) => ({ row: i + 1, data })));
  if (checked.problems.length > 0) throw new Error(`demo procedures invalid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  const result = await importProcedures(tx, actor, checked.specs, { effectiveFrom: DEMO_EFFECTIVE_FROM, dryRun: false, source: 'demo' });
  if (!result.ok) throw new Error(`demo procedures not applied: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const units = await listActiveUnitsForMatching(tx);
  let unitProcedures = 0;
  for (const { spec } of checked.specs) {
    const procedure = await findProcedureByCode(tx, spec.code);
    if (!procedure) continue;
    for (const u of units) {
      if (carriesOut({ level: spec.level, unitKinds: spec.unitTypes }, { kind: u.kind, parentKind: u.parent_kind })) {
        unitProcedures += await insertUnitProcedure(tx, u.id, procedure.id, spec.sameDayEligible);
      }
    }
  }
  return { procedures: result.summary.created + result.summary.updated, unitProcedures };
}
