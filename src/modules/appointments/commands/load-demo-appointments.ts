import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/pool.ts';
import { one } from '../../../platform/db/query.ts';
import { shortCodeFrom } from '../../../platform/text/index.ts';
import { insertAppointment, insertAppointmentEvent } from '../queries.ts';
import { fromVietnamLocal, vietnamLocal } from '../rules/slots.ts';

/** The next Monday–Thursday at least `days` days after `now`, as 'YYYY-MM-DD' (demo requests fall on ordinary weekdays). */
function weekdayAfter(now: Date, days: number): string {
  const d = new Date(Date.parse(`${vietnamLocal(now).date}T00:00:00Z`) + days * 86_400_000);
  while (![1, 2, 3, 4].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Two home-visit requests at Phường 1, Cao Lãnh (demo data): an elderly person's pick-up and a guidance visit. */
export async function loadDemoAppointments(tx: Db, now = new Date()): Promise<Record<string, number>> {
  const unit = await one<{ id: number }>(tx, sql`SELECT id::int AS id FROM units WHERE code = 'cao-lanh-phuong-1'`);
  if (!unit) return { appointments: 0 };
  const demo = [
    {
      kind: 'pickup' as const,
      channel: 'phone' as const,
      name: 'Nguyễn Thị Lan',
      phone: '0912345678',
      address: 'Số 15 đường Lý Thường Kiệt, khóm 2, Phường 1',
      priority: 'elderly' as const,
      need: 'Bà 82 tuổi, đi lại khó khăn, cần nộp hồ sơ đề nghị trợ cấp xã hội hằng tháng.',
      date: weekdayAfter(now, 3),
      time: '08:00',
    },
    {
      kind: 'guidance' as const,
      channel: 'zalo' as const,
      name: 'Trần Văn Minh',
      phone: '0987654321',
      address: 'Số 7 hẻm 3 đường Nguyễn Huệ, khóm 4, Phường 1',
      priority: null,
      need: 'Cần hướng dẫn đăng ký tài khoản định danh điện tử và nộp hồ sơ trực tuyến.',
      date: weekdayAfter(now, 4),
      time: '14:00',
    },
  ];
  let n = 0;
  for (const d of demo) {
    const start = fromVietnamLocal(d.date, d.time) as Date;
    const id = await insertAppointment(tx, {
      code: shortCodeFrom(randomBytes(8)),
      unitId: unit.id,
      kind: d.kind,
      channel: d.channel,
      name: d.name,
      phone: d.phone,
      email: null,
      address: d.address,
      priority: d.priority,
      need: d.need,
      procedureText: null,
      procedureId: null,
      dossierCode: null,
      start,
      end: new Date(start.getTime() + 45 * 60_000),
      at: now,
      idempotencyKey: `demo-appointment-${n + 1}`,
      createdBy: null,
    });
    if (id !== null) {
      await insertAppointmentEvent(tx, {
        appointmentId: id,
        action: 'requested',
        at: now,
        actorUserId: null,
        actorLabel: 'demo',
        data: { channel: d.channel },
      });
      n++;
    }
  }
  return { appointments: n };
}
