import type { UnitRow } from './queries.ts';

/** The public shape of a unit. `byId` resolves parent and merge target codes. */
export function presentUnit(u: UnitRow, byId: (id: number) => UnitRow | undefined) {
  return {
    code: u.code,
    adminCode: u.admin_code,
    name: u.name,
    kind: u.kind,
    parent: u.parent_id ? (byId(u.parent_id)?.code ?? null) : null,
    depth: u.depth,
    weekendDays: u.weekend_days,
    officeHours: u.office_hours,
    address: u.address,
    phone: u.phone,
    email: u.email,
    mergedInto: u.merged_into_id ? (byId(u.merged_into_id)?.code ?? null) : null,
    mergedOn: u.merged_on,
  };
}
