import type { Principal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { holdsGlobally } from '../staff/index.ts';

/** What a request offers for authorisation (FastifyRequest satisfies it). */
export interface Caller {
  principal: Principal | null;
  can(permission: string, unitPath?: string): boolean;
}

/**
 * Who may change a calendar scope: the national calendar (unitPath null) needs calendar.manage held globally
 * (a province-wide grant or a system administrator: holdsGlobally); a unit's calendar needs calendar.manage on
 * that unit.
 */
export function mayManageCalendar(caller: Caller, unitPath: string | null): boolean {
  if (!caller.principal) return false;
  if (unitPath === null) return holdsGlobally(caller.principal, 'calendar.manage');
  return caller.can('calendar.manage', unitPath);
}

/** @throws AppError UNAUTHENTICATED or FORBIDDEN unless mayManageCalendar */
export function requireManageCalendar(caller: Caller, unitPath: string | null): void {
  if (!caller.principal) throw new AppError('UNAUTHENTICATED');
  if (!mayManageCalendar(caller, unitPath)) {
    throw new AppError('FORBIDDEN', {
      detail:
        unitPath === null
          ? {
              vi: 'Chỉ người có quyền quản lý lịch trên toàn tỉnh hoặc quản trị hệ thống mới được sửa lịch chung toàn quốc',
              en: 'Only province-wide calendar managers or system administrators may change the national calendar',
            }
          : { vi: 'Bạn không có quyền quản lý lịch của đơn vị này', en: 'You may not manage this unit’s calendar' },
    });
  }
}
