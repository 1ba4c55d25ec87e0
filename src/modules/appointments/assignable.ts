/** Who may be sent on a home visit of a unit (phân công): read through the staff module's role holders. */
import type { Db } from '../../platform/db/pool.ts';
import { roleHoldersAt } from '../staff/index.ts';

export interface AssignableRow {
  id: number;
  username: string;
  full_name: string;
  email: string | null;
  role: string;
}

const VISIT_ROLES = ['unit_leader', 'one_stop_clerk', 'specialist', 'home_affairs_officer', 'support_volunteer'] as const;

/**
 * People who may go on a visit of the unit: active accounts holding a staff role or the helper role at that unit (a
 * subtree grant above does not count), once each with their first role by name, sorted by name.
 */
export async function listAssignable(db: Db, unitId: number): Promise<AssignableRow[]> {
  const seen = new Map<number, AssignableRow>();
  for (const h of await roleHoldersAt(db, { unitIds: [unitId], roles: VISIT_ROLES })) {
    if (!seen.has(h.userId)) seen.set(h.userId, { id: h.userId, username: h.username, full_name: h.fullName, email: h.email, role: h.role });
  }
  return [...seen.values()].sort((a, b) => a.full_name.localeCompare(b.full_name, 'vi'));
}
