import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { insertShift, lockMembers, overlappingShifts } from '../queries.ts';
import { type ShiftDraft, vietnamDay, vietnamTime } from '../rules/roster.ts';

/**
 * Puts members on a duty shift at a unit (checked by rules/roster.ts checkShift, which refuses the past), with its
 * audit row. Every member must be an active member of one of the unit's teams. A member already on another shift
 * (at any unit) overlapping this one is refused, naming the member and that shift; the members' rows are locked
 * first, so two shifts created at once for one member cannot both pass. The caller has checked support-teams.manage.
 * @throws AppError VALIDATION_FAILED naming `memberIds` for members not of the unit
 * @throws AppError SUPPORT_SHIFT_OVERLAP naming `memberIds`
 */
export async function createShift(db: Db, actor: Actor, unit: { id: number }, s: ShiftDraft): Promise<number> {
  return inTransaction(db, async (tx) => {
    const members = await lockMembers(tx, s.memberIds);
    const ok = members.filter((m) => m.unit_id === unit.id && m.active);
    if (ok.length !== s.memberIds.length) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          { field: 'memberIds', message: { vi: 'Có người không phải thành viên đội hỗ trợ của đơn vị', en: 'Someone is not a member of the unit’s teams' } },
        ],
      });
    }
    const clashes = await overlappingShifts(tx, s.memberIds, s.startsAt, s.endsAt);
    if (clashes.length) {
      const errors: FieldError[] = clashes.map((c) => {
        const when = `${vietnamDay(new Date(c.starts_at))} ${vietnamTime(new Date(c.starts_at))}–${vietnamTime(new Date(c.ends_at))}`;
        return {
          field: 'memberIds',
          message: {
            vi: `${c.full_name} đã có ca trực trùng giờ (${when}, ${c.unit_name})`,
            en: `${c.full_name} is already on a shift at that time (${when}, ${c.unit_name})`,
          },
        };
      });
      throw new AppError('SUPPORT_SHIFT_OVERLAP', { errors });
    }
    const id = await insertShift(tx, unit.id, s, actor.userId);
    await recordAudit(tx, actor, {
      action: 'support-shift.create',
      entityType: 'support_shift',
      entityId: id,
      unitId: unit.id,
      after: { duty: s.duty, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), members: s.memberIds },
    });
    return id;
  });
}
