import type { Authorizer, Principal } from '../../../platform/auth/principal.ts';
import { assignableRoles, type Role, rolePermissions } from '../permissions.ts';
import { inScopes, scopesFor, type UnitScope } from './authorize.ts';

const isAdmin = (p: Principal) => p.kind === 'user' && p.grants.some((g) => g.role === 'system_admin');

/**
 * Whether a principal may give `role` at a unit: a system administrator may give any role;
 * anyone else needs a grant that manages users, covers that unit (and its subtree, for a
 * subtree grant), and whose role may hand out `role` (permissions.ts assignableRoles). So no
 * one raises their own powers or reaches past their own units.
 */
export function mayGrantRole(_authorizer: Authorizer, principal: Principal, role: string, unitPath: string, subtree: boolean): boolean {
  if (isAdmin(principal)) return true;
  if (principal.kind !== 'user') return false;
  return principal.grants.some(
    (g) =>
      (rolePermissions[g.role as Role] ?? []).includes('users.manage') &&
      (assignableRoles[g.role as Role] ?? []).includes(role as Role) &&
      (g.unitPath === unitPath || (g.subtree && unitPath.startsWith(g.unitPath))) &&
      (!subtree || g.subtree),
  );
}

/**
 * Whether a principal may edit a staff account (profile, password, active flag): they must be
 * able to have given every role the account holds, where it holds it, so nobody takes over an
 * account wider than their own. Accounts with no role are for system administrators only.
 */
export function mayManageUser(authorizer: Authorizer, principal: Principal, grants: { role: string; unit_path: string; subtree?: boolean }[]): boolean {
  if (isAdmin(principal)) return true;
  if (grants.length === 0) return false;
  return grants.every((g) => mayGrantRole(authorizer, principal, g.role, g.unit_path, g.subtree ?? false));
}

/** The unit scopes whose staff a principal may list; null means everyone (system admin). */
export function visibleUserScopes(principal: Principal): UnitScope[] | null {
  return scopesFor(principal, 'users.read');
}

/** Whether a principal may see a staff account: one of its grants lies in a scope they may read. */
export function mayViewUser(principal: Principal, grants: { unit_path: string }[]): boolean {
  const scopes = visibleUserScopes(principal);
  return scopes === null || grants.some((g) => inScopes(scopes, g.unit_path));
}
