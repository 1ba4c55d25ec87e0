import type { Static } from 'typebox';
import type { CorrectionRow, FindingRow, InspectionRow, ModelRow, RegistrationRow } from './queries.ts';
import type { ComplianceIssue } from './rules/compliance.ts';
import { correctionState, type Member } from './rules/inspections.ts';
import type { ComplianceOut, CorrectionOut, FindingOut, InspectionOut, ModelOut, RegistrationOut } from './schema.ts';
import { ruleLabels } from './schema.ts';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** A model as anyone may read it, with the units running it today (name and parent only). */
export function presentModel(m: ModelRow, units: { code: string; name: string; parent: string | null }[]): Static<typeof ModelOut> {
  return {
    code: m.code,
    name: m.name,
    purpose: m.purpose,
    leadAgency: m.lead_agency,
    monitoringAgency: m.monitoring_agency,
    origin: m.origin,
    issuer: { code: m.issuer_code, name: m.issuer_name },
    source: m.source,
    mandatory: m.mandatory,
    choicePool: m.choice_pool,
    sameDay: m.same_day,
    catalogueCode: m.catalogue_code,
    startsOn: m.starts_on,
    endsOn: m.ends_on,
    updatedAt: iso(m.updated_at) as string,
    units,
  };
}

export function presentRegistration(r: RegistrationRow): Static<typeof RegistrationOut> {
  return {
    id: r.id,
    unit: { code: r.unit_code, name: r.unit_name },
    model: { code: r.model_code, name: r.model_name, sameDay: r.same_day },
    fromDate: r.from_date,
    toDate: r.to_date,
    note: r.note,
    procedures: r.procedures.map((p) => ({ code: p.code, name: p.name })),
  };
}

export function presentCompliance(
  unit: { code: string; name: string },
  year: number,
  day: string,
  issues: ComplianceIssue[],
  lang: 'vi' | 'en',
): Static<typeof ComplianceOut> {
  return {
    unit: { code: unit.code, name: unit.name },
    year,
    day,
    items: issues.map((i) => ({
      unit: { code: i.unit.code, name: i.unit.name, kind: i.unit.kind },
      rule: i.rule,
      ruleText: ruleLabels[i.rule][lang],
      models: i.models,
    })),
  };
}

export function presentCorrection(c: CorrectionRow, today: string): Static<typeof CorrectionOut> {
  return {
    id: c.id,
    action: c.action,
    owner: c.owner,
    deadline: c.deadline,
    status: correctionState(c, today),
    evidence: c.evidence,
    doneOn: c.done_on,
  };
}

export function presentInspection(
  i: InspectionRow,
  parts: { members: Member[]; models: { code: string; name: string }[]; findings: FindingRow[]; corrections: CorrectionRow[] },
  today: string,
): Static<typeof InspectionOut> {
  return {
    id: i.id,
    inspectingUnit: { code: i.inspecting_code, name: i.inspecting_name },
    inspectedUnit: { code: i.inspected_code, name: i.inspected_name },
    title: i.title,
    plannedOn: i.planned_on,
    notes: i.notes,
    indexGroups: i.index_groups,
    models: parts.models.map((m) => ({ code: m.code, name: m.name })),
    members: parts.members.map((m) => ({ name: m.name, title: m.title, role: m.role })),
    findings: parts.findings.map(
      (f): Static<typeof FindingOut> => ({
        id: f.id,
        model: f.model_code ? { code: f.model_code, name: f.model_name ?? '' } : null,
        indexGroup: f.index_group,
        severity: f.severity,
        text: f.text,
        status: f.status,
        closingNote: f.closing_note,
        closedAt: iso(f.closed_at),
        corrections: parts.corrections.filter((c) => c.finding_id === f.id).map((c) => presentCorrection(c, today)),
      }),
    ),
    findingsOpen: i.findings_open,
    correctionsOverdue: i.corrections_overdue,
  };
}
