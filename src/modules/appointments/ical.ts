import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { AppointmentRow } from './queries.ts';
import { kindLabels, statusLabels } from './rules/lifecycle.ts';

/**
 * One person's home visits as an iCalendar (RFC 5545) feed their phone subscribes to (/lich-hen/<token>.ics, a secret
 * address per person). Each visit is one event whose UID never changes (appointment-<code>@<host>) and whose SEQUENCE
 * is the request's version, so clients replace their copy; cancelled visits stay with STATUS:CANCELLED. The event
 * carries the citizen's name, phone and address (the person needs them to go): the address of the feed is a secret.
 */
export function visitsCalendar(items: AppointmentRow[], publicUrl: string, name: string): string {
  const host = new URL(publicUrl).host;
  const cal = ical({
    name: `Lịch hẹn tại nhà · ${name}`.normalize('NFC'),
    prodId: { company: 'Gan Dan', product: 'hen-tai-nha', language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 15 * 60,
    x: { 'X-WR-TIMEZONE': 'Asia/Ho_Chi_Minh' },
  });
  for (const a of items) {
    const url = `${publicUrl}/quan-tri/hen-tai-nha/${a.code}`;
    cal.createEvent({
      id: `appointment-${a.code}@${host}`,
      sequence: a.version,
      start: new Date(a.slot_start),
      end: new Date(a.slot_end),
      stamp: new Date(),
      summary: `${kindLabels[a.kind].vi}: ${a.citizen_name}${a.free ? ' (ưu tiên, miễn phí)' : ''}`.normalize('NFC'),
      description: [
        `Mã lịch hẹn ${a.code} · ${statusLabels[a.status].vi}`,
        `Điện thoại: ${a.citizen_phone}`,
        a.dossier_code ? `Hồ sơ: ${a.dossier_code}` : '',
        a.need ?? '',
        a.status === 'cancelled' ? `Đã hủy: ${a.cancel_reason ?? ''}` : '',
        url,
      ]
        .filter(Boolean)
        .join('\n\n')
        .normalize('NFC'),
      location: a.address.normalize('NFC'),
      url,
      status:
        a.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : a.status === 'proposed' || a.status === 'requested'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
