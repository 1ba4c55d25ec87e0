import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type CitizenRow, upsertCitizen } from '../queries.ts';
import { acrAccepted, citizenFromClaims } from '../rules/claims.ts';
import type { VneidIdentity } from '../vneid.ts';

/**
 * Signs a citizen in from a validated VNeID identity: checks the account level (`acr`, when VNEID_REQUIRED_ACR is
 * set) and that the full name and 12-digit ID number are present, then creates or refreshes their row and records
 * the sign-in in the audit log (by row id and issuer only: no name, no ID number). Run inside a transaction.
 */
export async function signInCitizen(
  db: Db,
  actor: Actor,
  identity: VneidIdentity,
  opts: { idClaim: string; requiredAcr: readonly string[] },
): Promise<CitizenRow> {
  if (!acrAccepted(identity.acr, opts.requiredAcr)) throw new AppError('VNEID_LEVEL_TOO_LOW');
  const mapped = citizenFromClaims(identity.claims, opts.idClaim);
  if (!mapped.ok) throw new AppError('VNEID_IDENTITY_INCOMPLETE');
  const row = await upsertCitizen(db, identity.issuer, identity.subject, mapped.citizen, identity.acr);
  await recordAudit(
    db,
    { ...actor, userId: null, label: `citizen:${row.id}` },
    { action: 'citizen.sign_in', entityType: 'citizen', entityId: row.id, after: { issuer: identity.issuer, acr: identity.acr, firstSignIn: row.created } },
  );
  return row;
}
