/** A role held at a unit (with the unit's materialised path), possibly over its subtree. */
export interface Grant {
  role: string;
  unitId: number;
  unitPath: string;
  subtree: boolean;
}

/**
 * Who is making a request: a signed-in staff member, an integration's API key, or a citizen signed in through VNeID.
 * A citizen holds no staff permission: the HTTP layer refuses every non-public, non-citizen route to one before the
 * authorizer is asked, and `grants` is always empty so an authorizer that forgets the kind still finds nothing.
 */
export type Principal =
  | { kind: 'user'; userId: number; label: string; username: string; grants: Grant[] }
  | { kind: 'api_key'; apiKeyId: number; label: string; scopes: string[]; unitId: number | null; unitPath: string | null }
  | CitizenPrincipal;

/** A citizen signed in through VNeID (label `citizen:<id>`: no name or ID number, it goes into the audit log). */
export interface CitizenPrincipal {
  kind: 'citizen';
  citizenId: number;
  label: string;
  /** Full name for the page header only. */
  displayName: string;
  grants: readonly [];
}

/** Route access levels besides named permissions. */
export const PUBLIC = 'public';
export const SIGNED_IN = 'signed-in';
/** Only a citizen signed in through VNeID (staff and API keys get 403, anonymous callers are sent to /cong-dan). */
export const CITIZEN = 'citizen';

/** Decides whether a principal holds a permission, optionally on a given unit (by path). */
export interface Authorizer {
  /** Holds the permission somewhere (used to answer 403 before loading anything). */
  holds(principal: Principal, permission: string): boolean;
  /** Holds the permission on the unit with this path. */
  holdsOn(principal: Principal, permission: string, unitPath: string): boolean;
}
