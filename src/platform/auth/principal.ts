/** A role held at a unit (with the unit's materialised path), possibly over its subtree. */
export interface Grant {
  role: string;
  unitId: number;
  unitPath: string;
  subtree: boolean;
}

/** Who is making a request: a signed-in staff member or an integration's API key. */
export type Principal =
  | { kind: 'user'; userId: number; label: string; username: string; grants: Grant[] }
  | { kind: 'api_key'; apiKeyId: number; label: string; scopes: string[]; unitId: number | null; unitPath: string | null };

/** Route access levels besides named permissions. */
export const PUBLIC = 'public';
export const SIGNED_IN = 'signed-in';

/** Decides whether a principal holds a permission, optionally on a given unit (by path). */
export interface Authorizer {
  /** Holds the permission somewhere (used to answer 403 before loading anything). */
  holds(principal: Principal, permission: string): boolean;
  /** Holds the permission on the unit with this path. */
  holdsOn(principal: Principal, permission: string, unitPath: string): boolean;
}
