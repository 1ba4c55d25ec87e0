/** Loading and checking shared by the JSON routes and the pages: one place for 404s, scope checks and who may record help. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import { findMember, findShift, findTeam, listMembers, type MemberRow, type ShiftRow, type TeamRow, teammatesOfUser } from './queries.ts';

export const MANAGE = 'support-teams.manage';
export const RECORD = 'support-teams.record';

const idOf = (raw: unknown): number | null => {
  const text = String(raw ?? '');
  return /^[1-9][0-9]{0,15}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
};

/** A unit named in input, not merged away; UNIT_NOT_FOUND naming `field` otherwise. */
export async function unitFor(p: Platform, code: unknown, field = 'unit'): Promise<UnitRow> {
  const text = typeof code === 'string' ? code.trim() : '';
  const unit = /^[a-z0-9][a-z0-9-]{1,62}$/.test(text) ? await findUnitByCode(p.db, text) : null;
  if (!unit || unit.merged_into_id !== null) {
    throw new AppError('UNIT_NOT_FOUND', { errors: [{ field, message: { vi: 'Không có đơn vị này', en: 'No such unit' } }] });
  }
  return unit;
}

/** A team the caller manages: 404 when there is none, 403 outside their grants. */
export async function loadTeam(p: Platform, req: FastifyRequest, raw: unknown): Promise<TeamRow> {
  const id = idOf(raw);
  const team = id ? await findTeam(p.db, id) : null;
  if (!team) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có đội hỗ trợ này', en: 'No such support team' } });
  req.requireOn(MANAGE, team.unit_path);
  return team;
}

/** A shift the caller manages: 404 when there is none, 403 outside their grants. */
export async function loadShift(p: Platform, req: FastifyRequest, raw: unknown): Promise<ShiftRow> {
  const id = idOf(raw);
  const shift = id ? await findShift(p.db, id) : null;
  if (!shift) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có ca trực này', en: 'No such shift' } });
  req.requireOn(MANAGE, shift.unit_path);
  return shift;
}

/**
 * The members the caller may record help for at a unit: every member of the unit's teams for holders of
 * support-teams.manage there; for a volunteer, the members of the teams they belong to (their own team).
 */
export async function recordableMembers(p: Platform, req: FastifyRequest, unit: UnitRow): Promise<MemberRow[]> {
  req.requireOn(RECORD, unit.path);
  if (req.can(MANAGE, unit.path)) return listMembers(p.db, unit.id);
  const userId = req.principal?.kind === 'user' ? req.principal.userId : null;
  return userId ? teammatesOfUser(p.db, userId, unit.id) : [];
}

/** The member a help is recorded for, checked: 403 unless the caller may record for that member. */
export async function loadRecordableMember(p: Platform, req: FastifyRequest, raw: unknown): Promise<MemberRow> {
  const id = idOf(raw);
  const member = id ? await findMember(p.db, id) : null;
  if (!member?.active) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field: 'memberId', message: { vi: 'Hãy chọn thành viên đã hỗ trợ', en: 'Choose the member who helped' } }],
    });
  }
  req.requireOn(RECORD, member.unit_path);
  if (!req.can(MANAGE, member.unit_path)) {
    const userId = req.principal?.kind === 'user' ? req.principal.userId : null;
    const mates = userId ? await teammatesOfUser(p.db, userId, member.unit_id) : [];
    if (!mates.some((m) => m.id === member.id)) {
      throw new AppError('FORBIDDEN', {
        detail: { vi: 'Tình nguyện viên chỉ ghi nhận cho đội của mình', en: 'A volunteer records help for their own team only' },
      });
    }
  }
  return member;
}
