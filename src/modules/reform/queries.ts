import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, rows } from '../../platform/db/query.ts';
import type { CorrectionStatus, IndexGroup, Member, PlanValues, Severity } from './rules/inspections.ts';
import type { ModelOrigin, ModelValues } from './rules/models.ts';

// ---------- models ----------

export interface ModelRow {
  id: number;
  code: string;
  name: string;
  purpose: string | null;
  lead_agency: string;
  monitoring_agency: string | null;
  origin: ModelOrigin;
  issuer_unit_id: number;
  issuer_code: string;
  issuer_name: string;
  issuer_path: string;
  source: string;
  mandatory: boolean;
  choice_pool: boolean;
  same_day: boolean;
  catalogue_code: string;
  starts_on: string;
  ends_on: string | null;
  updated_at: Date;
}

const modelCols = sql`m.id::int AS id, m.code, m.name, m.purpose, m.lead_agency, m.monitoring_agency, m.origin,
  m.issuer_unit_id::int AS issuer_unit_id, u.code AS issuer_code, u.name AS issuer_name, u.path AS issuer_path, m.source,
  m.mandatory, m.choice_pool, m.same_day, m.catalogue_code, to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on,
  to_char(m.ends_on, 'YYYY-MM-DD') AS ends_on, m.updated_at
  FROM reform_models m JOIN units u ON u.id = m.issuer_unit_id`;

/** Every model, province first, then by issuer and name. */
export function listModels(db: Db): Promise<ModelRow[]> {
  return rows<ModelRow>(db, sql`SELECT ${modelCols} ORDER BY u.depth, u.path, m.mandatory DESC, m.name`);
}

export function findModelByCode(db: Db, code: string): Promise<ModelRow | null> {
  return one<ModelRow>(db, sql`SELECT ${modelCols} WHERE m.code = ${code}`);
}

export function findModelById(db: Db, id: number): Promise<ModelRow | null> {
  return one<ModelRow>(db, sql`SELECT ${modelCols} WHERE m.id = ${id}`);
}

export async function insertModel(db: Db, v: ModelValues, issuerUnitId: number, userId: number | null): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO reform_models (code, name, purpose, lead_agency, monitoring_agency, origin, issuer_unit_id, source, mandatory,
          choice_pool, same_day, catalogue_code, starts_on, ends_on, created_by)
        VALUES (${v.code}, ${v.name}, ${v.purpose}, ${v.leadAgency}, ${v.monitoringAgency}, ${v.origin}, ${issuerUnitId}, ${v.source},
          ${v.mandatory}, ${v.choicePool}, ${v.sameDay}, ${v.catalogueCode}, ${v.startsOn}::date, ${v.endsOn}::date, ${userId})
        ON CONFLICT (code) DO NOTHING
        RETURNING id::int AS id`,
  );
  return r?.id ?? 0;
}

/** Writes a model's fields (its code stays); returns false when someone saved it since `seen` (optimistic check). */
export async function updateModel(db: Db, id: number, v: ModelValues, issuerUnitId: number, seen: Date | null): Promise<boolean> {
  const res = await db.execute(sql`
    UPDATE reform_models SET name = ${v.name}, purpose = ${v.purpose}, lead_agency = ${v.leadAgency},
      monitoring_agency = ${v.monitoringAgency}, origin = ${v.origin}, issuer_unit_id = ${issuerUnitId}, source = ${v.source},
      mandatory = ${v.mandatory}, choice_pool = ${v.choicePool}, same_day = ${v.sameDay}, catalogue_code = ${v.catalogueCode},
      starts_on = ${v.startsOn}::date, ends_on = ${v.endsOn}::date, updated_at = clock_timestamp()
    WHERE id = ${id} ${seen ? sql`AND date_trunc('milliseconds', updated_at) = date_trunc('milliseconds', ${seen.toISOString()}::timestamptz)` : sql``}`);
  return (res.rowCount ?? 0) > 0;
}

export async function modelHasProcedures(db: Db, modelId: number): Promise<boolean> {
  const r = await one(
    db,
    sql`SELECT 1 FROM reform_registration_procedures rp JOIN reform_registrations r ON r.id = rp.registration_id WHERE r.model_id = ${modelId} LIMIT 1`,
  );
  return r !== null;
}

// ---------- registrations ----------

export interface RegistrationRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  unit_kind: string;
  parent_name: string | null;
  model_id: number;
  model_code: string;
  model_name: string;
  /** The model's row in MODELS.md (M1 … M15). */
  catalogue_code: string;
  same_day: boolean;
  from_date: string;
  to_date: string | null;
  note: string | null;
  procedures: { code: string; name: string | null }[];
}

const registrationCols = sql`r.id::int AS id, r.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
  u.kind AS unit_kind, pu.name AS parent_name, r.model_id::int AS model_id, m.code AS model_code, m.name AS model_name, m.catalogue_code, m.same_day,
  to_char(r.from_date, 'YYYY-MM-DD') AS from_date, to_char(r.to_date, 'YYYY-MM-DD') AS to_date, r.note,
  COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', (
      SELECT v.name FROM procedure_versions v WHERE v.procedure_id = p.id AND v.status <> 'draft' ORDER BY v.version DESC LIMIT 1))
    ORDER BY p.code)
    FROM reform_registration_procedures rp JOIN procedures p ON p.id = rp.procedure_id WHERE rp.registration_id = r.id), '[]'::json) AS procedures
  FROM reform_registrations r JOIN units u ON u.id = r.unit_id LEFT JOIN units pu ON pu.id = u.parent_id
  JOIN reform_models m ON m.id = r.model_id`;

export function listUnitRegistrations(db: Db, unitId: number): Promise<RegistrationRow[]> {
  return rows<RegistrationRow>(db, sql`SELECT ${registrationCols} WHERE r.unit_id = ${unitId} ORDER BY r.to_date IS NOT NULL, m.name, r.from_date DESC`);
}

export function findRegistration(db: Db, id: number): Promise<RegistrationRow | null> {
  return one<RegistrationRow>(db, sql`SELECT ${registrationCols} WHERE r.id = ${id}`);
}

/** Registrations running on `day`, of every unit or of the given ones. */
export function registrationsOn(db: Db, day: string, unitIds: number[] | null): Promise<RegistrationRow[]> {
  const units = unitIds === null ? sql`true` : sql`r.unit_id = ANY(${`{${unitIds.join(',')}}`}::bigint[])`;
  return rows<RegistrationRow>(
    db,
    sql`SELECT ${registrationCols} WHERE ${units} AND r.from_date <= ${day}::date AND (r.to_date IS NULL OR r.to_date >= ${day}::date)
        ORDER BY u.path, m.name`,
  );
}

/** Locks a unit's registrations of a model (and the unit row) so two overlapping periods are never saved together. */
export async function lockUnitModel(db: Db, unitId: number, modelId: number): Promise<{ id: number; fromDate: string; toDate: string | null }[]> {
  await db.execute(sql`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`);
  return rows(
    db,
    sql`SELECT id::int AS id, to_char(from_date, 'YYYY-MM-DD') AS "fromDate", to_char(to_date, 'YYYY-MM-DD') AS "toDate"
        FROM reform_registrations WHERE unit_id = ${unitId} AND model_id = ${modelId}`,
  );
}

export async function insertRegistration(
  db: Db,
  r: { unitId: number; modelId: number; fromDate: string; toDate: string | null; note: string | null },
  userId: number | null,
): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    sql`INSERT INTO reform_registrations (unit_id, model_id, from_date, to_date, note, created_by)
        VALUES (${r.unitId}, ${r.modelId}, ${r.fromDate}::date, ${r.toDate}::date, ${r.note}, ${userId}) RETURNING id::int AS id`,
  );
  return (row as { id: number }).id;
}

export async function updateRegistration(db: Db, id: number, r: { fromDate: string; toDate: string | null; note: string | null }): Promise<void> {
  await db.execute(sql`UPDATE reform_registrations SET from_date = ${r.fromDate}::date, to_date = ${r.toDate}::date, note = ${r.note},
    updated_at = now() WHERE id = ${id}`);
}

export async function setRegistrationProcedures(db: Db, registrationId: number, procedureIds: number[]): Promise<void> {
  await db.execute(sql`DELETE FROM reform_registration_procedures WHERE registration_id = ${registrationId}`);
  if (procedureIds.length === 0) return;
  await db.execute(sql`INSERT INTO reform_registration_procedures (registration_id, procedure_id)
    SELECT ${registrationId}, x FROM unnest(${`{${procedureIds.join(',')}}`}::bigint[]) AS x ON CONFLICT DO NOTHING`);
}

/** The catalogue ids of procedure codes; codes not in the catalogue are left out. */
export function proceduresByCode(db: Db, codes: string[]): Promise<{ id: number; code: string }[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return rows(db, sql`SELECT id::int AS id, code FROM procedures WHERE code = ANY(${`{${codes.map((c) => `"${c}"`).join(',')}}`}::text[])`);
}

/** Every registration of the units under a path (the compliance rules read the whole history of each unit). */
export function registrationsUnder(db: Db, path: string): Promise<{ unitId: number; modelId: number; fromDate: string; toDate: string | null }[]> {
  return rows(
    db,
    sql`SELECT r.unit_id::int AS "unitId", r.model_id::int AS "modelId", to_char(r.from_date, 'YYYY-MM-DD') AS "fromDate",
          to_char(r.to_date, 'YYYY-MM-DD') AS "toDate"
        FROM reform_registrations r JOIN units u ON u.id = r.unit_id WHERE u.path LIKE ${`${likeEscape(path)}%`}`,
  );
}

// ---------- inspections ----------

export interface InspectionRow {
  id: number;
  inspecting_unit_id: number;
  inspecting_code: string;
  inspecting_name: string;
  inspecting_path: string;
  inspected_unit_id: number;
  inspected_code: string;
  inspected_name: string;
  inspected_path: string;
  title: string;
  planned_on: string;
  index_groups: IndexGroup[];
  notes: string | null;
  findings_total: number;
  findings_open: number;
  corrections_overdue: number;
  created_at: Date;
}

const inspectionCols = (today: string) => sql`i.id::int AS id, i.inspecting_unit_id::int AS inspecting_unit_id, a.code AS inspecting_code,
  a.name AS inspecting_name, a.path AS inspecting_path, i.inspected_unit_id::int AS inspected_unit_id, b.code AS inspected_code,
  b.name AS inspected_name, b.path AS inspected_path, i.title, to_char(i.planned_on, 'YYYY-MM-DD') AS planned_on, i.index_groups, i.notes,
  (SELECT count(*)::int FROM reform_findings f WHERE f.inspection_id = i.id) AS findings_total,
  (SELECT count(*)::int FROM reform_findings f WHERE f.inspection_id = i.id AND f.status = 'open') AS findings_open,
  (SELECT count(*)::int FROM reform_corrections c JOIN reform_findings f ON f.id = c.finding_id
     WHERE f.inspection_id = i.id AND c.status = 'open' AND c.deadline < ${today}::date) AS corrections_overdue,
  i.created_at
  FROM reform_inspections i JOIN units a ON a.id = i.inspecting_unit_id JOIN units b ON b.id = i.inspected_unit_id`;

export function findInspection(db: Db, id: number, today: string): Promise<InspectionRow | null> {
  return one<InspectionRow>(db, sql`SELECT ${inspectionCols(today)} WHERE i.id = ${id}`);
}

/** Inspections made by or of the units under a path, latest first. */
export function listInspections(db: Db, underPath: string, today: string, limit = 200): Promise<InspectionRow[]> {
  const like = `${likeEscape(underPath)}%`;
  return rows<InspectionRow>(
    db,
    sql`SELECT ${inspectionCols(today)} WHERE a.path LIKE ${like} OR b.path LIKE ${like} ORDER BY i.planned_on DESC, i.id DESC LIMIT ${limit}`,
  );
}

export async function insertInspection(
  db: Db,
  inspectingId: number,
  inspectedId: number,
  v: PlanValues,
  modelIds: number[],
  userId: number | null,
): Promise<number> {
  const r = (await one<{ id: number }>(
    db,
    sql`INSERT INTO reform_inspections (inspecting_unit_id, inspected_unit_id, title, planned_on, index_groups, notes, created_by)
        VALUES (${inspectingId}, ${inspectedId}, ${v.title}, ${v.plannedOn}::date, ${`{${v.indexGroups.join(',')}}`}::text[], ${v.notes}, ${userId})
        RETURNING id::int AS id`,
  )) as { id: number };
  for (const [i, m] of v.members.entries()) {
    await db.execute(sql`INSERT INTO reform_inspection_members (inspection_id, name, title, role, position)
      VALUES (${r.id}, ${m.name}, ${m.title}, ${m.role}, ${i + 1})`);
  }
  if (modelIds.length) {
    await db.execute(sql`INSERT INTO reform_inspection_models (inspection_id, model_id)
      SELECT ${r.id}, x FROM unnest(${`{${modelIds.join(',')}}`}::bigint[]) AS x ON CONFLICT DO NOTHING`);
  }
  return r.id;
}

export function inspectionMembers(db: Db, id: number): Promise<Member[]> {
  return rows<Member>(db, sql`SELECT name, title, role FROM reform_inspection_members WHERE inspection_id = ${id} ORDER BY position`);
}

export function inspectionModels(db: Db, id: number): Promise<{ id: number; code: string; name: string }[]> {
  return rows(
    db,
    sql`SELECT m.id::int AS id, m.code, m.name FROM reform_inspection_models im JOIN reform_models m ON m.id = im.model_id
        WHERE im.inspection_id = ${id} ORDER BY m.name`,
  );
}

export interface FindingRow {
  id: number;
  inspection_id: number;
  model_code: string | null;
  model_name: string | null;
  index_group: IndexGroup | null;
  severity: Severity;
  text: string;
  status: 'open' | 'closed';
  closing_note: string | null;
  closed_at: Date | null;
  created_at: Date;
}

const findingCols = sql`f.id::int AS id, f.inspection_id::int AS inspection_id, m.code AS model_code, m.name AS model_name, f.index_group,
  f.severity, f.text, f.status, f.closing_note, f.closed_at, f.created_at
  FROM reform_findings f LEFT JOIN reform_models m ON m.id = f.model_id`;

export function listFindings(db: Db, inspectionId: number): Promise<FindingRow[]> {
  return rows<FindingRow>(db, sql`SELECT ${findingCols} WHERE f.inspection_id = ${inspectionId} ORDER BY f.id`);
}

export function findFinding(db: Db, id: number): Promise<FindingRow | null> {
  return one<FindingRow>(db, sql`SELECT ${findingCols} WHERE f.id = ${id}`);
}

/** Locks a finding for the rest of the transaction and returns its status. */
export async function lockFinding(db: Db, id: number): Promise<'open' | 'closed' | null> {
  const r = await one<{ status: 'open' | 'closed' }>(db, sql`SELECT status FROM reform_findings WHERE id = ${id} FOR UPDATE`);
  return r?.status ?? null;
}

export async function insertFinding(
  db: Db,
  inspectionId: number,
  f: { modelId: number | null; indexGroup: IndexGroup | null; severity: Severity; text: string },
  userId: number | null,
): Promise<number> {
  const r = (await one<{ id: number }>(
    db,
    sql`INSERT INTO reform_findings (inspection_id, model_id, index_group, severity, text, created_by)
        VALUES (${inspectionId}, ${f.modelId}, ${f.indexGroup}, ${f.severity}, ${f.text}, ${userId}) RETURNING id::int AS id`,
  )) as { id: number };
  return r.id;
}

export async function closeFinding(db: Db, id: number, note: string | null, userId: number | null): Promise<void> {
  await db.execute(sql`UPDATE reform_findings SET status = 'closed', closing_note = ${note}, closed_by = ${userId}, closed_at = now() WHERE id = ${id}`);
}

export interface CorrectionRow {
  id: number;
  finding_id: number;
  action: string;
  owner: string;
  deadline: string;
  status: CorrectionStatus;
  evidence: string | null;
  done_on: string | null;
  updated_at: Date;
}

const correctionCols = sql`c.id::int AS id, c.finding_id::int AS finding_id, c.action, c.owner, to_char(c.deadline, 'YYYY-MM-DD') AS deadline,
  c.status, c.evidence, to_char(c.done_on, 'YYYY-MM-DD') AS done_on, c.updated_at FROM reform_corrections c`;

export function listCorrections(db: Db, inspectionId: number): Promise<CorrectionRow[]> {
  return rows<CorrectionRow>(
    db,
    sql`SELECT ${correctionCols} JOIN reform_findings f ON f.id = c.finding_id WHERE f.inspection_id = ${inspectionId} ORDER BY c.id`,
  );
}

export function correctionsOf(db: Db, findingId: number): Promise<CorrectionRow[]> {
  return rows<CorrectionRow>(db, sql`SELECT ${correctionCols} WHERE c.finding_id = ${findingId} ORDER BY c.id`);
}

export function findCorrection(db: Db, id: number): Promise<CorrectionRow | null> {
  return one<CorrectionRow>(db, sql`SELECT ${correctionCols} WHERE c.id = ${id}`);
}

export async function insertCorrection(
  db: Db,
  findingId: number,
  c: { action: string; owner: string; deadline: string; status: CorrectionStatus; evidence: string | null; doneOn: string | null },
  userId: number | null,
): Promise<number> {
  const r = (await one<{ id: number }>(
    db,
    sql`INSERT INTO reform_corrections (finding_id, action, owner, deadline, status, evidence, done_on, created_by)
        VALUES (${findingId}, ${c.action}, ${c.owner}, ${c.deadline}::date, ${c.status}, ${c.evidence}, ${c.doneOn}::date, ${userId})
        RETURNING id::int AS id`,
  )) as { id: number };
  return r.id;
}

export async function updateCorrection(
  db: Db,
  id: number,
  c: { action: string; owner: string; deadline: string; status: CorrectionStatus; evidence: string | null; doneOn: string | null },
): Promise<void> {
  await db.execute(sql`UPDATE reform_corrections SET action = ${c.action}, owner = ${c.owner}, deadline = ${c.deadline}::date, status = ${c.status},
    evidence = ${c.evidence}, done_on = ${c.doneOn}::date, updated_at = now() WHERE id = ${id}`);
}
