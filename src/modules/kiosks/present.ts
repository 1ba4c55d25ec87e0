import type { MessageRow } from './queries.ts';

// Drizzle's node-postgres driver returns timestamps as text; accept either.
const iso = (d: Date | string) => new Date(d).toISOString();

/** A board message → JSON (explicit fields: no author, no internal ids beyond the message's own). */
export function presentMessage(r: MessageRow, unitCode: string) {
  return {
    id: r.id,
    unit: unitCode,
    position: r.position,
    text: r.body,
    enabled: r.enabled,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    updatedAt: iso(r.updated_at),
  };
}
