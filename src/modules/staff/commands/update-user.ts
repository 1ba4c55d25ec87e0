import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { auditUser } from '../present.ts';
import { deleteSessionsOf, setPasswordHash, type UserRow, updateUser as updateRow } from '../queries.ts';
import type { UpdateUserInput } from '../schema.ts';

/** Edits a staff profile; a new password or deactivation ends the user's sessions. */
export async function updateUser(tx: Db, actor: Actor, user: UserRow, input: UpdateUserInput, unitId: number | null = null): Promise<UserRow> {
  // A field left out keeps its value; null clears it.
  const keep = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
  const updated = await updateRow(tx, user.id, {
    fullName: input.fullName.normalize('NFC'),
    title: keep(input.title, user.title),
    email: keep(input.email, user.email),
    phone: keep(input.phone, user.phone),
    active: keep(input.active, user.active),
  });
  if (input.password) await setPasswordHash(tx, user.id, await hashPassword(input.password));
  if (input.password || (user.active && !updated.active)) await deleteSessionsOf(tx, user.id);
  await recordAudit(tx, actor, {
    action: input.password ? 'user.update_with_password' : 'user.update',
    entityType: 'user',
    entityId: user.username,
    unitId,
    before: auditUser(user),
    after: auditUser(updated),
  });
  return updated;
}
