import type { Text } from '../../../platform/i18n/index.ts';
import { unitKinds } from '../../units/index.ts';
import { documentKinds, onlineLevels, type ProcedureContent, type ProcedureDocument, type ProcedureSpec, procedureLevels, timeLimitUnits } from '../schema.ts';
import { Checker, isRecord, type Problem } from './check.ts';
import { checkFees } from './fees.ts';

export const CODE_PATTERN = /^[0-9]{1,2}\.[0-9]{5,6}$/;
const HOUR = /^([01]?[0-9]|2[0-3]):([0-5][0-9])$/;

/** The keys of one procedure, in the order the import and the export use. */
export const specKeys = [
  'code',
  'name',
  'field',
  'level',
  'unitTypes',
  'agency',
  'timeLimit',
  'cutoffHour',
  'fees',
  'documents',
  'steps',
  'legalBasis',
  'result',
  'onlineLevel',
  'sameDayEligible',
  'unverified',
] as const;

function checkDocuments(c: Checker, v: unknown): ProcedureDocument[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    c.add('documents', 'Phải là danh sách giấy tờ', 'Must be a list of documents');
    return undefined;
  }
  if (v.length > 100) {
    c.add('documents', 'Tối đa 100 giấy tờ', 'At most 100 documents');
    return undefined;
  }
  const before = c.problems.length;
  const out: ProcedureDocument[] = [];
  v.forEach((raw, i) => {
    const p = `documents[${i}]`;
    if (!isRecord(raw)) {
      c.add(p, 'Mỗi giấy tờ phải là một đối tượng {name, copies, kind, formTemplate}', 'Each document must be an object {name, copies, kind, formTemplate}');
      return;
    }
    c.onlyKeys(raw, p, ['name', 'copies', 'kind', 'formTemplate']);
    const name = c.text(raw.name, `${p}.name`, { required: true, max: 1000 });
    const copies = raw.copies === undefined ? 1 : c.number(raw.copies, `${p}.copies`, { min: 0, max: 100, integer: true });
    const kind = raw.kind === undefined ? 'original' : c.oneOf(raw.kind, `${p}.kind`, documentKinds);
    const formTemplate = c.text(raw.formTemplate, `${p}.formTemplate`, { max: 1000 });
    if (!name || copies === undefined || kind === undefined || formTemplate === undefined) return;
    out.push({ name, copies, kind, formTemplate });
  });
  return c.problems.length === before ? out : undefined;
}

/**
 * Reads one procedure from untrusted input (an import row, an API body, a staff form) into
 * its normalised form: NFC text, known enum values only, numbers that are numbers, defaults
 * for optional fields, keys in a fixed order (so two equal procedures compare equal).
 * With `withCode: false` the code is neither expected nor allowed (the body of a draft).
 */
export function checkSpec(raw: unknown, opts: { withCode: boolean }): { ok: true; value: ProcedureSpec } | { ok: false; problems: Problem[] } {
  const c = new Checker();
  if (!isRecord(raw)) {
    c.add('', 'Mỗi thủ tục phải là một đối tượng JSON', 'Each procedure must be a JSON object');
    return { ok: false, problems: c.problems };
  }
  c.onlyKeys(raw, '', opts.withCode ? specKeys : specKeys.filter((k) => k !== 'code'));
  let code: string | undefined = '';
  if (opts.withCode) {
    const t = c.text(raw.code, 'code', { required: true, max: 20 });
    if (t && !CODE_PATTERN.test(t)) c.add('code', `Mã thủ tục “${t}” sai định dạng (vd. 1.001193)`, `Procedure code “${t}” is malformed (e.g. 1.001193)`);
    else code = t ?? undefined;
  }
  const name = c.text(raw.name, 'name', { required: true, min: 2, max: 500 });
  const field = c.text(raw.field, 'field', { required: true, max: 200 });
  const level = c.oneOf(raw.level, 'level', procedureLevels);
  if (raw.unitTypes === undefined) c.add('unitTypes', 'Trường này là bắt buộc', 'This field is required');
  const unitTypes = raw.unitTypes === undefined ? undefined : c.lines(raw.unitTypes, 'unitTypes', { max: 30, maxItems: 10, allowed: unitKinds });
  const agency = c.text(raw.agency, 'agency', { max: 1000 });
  let timeLimit: ProcedureContent['timeLimit'] | undefined;
  if (!isRecord(raw.timeLimit)) c.add('timeLimit', 'Cần thời hạn giải quyết {value, unit, note}', 'A time limit {value, unit, note} is required');
  else {
    c.onlyKeys(raw.timeLimit, 'timeLimit', ['value', 'unit', 'note']);
    const value = c.number(raw.timeLimit.value, 'timeLimit.value', { exclusiveMin: 0, max: 3650 });
    if (value !== undefined && Math.round(value * 100) !== value * 100) c.add('timeLimit.value', 'Tối đa hai chữ số thập phân', 'At most two decimals');
    const unit = c.oneOf(raw.timeLimit.unit, 'timeLimit.unit', timeLimitUnits);
    const note = c.text(raw.timeLimit.note, 'timeLimit.note', { max: 2000, block: true });
    if (value !== undefined && unit !== undefined && note !== undefined) timeLimit = { value, unit, note };
  }
  let cutoffHour: string | null | undefined = null;
  if (raw.cutoffHour !== undefined && raw.cutoffHour !== null && raw.cutoffHour !== '') {
    const m = typeof raw.cutoffHour === 'string' ? HOUR.exec(raw.cutoffHour.trim()) : null;
    if (!m) {
      c.add('cutoffHour', 'Giờ tiếp nhận cuối phải có dạng HH:MM, vd. 15:00', 'The cut-off hour must be HH:MM, e.g. 15:00');
      cutoffHour = undefined;
    } else cutoffHour = `${(m[1] as string).padStart(2, '0')}:${m[2]}`;
  }
  const fees = checkFees(c, raw.fees);
  const documents = checkDocuments(c, raw.documents);
  const steps = c.lines(raw.steps, 'steps', { max: 2000, maxItems: 100 });
  const legalBasis = c.lines(raw.legalBasis, 'legalBasis', { max: 2000, maxItems: 100 });
  const result = c.text(raw.result, 'result', { max: 2000, block: true });
  const onlineLevel = c.oneOf(raw.onlineLevel, 'onlineLevel', onlineLevels);
  const sameDayEligible = c.bool(raw.sameDayEligible, 'sameDayEligible', false);
  const unverified = c.lines(raw.unverified, 'unverified', { max: 100, maxItems: 50, allowed: specKeys });
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  return {
    ok: true,
    value: {
      code: code as string,
      name: name as string,
      field: field as string,
      level: level as ProcedureSpec['level'],
      unitTypes: unitTypes as ProcedureSpec['unitTypes'],
      agency: agency as string | null,
      timeLimit: timeLimit as ProcedureSpec['timeLimit'],
      cutoffHour: cutoffHour as string | null,
      fees: fees as ProcedureSpec['fees'],
      documents: documents as ProcedureSpec['documents'],
      steps: steps as string[],
      legalBasis: legalBasis as string[],
      result: result as string | null,
      onlineLevel: onlineLevel as ProcedureSpec['onlineLevel'],
      sameDayEligible: sameDayEligible as boolean,
      unverified: unverified as string[],
    },
  };
}

/** Drops the code from a checked spec: what a version stores. */
export function contentOf(spec: ProcedureSpec): ProcedureContent {
  const { code: _code, ...content } = spec;
  return content;
}

/** A bad row of an import: 1-based data row (Excel: the sheet row), the column, what is wrong. */
export interface RowProblem {
  row: number;
  column: string;
  message: Text;
}

/**
 * Checks every row of an import (never stopping at the first bad one) and the file as a
 * whole (a code may appear once). `columnOf` names the column for a problem path: the JSON
 * path for JSON files, the sheet heading for Excel.
 */
export function checkImportRows(
  rows: readonly { row: number; data: unknown }[],
  columnOf: (path: string) => string = (p) => p,
): { specs: { row: number; spec: ProcedureSpec }[]; problems: RowProblem[] } {
  const specs: { row: number; spec: ProcedureSpec }[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, data } of rows) {
    const checked = checkSpec(data, { withCode: true });
    const code = isRecord(data) && typeof data.code === 'string' ? data.code.trim() : null;
    if (code) {
      const first = firstRowOf.get(code);
      if (first !== undefined) {
        problems.push({ row, column: columnOf('code'), message: { vi: `Mã ${code} bị trùng với dòng ${first}`, en: `Code ${code} repeats row ${first}` } });
      } else firstRowOf.set(code, row);
    }
    if (checked.ok) specs.push({ row, spec: checked.value });
    else for (const p of checked.problems) problems.push({ row, column: columnOf(p.path), message: p.message });
  }
  problems.sort((a, b) => a.row - b.row);
  return { specs, problems };
}
