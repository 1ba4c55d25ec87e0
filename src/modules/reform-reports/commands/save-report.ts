import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { listSections, lockReport, updateTexts } from '../queries.ts';
import { cleanNarrative, narrativeProblem } from '../rules/narrative.ts';
import { guardDraft } from './guard.ts';

export interface ReportTexts {
  /** The version the editor started from. */
  version: number;
  summary?: string;
  docNumber?: number | null;
  /** Narrative per section, by the model's code. */
  narratives: Record<string, string>;
}

/**
 * Saves what the unit wrote (summary, number, a narrative per model) on a draft, if nobody saved since `version`.
 * Narratives are stored as plain NFC text. @throws AppError VALIDATION_FAILED naming each bad field, and guardDraft's
 */
export async function saveReport(tx: Db, actor: Actor, reportId: number, input: ReportTexts): Promise<void> {
  const report = guardDraft(await lockReport(tx, reportId), input.version);
  const sections = await listSections(tx, reportId);
  const errors: FieldError[] = [];
  const narratives = new Map<number, string>();
  for (const [code, raw] of Object.entries(input.narratives)) {
    const section = sections.find((s) => s.model_code === code);
    if (!section) {
      errors.push({ field: `narratives.${code}`, message: { vi: 'Báo cáo không có mô hình này', en: 'The report has no such model' } });
      continue;
    }
    const text = cleanNarrative(raw);
    const problem = narrativeProblem(text);
    if (problem) errors.push({ field: `narratives.${code}`, message: problem });
    else if (text !== section.narrative) narratives.set(section.id, text);
  }
  const summary = input.summary === undefined ? report.summary : cleanNarrative(input.summary) || null;
  if (summary) {
    const problem = narrativeProblem(summary);
    if (problem) errors.push({ field: 'summary', message: problem });
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { errors });
  const docNumber = input.docNumber === undefined ? report.doc_number : input.docNumber;
  await updateTexts(tx, { id: reportId, summary, docNumber, narratives, userId: actor.userId });
  await recordAudit(tx, actor, {
    action: 'reform_report.save',
    entityType: 'reform_report',
    entityId: reportId,
    unitId: report.unit_id,
    after: { version: report.version + 1, sections: [...narratives.keys()].length },
  });
}
