/**
 * Figures of friendly conduct for the reform reports (issue 9 items 2 and 3): satisfaction from the surveys per unit,
 * service and official, and how many officials have signed the commitment in force.
 */
import type { Db } from '../../platform/db/pool.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { officialSignatures } from './officials.ts';
import { type LevelRow, levelCounts, listVersions } from './queries.ts';
import { versionInForce } from './rules/commitment.ts';
import { type Aspect, type LevelCounts, type Satisfaction, satisfactionOf } from './rules/survey.ts';

export interface SatisfactionLine extends Satisfaction {
  /** Responses (filled forms, online and paper) behind the line. */
  responses: number;
}

export interface SurveyResults extends SatisfactionLine {
  byUnit: ({ unitCode: string; unitName: string } & SatisfactionLine)[];
  byProcedure: ({ procedureCode: string; procedureName: string } & SatisfactionLine)[];
  /** Officials named on the forms (names only). */
  byOfficial: ({ userId: number; name: string } & SatisfactionLine)[];
  byAspect: ({ aspect: Aspect } & SatisfactionLine)[];
}

const lineOf = (r: LevelRow | undefined): SatisfactionLine => ({
  ...satisfactionOf((r ?? {}) as Partial<LevelCounts>),
  responses: Number(r?.responses ?? 0),
});

/**
 * Satisfaction survey results for the units over [from, to] (Vietnam dates, both included; a paper form counts on the
 * date written on it): counts per level of every rating given, and the satisfied share (rất hài lòng + hài lòng over
 * all ratings; null when there is no rating, never 0 %), in total and per unit, service (procedure), official and
 * aspect rated.
 */
export async function surveyResults(db: Db, q: { unitIds: number[]; from: string; to: string }): Promise<SurveyResults> {
  const [all, units, procedures, officials, aspectRows] = await Promise.all([
    levelCounts(db, q, 'all'),
    levelCounts(db, q, 'unit'),
    levelCounts(db, q, 'procedure'),
    levelCounts(db, q, 'official'),
    levelCounts(db, q, 'aspect'),
  ]);
  return {
    ...lineOf(all[0]),
    byUnit: units.map((r) => ({ unitCode: r.key, unitName: r.label ?? r.key, ...lineOf(r) })),
    byProcedure: procedures.map((r) => ({ procedureCode: r.key, procedureName: r.label ?? r.key, ...lineOf(r) })),
    byOfficial: officials.map((r) => ({ userId: Number(r.key), name: r.label ?? '', ...lineOf(r) })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    byAspect: aspectRows.map((r) => ({ aspect: r.key as Aspect, ...lineOf(r) })),
  };
}

export interface CommitmentSignatures {
  /** The version in force (null before any takes effect). */
  version: number | null;
  effectiveOn: string | null;
  /** Officials of the units (an official of two units counts once), and how many signed the version in force. */
  officials: number;
  signed: number;
  unsigned: number;
  byUnit: { unitId: number; officials: number; signed: number; unsigned: number }[];
}

/**
 * How many officials of the units have signed the commitment "4 xin, 4 luôn, 5 không" in force on `today` (default:
 * today in Vietnam), in total and per unit. Officials are active accounts with a role at the unit itself, other than
 * system administrators, post-office staff and support-team volunteers.
 */
export async function commitmentSignatures(db: Db, q: { unitIds: number[]; today?: string }): Promise<CommitmentSignatures> {
  const current = versionInForce(await listVersions(db), q.today ?? todayInVietnam(new Date()));
  const list = current ? await officialSignatures(db, q.unitIds, current.version) : [];
  const byUnit = new Map<number, { unitId: number; officials: number; signed: number; unsigned: number }>();
  for (const id of q.unitIds) byUnit.set(id, { unitId: id, officials: 0, signed: 0, unsigned: 0 });
  const people = new Map<number, boolean>();
  for (const r of list) {
    const u = byUnit.get(Number(r.unit_id));
    if (!u) continue;
    u.officials++;
    if (r.signed_at) u.signed++;
    else u.unsigned++;
    people.set(Number(r.user_id), r.signed_at !== null);
  }
  const signed = [...people.values()].filter(Boolean).length;
  return {
    version: current?.version ?? null,
    effectiveOn: current?.effective_on ?? null,
    officials: people.size,
    signed,
    unsigned: people.size - signed,
    byUnit: [...byUnit.values()],
  };
}
