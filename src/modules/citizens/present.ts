import { type ApplicantDossierRow, statusLabels } from '../dossiers/index.ts';
import type { CitizenRow } from './queries.ts';

/** dd/mm/yyyy from YYYY-MM-DD. */
const fmtDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
/** The Vietnam (UTC+7) calendar date of an instant, dd/mm/yyyy. */
const fmtDay = (m: Date | string) => fmtDate(new Date(new Date(m).getTime() + 7 * 3600_000).toISOString());

/** What the citizen sees of their own row (their own personal data, shown to them only). */
export function presentMyDetails(row: CitizenRow) {
  return {
    fullName: row.full_name,
    idNumber: row.id_number,
    dateOfBirth: row.date_of_birth ? fmtDate(row.date_of_birth) : null,
    sex: row.sex,
    address: row.address,
    phone: row.phone,
    email: row.email,
  };
}

/**
 * One of the citizen's dossiers: what the public tracking page also shows, and the tracking link with the check
 * digits filled in (the last four of their own ID number).
 */
export function presentMyDossier(row: ApplicantDossierRow, idNumber: string, lang: 'vi' | 'en') {
  return {
    code: row.code,
    procedure: row.procedure_name,
    unit: row.unit_name,
    receivedOn: fmtDay(row.received_at),
    dueOn: fmtDate(row.due_date),
    status: row.status,
    statusLabel: statusLabels[row.status][lang],
    trackingUrl: `/tra-cuu?code=${encodeURIComponent(row.code)}&check=${idNumber.slice(-4)}`,
  };
}
