import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { auditUser } from '../present.ts';
import { findUserByUsername, insertGrant, insertUser, type UserRow } from '../queries.ts';
import type { CreateUserInput } from '../schema.ts';

/** Creates a staff account with its role grants (units already resolved and authorized by the caller). */
export async function createUser(tx: Db, actor: Actor, input: CreateUserInput, grantUnits: UnitRow[], opts: { isDemo?: boolean } = {}): Promise<UserRow> {
  if (await findUserByUsername(tx, input.username)) throw new AppError('USERNAME_TAKEN');
  const user = await insertUser(tx, {
    username: input.username,
    fullName: input.fullName.normalize('NFC'),
    title: input.title ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    passwordHash: await hashPassword(input.password),
    isDemo: opts.isDemo ?? false,
  });
  const grants = input.grants ?? [];
  for (const [i, g] of grants.entries()) {
    const unit = grantUnits[i];
    if (!unit) throw new Error('grant unit not resolved');
    await insertGrant(tx, user.id, g.role, unit.id, g.subtree ?? false);
  }
  await recordAudit(tx, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.username,
    unitId: grantUnits[0]?.id ?? null,
    after: { ...auditUser(user), grants: grants.map((g) => `${g.role}@${g.unit}${g.subtree ? '/*' : ''}`) },
  });
  return user;
}
