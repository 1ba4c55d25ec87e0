import { createHash } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { creditTransfers } from '../credit.ts';
import { findImportByHash, finishImport, insertImport, insertPayments, lockFeesByReference, recordedTxnIds } from '../queries.ts';
import { allCandidates, type FeeState, matchTransfer } from '../rules/match.ts';
import { type ParsedStatement, parseStatement, type StatementKind, type StatementLine } from '../rules/statement.ts';

/** What an import did. */
export interface ImportSummary {
  importId: number;
  /** Credit lines in the file; debit lines are only counted. */
  lines: number;
  debitLines: number;
  matched: number;
  partial: number;
  duplicate: number;
  unmatched: number;
  /** Lines whose bank transaction was already recorded (by the gateway webhook or another statement): skipped. */
  alreadyRecorded: number;
  /** Fees completed by this statement, and the dossiers of those fees now paid online (every fee paid by transfer). */
  feesPaid: number;
  dossiersPaidOnline: number;
}

export const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The report of a bad statement, as an error: each bad line with its number and reason. */
export function statementInvalid(parsed: Extract<ParsedStatement, { ok: false }>): AppError {
  return new AppError('STATEMENT_INVALID', {
    detail: {
      vi: `Sao kê có ${parsed.problems.length + parsed.more} dòng không hợp lệ; chưa có giao dịch nào được ghi`,
      en: `The statement has ${parsed.problems.length + parsed.more} invalid lines; nothing was applied`,
    },
    extra: { lines: parsed.problems, more: parsed.more },
  });
}

/**
 * Applies a parsed statement inside the caller's transaction, all or nothing: records the import (refused when the unit
 * already imported this file), skips transactions already recorded, matches each credit line by reference and amount
 * (rules/match.ts, against the unit's fees named in the file, locked), credits every line tied to one fee with payments'
 * applyPayments in one batch (the one rule of a paid fee; a payment row's status is what it reports), inserts the
 * payments in bulk, then audits the import.
 */
export async function applyStatement(
  tx: Db,
  actor: Actor,
  input: { unitId: number; accountId: number | null; fileName: string; sha256: string; kind: StatementKind; lines: StatementLine[]; debitLines: number },
  now: Date = new Date(),
): Promise<ImportSummary> {
  const importId = await insertImport(tx, {
    unitId: input.unitId,
    accountId: input.accountId,
    fileName: input.fileName.slice(0, 200) || 'sao-ke',
    sha256: input.sha256,
    format: input.kind,
    lines: input.lines.length,
    userId: actor.userId,
  });
  if (importId === null) throw alreadyImported(null);
  const recorded = await recordedTxnIds(
    tx,
    input.unitId,
    input.lines.map((l) => l.bankTxnId),
  );
  const fresh = input.lines.filter((l) => !recorded.has(l.bankTxnId));
  const references = [...new Set(fresh.flatMap((l) => allCandidates(l.description)))];
  const fees = new Map<string, FeeState>();
  for (const f of await lockFeesByReference(tx, input.unitId, references)) fees.set(f.reference, f);
  const { payments, applied } = await creditTransfers(
    tx,
    actor,
    fresh.map((l) => ({ ...l, match: matchTransfer(l, fees) })),
    now,
  );
  const counts = { matched: 0, partial: 0, duplicate: 0, unmatched: 0 };
  for (const p of payments) counts[p.status]++;
  await insertPayments(tx, { unitId: input.unitId, accountId: input.accountId, source: 'statement', importId }, payments);
  await finishImport(tx, importId, counts.matched + counts.partial, counts.unmatched + counts.duplicate);
  const paid = applied.filter((a) => a.outcome === 'paid');
  const summary: ImportSummary = {
    importId,
    lines: input.lines.length,
    debitLines: input.debitLines,
    ...counts,
    alreadyRecorded: input.lines.length - fresh.length,
    feesPaid: paid.length,
    dossiersPaidOnline: new Set(paid.filter((a) => a.dossierPaidOnline).map((a) => a.dossierId)).size,
  };
  await recordAudit(tx, actor, {
    action: 'statement.import',
    entityType: 'statement_import',
    entityId: importId,
    unitId: input.unitId,
    after: { fileName: input.fileName.slice(0, 200), sha256: input.sha256, format: input.kind, ...summary },
  });
  return summary;
}

function alreadyImported(at: Date | string | null): AppError {
  const when = at ? new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(at)) : null;
  return new AppError('STATEMENT_ALREADY_IMPORTED', {
    detail: when
      ? { vi: `Tệp sao kê này đã được nhập lúc ${when}; không nhập lại`, en: `This statement file was already imported (${when}); not imported again` }
      : { vi: 'Tệp sao kê này đã được nhập; không nhập lại', en: 'This statement file was already imported; not imported again' },
  });
}

/**
 * Imports a bank statement file (sao kê) for a unit: checks the type (CSV or .xlsx by content) and every line; any bad
 * line → STATEMENT_INVALID listing each, nothing applied; the same file again → STATEMENT_ALREADY_IMPORTED; otherwise
 * applies it in one transaction (applyStatement).
 */
export async function importStatement(
  db: Db,
  actor: Actor,
  input: { unitId: number; accountId: number | null; fileName: string; content: Buffer },
): Promise<ImportSummary> {
  const sha256 = sha256Of(input.content);
  const earlier = await findImportByHash(db, input.unitId, sha256);
  if (earlier) throw alreadyImported(earlier.imported_at);
  const parsed = await parseStatement(input.content);
  if (!parsed.ok) {
    if (parsed.kind === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: parsed.problems[0]?.reason });
    throw statementInvalid(parsed);
  }
  return inTransaction(db, (tx) => applyStatement(tx, actor, { ...input, sha256, kind: parsed.kind, lines: parsed.lines, debitLines: parsed.debitLines }));
}
