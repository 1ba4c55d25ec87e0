/** Loading and checking shared by the JSON routes and the pages: one place for 404s and scope checks. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { normaliseShortCode } from '../../platform/text/index.ts';
import { scopesFor, type UnitScope } from '../staff/index.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import { appointmentNotFound } from './commands/act-on-appointment.ts';
import { type AppointmentRow, findAppointmentByCode } from './queries.ts';

/** Staff handling of home appointments at a unit: list, read (audited), enter, propose, confirm, assign, record. */
export const PERMISSION = 'appointments.manage';

/** A request by the code in an address; anything unreadable is the same 404. */
export async function mustFindAppointment(p: Platform, raw: unknown): Promise<AppointmentRow> {
  const code = normaliseShortCode(String(raw ?? '').slice(0, 40));
  const a = code ? await findAppointmentByCode(p.db, code) : null;
  if (!a) throw appointmentNotFound();
  return a;
}

/** A request the caller handles: 404 when there is none, 403 when its unit is outside their grants. */
export async function loadForStaff(p: Platform, req: FastifyRequest, raw: unknown): Promise<AppointmentRow> {
  const a = await mustFindAppointment(p, raw);
  req.requireOn(PERMISSION, a.unit_path);
  return a;
}

/** The units whose requests the caller reads (null: everywhere). */
export function readScopes(req: FastifyRequest): UnitScope[] | null {
  const p = req.principal;
  if (!p || p.kind === 'citizen') return [];
  return scopesFor(p, PERMISSION);
}

/** A unit named in input, not merged away; a field error otherwise. */
export async function unitFor(p: Platform, code: string, field = 'unit'): Promise<UnitRow> {
  const unit = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findUnitByCode(p.db, code) : null;
  if (!unit || unit.merged_into_id !== null) {
    throw new AppError('UNIT_NOT_FOUND', { errors: [{ field, message: { vi: 'Không có đơn vị này', en: 'No such unit' } }] });
  }
  return unit;
}
