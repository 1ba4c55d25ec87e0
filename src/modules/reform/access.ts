/** Loading and checking shared by the JSON routes and the pages: one place for 404s and scope checks. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import {
  type CorrectionRow,
  type FindingRow,
  findCorrection,
  findFinding,
  findInspection,
  findModelByCode,
  findRegistration,
  type InspectionRow,
  inspectionMembers,
  inspectionModels,
  listCorrections,
  listFindings,
  type ModelRow,
  type RegistrationRow,
} from './queries.ts';
import { MODEL_CODE } from './rules/models.ts';

/** Manage the registry of models issued by a unit (danh mục mô hình). */
export const MANAGE = 'reform.manage';
/** Register the models a unit runs and its same-day procedures; record the unit's corrections after an inspection. */
export const REGISTER = 'reform.register';
/** Inspect the units below: compliance view, plan inspections, record and close findings. */
export const INSPECT = 'reform.inspect';

export const today = () => todayInVietnam(new Date());

const idOf = (raw: unknown): number | null => {
  const text = String(raw ?? '');
  const n = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null;
  return n !== null && Number.isSafeInteger(n) ? n : null;
};

/** Whether the caller inspects at a unit: reform.inspect, or reform.manage (the Home Affairs office running the plan). */
export const canInspect = (req: FastifyRequest, path: string) => req.can(INSPECT, path) || req.can(MANAGE, path);

export function requireInspector(req: FastifyRequest, path: string): void {
  if (!canInspect(req, path)) req.requireOn(INSPECT, path);
}

export async function mustFindModel(p: Platform, raw: unknown): Promise<ModelRow> {
  const code = String(raw ?? '');
  const m = MODEL_CODE.test(code) ? await findModelByCode(p.db, code) : null;
  if (!m) throw new AppError('REFORM_MODEL_NOT_FOUND');
  return m;
}

/** A unit named in input (not merged away), or a field error on `field`. */
export async function unitFor(p: Platform, raw: unknown, field: string): Promise<UnitRow> {
  const code = typeof raw === 'string' ? raw.trim() : '';
  const unit = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findUnitByCode(p.db, code) : null;
  if (!unit || unit.merged_into_id !== null) {
    throw new AppError('UNIT_NOT_FOUND', { errors: [{ field, message: { vi: 'Không có đơn vị này', en: 'No such unit' } }] });
  }
  return unit;
}

/** A registration the caller may change: 404 when there is none, 403 without reform.register on its unit. */
export async function loadRegistration(p: Platform, req: FastifyRequest, raw: unknown): Promise<RegistrationRow> {
  const id = idOf(raw);
  const r = id ? await findRegistration(p.db, id) : null;
  if (!r) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có đăng ký này', en: 'No such registration' } });
  req.requireOn(REGISTER, r.unit_path);
  return r;
}

/**
 * An inspection the caller may see: the inspecting body (reform.inspect or reform.manage on the inspecting unit) or
 * the inspected unit (reform.register or reform.inspect on it). 404 when there is none, 403 otherwise.
 */
export async function loadInspection(p: Platform, req: FastifyRequest, raw: unknown): Promise<InspectionRow> {
  const id = idOf(raw);
  const i = id ? await findInspection(p.db, id, today()) : null;
  if (!i) throw new AppError('REFORM_INSPECTION_NOT_FOUND');
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  if (!canInspect(req, i.inspecting_path) && !req.can(REGISTER, i.inspected_path) && !canInspect(req, i.inspected_path)) throw new AppError('FORBIDDEN');
  return i;
}

/** A finding of the inspection. */
export async function loadFinding(p: Platform, i: InspectionRow, raw: unknown): Promise<FindingRow> {
  const id = idOf(raw);
  const f = id ? await findFinding(p.db, id) : null;
  if (!f || f.inspection_id !== i.id) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có kết luận này', en: 'No such finding' } });
  return f;
}

/** A correction of one of the inspection's findings. */
export async function loadCorrection(p: Platform, i: InspectionRow, raw: unknown): Promise<CorrectionRow> {
  const id = idOf(raw);
  const c = id ? await findCorrection(p.db, id) : null;
  const f = c ? await findFinding(p.db, c.finding_id) : null;
  if (!c || !f || f.inspection_id !== i.id) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có biện pháp khắc phục này', en: 'No such correction' } });
  return c;
}

/** Everything an inspection page or answer shows. */
export async function inspectionParts(p: Platform, i: InspectionRow) {
  const [members, models, findings, corrections] = await Promise.all([
    inspectionMembers(p.db, i.id),
    inspectionModels(p.db, i.id),
    listFindings(p.db, i.id),
    listCorrections(p.db, i.id),
  ]);
  return { members, models, findings, corrections };
}
