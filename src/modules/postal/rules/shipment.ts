/**
 * When a dossier may be handed to the post, and the checks on what staff type about a shipment. Pure: no I/O.
 *
 * Outbound (trả kết quả qua bưu chính công ích): only once the result is ready at the desk and when the citizen asked
 * for it by post. Inbound (tiếp nhận qua bưu chính): only for a dossier received by post (dossiers.channel = 'post')
 * that is not finished.
 */
import type { FieldError } from '../../../platform/errors.ts';
import type { Text } from '../../../platform/i18n/index.ts';
import { checkContact } from '../../../platform/text/index.ts';
import { checkItemNumber } from './item-number.ts';
import type { Direction } from './legs.ts';

export const FEE_MAX = 100_000_000;
export const NOTE_MAX = 1000;

const finalDossierStatuses = ['refused', 'closed', 'withdrawn', 'stopped'];

/** Why a dossier cannot be sent this way now, or null when it can. */
export function refusalFor(direction: Direction, dossier: { status: string; channel: string }, citizenAsked: boolean): Text | null {
  if (direction === 'outbound') {
    if (dossier.status !== 'result_ready') {
      return { vi: 'Chỉ gửi kết quả qua bưu điện khi hồ sơ đã có kết quả, chờ trả', en: 'A result goes by post only once it is ready for collection' };
    }
    if (!citizenAsked) {
      return { vi: 'Người dân phải đề nghị nhận kết quả qua bưu điện', en: 'The citizen must have asked for the result by post' };
    }
    return null;
  }
  if (dossier.channel !== 'post') {
    return { vi: 'Hồ sơ này không được tiếp nhận qua bưu điện', en: 'This dossier was not received by post' };
  }
  if (finalDossierStatuses.includes(dossier.status)) return { vi: 'Hồ sơ đã kết thúc', en: 'The dossier is finished' };
  return null;
}

/** An optional item number: null when blank, the normalised number, or a field error. */
export function optionalItemNumber(raw: unknown, domestic: boolean, field = 'itemNumber'): { value: string | null } | { error: FieldError } {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { value: null };
  const checked = checkItemNumber(text, domestic);
  return checked.ok ? { value: checked.value } : { error: { field, message: checked.message } };
}

/** An optional fee in đồng: whole, 0 to 100 million; dots and spaces between thousands allowed ("25.000"). */
export function optionalFee(raw: unknown, field = 'feeVnd'): { value: number | null } | { error: FieldError } {
  if (raw === undefined || raw === null || raw === '') return { value: null };
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.replace(/[\s.,]/g, '') : '';
  const n = /^[0-9]{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > FEE_MAX) {
    return { error: { field, message: { vi: 'Cước là số đồng, từ 0 đến 100.000.000', en: 'The fee is a whole number of đồng, 0 to 100,000,000' } } };
  }
  return { value: n };
}

export interface RecipientInput {
  name: string;
  phone: string | null;
  address: string;
}

/** The addressee typed by staff: name 2–200, address 5–500 characters, an optional Vietnamese phone number. */
export function checkRecipient(input: {
  name?: unknown;
  phone?: unknown;
  address?: unknown;
}): { ok: true; value: RecipientInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : '');
  const name = text(input.name);
  const address = text(input.address);
  const phoneRaw = text(input.phone);
  if (name.length < 2 || name.length > 200) {
    errors.push({ field: 'recipientName', message: { vi: 'Họ tên người nhận từ 2 đến 200 ký tự', en: 'The addressee’s name has 2 to 200 characters' } });
  }
  if (address.length < 5 || address.length > 500) {
    errors.push({ field: 'recipientAddress', message: { vi: 'Địa chỉ nhận từ 5 đến 500 ký tự', en: 'The address has 5 to 500 characters' } });
  }
  let phone: string | null = null;
  if (phoneRaw) {
    const c = checkContact(phoneRaw);
    if (!c.ok || c.kind !== 'phone') {
      errors.push({ field: 'recipientPhone', message: { vi: 'Số điện thoại 10 chữ số, bắt đầu bằng 0', en: 'A phone number has 10 digits starting with 0' } });
    } else phone = c.value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { name, phone, address } };
}

/** Free text (note, failure reason): NFC, trimmed, at most NOTE_MAX characters, null when blank. */
export function optionalText(raw: unknown, field: string): { value: string | null } | { error: FieldError } {
  const text = typeof raw === 'string' ? raw.normalize('NFC').trim() : '';
  if (text.length > NOTE_MAX) return { error: { field, message: { vi: `Tối đa ${NOTE_MAX} ký tự`, en: `At most ${NOTE_MAX} characters` } } };
  return { value: text || null };
}
