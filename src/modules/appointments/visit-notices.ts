/**
 * Queues the messages of a visit in the caller's transaction (the notifications job sends them): what the citizen and
 * the person assigned are told at once, and the reminders of the day before, which are withdrawn and queued again
 * whenever the time or the person changes. Reminders carry about = 'appointment:<code>:reminder'.
 */
import type { Db } from '../../platform/db/pool.ts';
import { queueNotification } from '../../platform/notify/index.ts';
import { type AppointmentRow, withdrawReminders } from './queries.ts';
import { assigneeNotice, type Notice, reminderNotices, type VisitFacts } from './rules/notices.ts';
import { reminderAt } from './rules/slots.ts';

export const aboutOf = (code: string) => `appointment:${code}`;
export const reminderAboutOf = (code: string) => `appointment:${code}:reminder`;
export const trackPathOf = (code: string) => `/hen-tai-nha/c/${code}`;

export function factsOf(a: AppointmentRow, publicUrl: string): VisitFacts {
  return {
    code: a.code,
    kind: a.kind,
    unitName: a.unit_name,
    unitPhone: a.unit_phone,
    start: new Date(a.slot_start),
    end: new Date(a.slot_end),
    free: a.free,
    trackUrl: `${publicUrl}${trackPathOf(a.code)}`,
  };
}

export async function queueNow(tx: Db, a: AppointmentRow, notices: Notice[]): Promise<void> {
  for (const n of notices) await queueNotification(tx, { ...n, about: aboutOf(a.code) });
}

const citizenOf = (a: AppointmentRow) => ({ name: a.citizen_name, phone: a.citizen_phone, address: a.address, need: a.need, dossierCode: a.dossier_code });

/** Tells the person assigned at once (when their account has an e-mail address). */
export async function queueAssigneeNotice(tx: Db, a: AppointmentRow, publicUrl: string): Promise<void> {
  if (!a.assignee_email || !a.assignee_name) return;
  await queueNotification(tx, {
    ...assigneeNotice(factsOf(a, publicUrl), { email: a.assignee_email, name: a.assignee_name }, citizenOf(a), false),
    about: aboutOf(a.code),
  });
}

/**
 * Withdraws the pending reminders of a visit and, when it is confirmed, queues them again for its current time and
 * person: the citizen by SMS (and e-mail when given) and the person assigned by e-mail, the day before at 16:00.
 */
export async function refreshReminders(tx: Db, a: AppointmentRow, publicUrl: string, now: Date): Promise<void> {
  const about = reminderAboutOf(a.code);
  await withdrawReminders(tx, about);
  if (a.status !== 'confirmed') return;
  const at = reminderAt(new Date(a.slot_start), now);
  if (!at) return;
  const facts = factsOf(a, publicUrl);
  for (const n of reminderNotices(facts, { phone: a.citizen_phone, email: a.citizen_email })) await queueNotification(tx, { ...n, about, sendAfter: at });
  if (a.assignee_email && a.assignee_name) {
    await queueNotification(tx, { ...assigneeNotice(facts, { email: a.assignee_email, name: a.assignee_name }, citizenOf(a), true), about, sendAfter: at });
  }
}
