import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { type DeclarationSetRow, findSet } from './queries.ts';
import type { FormTemplate } from './rules/template.ts';
import { findTemplate } from './templates/index.ts';

/** Who may fill declarations at a desk: the staff who receive dossiers there (the same role, the same unit). */
export const FORMS_PERMISSION = 'dossiers.receive';

export const setNotFound = (id: number | string) =>
  new AppError('DECLARATION_SET_NOT_FOUND', { detail: { vi: `Không tìm thấy bộ tờ khai số ${id}`, en: `No declaration set ${id}` } });

/** Loads a set (locked for the transaction when `lock`). @throws AppError DECLARATION_SET_NOT_FOUND */
export async function mustFindSet(db: Db, id: number, lock = false): Promise<DeclarationSetRow> {
  const set = Number.isSafeInteger(id) && id > 0 ? await findSet(db, id, lock) : null;
  if (!set) throw setNotFound(id);
  return set;
}

/** @throws AppError FORBIDDEN unless the caller may fill declarations at the set's unit. */
export function requireOnSet(req: FastifyRequest, set: DeclarationSetRow): void {
  req.requireOn(FORMS_PERMISSION, set.unit_path);
}

/** The templates a set was filled under (the versions it keeps, even after a newer circular). */
export function templatesOf(set: DeclarationSetRow): FormTemplate[] {
  return set.templates.flatMap((r) => findTemplate(r.key, r.version) ?? []);
}
