import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { contentOfRow } from '../present.ts';
import {
  findDraft,
  findProcedureByCode,
  insertProcedure,
  insertVersion,
  listVersions,
  lockProcedure,
  nextVersionNumber,
  renumberVersion,
  setEffectiveTo,
  type VersionRow,
} from '../queries.ts';
import { checkImportRows, contentOf, type RowProblem } from '../rules/import-row.ts';
import { baseForImport, planPublish, sameContent } from '../rules/versions.ts';
import type { ImportSummary, ProcedureSpec } from '../schema.ts';
import { slotOf } from './publish-draft.ts';

type Plan =
  | { kind: 'create'; row: number; spec: ProcedureSpec }
  | { kind: 'update'; row: number; spec: ProcedureSpec; procedureId: number; close: { id: number; effectiveTo: string }[]; previous: number }
  | { kind: 'unchanged'; row: number; spec: ProcedureSpec };

/**
 * Imports checked procedures (see rules/import-row.ts) as published versions effective from
 * `effectiveFrom`: a new code becomes a new procedure; a known one gets a new version only
 * when it differs from the version in force that day. Everything is planned first; if any row
 * cannot be applied (e.g. a version already starts on or after that day), nothing is written
 * and every such row is returned. Run it in one transaction. A dry run plans and writes nothing.
 */
export async function importProcedures(
  tx: Db,
  actor: Actor,
  specs: readonly { row: number; spec: ProcedureSpec }[],
  opts: { effectiveFrom: string; dryRun: boolean; source: string },
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; problems: RowProblem[] }> {
  const plans: Plan[] = [];
  const problems: RowProblem[] = [];
  for (const { row, spec } of specs) {
    const procedure = await findProcedureByCode(tx, spec.code);
    if (!procedure) {
      plans.push({ kind: 'create', row, spec });
      continue;
    }
    if (!opts.dryRun) await lockProcedure(tx, procedure.id);
    const versions = await listVersions(tx, procedure.id);
    const slots = versions.map(slotOf);
    const base = baseForImport(slots, opts.effectiveFrom);
    const baseRow = base ? (versions.find((v) => v.id === base.id) as VersionRow) : null;
    if (baseRow && sameContent(contentOfRow(baseRow), contentOf(spec))) {
      plans.push({ kind: 'unchanged', row, spec });
      continue;
    }
    const plan = planPublish(slots, opts.effectiveFrom);
    if (!plan.ok)
      problems.push({
        row,
        column: 'effectiveFrom',
        message: { vi: `Thủ tục ${spec.code}: ${plan.reason.vi}`, en: `Procedure ${spec.code}: ${plan.reason.en}` },
      });
    else plans.push({ kind: 'update', row, spec, procedureId: procedure.id, close: plan.close, previous: baseRow?.version ?? 0 });
  }
  if (problems.length > 0) return { ok: false, problems };
  const summary: ImportSummary = {
    dryRun: opts.dryRun,
    total: specs.length,
    created: plans.filter((p) => p.kind === 'create').length,
    updated: plans.filter((p) => p.kind === 'update').length,
    unchanged: plans.filter((p) => p.kind === 'unchanged').length,
    effectiveFrom: opts.effectiveFrom,
  };
  if (opts.dryRun) return { ok: true, summary };

  for (const plan of plans) {
    if (plan.kind === 'unchanged') continue;
    let version = 1;
    if (plan.kind === 'create') {
      const procedure = await insertProcedure(tx, plan.spec.code);
      await insertVersion(tx, {
        procedureId: procedure.id,
        version,
        status: 'published',
        effectiveFrom: opts.effectiveFrom,
        content: contentOf(plan.spec),
        createdBy: actor.userId,
      });
    } else {
      for (const c of plan.close) await setEffectiveTo(tx, c.id, c.effectiveTo);
      // An open draft keeps the newest number: the imported version takes the draft's place in the sequence.
      const draft = await findDraft(tx, plan.procedureId);
      version = await nextVersionNumber(tx, plan.procedureId);
      if (draft) {
        await renumberVersion(tx, draft.id, version);
        version = draft.version;
      }
      await insertVersion(tx, {
        procedureId: plan.procedureId,
        version,
        status: 'published',
        effectiveFrom: opts.effectiveFrom,
        content: contentOf(plan.spec),
        createdBy: actor.userId,
      });
    }
    await recordAudit(tx, actor, {
      action: 'procedure.import',
      entityType: 'procedure',
      entityId: plan.spec.code,
      after: { row: plan.row, version, effectiveFrom: opts.effectiveFrom, created: plan.kind === 'create', source: opts.source },
    });
  }
  await recordAudit(tx, actor, {
    action: 'procedure.import.summary',
    entityType: 'procedure_import',
    entityId: null,
    after: { ...summary, source: opts.source },
  });
  return { ok: true, summary };
}

/**
 * The whole import of a read file (see exchange.ts): checks every row, then applies all or
 * nothing. Problems come back sorted by row, file-level ones (row 0, row 1 for headings) first.
 */
export async function importParsedFile(
  tx: Db,
  actor: Actor,
  parsed: { rows: readonly { row: number; data: unknown }[]; problems: readonly RowProblem[]; columnOf: (path: string) => string },
  opts: { effectiveFrom: string; dryRun: boolean; source: string },
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; problems: RowProblem[] }> {
  const checked = checkImportRows(parsed.rows, parsed.columnOf);
  const problems = [...parsed.problems, ...checked.problems].sort((a, b) => a.row - b.row);
  if (problems.length > 0) return { ok: false, problems };
  if (checked.specs.length === 0)
    return { ok: false, problems: [{ row: 0, column: '', message: { vi: 'Tệp không có thủ tục nào', en: 'The file holds no procedures' } }] };
  return importProcedures(tx, actor, checked.specs, opts);
}
