import { type Fee, feeKinds } from '../schema.ts';
import { type Checker, isRecord } from './check.ts';

/** Largest fee accepted: guards against a misplaced separator turning 8.000 đồng into billions. */
export const MAX_FEE_VND = 1_000_000_000;

/**
 * Validates and normalises a procedure's fees (phí, lệ phí). Amounts are whole đồng
 * (the đồng has no subunit in use), never negative; 0 means free (miễn) and the note says when.
 * The same kind and name may not appear twice. Fee levels themselves are set by law
 * (Luật Phí và lệ phí 2015; Thông tư 85/2019/TT-BTC for those set by provincial councils).
 */
export function checkFees(c: Checker, v: unknown, path = 'fees'): Fee[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    c.add(path, 'Phải là danh sách các khoản phí, lệ phí', 'Must be a list of fees');
    return undefined;
  }
  if (v.length > 100) {
    c.add(path, 'Tối đa 100 khoản phí, lệ phí', 'At most 100 fees');
    return undefined;
  }
  const before = c.problems.length;
  const out: Fee[] = [];
  const seen = new Set<string>();
  v.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(raw)) {
      c.add(
        p,
        'Mỗi khoản phí phải là một đối tượng {kind, name, amountVnd, note, exemptions}',
        'Each fee must be an object {kind, name, amountVnd, note, exemptions}',
      );
      return;
    }
    c.onlyKeys(raw, p, ['kind', 'name', 'amountVnd', 'note', 'exemptions']);
    const kind = c.oneOf(raw.kind, `${p}.kind`, feeKinds);
    const name = c.text(raw.name, `${p}.name`, { required: true, max: 500 });
    const amountVnd = c.number(raw.amountVnd, `${p}.amountVnd`, { min: 0, max: MAX_FEE_VND, integer: true });
    const note = c.text(raw.note, `${p}.note`, { max: 2000, block: true });
    const exemptions = c.lines(raw.exemptions, `${p}.exemptions`, { max: 1000, maxItems: 100 });
    if (kind === undefined || !name || amountVnd === undefined || note === undefined || exemptions === undefined) return;
    const key = `${kind}|${name.toLowerCase()}`;
    if (seen.has(key)) {
      c.add(`${p}.name`, `Khoản “${name}” bị trùng`, `Fee “${name}” is listed twice`);
      return;
    }
    seen.add(key);
    out.push({ kind, name, amountVnd, note, exemptions });
  });
  return c.problems.length === before ? out : undefined;
}

/** The sum payable when no exemption applies, in đồng. */
export function totalFees(fees: readonly Fee[]): number {
  return fees.reduce((sum, f) => sum + f.amountVnd, 0);
}
