/**
 * What a home-visit request holds, checked the same way whichever channel brings it (the public form, staff entering a
 * phone call, an e-mail, a Zalo or Facebook message, the JSON API). Every bad field is named in Vietnamese and English.
 * The personal data (name, phone, e-mail, address, priority group) is kept only with consent (Luật Bảo vệ dữ liệu cá
 * nhân 2025). Text is kept as typed (NFC, control characters removed) and escaped wherever it is shown. Pure: no I/O.
 */
import type { FieldError } from '../../../platform/errors.ts';
import { checkContact, cleanText, isYes } from '../../../platform/text/index.ts';
import { type AppointmentChannel, type AppointmentKind, appointmentChannels, appointmentKinds, type PriorityGroup, priorityGroups } from './lifecycle.ts';
import { fromVietnamLocal } from './slots.ts';

export const NAME_MAX = 200;
export const ADDRESS_MAX = 300;
export const NEED_MAX = 2000;
export const PROCEDURE_MAX = 300;
const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9.]{0,63}-[0-9]{6}-[0-9]{4,6}$/;
const UNIT_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

export interface RequestInput {
  unit?: unknown;
  kind?: unknown;
  channel?: unknown;
  date?: unknown;
  time?: unknown;
  name?: unknown;
  phone?: unknown;
  email?: unknown;
  address?: unknown;
  priority?: unknown;
  need?: unknown;
  procedure?: unknown;
  dossierCode?: unknown;
  consent?: unknown;
}

export interface CheckedRequest {
  unitCode: string;
  kind: AppointmentKind;
  channel: AppointmentChannel;
  start: Date;
  name: string;
  phone: string;
  email: string | null;
  address: string;
  priority: PriorityGroup | null;
  need: string | null;
  procedure: string | null;
  dossierCode: string | null;
}

const len = (s: string) => [...s].length;
const oneLine = (v: unknown) => cleanText(v).replace(/\s+/g, ' ');

/**
 * Checks a request. `channels` lists the channels the caller may file under (the web form: web only; staff: phone,
 * e-mail, Zalo, Facebook). A pick-up or delivery of a result names its dossier code.
 */
export function checkRequest(
  input: RequestInput,
  channels: readonly AppointmentChannel[],
): { ok: true; value: CheckedRequest } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const add = (field: string, vi: string, en: string) => errors.push({ field, message: { vi, en } });

  const unitCode = cleanText(input.unit).toLowerCase();
  if (!UNIT_CODE.test(unitCode)) add('unit', 'Hãy chọn xã, phường nơi ông/bà ở', 'Choose the commune or ward where you live');
  const kindText = cleanText(input.kind);
  const kind = (appointmentKinds as readonly string[]).includes(kindText) ? (kindText as AppointmentKind) : null;
  if (!kind) add('kind', 'Hãy chọn việc cần làm tại nhà: hướng dẫn, nhận hồ sơ hoặc trả kết quả', 'Choose guidance, dossier pick-up or result delivery');
  const channelText = cleanText(input.channel) || channels[0] || '';
  const channel =
    (appointmentChannels as readonly string[]).includes(channelText) && channels.includes(channelText as AppointmentChannel)
      ? (channelText as AppointmentChannel)
      : null;
  if (!channel) add('channel', 'Kênh tiếp nhận không hợp lệ', 'Not a valid channel');

  const dateText = cleanText(input.date);
  const timeText = cleanText(input.time);
  let start: Date | null = null;
  if (!dateText) add('date', 'Hãy chọn ngày hẹn', 'Choose the date');
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText) || !fromVietnamLocal(dateText, '00:00'))
    add('date', 'Ngày hẹn không đúng (dạng năm-tháng-ngày, vd. 2026-09-07)', 'Not a real date (YYYY-MM-DD)');
  if (!timeText) add('time', 'Hãy chọn giờ hẹn', 'Choose the time');
  else if (!/^\d{2}:\d{2}$/.test(timeText) || !fromVietnamLocal('2026-01-01', timeText))
    add('time', 'Giờ hẹn không đúng (dạng giờ:phút, vd. 08:30)', 'Not a real time (HH:MM)');
  if (dateText && timeText) start = fromVietnamLocal(dateText, timeText);

  const name = oneLine(input.name);
  if (len(name) < 2) add('name', 'Hãy nhập họ và tên', 'Enter the full name');
  else if (len(name) > NAME_MAX) add('name', `Họ tên dài tối đa ${NAME_MAX} ký tự`, `The name may be at most ${NAME_MAX} characters long`);
  let phone: string | null = null;
  const phoneText = cleanText(input.phone);
  if (!phoneText) add('phone', 'Hãy nhập số điện thoại để cán bộ gọi lại hẹn giờ', 'Enter a phone number so that staff can call back');
  else {
    const c = checkContact(phoneText);
    if (c.ok && c.kind === 'phone') phone = c.value;
    else add('phone', 'Số điện thoại không đúng (10 chữ số, bắt đầu bằng 0, vd. 0912 345 678)', 'Not a valid phone number (10 digits starting with 0)');
  }
  let email: string | null = null;
  const emailText = cleanText(input.email);
  if (emailText) {
    const c = checkContact(emailText);
    if (c.ok && c.kind === 'email') email = c.value;
    else add('email', 'Địa chỉ thư điện tử không đúng, vd. ten@gmail.com', 'Not a valid e-mail address, e.g. name@gmail.com');
  }
  const address = oneLine(input.address);
  if (len(address) < 5) add('address', 'Hãy nhập địa chỉ nhà (số nhà, đường, khóm/ấp)', 'Enter the home address');
  else if (len(address) > ADDRESS_MAX) add('address', `Địa chỉ dài tối đa ${ADDRESS_MAX} ký tự`, `The address may be at most ${ADDRESS_MAX} characters long`);
  const priorityText = cleanText(input.priority);
  let priority: PriorityGroup | null = null;
  if (priorityText) {
    if ((priorityGroups as readonly string[]).includes(priorityText)) priority = priorityText as PriorityGroup;
    else add('priority', 'Đối tượng ưu tiên không hợp lệ', 'Not a valid priority group');
  }
  const need = cleanText(input.need);
  if (len(need) > NEED_MAX) add('need', `Nội dung dài tối đa ${NEED_MAX} ký tự`, `At most ${NEED_MAX} characters`);
  const procedure = oneLine(input.procedure);
  if (len(procedure) > PROCEDURE_MAX) add('procedure', `Tên thủ tục dài tối đa ${PROCEDURE_MAX} ký tự`, `At most ${PROCEDURE_MAX} characters`);
  const dossierCode = cleanText(input.dossierCode).replace(/\s+/g, '');
  if (dossierCode && !DOSSIER_CODE.test(dossierCode)) {
    add(
      'dossierCode',
      'Mã hồ sơ không đúng, vd. 30337-260213-0001 (in trên giấy tiếp nhận)',
      'Not a dossier code, e.g. 30337-260213-0001 (printed on the receipt)',
    );
  }
  if (kind === 'delivery' && !dossierCode) {
    add(
      'dossierCode',
      'Trả kết quả tại nhà cần mã hồ sơ (in trên giấy tiếp nhận và hẹn trả kết quả)',
      'A result delivery needs the dossier code (on the receipt)',
    );
  }
  if (!isYes(input.consent)) {
    add(
      'consent',
      'Hãy đánh dấu đồng ý để cơ quan dùng họ tên, số điện thoại, địa chỉ của ông/bà để sắp xếp và thực hiện lịch hẹn tại nhà',
      'Tick the box to let the office use your name, phone and address to arrange and carry out the home visit',
    );
  }
  if (errors.length || !kind || !channel || !start || !phone) return { ok: false, errors };
  return {
    ok: true,
    value: {
      unitCode,
      kind,
      channel,
      start,
      name,
      phone,
      email,
      address,
      priority,
      need: need || null,
      procedure: procedure || null,
      dossierCode: dossierCode || null,
    },
  };
}
