/**
 * Matching transfers to fees (đối soát) by the payment reference in the transfer's description. Pure.
 *
 * The reference is 'GD' + 10 characters of the short-code alphabet (src/modules/payments/rules/reference.ts; the
 * dossier_fees CHECK allows [A-Z0-9]{6,25}), written into the VietQR so the bank brings it back. Banks mangle it: they
 * upper- or lower-case it, glue their own prefixes ("IBFT", "MBVCB.3278907687.GDAB…CT tu …"), and some apps insert
 * spaces. So the description is read twice: first with every non-alphanumeric character as a separator (a reference
 * glued to words still shows), then, only if nothing known was found, with spaces removed (a reference split by
 * spaces); the second pass only accepts references of fees we know, so it cannot invent one.
 *
 * Outcomes: exactly one fee, still due, amount equal to what remains → matched; less → partial (the fee stays due);
 * the fee no longer due → duplicate; more than remains → unmatched (overpaid: a person refunds the difference);
 * no reference, an unknown one, or two different ones → unmatched. Nothing is ever guessed.
 */

const ALPHABET = 'A-HJKMNP-Z2-9';
export const REFERENCE_LENGTH = 12;
const STRICT = new RegExp(`GD[${ALPHABET}]{10}`, 'g');
const WINDOW = new RegExp(`^GD[${ALPHABET}]{10}$`);

export type MatchOutcome = 'matched' | 'partial' | 'duplicate' | 'unmatched';
export type UnmatchedReason = 'no_reference' | 'unknown_reference' | 'several_references' | 'overpaid';

/** A fee as the matcher sees it; `paidVnd` and `status` change as lines are matched. */
export interface FeeState {
  id: number;
  reference: string;
  amountVnd: number;
  paidVnd: number;
  status: 'due' | 'paid' | 'waived' | 'cancelled';
}

export interface MatchResult {
  outcome: MatchOutcome;
  /** The fee (also for duplicate and overpaid, so a person sees which one). */
  feeId: number | null;
  reference: string | null;
  reason: UnmatchedReason | null;
  /** matched: this payment completes the fee. */
  completes: boolean;
}

/** Candidate references in a description: those read with separators kept, and the spaces-removed windows. */
export function referencesIn(description: string): { strict: string[]; loose: string[] } {
  const upper = description.normalize('NFC').toUpperCase();
  const separated = upper.replace(/[^A-Z0-9]+/g, ' ');
  const strict = [...new Set(separated.match(STRICT) ?? [])];
  const compact = separated.replace(/ /g, '');
  const loose = new Set<string>();
  for (let i = compact.indexOf('GD'); i >= 0 && i + REFERENCE_LENGTH <= compact.length; i = compact.indexOf('GD', i + 1)) {
    const w = compact.slice(i, i + REFERENCE_LENGTH);
    if (WINDOW.test(w)) loose.add(w);
  }
  return { strict, loose: [...loose] };
}

/** Every reference a description might hold (to load only those fees). */
export function allCandidates(description: string): string[] {
  const r = referencesIn(description);
  return [...new Set([...r.strict, ...r.loose])];
}

/** Which fee a description names: one reference, several, or none known. */
export function findReference(description: string, fees: ReadonlyMap<string, FeeState>): { reference: string } | { reason: UnmatchedReason } {
  const { strict, loose } = referencesIn(description);
  if (strict.length > 1) return { reason: 'several_references' };
  if (strict.length === 1) {
    const ref = strict[0] as string;
    // A second, different known reference hidden by spaces still makes the line ambiguous.
    const others = loose.filter((r) => r !== ref && fees.has(r));
    if (others.length > 0) return { reason: 'several_references' };
    return fees.has(ref) ? { reference: ref } : { reason: 'unknown_reference' };
  }
  const known = loose.filter((r) => fees.has(r));
  if (known.length > 1) return { reason: 'several_references' };
  if (known.length === 1) return { reference: known[0] as string };
  return { reason: 'no_reference' };
}

/**
 * Matches one transfer and updates the fee's state (so a second transfer for the same fee in one file is a
 * duplicate, and two partial transfers complete it).
 */
export function matchTransfer(t: { amountVnd: number; description: string }, fees: Map<string, FeeState>): MatchResult {
  const found = findReference(t.description, fees);
  if ('reason' in found) return { outcome: 'unmatched', feeId: null, reference: null, reason: found.reason, completes: false };
  const fee = fees.get(found.reference) as FeeState;
  const base = { feeId: fee.id, reference: fee.reference };
  if (fee.status !== 'due') return { ...base, outcome: 'duplicate', reason: null, completes: false };
  const remaining = fee.amountVnd - fee.paidVnd;
  if (t.amountVnd > remaining) return { ...base, outcome: 'unmatched', reason: 'overpaid', completes: false };
  fee.paidVnd += t.amountVnd;
  if (t.amountVnd === remaining) {
    fee.status = 'paid';
    return { ...base, outcome: 'matched', reason: null, completes: true };
  }
  return { ...base, outcome: 'partial', reason: null, completes: false };
}

/**
 * Whether a matched transfer goes to payments' applyPayments: it names exactly one fee and is not more than what remains
 * (matched, partial, or duplicate — which payments reports as such and leaves untouched). Overpaid and unknown: no.
 */
export function creditable(m: MatchResult): boolean {
  return m.feeId !== null && m.outcome !== 'unmatched';
}

/** A payment row's status from what payments' applyPayments did with it (it decides what a paid fee is). */
export function statusOfApplied(outcome: 'paid' | 'partial' | 'duplicate'): Exclude<MatchOutcome, 'unmatched'> {
  return outcome === 'paid' ? 'matched' : outcome;
}

/** Builds the reference → fee map once, then matches every transfer in order. */
export function matchTransfers(transfers: readonly { amountVnd: number; description: string }[], fees: Iterable<FeeState>): MatchResult[] {
  const byRef = new Map<string, FeeState>();
  for (const f of fees) byRef.set(f.reference, { ...f });
  return transfers.map((t) => matchTransfer(t, byRef));
}

/** Why a transfer was left for a person, in words (stored as the payment's note). */
export const REASON_TEXT: Record<UnmatchedReason, { vi: string; en: string }> = {
  no_reference: { vi: 'Không thấy mã thanh toán trong nội dung chuyển khoản', en: 'No payment reference in the description' },
  unknown_reference: { vi: 'Mã thanh toán không khớp khoản phí nào của đơn vị', en: 'The reference matches no fee of the unit' },
  several_references: { vi: 'Nội dung có nhiều mã thanh toán khác nhau', en: 'The description holds several different references' },
  overpaid: { vi: 'Số tiền chuyển lớn hơn số còn phải nộp', en: 'More than the amount still due' },
};
