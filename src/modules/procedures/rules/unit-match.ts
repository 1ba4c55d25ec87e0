import type { ProcedureLevel } from '../schema.ts';

/** The tier a unit works at in the two-level local government (from 1 July 2025): province or commune. */
export function unitTier(kind: string, parentKind: string | null): 'province' | 'commune' | null {
  if (kind === 'province') return 'province';
  if (kind === 'commune' || kind === 'ward') return 'commune';
  if (parentKind === 'province') return 'province';
  if (parentKind === 'commune' || parentKind === 'ward') return 'commune';
  // Bodies under a former district, town or city (levels abolished on 1 July 2025) carry out none.
  return null;
}

/**
 * Whether a unit carries out a procedure by default (the demo and new units): its kind is one of
 * the procedure's unit kinds and it works at the procedure's level, e.g. commune police
 * (Công an cấp xã) for residence registration, a provincial department (Sở) when named as a
 * co-operating agency. A province-level procedure is also carried out by the province itself
 * (its public-service centre receives every province-level dossier).
 */
export function carriesOut(proc: { level: ProcedureLevel; unitKinds: readonly string[] }, unit: { kind: string; parentKind: string | null }): boolean {
  const tier = unitTier(unit.kind, unit.parentKind);
  if (proc.level === 'province' && unit.kind === 'province') return true;
  if (!proc.unitKinds.includes(unit.kind) || tier === null) return false;
  if (unit.kind === 'department') return tier === 'province';
  return tier === proc.level;
}
