/**
 * What an online submission (nộp hồ sơ trực tuyến) must hold before anything is written: which procedures take one,
 * the applicant's boxes, the consent to the use of personal data, and each attached file (size and type by content).
 * The messages name the field, in Vietnamese and English; the browser script (src/web/static/submit.js) shows the same
 * words for files before upload.
 *
 * Pure module: the caller reads the form and the files, and passes the limits in.
 */
import type { FieldError } from '../../../platform/errors.ts';

/** The online levels a procedure can have (procedures module: onlineLevel). */
export type OnlineLevel = 'full' | 'partial' | 'none';

/**
 * Whether a procedure takes dossiers online. Under Nghị định 42/2022/NĐ-CP (Điều 11), a "dịch vụ công trực tuyến một
 * phần" (partial) lets the citizen file online and only the payment or the result goes through the desk, and a
 * "toàn trình" (full) one runs online end to end: both take an online dossier. 'none' is filed in person or by post.
 */
export function acceptsOnline(level: OnlineLevel): boolean {
  return level === 'full' || level === 'partial';
}

/** The typed boxes of the form, as sent (already trimmed, empty = ''). */
export interface SubmissionValues {
  unit: string;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string;
  applicantEmail: string;
  applicantAddress: string;
  note: string;
  consent: boolean;
  idempotencyKey: string;
}

/** The applicant and note after checking, in the dossiers module's intake shape. */
export interface CheckedApplicant {
  applicant: { name: string; idNumber?: string; phone?: string; email?: string; address?: string };
  note?: string;
}

export const NAME_MAX = 200;
export const ADDRESS_MAX = 300;
export const NOTE_MAX = 2000;
const ID_RE = /^[0-9]{12}$/;
const OLD_ID_RE = /^[0-9]{9}$/;
const PHONE_RE = /^(\+84|0)[0-9]{9,10}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const err = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/**
 * Checks the typed boxes; `units` are the codes of the units that carry the procedure. Spaces, dots and dashes in a
 * phone number are dropped (people type "0912 345 678"). At least one of ID number or phone is needed: the tracking
 * page checks their last four digits.
 */
export function checkApplicant(v: SubmissionValues, units: readonly string[]): { ok: true; value: CheckedApplicant } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!v.unit) errors.push(err('unit', 'Hãy chọn nơi nộp hồ sơ', 'Choose where to file the dossier'));
  else if (!units.includes(v.unit)) errors.push(err('unit', 'Đơn vị đã chọn không giải quyết thủ tục này', 'The chosen office does not handle this procedure'));
  const name = v.applicantName.normalize('NFC');
  if ([...name].length < 2) errors.push(err('applicantName', 'Hãy nhập họ và tên người nộp', 'Enter the applicant’s full name'));
  else if ([...name].length > NAME_MAX)
    errors.push(err('applicantName', `Họ và tên dài quá ${NAME_MAX} ký tự`, `The name is longer than ${NAME_MAX} characters`));
  const idNumber = v.applicantIdNumber.replace(/\s/g, '');
  if (idNumber && !ID_RE.test(idNumber) && !OLD_ID_RE.test(idNumber)) {
    errors.push(
      err('applicantIdNumber', 'Số định danh cá nhân gồm 12 chữ số (hoặc số CMND cũ 9 chữ số)', 'The personal ID number has 12 digits (or an old 9-digit one)'),
    );
  }
  const phone = v.applicantPhone.replace(/[\s.()-]/g, '');
  if (phone && !PHONE_RE.test(phone)) {
    errors.push(err('applicantPhone', 'Số điện thoại có dạng 0912 345 678', 'A phone number looks like 0912 345 678'));
  }
  if (!idNumber && !phone) {
    errors.push(
      err(
        'applicantIdNumber',
        'Hãy nhập số định danh cá nhân hoặc số điện thoại (dùng để tra cứu hồ sơ)',
        'Enter the personal ID number or a phone number (used to track the dossier)',
      ),
    );
  }
  if (v.applicantEmail && (!EMAIL_RE.test(v.applicantEmail) || v.applicantEmail.length > 200)) {
    errors.push(err('applicantEmail', 'Thư điện tử có dạng ten@vidu.vn', 'An e-mail address looks like name@example.vn'));
  }
  if ([...v.applicantAddress].length > ADDRESS_MAX) {
    errors.push(err('applicantAddress', `Địa chỉ dài quá ${ADDRESS_MAX} ký tự`, `The address is longer than ${ADDRESS_MAX} characters`));
  }
  if ([...v.note].length > NOTE_MAX) errors.push(err('note', `Ghi chú dài quá ${NOTE_MAX} ký tự`, `The note is longer than ${NOTE_MAX} characters`));
  if (!v.consent) {
    errors.push(
      err(
        'consent',
        'Hãy đồng ý cho cơ quan dùng thông tin cá nhân để giải quyết hồ sơ',
        'Agree that the office uses your personal data to handle the dossier',
      ),
    );
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      applicant: {
        name,
        ...(idNumber ? { idNumber } : {}),
        ...(phone ? { phone } : {}),
        ...(v.applicantEmail ? { email: v.applicantEmail } : {}),
        ...(v.applicantAddress ? { address: v.applicantAddress.normalize('NFC') } : {}),
      },
      ...(v.note ? { note: v.note.normalize('NFC') } : {}),
    },
  };
}

/** One uploaded file as read: its size, whether the reader cut it at the limit, and its type by content (null: none accepted). */
export interface UploadedFileFacts {
  size: number;
  truncated: boolean;
  mime: string | null;
}

/** The limits of an online submission: each file (the dossiers module's attachment rule) and all of them together. */
export interface UploadLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The messages about files, in both languages: the server's, and the browser script's (handed to it by the page). */
export function fileMessages(limits: UploadLimits) {
  return {
    size: { vi: `Tệp lớn hơn ${mb(limits.maxFileBytes)}`, en: `The file is larger than ${mb(limits.maxFileBytes)}` },
    empty: { vi: 'Tệp rỗng', en: 'The file is empty' },
    type: { vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG', en: 'Only PDF, JPEG or PNG files are accepted' },
    total: { vi: `Tổng dung lượng các tệp lớn hơn ${mb(limits.maxTotalBytes)}`, en: `All files together are larger than ${mb(limits.maxTotalBytes)}` },
  };
}

/** The message for one file, or null when it is acceptable. */
export function checkFile(f: UploadedFileFacts, limits: UploadLimits): { vi: string; en: string } | null {
  const m = fileMessages(limits);
  if (f.truncated || f.size > limits.maxFileBytes) return m.size;
  if (f.size === 0) return m.empty;
  if (!f.mime) return m.type;
  return null;
}

/**
 * Checks every file of the submission: `files` maps a document's field name (doc-<n>) to what was read. At least one
 * file is needed (an online dossier is its files), and all of them together stay under the total limit.
 */
export function checkFiles(files: ReadonlyMap<string, UploadedFileFacts>, limits: UploadLimits): FieldError[] {
  const errors: FieldError[] = [];
  let total = 0;
  for (const [field, f] of files) {
    total += f.size;
    const message = checkFile(f, limits);
    if (message) errors.push({ field, message });
  }
  if (files.size === 0) {
    errors.push(err('doc-0', 'Hãy đính kèm ít nhất một giấy tờ của hồ sơ', 'Attach at least one document of the dossier'));
  } else if (errors.length === 0 && total > limits.maxTotalBytes) {
    errors.push({ field: 'files', message: fileMessages(limits).total });
  }
  return errors;
}
