import type { Text } from '../../../platform/i18n/index.ts';
import type { ProcedureContent, VersionStatus } from '../schema.ts';

/** What the effective-period rules need to know about a version. Dates are 'YYYY-MM-DD'. */
export interface VersionSlot {
  id: number;
  version: number;
  status: VersionStatus;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export { todayInVietnam } from '../../../platform/time.ts';

/**
 * In force on `day`: published (or withdrawn from a later date) and effective_from ≤ day < effective_to.
 * A withdrawn version stays in force until its end date, like any superseded one.
 */
export function inForceOn(v: VersionSlot, day: string): boolean {
  if (v.status === 'draft' || !v.effectiveFrom) return false;
  return v.effectiveFrom <= day && (v.effectiveTo === null || day < v.effectiveTo);
}

/** The version in force on `day`, if any (versions never overlap, so at most one). */
export function versionInForce<T extends VersionSlot>(versions: readonly T[], day: string): T | null {
  return versions.find((v) => inForceOn(v, day)) ?? null;
}

const live = <T extends VersionSlot>(versions: readonly T[]) => versions.filter((v) => v.status !== 'draft');

/**
 * Publishing a version from day D: every earlier version still running on or after D ends at D.
 * D must come after the start of every version already published, so periods never overlap
 * and the history reads in order (a correction that should apply earlier is a new version too).
 */
export function planPublish(
  versions: readonly VersionSlot[],
  effectiveFrom: string,
): { ok: true; close: { id: number; effectiveTo: string }[] } | { ok: false; reason: Text } {
  const clash = live(versions).find((v) => (v.effectiveFrom as string) >= effectiveFrom);
  if (clash) {
    return {
      ok: false,
      reason: {
        vi: `Ngày hiệu lực phải sau ngày ${clash.effectiveFrom} (ngày bắt đầu của phiên bản ${clash.version})`,
        en: `The effective date must be after ${clash.effectiveFrom}, when version ${clash.version} starts`,
      },
    };
  }
  const close = live(versions)
    .filter((v) => v.effectiveTo === null || v.effectiveTo > effectiveFrom)
    .map((v) => ({ id: v.id, effectiveTo: effectiveFrom }));
  return { ok: true, close };
}

/** Withdrawing (bãi bỏ) a procedure from day D: its latest version ends at D and no successor follows. */
export function planWithdraw(versions: readonly VersionSlot[], effectiveTo: string): { ok: true; id: number } | { ok: false; reason: Text } {
  const latest = [...live(versions)].sort((a, b) => ((a.effectiveFrom as string) < (b.effectiveFrom as string) ? 1 : -1))[0];
  if (!latest) return { ok: false, reason: { vi: 'Thủ tục chưa có phiên bản nào được công bố', en: 'The procedure has no published version' } };
  if (latest.status === 'withdrawn')
    return {
      ok: false,
      reason: { vi: `Thủ tục đã bị bãi bỏ từ ngày ${latest.effectiveTo}`, en: `The procedure was already withdrawn from ${latest.effectiveTo}` },
    };
  if ((latest.effectiveFrom as string) >= effectiveTo) {
    return {
      ok: false,
      reason: {
        vi: `Ngày bãi bỏ phải sau ngày ${latest.effectiveFrom} (phiên bản ${latest.version} bắt đầu)`,
        en: `The withdrawal date must be after ${latest.effectiveFrom}, when version ${latest.version} starts`,
      },
    };
  }
  return { ok: true, id: latest.id };
}

/**
 * The version an import from day D compares against: the one in force on D. Equal content
 * means nothing to publish; none in force (new, or withdrawn before D) means publish.
 */
export function baseForImport<T extends VersionSlot>(versions: readonly T[], day: string): T | null {
  return versionInForce(versions, day);
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** Whether two procedure contents say the same thing (key order ignored; list order matters). */
export function sameContent(a: ProcedureContent, b: ProcedureContent): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
