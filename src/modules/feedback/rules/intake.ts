/**
 * What every channel hands in (the web form, the hotline operator, e-mail, Zalo, Facebook, Open311, the suggestion
 * box), checked by one set of rules so a feedback item looks the same whichever way it came. Pure: no I/O.
 */
import type { FieldError } from '../../../platform/errors.ts';
import { checkContact, cleanText, isYes } from '../../../platform/text/index.ts';
import { type FeedbackChannel, type FeedbackKind, feedbackKinds } from './lifecycle.ts';

export const DESCRIPTION_MAX = 4000; // Open311 GeoReport v2: description ≤ 4,000 characters
export const DESCRIPTION_MIN = 10;
export const TITLE_MAX = 200;
export const ADDRESS_MAX = 300;
export const NAME_MAX = 200;

export interface FeedbackInput {
  kind?: unknown;
  category?: unknown;
  title?: unknown;
  description?: unknown;
  /** Code of the commune/ward (or any unit) where the matter is. */
  place?: unknown;
  address?: unknown;
  lat?: unknown;
  lng?: unknown;
  name?: unknown;
  phone?: unknown;
  email?: unknown;
  /** The sender agrees to be contacted about this item (needed to keep a name, phone or e-mail). */
  consent?: unknown;
}

export interface CheckedFeedback {
  kind: FeedbackKind;
  categoryCode: string | null;
  title: string | null;
  description: string;
  placeCode: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  contact: { name: string | null; phone: string | null; email: string | null } | null;
}

export interface IntakeOptions {
  channel: FeedbackChannel;
  /**
   * Whether a short description is accepted (a hotline operator's or a chat message may be a few words); the web
   * form asks for at least 10 characters.
   */
  shortDescriptionOk?: boolean;
  /** Channels where the sender's own identity stands for consent (they wrote from that account to be answered). */
  contactImpliesConsent?: boolean;
}

const len = (s: string) => [...s].length;

function coordinate(v: unknown, min: number, max: number): number | null | 'bad' {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[-+]?\d{1,3}(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < min || n > max) return 'bad';
  return n;
}

/**
 * Checks a feedback item as a channel hands it in. Every bad field is named with a Vietnamese and an English message.
 * A contact (name, phone, e-mail) is kept only with consent (Luật Bảo vệ dữ liệu cá nhân 2025): without it the item
 * is anonymous and the form says so.
 */
export function checkFeedback(input: FeedbackInput, options: IntakeOptions): { ok: true; value: CheckedFeedback } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kindText = cleanText(input.kind) || 'report';
  const kind = (feedbackKinds as readonly string[]).includes(kindText) ? (kindText as FeedbackKind) : null;
  if (!kind) errors.push({ field: 'kind', message: { vi: 'Loại phải là phản ánh, kiến nghị hoặc góp ý', en: 'Kind must be report, proposal or suggestion' } });
  const categoryCode = cleanText(input.category).toLowerCase() || null;
  if (categoryCode && !/^[a-z0-9][a-z0-9-]{1,62}$/.test(categoryCode)) {
    errors.push({ field: 'category', message: { vi: 'Lĩnh vực không hợp lệ', en: 'Not a valid category' } });
  }
  const title = cleanText(input.title).replace(/\s+/g, ' ');
  if (len(title) > TITLE_MAX) {
    errors.push({ field: 'title', message: { vi: `Tiêu đề dài tối đa ${TITLE_MAX} ký tự`, en: `The title may be at most ${TITLE_MAX} characters long` } });
  }
  const description = cleanText(input.description);
  const min = options.shortDescriptionOk ? 1 : DESCRIPTION_MIN;
  if (len(description) < min) {
    errors.push({
      field: 'description',
      message:
        min === 1
          ? { vi: 'Hãy nhập nội dung phản ánh', en: 'Enter what the feedback is about' }
          : { vi: `Nội dung cần ít nhất ${min} ký tự`, en: `The description needs at least ${min} characters` },
    });
  } else if (len(description) > DESCRIPTION_MAX) {
    errors.push({
      field: 'description',
      message: { vi: `Nội dung dài tối đa ${DESCRIPTION_MAX} ký tự`, en: `The description may be at most ${DESCRIPTION_MAX} characters long` },
    });
  }
  const placeCode = cleanText(input.place).toLowerCase() || null;
  if (placeCode && !/^[a-z0-9][a-z0-9-]{1,62}$/.test(placeCode)) {
    errors.push({ field: 'place', message: { vi: 'Xã, phường không hợp lệ', en: 'Not a valid commune or ward' } });
  }
  const address = cleanText(input.address).replace(/\s+/g, ' ');
  if (len(address) > ADDRESS_MAX) {
    errors.push({
      field: 'address',
      message: { vi: `Địa chỉ dài tối đa ${ADDRESS_MAX} ký tự`, en: `The address may be at most ${ADDRESS_MAX} characters long` },
    });
  }
  const lat = coordinate(input.lat, -90, 90);
  const lng = coordinate(input.lng, -180, 180);
  if (lat === 'bad') errors.push({ field: 'lat', message: { vi: 'Vĩ độ phải là số từ -90 đến 90', en: 'Latitude must be a number from -90 to 90' } });
  if (lng === 'bad') errors.push({ field: 'lng', message: { vi: 'Kinh độ phải là số từ -180 đến 180', en: 'Longitude must be a number from -180 to 180' } });
  if (lat !== 'bad' && lng !== 'bad' && (lat === null) !== (lng === null)) {
    errors.push({ field: lat === null ? 'lat' : 'lng', message: { vi: 'Cần cả vĩ độ và kinh độ', en: 'Both latitude and longitude are needed' } });
  }

  const name = cleanText(input.name).replace(/\s+/g, ' ');
  if (len(name) > NAME_MAX)
    errors.push({ field: 'name', message: { vi: `Họ tên dài tối đa ${NAME_MAX} ký tự`, en: `The name may be at most ${NAME_MAX} characters long` } });
  let phone: string | null = null;
  let email: string | null = null;
  const phoneText = cleanText(input.phone);
  const emailText = cleanText(input.email);
  if (phoneText) {
    const c = checkContact(phoneText);
    if (c.ok && c.kind === 'phone') phone = c.value;
    else
      errors.push({
        field: 'phone',
        message: { vi: 'Số điện thoại không đúng (10 chữ số, bắt đầu bằng 0)', en: 'Not a valid phone number (10 digits starting with 0)' },
      });
  }
  if (emailText) {
    const c = checkContact(emailText);
    if (c.ok && c.kind === 'email') email = c.value;
    else
      errors.push({
        field: 'email',
        message: { vi: 'Địa chỉ thư điện tử không đúng, vd. ten@gmail.com', en: 'Not a valid e-mail address, e.g. name@gmail.com' },
      });
  }
  const consent = options.contactImpliesConsent || isYes(input.consent);
  const anyContact = Boolean(name || phoneText || emailText);
  if (anyContact && !consent) {
    errors.push({
      field: 'consent',
      message: {
        vi: 'Hãy đánh dấu đồng ý để cơ quan dùng họ tên, số điện thoại hoặc thư điện tử của ông/bà để xử lý và trả lời phản ánh; hoặc để trống các ô đó để gửi ẩn danh',
        en: 'Tick the box to let the office use your name, phone or e-mail to handle and answer this; or leave them empty to send anonymously',
      },
    });
  }
  if (errors.length || !kind) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind,
      categoryCode,
      title: title || null,
      description,
      placeCode,
      address: address || null,
      lat: lat as number | null,
      lng: lng as number | null,
      contact: anyContact ? { name: name || null, phone, email } : null,
    },
  };
}
