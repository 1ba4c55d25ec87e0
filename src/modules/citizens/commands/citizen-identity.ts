import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { IdentityFields } from '../../identity/index.ts';
import { findCitizenById } from '../queries.ts';
import { sexFromIdNumber } from '../rules/claims.ts';

/**
 * A signed-in citizen's identity as VNeID last gave it, for pre-filling their own declarations (forms module);
 * null for anyone else (anonymous, staff, API keys). VNeID gives no date of issue nor old 9-digit number: issueDate is
 * '' and oldIdNumber null; a date of birth or address VNeID did not send is '' too (an empty field to fill in), and a
 * missing sex is read from the ID number's sex-and-century digit.
 */
export async function citizenIdentity(db: Db, principal: Principal | null): Promise<IdentityFields | null> {
  if (principal?.kind !== 'citizen') return null;
  const row = await findCitizenById(db, principal.citizenId);
  if (!row) return null;
  const sex = row.sex ?? sexFromIdNumber(row.id_number);
  if (!sex) return null;
  return {
    idNumber: row.id_number,
    oldIdNumber: null,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth ?? '',
    sex,
    address: row.address ?? '',
    issueDate: '',
  };
}
