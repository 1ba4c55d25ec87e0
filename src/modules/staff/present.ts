import type { GrantRow, UserRow } from './queries.ts';

/** The shape of a staff account that leaves the server: never the password hash or lockout state. */
export function presentUser(u: UserRow, grants: GrantRow[]) {
  return {
    username: u.username,
    fullName: u.full_name,
    title: u.title,
    email: u.email,
    phone: u.phone,
    active: u.active,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
    grants: grants.map((g) => ({ id: g.id, role: g.role, unit: g.unit_code, unitName: g.unit_name, subtree: g.subtree })),
  };
}

/** What the audit log keeps of a user: no password hash. */
export function auditUser(u: UserRow) {
  return { username: u.username, fullName: u.full_name, title: u.title, email: u.email, phone: u.phone, active: u.active };
}
