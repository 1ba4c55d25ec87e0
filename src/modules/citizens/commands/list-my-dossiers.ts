import type { CitizenPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type ApplicantDossierRow, listDossiersByApplicant } from '../../dossiers/index.ts';
import { type CitizenRow, findCitizenById } from '../queries.ts';

/** The signed-in citizen's row and the dossiers filed under their personal ID number, newest first. */
export async function listMyDossiers(
  db: Db,
  principal: CitizenPrincipal,
  page: { limit: number; offset: number },
): Promise<{ citizen: CitizenRow; rows: ApplicantDossierRow[]; total: number }> {
  const citizen = await findCitizenById(db, principal.citizenId);
  if (!citizen) throw new AppError('UNAUTHENTICATED');
  const { rows, total } = await listDossiersByApplicant(db, citizen.id_number, page);
  return { citizen, rows, total };
}
