/**
 * The messages of home visits, in Vietnamese: to the citizen by SMS (without diacritics, as brandname SMS usually
 * are, within about two messages) and by e-mail when one was given, and to the person assigned by e-mail. Pure: the
 * caller passes every fact; the notifications job sends them (src/platform/notify).
 */
import { type AppointmentKind, kindLabels } from './lifecycle.ts';
import { describeVisit } from './slots.ts';

export interface Notice {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
}

export interface VisitFacts {
  code: string;
  kind: AppointmentKind;
  unitName: string;
  unitPhone: string | null;
  start: Date;
  end: Date;
  free: boolean;
  trackUrl: string;
}

export interface CitizenContact {
  phone: string;
  email: string | null;
}

/** Vietnamese without diacritics (đ → d), for SMS. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

const sms = (phone: string, text: string): Notice => ({ channel: 'sms', recipient: phone, subject: null, body: foldDiacritics(text).slice(0, 300) });
const call = (f: VisitFacts) => (f.unitPhone ? ` Can doi gio, goi ${f.unitPhone}.` : '');
const fee = (f: VisitFacts) => (f.free ? ' Ông/bà thuộc đối tượng ưu tiên: được phục vụ tại nhà miễn phí.' : '');

function email(c: CitizenContact, subject: string, lines: string[]): Notice[] {
  if (!c.email) return [];
  return [{ channel: 'email', recipient: c.email, subject, body: ['Kính gửi ông/bà,', '', ...lines, '', 'Trân trọng.'].join('\n').normalize('NFC') }];
}

/** A time proposed by staff: the citizen calls back to agree or to ask for another. */
export function proposalNotices(f: VisitFacts, c: CitizenContact): Notice[] {
  const when = describeVisit(f.start, f.end);
  return [
    sms(c.phone, `${f.unitName}: de xuat hen tai nha ${when} (ma ${f.code}).${call(f)}`),
    ...email(c, `Đề xuất giờ hẹn tại nhà ${f.code}`, [
      `${f.unitName} đề xuất đến nhà ông/bà để ${kindLabels[f.kind].vi.toLowerCase()} vào ${when} (mã lịch hẹn ${f.code}).`,
      `Cán bộ sẽ gọi điện để thống nhất; ông/bà cũng có thể gọi ${f.unitPhone ?? 'Bộ phận Một cửa'} để đổi giờ.`,
      `Theo dõi lịch hẹn: ${f.trackUrl}`,
    ]),
  ];
}

/** The confirmation, sent at once. */
export function confirmationNotices(f: VisitFacts, c: CitizenContact): Notice[] {
  const when = describeVisit(f.start, f.end);
  return [
    sms(c.phone, `${f.unitName} xac nhan hen tai nha ${when}, ma ${f.code}.${call(f)}`),
    ...email(c, `Xác nhận lịch hẹn tại nhà ${f.code}`, [
      `${f.unitName} xác nhận lịch hẹn ${kindLabels[f.kind].vi.toLowerCase()} vào ${when} (mã lịch hẹn ${f.code}).${fee(f)}`,
      'Xin ông/bà chuẩn bị giấy tờ tùy thân và giấy tờ liên quan.',
      `Theo dõi lịch hẹn: ${f.trackUrl}`,
    ]),
  ];
}

/** The reminder the day before (queued with send_after). */
export function reminderNotices(f: VisitFacts, c: CitizenContact): Notice[] {
  const when = describeVisit(f.start, f.end);
  return [
    sms(c.phone, `Nhac lich: ${f.unitName} den nha ong/ba ${when}, ma ${f.code}.${call(f)}`),
    ...email(c, `Nhắc lịch hẹn tại nhà ${f.code}`, [`Nhắc lịch: cán bộ ${f.unitName} sẽ đến nhà ông/bà vào ${when} (mã lịch hẹn ${f.code}).${fee(f)}`]),
  ];
}

/** The cancellation, with its reason. */
export function cancellationNotices(f: VisitFacts, c: CitizenContact, reason: string): Notice[] {
  return [
    sms(c.phone, `${f.unitName}: lich hen tai nha ma ${f.code} da huy. Ly do: ${reason}`),
    ...email(c, `Hủy lịch hẹn tại nhà ${f.code}`, [`Lịch hẹn tại nhà mã ${f.code} đã được hủy. Lý do: ${reason}`]),
  ];
}

/**
 * The visit for the person assigned: where, when, whom to call. It carries the citizen's name, phone and address
 * (they are needed to go) and goes only to the staff account's own e-mail address.
 */
export function assigneeNotice(
  f: VisitFacts,
  to: { email: string; name: string },
  citizen: { name: string; phone: string; address: string; need: string | null; dossierCode: string | null },
  reminder: boolean,
): Notice {
  const when = describeVisit(f.start, f.end);
  const lines = [
    `Kính gửi ${to.name},`,
    '',
    reminder ? `Nhắc lịch ngày mai: lượt hẹn tại nhà ${f.code}.` : `Ông/bà được phân công lượt hẹn tại nhà ${f.code}.`,
    `Việc: ${kindLabels[f.kind].vi}${f.free ? ' (đối tượng ưu tiên, miễn phí)' : ''}`,
    `Thời gian: ${when}`,
    `Người dân: ${citizen.name}, điện thoại ${citizen.phone}`,
    `Địa chỉ: ${citizen.address}`,
    citizen.dossierCode ? `Hồ sơ: ${citizen.dossierCode}` : '',
    citizen.need ? `Nội dung: ${citizen.need}` : '',
    '',
    'Thông tin cá nhân trên chỉ dùng để thực hiện lượt hẹn này.',
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '');
  return {
    channel: 'email',
    recipient: to.email,
    subject: `${reminder ? 'Nhắc lịch' : 'Phân công'} hẹn tại nhà ${f.code}: ${when}`.slice(0, 300),
    body: lines.join('\n').normalize('NFC'),
  };
}
