import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { stateOf } from './commands/transition-dossier.ts';
import type { DossierDetails } from './present.ts';
import {
  type DossierRow,
  type EventRow,
  findDossierByCode,
  findRating,
  listAttachments,
  listEvents,
  listExtensions,
  listPauses,
  lockDossierByCode,
} from './queries.ts';
import { actionRules, allowedActions } from './rules/lifecycle.ts';

export const dossierNotFound = (code: string) => new AppError('NOT_FOUND', { detail: { vi: `Không tìm thấy hồ sơ ${code}`, en: `No dossier ${code}` } });

/** Loads a dossier by code (locked for the transaction when `lock`). @throws AppError NOT_FOUND */
export async function mustFindDossier(db: Db, code: string, lock = false): Promise<DossierRow> {
  const d = lock ? await lockDossierByCode(db, code) : await findDossierByCode(db, code);
  if (!d) throw dossierNotFound(code);
  return d;
}

/** The units whose staff may act on a dossier: where it was received and where it is being processed. */
function unitPaths(d: DossierRow): string[] {
  return [d.unit_path, d.processing_unit_path].filter((p): p is string => Boolean(p));
}

/** Whether the caller holds `permission` on the receiving or the processing unit. */
export function canOnDossier(req: FastifyRequest, permission: string, d: DossierRow): boolean {
  return unitPaths(d).some((p) => req.can(permission, p));
}

/** @throws AppError FORBIDDEN unless the caller holds `permission` on the receiving or the processing unit. */
export function requireOnDossier(req: FastifyRequest, permission: string, d: DossierRow): void {
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  if (!canOnDossier(req, permission, d)) throw new AppError('FORBIDDEN');
}

/** Timeline, pauses, extensions, attachments, rating, and the actions this caller may take now. */
export async function loadDetails(db: Db, req: FastifyRequest, d: DossierRow, now: Date): Promise<DossierDetails> {
  const [events, pauses, extensions, attachments, rating] = await Promise.all([
    listEvents(db, d.id),
    listPauses(db, d.id),
    listExtensions(db, d.id),
    listAttachments(db, d.id),
    findRating(db, d.id),
  ]);
  return { events, pauses, extensions, attachments, rating, allowed: allowedOn(req, d, now) };
}

/** The details of a dossier just received, from what intake returned: its one event and nothing else yet (no reads). */
export function receivedDetails(req: FastifyRequest, d: DossierRow, event: EventRow, now: Date): DossierDetails {
  return { events: [event], pauses: [], extensions: [], attachments: [], rating: null, allowed: allowedOn(req, d, now) };
}

/** The actions this caller may take on the dossier now. */
function allowedOn(req: FastifyRequest, d: DossierRow, now: Date) {
  return allowedActions(stateOf(d), now).filter((a) => canOnDossier(req, actionRules[a].permission, d));
}
