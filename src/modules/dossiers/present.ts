import type { Lang } from '../../platform/i18n/index.ts';
import type { AttachmentMeta, DossierRow, EventRow, ExtensionRow, Moment, PauseRow, RatingRow } from './queries.ts';
import { type DossierAction, type DossierStatus, isLate, statusLabels } from './rules/lifecycle.ts';

const iso = (d: Moment | null) => (d ? new Date(d).toISOString() : null);
const isoNN = (d: Moment) => new Date(d).toISOString();

/** A list row: no personal data beyond the applicant's name. */
export function presentSummary(d: DossierRow, now: Date, lang: Lang = 'vi') {
  return {
    code: d.code,
    status: d.status,
    statusLabel: statusLabels[d.status][lang],
    unit: d.unit_code,
    processingUnit: d.processing_unit_code,
    assignee: d.assignee_username,
    procedure: { code: d.procedure_code, version: d.procedure_version, name: d.procedure_name },
    channel: d.channel,
    applicantName: d.applicant_name,
    receivedAt: isoNN(d.received_at),
    dueDate: d.due_date,
    dueAt: isoNN(d.due_at),
    late: isLate({ status: d.status, dueAt: new Date(d.due_at) }, now),
    version: d.version,
  };
}

/** A timeline event for staff: internal notes included. */
export function presentEvent(e: EventRow) {
  return {
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    at: isoNN(e.at),
    actor: e.actor_name ?? e.actor_label,
    unit: e.unit_code,
    toUnit: e.to_unit_code,
    note: e.internal_note,
    publicNote: e.public_note,
    data: e.data ?? {},
  };
}

export interface DossierDetails {
  events: EventRow[];
  pauses: PauseRow[];
  extensions: ExtensionRow[];
  attachments: AttachmentMeta[];
  rating: RatingRow | null;
  allowed: DossierAction[];
}

/** One dossier for staff who may read it (the read is audited by the route): personal data included. */
export function presentDossier(d: DossierRow, x: DossierDetails, now: Date, lang: Lang = 'vi') {
  return {
    ...presentSummary(d, now, lang),
    applicant: {
      name: d.applicant_name,
      idNumber: d.applicant_id_number,
      phone: d.applicant_phone,
      email: d.applicant_email,
      address: d.applicant_address,
    },
    documents: d.documents ?? [],
    note: d.note,
    countsFrom: d.counts_from,
    originalDueDate: d.original_due_date,
    pausedWorkingDays: d.paused_working_days,
    extensionCount: d.extension_count,
    milestones: {
      acceptedAt: iso(d.accepted_at),
      refusedAt: iso(d.refused_at),
      processingStartedAt: iso(d.processing_started_at),
      submittedAt: iso(d.submitted_at),
      approvedAt: iso(d.approved_at),
      resultAt: iso(d.result_at),
      returnedAt: iso(d.returned_at),
      closedAt: iso(d.closed_at),
      endedAt: iso(d.ended_at),
    },
    returnChannel: d.return_channel,
    servicePolicy: d.service_policy ? { kind: d.service_policy, name: d.service_policy_name ?? '', normalDueDate: d.normal_due_date } : null,
    flags: {
      online: d.online,
      paidOnline: d.paid_online,
      digitised: d.digitised,
      electronicResult: d.electronic_result,
      reusedDocuments: d.reused_documents,
      sameDay: d.same_day,
    },
    allowedActions: x.allowed,
    timeline: x.events.map(presentEvent),
    pauses: x.pauses.map((p) => ({ missing: p.missing, startedAt: isoNN(p.started_at), endedAt: iso(p.ended_at), workingDays: p.working_days })),
    extensions: x.extensions.map((e) => ({
      previousDueDate: e.previous_due_date,
      newDueDate: e.new_due_date,
      reason: e.reason,
      issuedAt: isoNN(e.issued_at),
      lateWhenIssued: e.late_when_issued,
    })),
    attachments: x.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 })),
    rating: x.rating ? { rating: x.rating.rating, ratedAt: isoNN(x.rating.rated_at) } : null,
  };
}

/**
 * What the public tracking page shows: status, appointment, what is missing, and the timeline's status changes with
 * their public notes. No internal notes, no staff names, no personal data beyond what the citizen already gave.
 */
export function presentTracking(
  d: DossierRow,
  x: { events: EventRow[]; openPause: PauseRow | null; rated: boolean; officials: { id: number; full_name: string }[] },
  lang: Lang = 'vi',
) {
  const canRate = (d.status === 'returned' || d.status === 'closed') && !x.rated;
  return {
    code: d.code,
    status: d.status,
    statusLabel: statusLabels[d.status][lang],
    procedure: d.procedure_name,
    unit: d.unit_name,
    receivedAt: isoNN(d.received_at),
    dueDate: d.due_date,
    missing: d.status === 'supplement_requested' ? (x.openPause?.missing ?? null) : null,
    timeline: x.events
      .filter((e) => e.from_status !== e.to_status || e.public_note)
      .map((e) => ({
        at: isoNN(e.at),
        status: e.to_status,
        statusLabel: statusLabels[e.to_status as DossierStatus]?.[lang] ?? e.to_status,
        note: e.public_note,
      })),
    canRate,
    rated: x.rated,
    officials: canRate ? x.officials.map((o) => ({ id: o.id, name: o.full_name })) : [],
  };
}
