import type { Authorizer, Principal } from '../../../platform/auth/principal.ts';

/**
 * Whether a principal may edit a staff account: they must hold users.manage on every unit
 * where the account holds a role (so a commune leader cannot edit a province officer), and
 * only a system administrator may edit an account with no role or with the system-admin role.
 */
export function mayManageUser(authorizer: Authorizer, principal: Principal, grants: { role: string; unit_path: string }[]): boolean {
  const isAdmin = principal.kind === 'user' && principal.grants.some((g) => g.role === 'system_admin');
  if (isAdmin) return true;
  if (grants.length === 0 || grants.some((g) => g.role === 'system_admin')) return false;
  return grants.every((g) => authorizer.holdsOn(principal, 'users.manage', g.unit_path));
}

/** Only a system administrator may hand out the system-admin role. */
export function mayGrantRole(principal: Principal, role: string): boolean {
  return role !== 'system_admin' || (principal.kind === 'user' && principal.grants.some((g) => g.role === 'system_admin'));
}

/** The unit subtrees whose staff a principal may list; null means everyone (system admin). */
export function visibleUserPaths(authorizer: Authorizer, principal: Principal): string[] | null {
  if (principal.kind === 'user' && principal.grants.some((g) => g.role === 'system_admin')) return null;
  if (principal.kind !== 'user') return [];
  return principal.grants.filter((g) => authorizer.holdsOn(principal, 'users.read', g.unitPath)).map((g) => (g.subtree ? g.unitPath : g.unitPath));
}

/** Whether a principal may see a staff account: one of its grants lies in a subtree they may read. */
export function mayViewUser(authorizer: Authorizer, principal: Principal, grants: { unit_path: string }[]): boolean {
  const visible = visibleUserPaths(authorizer, principal);
  return visible === null || grants.some((g) => visible.some((v) => g.unit_path.startsWith(v)));
}
