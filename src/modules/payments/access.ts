import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { type DossierRow, findDossierByCode } from '../dossiers/index.ts';
import { feeNotFound } from './errors.ts';
import { type FeeRow, findFee } from './queries.ts';

/** A dossier by code, if the caller holds `permission` on the unit that received it or the one processing it. */
export async function dossierFor(db: Db, req: FastifyRequest, code: string, permission: string): Promise<DossierRow> {
  const d = await findDossierByCode(db, code.trim().toUpperCase());
  if (!d) throw new AppError('NOT_FOUND', { detail: { vi: `Không tìm thấy hồ sơ ${code}`, en: `No dossier ${code}` } });
  const paths = [d.unit_path, d.processing_unit_path].filter((p): p is string => Boolean(p));
  if (!paths.some((p) => req.can(permission, p))) throw new AppError('FORBIDDEN');
  return d;
}

/** A fee of this dossier (NOT_FOUND for another dossier's fee). */
export async function feeOf(db: Db, d: DossierRow, feeId: number, lock = false): Promise<FeeRow> {
  const fee = await findFee(db, feeId, lock);
  if (!fee || fee.dossier_id !== d.id) throw feeNotFound();
  return fee;
}
