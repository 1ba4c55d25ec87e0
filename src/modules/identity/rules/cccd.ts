/**
 * The QR code on the chip ID card (*mã QR trên thẻ căn cước công dân gắn chip*, Thông tư 06/2021/TT-BCA; moved to the
 * back of the 2024 *thẻ căn cước*, Thông tư 16/2024/TT-BCA Điều 3): one line of UTF-8 text, fields separated by `|`:
 *
 *   `<12-digit personal ID>|<9-digit old ID (CMND) or empty>|<full name>|<DOB ddMMyyyy>|<Nam/Nữ>|<residence>|<issue date ddMMyyyy>`
 *
 * The 2024 card keeps these seven and may append more (cancelled ID number, parents' names …): we accept seven or
 * more and keep the extras as they are. The personal ID number (Thông tư 07/2016/TT-BCA Điều 7, Thông tư 59/2021/TT-BCA
 * Điều 4) is a 3-digit birth-registration province code, a sex/century digit (0/1 male/female born 1900s, 2/3 2000s,
 * 4/5 2100s …), the last two digits of the birth year and six random digits; when those disagree with the card's
 * own date of birth or sex we warn the clerk and still accept the card.
 *
 * Handheld scanners type the payload as a keyboard would, so this parser also recognises what keyboards do to it:
 * stray line breaks and tabs, doubled scans, cut-short scans, a non-US layout that turns `|` into `¦`/`§`/`<`…,
 * French AZERTY digits, and a Vietnamese input method (Telex/VNI) mangling the text. Each gets its own message.
 * On a rejection no field is returned, so nothing is filled from a bad scan.
 *
 * Pure: no I/O, no clock. `today` (YYYY-MM-DD, Vietnam time) is a parameter.
 */
import { format, type Text } from '../../../platform/i18n/index.ts';
import { provinceOfIdNumber } from './provinces.ts';

export interface IdentityFields {
  /** Personal identification number (*số định danh cá nhân*), 12 digits. */
  idNumber: string;
  /** The old 9-digit ID card number (*số CMND*), or null when the card shows none. */
  oldIdNumber: string | null;
  /** Full name, NFC. */
  fullName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  sex: 'Nam' | 'Nữ';
  /** Place of residence (*nơi thường trú / nơi cư trú*), NFC. */
  address: string;
  /** YYYY-MM-DD. */
  issueDate: string;
}

export type IdentityWarningCode =
  | 'DUPLICATE_SCAN'
  | 'LINE_BREAK_REMOVED'
  | 'OLD_ID_IS_12_DIGITS'
  | 'ID_PROVINCE_UNKNOWN'
  | 'ID_CENTURY_MISMATCH'
  | 'ID_BIRTH_YEAR_MISMATCH'
  | 'ID_SEX_MISMATCH';

export interface IdentityWarning {
  code: string;
  message: Text;
}

/** Stable reasons a scan is refused; part of the API contract (docs/errors.md, CCCD_QR_INVALID). */
export const cccdRejections = [
  'EMPTY',
  'TOO_LONG',
  'NOT_ID_CARD_VIETQR',
  'NOT_ID_CARD_URL',
  'NOT_ID_CARD_JSON',
  'NOT_ID_CARD_TEXT',
  'OLD_ID_CARD',
  'FIELD_COUNT',
  'TRUNCATED',
  'MULTIPLE_SCANS',
  'KEYBOARD_LAYOUT',
  'INPUT_METHOD',
  'DIACRITICS_LOST',
  'ID_NUMBER',
  'OLD_ID_NUMBER',
  'NAME',
  'DATE_OF_BIRTH',
  'SEX',
  'ADDRESS',
  'ISSUE_DATE',
] as const;
export type CccdRejection = (typeof cccdRejections)[number];

/** The card field a rejection is about (the names of IdentityFields). */
export type CccdField = keyof IdentityFields;

export type CccdParseResult =
  | { ok: true; fields: IdentityFields; extras: string[]; warnings: IdentityWarning[] }
  | { ok: false; reason: CccdRejection; message: Text; field?: string };

type Rejected = Extract<CccdParseResult, { ok: false }>;

/** Longest input looked at; a real payload is about 150–400 characters. */
export const MAX_QR_LENGTH = 2000;

const FIELD_LABELS: Record<CccdField, Text> = {
  idNumber: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  oldIdNumber: { vi: 'Số CMND cũ', en: 'Old ID card number' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  address: { vi: 'Nơi cư trú', en: 'Place of residence' },
  issueDate: { vi: 'Ngày cấp', en: 'Date of issue' },
};

const RESCAN: Text = { vi: 'Hãy quét lại.', en: 'Scan the card again.' };
const SWITCH_IME_OFF: Text = {
  vi: 'Hãy tắt bộ gõ tiếng Việt (Unikey/EVKey chuyển sang chế độ E – tiếng Anh) trên máy tính nhận máy quét, rồi quét lại.',
  en: 'Switch the Vietnamese input method off (Unikey/EVKey to E – English) on the computer the scanner is plugged into, then scan again.',
};
const SET_US_LAYOUT: Text = {
  vi: 'Hãy đặt bàn phím của máy tính và của máy quét là US (English), tắt bộ gõ tiếng Việt, rồi quét lại.',
  en: 'Set both the computer and the scanner to the US (English) keyboard layout, switch the Vietnamese input method off, then scan again.',
};

type Params = Record<string, string | number>;

/** A rejection; `enParams` overrides `params` in the English message (field labels). */
function reject(reason: CccdRejection, vi: string, en: string, field?: CccdField, params: Params = {}, enParams: Params = {}): Rejected {
  return { ok: false, reason, message: { vi: format(vi, params), en: format(en, { ...params, ...enParams }) }, ...(field ? { field } : {}) };
}

const join = (a: Text, b: Text): Text => ({ vi: `${a.vi} ${b.vi}`, en: `${a.en} ${b.en}` });

function rejectWith(reason: CccdRejection, message: Text, field?: CccdField): Rejected {
  return { ok: false, reason, message, ...(field ? { field } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Cleaning what a keyboard-wedge scanner typed

/** C0/C1 control characters other than tab, CR and LF; zero-width characters; the byte-order mark. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters a scanner types is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/g;
/** An AIM symbology identifier some scanners prefix (`]Q1` for QR). */
const AIM_PREFIX = /^\]Q[0-6]/;
const LINE_BREAK = /\r\n|\r|\n/;

// ---------------------------------------------------------------------------------------------------------------
// Other QR codes and keyboard damage

/** `|` as other keyboard layouts type it when the scanner sends the US key for it. */
const SEPARATOR_STAND_INS = ['¦', '§', '<', '>', '#', '~', 'µ', '*', "'", '^', '°', '\\', '!', 'ü', 'ç'];
/** The digits 1234567890 on a French AZERTY keyboard without Shift. */
const AZERTY_DIGITS = '&é"\'(-è_çà';
const AZERTY_RUN = new RegExp(`^[${AZERTY_DIGITS.replace(/[-\\\]^]/g, '\\$&')}]{9,12}`);

function otherKindOfQr(s: string): Rejected | null {
  if (/^000201/.test(s) || /A000000727/i.test(s)) {
    return reject(
      'NOT_ID_CARD_VIETQR',
      'Đây là mã QR chuyển khoản ngân hàng (VietQR), không phải mã QR trên thẻ căn cước. Hãy quét mã QR in trên thẻ căn cước.',
      'This is a bank-transfer QR code (VietQR), not the ID card’s QR code. Scan the QR code printed on the ID card.',
    );
  }
  if (/^(https?:\/\/|www\.)/i.test(s)) {
    return reject(
      'NOT_ID_CARD_URL',
      'Đây là mã QR chứa đường dẫn trang web, không phải mã QR trên thẻ căn cước. Hãy quét mã QR in trên thẻ căn cước.',
      'This QR code holds a web link, not ID card data. Scan the QR code printed on the ID card.',
    );
  }
  if (/^[{[]/.test(s) && /[}\]]$/.test(s)) {
    return reject(
      'NOT_ID_CARD_JSON',
      'Đây là dữ liệu JSON của một ứng dụng khác, không phải mã QR trên thẻ căn cước. Hãy quét mã QR in trên thẻ căn cước.',
      'This is JSON data from another application, not the ID card’s QR code. Scan the QR code printed on the ID card.',
    );
  }
  return null;
}

/** The scanner typed through a layout that is not US: no `|`, and another character where each one should be. */
function layoutDamage(s: string): Rejected | null {
  if (AZERTY_RUN.test(s)) {
    return rejectWith(
      'KEYBOARD_LAYOUT',
      join(
        {
          vi: 'Máy quét đang gõ theo bàn phím tiếng Pháp (AZERTY): các chữ số thành ký tự như “&é(-è”.',
          en: 'The scanner is typing through a French (AZERTY) keyboard layout: digits came out as “&é(-è”.',
        },
        SET_US_LAYOUT,
      ),
      'idNumber',
    );
  }
  if (s.includes('|')) return null;
  const m = /^\d{9,12}(\D)/.exec(s);
  const stand = m?.[1];
  if (stand && SEPARATOR_STAND_INS.includes(stand) && s.split(stand).length - 1 >= 5) {
    return rejectWith(
      'KEYBOARD_LAYOUT',
      join(
        {
          vi: `Máy quét đang gõ theo bố cục bàn phím khác: dấu “|” ngăn cách các trường đã thành “${stand}”.`,
          en: `The scanner is typing through another keyboard layout: the “|” field separator came out as “${stand}”.`,
        },
        SET_US_LAYOUT,
      ),
    );
  }
  return null;
}

const VIETNAMESE_LETTER = /[^\s!-~]/;
/**
 * A word as a Vietnamese input method leaves it when a scanner types through it: Telex keys (aa, ee, oo, aw, ow,
 * uw, dd, w, and the tone keys s f r x j left at the end: “Nguyeenx”, “Thij”, “Vawn”, “Anhs”) or VNI digits
 * (“Nguye64n”). Vietnamese spelling never ends a word in s, f, r, x or j, and has no w, no doubled a/e/o/d and no
 * digits; only names with no accented letter at all are looked at, so a correctly scanned name is never suspected.
 */
const IME_WORD = /(aa|ee|oo|aw|ow|uw|dd|w|[a-z][0-9]|.[sfrxj]$)/i;

function imeDamagedName(name: string): boolean {
  if (VIETNAMESE_LETTER.test(name)) return false;
  return name.split(/\s+/).some((w) => IME_WORD.test(w));
}

// ---------------------------------------------------------------------------------------------------------------
// Fields

function cleanText(v: string): string {
  return v.replace(/\s+/g, ' ').trim();
}

type DateCheck = { ok: true; iso: string } | { ok: false; kind: 'format' | 'not-real' };

function readDate(v: string): DateCheck {
  if (!/^\d{8}$/.test(v)) return { ok: false, kind: 'format' };
  const d = Number(v.slice(0, 2));
  const m = Number(v.slice(2, 4));
  const y = Number(v.slice(4, 8));
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return { ok: false, kind: 'not-real' };
  return { ok: true, iso: `${v.slice(4, 8)}-${v.slice(2, 4)}-${v.slice(0, 2)}` };
}

const shown = (v: string) => (/^\d{8}$/.test(v) ? `${v.slice(0, 2)}/${v.slice(2, 4)}/${v.slice(4, 8)}` : v);
const shownIso = (iso: string) => iso.split('-').reverse().join('/');

function checkDate(raw: string, field: 'dateOfBirth' | 'issueDate', today: string): { ok: true; iso: string } | Rejected {
  const reason = field === 'dateOfBirth' ? 'DATE_OF_BIRTH' : 'ISSUE_DATE';
  const label = FIELD_LABELS[field];
  const v = raw.replace(/\s+/g, '');
  const r = readDate(v);
  if (!r.ok && r.kind === 'format') {
    return reject(
      reason,
      '{label} trên mã QR phải gồm 8 chữ số ngàythángnăm (ddMMyyyy), nhận được “{v}”.',
      '{label} in the QR code must be 8 digits, day month year (ddMMyyyy); got “{v}”.',
      field,
      { label: label.vi, v },
      { label: label.en },
    );
  }
  if (!r.ok) {
    return reject(
      reason,
      '{label} {d} không phải là ngày có thật.',
      '{label} {d} is not a real date.',
      field,
      { label: label.vi, d: shown(v) },
      { label: label.en },
    );
  }
  if (r.iso > today) {
    return reject(reason, '{label} {d} ở sau ngày hôm nay.', '{label} {d} is in the future.', field, { label: label.vi, d: shown(v) }, { label: label.en });
  }
  if (r.iso < '1900-01-01') {
    return reject(reason, '{label} {d} trước năm 1900.', '{label} {d} is before 1900.', field, { label: label.vi, d: shown(v) }, { label: label.en });
  }
  return r;
}

/** Case, spacing and Unicode-form variants of Nam/Nữ; null when the text is neither. */
function readSex(raw: string): 'Nam' | 'Nữ' | null {
  const v = raw.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  if (v === 'nam') return 'Nam';
  if (v === 'nữ') return 'Nữ';
  return null;
}

function warn(code: IdentityWarningCode, vi: string, en: string, params: Record<string, string | number> = {}): IdentityWarning {
  return { code, message: { vi: format(vi, params), en: format(en, params) } };
}

/**
 * What the ID number's own digits say (Thông tư 07/2016/TT-BCA Điều 7): province, sex and century, birth year.
 * Disagreement is a warning for the clerk, never a refusal (numbers issued in error exist and stay valid).
 */
function idNumberWarnings(f: IdentityFields): IdentityWarning[] {
  const out: IdentityWarning[] = [];
  if (!provinceOfIdNumber(f.idNumber)) {
    out.push(
      warn(
        'ID_PROVINCE_UNKNOWN',
        'Ba số đầu “{code}” của số định danh không phải mã tỉnh, thành phố nào (có thể là mã quốc gia nơi đăng ký khai sinh ở nước ngoài). Hãy đối chiếu với thẻ.',
        'The first three digits “{code}” of the ID number are no province code (perhaps the code of a country where the birth was registered abroad). Check against the card.',
        { code: f.idNumber.slice(0, 3) },
      ),
    );
  }
  const digit = Number(f.idNumber[3]);
  const century = 1900 + Math.floor(digit / 2) * 100;
  const female = digit % 2 === 1;
  const year = Number(f.dateOfBirth.slice(0, 4));
  if (year < century || year >= century + 100) {
    out.push(
      warn(
        'ID_CENTURY_MISMATCH',
        'Chữ số thứ tư của số định danh ({digit}) chỉ người sinh trong thế kỷ {from}–{to}, nhưng ngày sinh là năm {year}. Hãy đối chiếu với thẻ.',
        'The fourth digit of the ID number ({digit}) means born {from}–{to}, but the date of birth is in {year}. Check against the card.',
        { digit, from: century, to: century + 99, year },
      ),
    );
  } else if (f.idNumber.slice(4, 6) !== f.dateOfBirth.slice(2, 4)) {
    out.push(
      warn(
        'ID_BIRTH_YEAR_MISMATCH',
        'Chữ số thứ năm và sáu của số định danh ({yy}) không khớp năm sinh {year}. Hãy đối chiếu với thẻ.',
        'The fifth and sixth digits of the ID number ({yy}) do not match the birth year {year}. Check against the card.',
        { yy: f.idNumber.slice(4, 6), year },
      ),
    );
  }
  if (female !== (f.sex === 'Nữ')) {
    out.push(
      warn(
        'ID_SEX_MISMATCH',
        'Chữ số thứ tư của số định danh ({digit}) chỉ giới tính {idSex}, nhưng mã QR ghi “{sex}”. Hãy đối chiếu với thẻ.',
        'The fourth digit of the ID number ({digit}) means {idSexEn}, but the QR code says “{sex}”. Check against the card.',
        { digit, idSex: female ? 'nữ' : 'nam', idSexEn: female ? 'female' : 'male', sex: f.sex },
      ),
    );
  }
  return out;
}

/** A line that holds a whole payload: a 12-digit number, then six or more `|`, the seventh field a full date. */
function looksComplete(line: string): boolean {
  const parts = line.split('|');
  return parts.length >= 7 && /^\s*\d{12}\s*$/.test(parts[0] ?? '') && /^\s*\d{8}\s*$/.test(parts[6] ?? '');
}

/** One payload on one line (line breaks already dealt with). */
function parseLine(s: string, today: string): CccdParseResult {
  const warnings: IdentityWarning[] = [];

  // The same card twice on one line (the scanner fired twice before Enter), with or without a space between.
  const idHead = /^(\d{12})\|/.exec(s)?.[1];
  if (idHead) {
    let at = s.indexOf(`${idHead}|`, 13);
    while (at > 0) {
      const first = s.slice(0, at).trim();
      const second = s.slice(at).trim();
      const keep =
        looksComplete(first) && (second === first || first.startsWith(second)) ? first : looksComplete(second) && second.startsWith(first) ? second : null;
      if (keep) {
        s = keep;
        warnings.push(
          warn('DUPLICATE_SCAN', 'Mã QR được quét hai lần liền nhau; đã dùng một lần.', 'The QR code was scanned twice in a row; it was read once.'),
        );
        break;
      }
      at = s.indexOf(`${idHead}|`, at + 1);
    }
  }

  const damaged = layoutDamage(s);
  if (damaged) return damaged;

  if (!s.includes('|')) {
    const bare = s.replace(/\s+/g, '');
    if (/^\d{9}$/.test(bare)) {
      return reject(
        'OLD_ID_CARD',
        'Đây là số chứng minh nhân dân 9 số (CMND cũ). CMND không có mã QR theo định dạng của thẻ căn cước: hãy nhập thông tin bằng tay, hoặc quét mã QR trên thẻ căn cước gắn chip của công dân.',
        'This is an old 9-digit ID card number (CMND). Old ID cards have no QR code in this format: type the details in by hand, or scan the QR code of the citizen’s chip ID card.',
        'idNumber',
      );
    }
    if (/^\d{12}$/.test(bare)) {
      return rejectWith(
        'TRUNCATED',
        join(
          {
            vi: 'Chỉ đọc được số định danh, thiếu các thông tin còn lại của mã QR (mã bị cắt ngắn).',
            en: 'Only the ID number was read; the rest of the QR code is missing (cut short).',
          },
          RESCAN,
        ),
      );
    }
    return reject(
      'NOT_ID_CARD_TEXT',
      'Nội dung quét được không phải mã QR trên thẻ căn cước (mã của thẻ gồm các trường ngăn cách bởi dấu “|”). Hãy quét mã QR in trên thẻ căn cước.',
      'What was scanned is not an ID card’s QR code (which holds fields separated by “|”). Scan the QR code printed on the ID card.',
    );
  }

  const parts = s.split('|');
  const first = (parts[0] ?? '').trim();
  if (parts.length < 7) {
    if (/^\d{12}$/.test(first)) {
      return rejectWith(
        'TRUNCATED',
        join(
          {
            vi: `Mã quét bị cắt ngắn: chỉ đọc được ${parts.length} trong 7 trường của thẻ căn cước.`,
            en: `The scan was cut short: only ${parts.length} of the ID card’s 7 fields were read.`,
          },
          RESCAN,
        ),
      );
    }
    if (/^\d{9}$/.test(first)) {
      return reject(
        'OLD_ID_CARD',
        'Số đầu tiên là số chứng minh nhân dân 9 số (CMND cũ). CMND không có mã QR theo định dạng của thẻ căn cước: hãy nhập thông tin bằng tay, hoặc quét mã QR trên thẻ căn cước gắn chip.',
        'The first number is an old 9-digit ID card number (CMND). Old ID cards have no QR code in this format: type the details in by hand, or scan the chip ID card’s QR code.',
        'idNumber',
      );
    }
    return reject(
      'FIELD_COUNT',
      'Mã QR có {n} trường ngăn cách bởi dấu “|”, còn mã trên thẻ căn cước có ít nhất 7. Đây không phải mã QR của thẻ căn cước.',
      'The QR code has {n} fields separated by “|”; an ID card’s has at least 7. This is not an ID card’s QR code.',
      undefined,
      { n: parts.length },
    );
  }

  const [rawId, rawOld, rawName, rawDob, rawSex, rawAddress, rawIssue] = parts.map((p) => p.trim()) as [string, string, string, string, string, string, string];
  const extras = parts.slice(7).map((p) => cleanText(p));

  // A cut-short last date, or two different cards run together after it.
  if (parts.length === 7 && /^\d{0,7}$/.test(rawIssue)) {
    return rejectWith(
      'TRUNCATED',
      join(
        { vi: 'Mã quét bị cắt ngắn: ngày cấp ở cuối mã bị thiếu chữ số.', en: 'The scan was cut short: the date of issue at the end is missing digits.' },
        RESCAN,
      ),
      'issueDate',
    );
  }
  if (/^\d{8}\d{12}$/.test(rawIssue)) {
    return reject(
      'MULTIPLE_SCANS',
      'Ô nhập chứa mã QR của hai thẻ khác nhau nối liền nhau. Hãy xóa ô và quét lại một thẻ.',
      'The box holds the QR codes of two different cards run together. Clear it and scan one card.',
    );
  }

  // Input-method and keyboard damage first: it explains every other odd field at once.
  const sexBare = rawSex.replace(/\s+/g, '').toLowerCase();
  if (/^n[uư][w~0-9sfrxj]+$/.test(sexBare) || imeDamagedName(rawName)) {
    return rejectWith(
      'INPUT_METHOD',
      join(
        {
          vi: 'Bộ gõ tiếng Việt (Telex/VNI) đang bật nên chữ có dấu bị biến dạng (ví dụ “Nữ” thành “Nuwx”, “Nguyễn” thành “Nguyeenx”).',
          en: 'A Vietnamese input method (Telex/VNI) is on, so accented letters were mangled (e.g. “Nữ” became “Nuwx”, “Nguyễn” became “Nguyeenx”).',
        },
        SWITCH_IME_OFF,
      ),
    );
  }
  // A real card's name and residence always carry Vietnamese letters (Phường, Xã, Thôn, Ấp …): none at all means lost.
  if (sexBare === 'nu' || (!VIETNAMESE_LETTER.test(rawName) && !VIETNAMESE_LETTER.test(rawAddress) && rawAddress.trim() !== '')) {
    return reject(
      'DIACRITICS_LOST',
      'Máy quét làm mất dấu tiếng Việt (ví dụ “Nữ” thành “Nu”, “Phường” thành “Phuong”), nên họ tên và địa chỉ bị sai. Hãy cài đặt máy quét xuất ký tự Unicode (UTF-8), đặt bàn phím US và tắt bộ gõ tiếng Việt, hoặc quét bằng camera.',
      'The scanner dropped the Vietnamese accents (e.g. “Nữ” became “Nu”, “Phường” became “Phuong”), so the name and address are wrong. Set the scanner to output Unicode (UTF-8), use the US layout with the Vietnamese input method off, or scan with the camera.',
      sexBare === 'nu' ? 'sex' : undefined,
    );
  }

  if (!/^\d{12}$/.test(rawId)) {
    if (/^\d{9}$/.test(rawId)) {
      return reject(
        'OLD_ID_CARD',
        'Trường đầu tiên là số chứng minh nhân dân 9 số (CMND cũ), không phải số định danh 12 số. CMND không có mã QR theo định dạng này: hãy nhập thông tin bằng tay hoặc dùng thẻ căn cước gắn chip.',
        'The first field is an old 9-digit ID card number (CMND), not a 12-digit personal ID number. Old ID cards have no QR code in this format: type the details in by hand or use the chip ID card.',
        'idNumber',
      );
    }
    return reject(
      'ID_NUMBER',
      'Số định danh cá nhân phải gồm đúng 12 chữ số, nhận được “{v}”.',
      'The personal ID number must be exactly 12 digits; got “{v}”.',
      'idNumber',
      { v: rawId },
    );
  }

  let oldIdNumber: string | null = null;
  const old = rawOld.replace(/\s+/g, '');
  if (/^\d{9}$/.test(old)) oldIdNumber = old;
  else if (/^\d{12}$/.test(old)) {
    warnings.push(
      warn(
        'OLD_ID_IS_12_DIGITS',
        'Ô số CMND cũ trên mã QR chứa một số 12 chữ số (có thể là số định danh đã hủy), không phải CMND 9 số; đã bỏ qua.',
        'The old-ID field of the QR code holds a 12-digit number (perhaps a cancelled personal ID number), not a 9-digit CMND; it was left out.',
      ),
    );
  } else if (old !== '') {
    return reject(
      'OLD_ID_NUMBER',
      'Số CMND cũ phải gồm 9 chữ số hoặc để trống, nhận được “{v}”.',
      'The old ID card number must be 9 digits or empty; got “{v}”.',
      'oldIdNumber',
      { v: old },
    );
  }

  const fullName = cleanText(rawName);
  if (fullName === '') return reject('NAME', 'Mã QR không có họ và tên.', 'The QR code has no full name.', 'fullName');
  if (!/^[\p{L}\p{M}' .-]+$/u.test(fullName) || fullName.length > 150) {
    return reject(
      'NAME',
      'Họ và tên trên mã QR có ký tự không hợp lệ (chữ số hoặc ký hiệu).',
      'The full name in the QR code holds invalid characters (digits or symbols).',
      'fullName',
    );
  }

  const dob = checkDate(rawDob, 'dateOfBirth', today);
  if (!('iso' in dob)) return dob;

  const sex = readSex(rawSex);
  if (!sex) {
    return reject('SEX', 'Giới tính trên mã QR phải là “Nam” hoặc “Nữ”, nhận được “{v}”.', 'Sex in the QR code must be “Nam” or “Nữ”; got “{v}”.', 'sex', {
      v: rawSex,
    });
  }

  const address = cleanText(rawAddress);
  if (address === '') return reject('ADDRESS', 'Mã QR không có nơi cư trú.', 'The QR code has no place of residence.', 'address');

  const issue = checkDate(rawIssue, 'issueDate', today);
  if (!('iso' in issue)) return issue;
  if (issue.iso < dob.iso) {
    return reject('ISSUE_DATE', 'Ngày cấp {issue} ở trước ngày sinh {dob}.', 'The date of issue {issue} is before the date of birth {dob}.', 'issueDate', {
      issue: shownIso(issue.iso),
      dob: shownIso(dob.iso),
    });
  }

  const fields: IdentityFields = { idNumber: rawId, oldIdNumber, fullName, dateOfBirth: dob.iso, sex, address, issueDate: issue.iso };
  return { ok: true, fields, extras, warnings: [...warnings, ...idNumberWarnings(fields)] };
}

/**
 * Reads the text of a chip ID card's QR code, as a camera decoded it or a handheld scanner typed it.
 * Returns the seven fields (NFC, dates as YYYY-MM-DD), any extra fields of the 2024 card, and warnings for the
 * clerk; or a stable rejection reason with a message in Vietnamese and English, and no field at all.
 */
export function parseCccdQr(raw: string, today: string): CccdParseResult {
  if (typeof raw !== 'string') return reject('EMPTY', 'Chưa có dữ liệu quét.', 'Nothing was scanned.');
  if (raw.length > MAX_QR_LENGTH) {
    return reject(
      'TOO_LONG',
      'Nội dung quét quá dài ({n} ký tự) để là mã QR của thẻ căn cước. Hãy xóa ô và quét lại một thẻ.',
      'What was scanned is too long ({n} characters) for an ID card’s QR code. Clear the box and scan one card.',
      undefined,
      { n: raw.length },
    );
  }
  // Scanners end (and sometimes start) with CR, LF or tab: those are keystrokes, not data.
  const s = raw.normalize('NFC').replace(INVISIBLE, '').trim().replace(AIM_PREFIX, '').trim();
  if (s === '') {
    return reject(
      'EMPTY',
      'Chưa có dữ liệu quét. Đặt con trỏ vào ô rồi quét mã QR trên thẻ căn cước.',
      'Nothing was scanned. Put the cursor in the box, then scan the ID card’s QR code.',
    );
  }
  const other = otherKindOfQr(s);
  if (other) return other;

  const lines = s
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length <= 1) return parseLine(lines[0] ?? s, today);

  // Several lines: the same card scanned again (perhaps after a cut-short first try), two cards, or one payload
  // broken by Enter keystrokes the scanner inserted (extra keys: the pieces join as they are, spaces kept).
  const complete = lines.filter(looksComplete);
  const whole = complete[0];
  if (whole) {
    const distinct = new Set(complete.map((l) => l.replace(/\s+/g, ' ')));
    if (distinct.size > 1) {
      return reject(
        'MULTIPLE_SCANS',
        'Ô nhập chứa mã QR của hai thẻ khác nhau. Hãy xóa ô và quét lại một thẻ.',
        'The box holds the QR codes of two different cards. Clear it and scan one card.',
      );
    }
    if (lines.every((l) => l === whole || whole.startsWith(l))) {
      const r = parseLine(whole, today);
      if (r.ok) {
        r.warnings.unshift(
          warn('DUPLICATE_SCAN', 'Mã QR được quét nhiều lần; đã dùng lần quét đầy đủ.', 'The QR code was scanned more than once; the complete scan was used.'),
        );
      }
      return r;
    }
  }
  const r = parseLine(s.split(LINE_BREAK).join(''), today);
  if (r.ok) {
    r.warnings.unshift(
      warn(
        'LINE_BREAK_REMOVED',
        'Máy quét chèn dấu xuống dòng giữa mã QR; đã ghép lại. Hãy kiểm tra kỹ các thông tin và cài đặt máy quét không gửi Enter giữa chừng.',
        'The scanner put line breaks inside the QR code; they were removed. Check the details, and set the scanner not to send Enter mid-code.',
      ),
    );
  }
  return r;
}
