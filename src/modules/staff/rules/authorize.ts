import type { Authorizer, Grant, Principal } from '../../../platform/auth/principal.ts';
import { type Role, rolePermissions } from '../permissions.ts';

function grantCovers(grant: Grant, unitPath: string): boolean {
  if (grant.role === 'system_admin') return true;
  return grant.unitPath === unitPath || (grant.subtree && unitPath.startsWith(grant.unitPath));
}

function roleHas(role: string, permission: string): boolean {
  return (rolePermissions[role as Role] ?? []).includes(permission as never);
}

function keyHas(scopes: string[], permission: string): boolean {
  return scopes.includes(permission);
}

/**
 * The role × unit authorizer. A user holds a permission on a unit when one of their grants
 * gives it and covers the unit (the unit itself, or its subtree for subtree grants). An API
 * key holds the permissions named in its scopes, on its unit's subtree or everywhere.
 */
export const authorizer: Authorizer = {
  holds(principal: Principal, permission: string): boolean {
    if (principal.kind === 'api_key') return keyHas(principal.scopes, permission);
    return principal.grants.some((g) => roleHas(g.role, permission));
  },
  holdsOn(principal: Principal, permission: string, unitPath: string): boolean {
    if (principal.kind === 'api_key') {
      return keyHas(principal.scopes, permission) && (principal.unitPath === null || unitPath.startsWith(principal.unitPath));
    }
    return principal.grants.some((g) => roleHas(g.role, permission) && grantCovers(g, unitPath));
  },
};

/**
 * Catalogue-wide powers (the national procedure catalogue, the national calendar) need the
 * permission through a grant at a root unit (a province) over its subtree, or a system admin.
 */
export function holdsGlobally(principal: Principal, permission: string): boolean {
  if (principal.kind === 'api_key') return principal.unitPath === null && keyHas(principal.scopes, permission);
  return principal.grants.some(
    (g) => roleHas(g.role, permission) && (g.role === 'system_admin' || (g.subtree && g.unitPath.split('/').filter(Boolean).length === 1)),
  );
}

/** Units a principal reaches with a permission: each grant's unit, with or without its subtree. */
export interface UnitScope {
  path: string;
  subtree: boolean;
}

/**
 * The unit scopes in which a principal holds `permission`; null means everywhere (a system
 * administrator). A grant without subtree reaches its own unit only.
 */
export function scopesFor(principal: Principal, permission: string): UnitScope[] | null {
  if (principal.kind === 'api_key') {
    if (!keyHas(principal.scopes, permission)) return [];
    return principal.unitPath === null ? null : [{ path: principal.unitPath, subtree: true }];
  }
  if (principal.grants.some((g) => g.role === 'system_admin')) return null;
  return principal.grants.filter((g) => roleHas(g.role, permission)).map((g) => ({ path: g.unitPath, subtree: g.subtree }));
}

/** Whether a unit path lies in one of the scopes. */
export function inScopes(scopes: UnitScope[] | null, unitPath: string): boolean {
  return scopes === null || scopes.some((s) => s.path === unitPath || (s.subtree && unitPath.startsWith(s.path)));
}
