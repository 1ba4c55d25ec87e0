import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnitByCode, findUnitById, listUnits, type UnitRow } from './queries.ts';

/** The unit of a code. @throws AppError UNIT_NOT_FOUND */
export async function mustFindUnit(db: Db, code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã ${code}`, en: `No unit with code ${code}` } });
  return unit;
}

/**
 * The units a report covers: the unit (the caller must hold `permission` on it), or with `subtree` every unit below it
 * on which the caller holds `permission`. @throws AppError FORBIDDEN
 */
export async function reportUnitIds(db: Db, req: FastifyRequest, unit: UnitRow, subtree: boolean, permission: string): Promise<number[]> {
  req.requireOn(permission, unit.path);
  if (!subtree) return [unit.id];
  return (await listUnits(db)).filter((u) => u.path.startsWith(unit.path) && req.can(permission, u.path)).map((u) => u.id);
}

/** A report page's unit: `code` when given, else the first unit where the caller holds `permission`. @throws AppError */
export async function reportPageUnit(db: Db, req: FastifyRequest, code: string | undefined, permission: string): Promise<UnitRow> {
  if (code) return mustFindUnit(db, code);
  const grant = req.principal?.kind === 'user' ? req.principal.grants.find((g) => req.can(permission, g.unitPath)) : undefined;
  const unit = grant ? await findUnitById(db, grant.unitId) : null;
  if (!unit) throw new AppError('FORBIDDEN');
  return unit;
}

/** The units where the caller holds `permission` (merged-away units left out), in tree order: a staff page's unit picker. */
export async function unitsWhere(db: Db, req: FastifyRequest, permission: string): Promise<UnitRow[]> {
  return (await listUnits(db)).filter((u) => u.merged_into_id === null && req.can(permission, u.path));
}

/**
 * The unit a staff page is about: `code` when given (the caller must hold `permission` on it), else the first of
 * `units` (from unitsWhere). @throws AppError UNIT_NOT_FOUND, FORBIDDEN
 */
export async function pageUnitOf(db: Db, req: FastifyRequest, code: string, units: UnitRow[], permission: string): Promise<UnitRow> {
  if (code) {
    const unit = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findUnitByCode(db, code) : null;
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    req.requireOn(permission, unit.path);
    return unit;
  }
  const first = units[0];
  if (!first) throw new AppError('FORBIDDEN');
  return first;
}
