import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AppointmentRow, findAppointmentByCode, lockAppointmentByCode } from '../queries.ts';
import { type AppointmentAction, mayTake } from '../rules/lifecycle.ts';
import type { ActionContext, ActionInput } from './action-input.ts';
import { assignAppointment } from './assign-appointment.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { confirmAppointment } from './confirm-appointment.ts';
import { proposeAppointmentSlot } from './propose-appointment-slot.ts';
import { recordVisitOutcome } from './record-visit-outcome.ts';

export type { ActionContext, ActionInput } from './action-input.ts';

export const appointmentNotFound = () =>
  new AppError('APPOINTMENT_NOT_FOUND', { detail: { vi: 'Không có lịch hẹn với mã này', en: 'No appointment has this code' } });

/**
 * Takes one staff action on a request, in one transaction: locks it, checks the version the caller saw (409) and that
 * its status allows the action (409 APPOINTMENT_ACTION_NOT_ALLOWED), then runs the action's command. `authorize` runs
 * on the locked row (the caller's permission on its unit).
 *
 * @throws AppError APPOINTMENT_NOT_FOUND, CONFLICT, APPOINTMENT_ACTION_NOT_ALLOWED, and what each command throws
 */
export async function actOnAppointment(
  db: Db,
  actor: Actor,
  code: string,
  action: AppointmentAction,
  input: ActionInput,
  ctx: ActionContext,
  authorize: (a: AppointmentRow) => void,
): Promise<AppointmentRow> {
  return inTransaction(db, async (tx) => {
    const a = await lockAppointmentByCode(tx, code);
    if (!a) throw appointmentNotFound();
    authorize(a);
    if (input.version !== undefined && input.version !== a.version) {
      throw new AppError('CONFLICT', {
        detail: {
          vi: `Lịch hẹn vừa được người khác cập nhật (bạn đang xem phiên bản ${input.version}, hiện tại là ${a.version}). Hãy tải lại trang.`,
          en: `The appointment was just updated by someone else (you saw version ${input.version}; it is now ${a.version}). Reload the page.`,
        },
        extra: { currentVersion: a.version },
      });
    }
    const allowed = mayTake(a.status, action);
    if (!allowed.ok) throw new AppError('APPOINTMENT_ACTION_NOT_ALLOWED', { detail: allowed.message, extra: { action, status: a.status } });
    switch (action) {
      case 'propose':
        await proposeAppointmentSlot(tx, actor, a, input, ctx);
        break;
      case 'confirm':
        await confirmAppointment(tx, actor, a, input, ctx);
        break;
      case 'assign':
        await assignAppointment(tx, actor, a, input, ctx);
        break;
      case 'done':
      case 'absent':
        await recordVisitOutcome(tx, actor, a, action, input, ctx);
        break;
      case 'cancel':
        await cancelAppointment(tx, actor, a, input, ctx);
        break;
    }
    return (await findAppointmentByCode(tx, a.code)) as AppointmentRow;
  });
}
