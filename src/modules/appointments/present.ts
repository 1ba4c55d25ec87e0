/** Rows → JSON, as explicit field lists (only staff holding appointments.manage see these). */
import { vietnamIso } from '../../platform/period.ts';
import type { AppointmentRow } from './queries.ts';
import { actionsFor } from './rules/lifecycle.ts';

const iso = (v: Date | string | null) => (v === null ? null : vietnamIso(v));

export function presentSummary(a: AppointmentRow) {
  return {
    code: a.code,
    unit: { code: a.unit_code, name: a.unit_name },
    kind: a.kind,
    channel: a.channel,
    status: a.status,
    free: a.free,
    priorityGroup: a.priority_group,
    citizenName: a.citizen_name,
    address: a.address,
    slotStart: vietnamIso(a.slot_start),
    slotEnd: vietnamIso(a.slot_end),
    assignee: a.assignee_username ? { username: a.assignee_username, name: a.assignee_name ?? '' } : null,
  };
}

export function presentAppointment(a: AppointmentRow) {
  return {
    ...presentSummary(a),
    phone: a.citizen_phone,
    email: a.citizen_email,
    need: a.need,
    procedure: a.procedure_text,
    dossierCode: a.dossier_code,
    requestedStart: vietnamIso(a.requested_start),
    proposedAt: iso(a.proposed_at),
    confirmedAt: iso(a.confirmed_at),
    visitedBy: a.visited_by,
    visitedAt: iso(a.visited_at),
    outcomeNote: a.outcome_note,
    cancelReason: a.cancel_reason,
    version: a.version,
    actions: actionsFor(a.status),
  };
}
