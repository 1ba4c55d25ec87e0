/**
 * Helpers' activity (issue 8 item 6): people helped by support teams over a period, per unit, team, member and kind
 * (VNeID accounts created, online dossiers filed or guided, online payments helped, other guidance).
 */
import type { Db } from '../../platform/db/pool.ts';
import { activityRows } from './queries.ts';
import { type HelpKind, helpKinds } from './rules/help.ts';

export type HelpCounts = Record<HelpKind, number> & { total: number };

export interface SupportActivity {
  from: string;
  to: string;
  total: HelpCounts;
  units: { id: number; code: string; name: string; counts: HelpCounts }[];
  teams: { id: number; unit: string; name: string; counts: HelpCounts }[];
  members: { id: number; teamId: number; name: string; counts: HelpCounts }[];
}

const zero = (): HelpCounts => ({ vneid_account: 0, online_dossier: 0, payment: 0, guidance: 0, total: 0 });

/**
 * Counts the help records of the units (give each unit of a subtree to count it) whose day lies in [from, to]
 * (Vietnam dates, both included; the caller checks the period, e.g. with platform/period.ts checkPeriod).
 */
export async function supportActivity(db: Db, q: { unitIds: number[]; from: string; to: string }): Promise<SupportActivity> {
  const out: SupportActivity = { from: q.from, to: q.to, total: zero(), units: [], teams: [], members: [] };
  if (q.unitIds.length === 0) return out;
  const found = await activityRows(db, q.unitIds, q.from, q.to);
  const units = new Map<number, SupportActivity['units'][number]>();
  const teams = new Map<number, SupportActivity['teams'][number]>();
  const members = new Map<number, SupportActivity['members'][number]>();
  for (const r of found) {
    if (!helpKinds.includes(r.kind)) continue;
    const u = units.get(r.unit_id) ?? { id: r.unit_id, code: r.unit_code, name: r.unit_name, counts: zero() };
    const t = teams.get(r.team_id) ?? { id: r.team_id, unit: r.unit_code, name: r.team_name, counts: zero() };
    const m = members.get(r.member_id) ?? { id: r.member_id, teamId: r.team_id, name: r.member_name, counts: zero() };
    for (const c of [out.total, u.counts, t.counts, m.counts]) {
      c[r.kind] += r.n;
      c.total += r.n;
    }
    units.set(u.id, u);
    teams.set(t.id, t);
    members.set(m.id, m);
  }
  out.units = [...units.values()];
  out.teams = [...teams.values()];
  out.members = [...members.values()];
  return out;
}
