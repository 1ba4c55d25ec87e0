import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { DialogueRow } from './queries.ts';
import { formatLabels, kindLabels } from './schema.ts';

/**
 * The dialogues as an iCalendar (RFC 5545) feed a phone or office calendar subscribes to. Each dialogue is one event
 * whose UID never changes (dialogue-<id>@<host>) and whose SEQUENCE rises with every change of time, place or status,
 * so clients replace their copy; cancelled ones stay in the feed with STATUS:CANCELLED. Times are written in UTC
 * (…Z), which every client shows in its own zone; the feed says its zone is Asia/Ho_Chi_Minh for display.
 */
export function dialoguesCalendar(items: DialogueRow[], publicUrl: string, name: string): string {
  const host = new URL(publicUrl).host;
  const cal = ical({
    name,
    prodId: { company: 'Gan Dan', product: 'doi-thoai', language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
    x: { 'X-WR-TIMEZONE': 'Asia/Ho_Chi_Minh' },
  });
  for (const d of items) {
    const label = kindLabels[d.kind].vi;
    const format = d.format ? ` (${formatLabels[d.format].vi})` : '';
    const url = `${publicUrl}/doi-thoai/${d.id}`;
    cal.createEvent({
      id: `dialogue-${d.id}@${host}`,
      sequence: d.sequence,
      start: new Date(d.starts_at),
      end: new Date(d.ends_at),
      stamp: new Date(d.updated_at),
      lastModified: new Date(d.updated_at),
      summary: `${d.title.normalize('NFC')} · ${d.unit_name}`,
      description: [`${label}${format}`, d.description ?? '', d.status === 'cancelled' ? `Đã hủy: ${d.cancel_reason ?? ''}` : '', url]
        .filter(Boolean)
        .join('\n\n')
        .normalize('NFC'),
      location: d.place.normalize('NFC'),
      url,
      status: d.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
