/** Rows → JSON, as explicit field lists: nothing leaves the server by accident. */
import type { LetterRow } from './queries.ts';
import { filledBody, type LetterIssuer } from './render.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentLetter(l: LetterRow, issuer: LetterIssuer) {
  return {
    id: l.id,
    unit: { code: l.unit_code, name: l.unit_name },
    kind: l.kind,
    status: l.status,
    origin: l.origin,
    event: l.event_kind,
    dossierCode: l.dossier_code,
    taxCode: l.tax_code,
    recipient: { name: l.recipient_name, address: l.recipient_address, email: l.recipient_email },
    eventText: l.event_text,
    eventDate: l.event_date,
    title: l.title,
    body: l.body,
    text: filledBody(l, issuer),
    signer: { name: l.signer_name, title: l.signer_title },
    number: l.symbol,
    year: l.year,
    submittedAt: iso(l.submitted_at),
    approvedAt: iso(l.approved_at),
    sentAt: iso(l.sent_at),
    sentChannel: l.sent_channel,
    printedAt: iso(l.printed_at),
    version: l.version,
    createdAt: iso(l.created_at) as string,
  };
}

export function presentSummary(l: LetterRow) {
  return {
    id: l.id,
    unit: { code: l.unit_code, name: l.unit_name },
    kind: l.kind,
    status: l.status,
    origin: l.origin,
    recipientName: l.recipient_name,
    eventDate: l.event_date,
    number: l.symbol,
    approvedAt: iso(l.approved_at),
    createdAt: iso(l.created_at) as string,
  };
}
