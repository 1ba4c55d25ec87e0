import type { VersionRow } from './queries.ts';
import type { ProcedureContent, ProcedureSpec } from './schema.ts';

/** A stored version as the content it says (the shape drafts, imports and comparisons use). */
export function contentOfRow(v: VersionRow): ProcedureContent {
  return {
    name: v.name,
    field: v.field,
    level: v.level,
    unitTypes: v.unit_kinds as ProcedureContent['unitTypes'],
    agency: v.data.agency ?? null,
    timeLimit: { value: Number(v.time_limit_value), unit: v.time_limit_unit, note: v.data.timeLimitNote ?? null },
    cutoffHour: v.cutoff_hour,
    fees: v.data.fees ?? [],
    documents: v.data.documents ?? [],
    steps: v.data.steps ?? [],
    legalBasis: v.data.legalBasis ?? [],
    result: v.data.result ?? null,
    onlineLevel: v.online_level,
    sameDayEligible: v.same_day_eligible,
    unverified: v.data.unverified ?? [],
  };
}

/** A version in the import/export format, keys in the demo file's order. */
export function specOfRow(v: VersionRow): ProcedureSpec {
  return { code: v.code, ...contentOfRow(v) };
}

// Drizzle's node-postgres driver returns timestamps as text; accept either.
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** One version with its content and period (the detail API). */
export function presentVersion(v: VersionRow) {
  return {
    ...specOfRow(v),
    version: v.version,
    status: v.status,
    effectiveFrom: v.effective_from,
    effectiveTo: v.effective_to,
    publishedAt: iso(v.published_at),
  };
}

/** The row of a search result. */
export function presentListItem(v: VersionRow) {
  return {
    code: v.code,
    name: v.name,
    field: v.field,
    level: v.level,
    unitTypes: v.unit_kinds,
    timeLimit: { value: Number(v.time_limit_value), unit: v.time_limit_unit },
    onlineLevel: v.online_level,
    sameDayEligible: v.same_day_eligible,
    version: v.version,
    status: v.status,
    effectiveFrom: v.effective_from,
    effectiveTo: v.effective_to,
  };
}

/** A version's place in the history, without its content. */
export function presentVersionSummary(v: VersionRow) {
  return {
    version: v.version,
    status: v.status,
    effectiveFrom: v.effective_from,
    effectiveTo: v.effective_to,
    createdAt: iso(v.created_at) as string,
    publishedAt: iso(v.published_at),
  };
}
