/**
 * VietQR (NAPAS 247 bank-transfer QR, EMVCo merchant-presented; STANDARDS.md §4): encoding and decoding the payload.
 * Pure: no I/O. Field IDs: 00 payload format (01), 01 initiation (11 static, 12 dynamic), 38 NAPAS account
 * {00 GUID A000000727, 01 {00 bank BIN, 01 account or card}, 02 QRIBFTTA | QRIBFTTC}, 53 currency (704 = VND),
 * 54 amount, 58 country (VN), 62 additional data {08 purpose}, 63 CRC-16/CCITT-FALSE over everything up to and
 * including '6304'.
 */

export const NAPAS_GUID = 'A000000727';
const SERVICE = { account: 'QRIBFTTA', card: 'QRIBFTTC' } as const;
/** The purpose (nội dung chuyển khoản) we write: ASCII upper case and digits only, at most 25 (NAPAS limit). */
export const PURPOSE_PATTERN = /^[A-Z0-9]{1,25}$/;

export interface VietQrFields {
  /** NAPAS bank identification number, 6 digits. */
  bankBin: string;
  /** Account number (or card number for target 'card'), 1–19 letters or digits. */
  accountNo: string;
  target: 'account' | 'card';
  /** Whole đồng; null for a static QR (the payer types the amount). */
  amountVnd: number | null;
  /** The payment reference (62/08), or null. */
  purpose: string | null;
}

export type VietQrError =
  | 'TRUNCATED'
  | 'CRC_MISSING'
  | 'BAD_CRC'
  | 'BAD_FORMAT'
  | 'BAD_INITIATION'
  | 'NO_ACCOUNT'
  | 'WRONG_GUID'
  | 'BAD_BIN'
  | 'BAD_ACCOUNT'
  | 'BAD_SERVICE'
  | 'NOT_VND'
  | 'NOT_VN'
  | 'BAD_AMOUNT';

export type VietQrDecoded = { ok: true; fields: VietQrFields; initiation: 'static' | 'dynamic' } | { ok: false; error: VietQrError; detail: string };

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the UTF-8 bytes, 4 upper-case hex. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(id: string, value: string): string {
  if (value.length === 0 || value.length > 99) throw new RangeError(`VietQR field ${id} must be 1–99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/**
 * The purpose text banks carry reliably: Vietnamese diacritics stripped (Đ → D), upper case, only A–Z and 0–9,
 * cut to 25. Bank apps mangle or drop anything else, and the reference must come back on the statement intact.
 */
export function purposeFrom(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 25);
}

/** Encodes a VietQR payload. @throws RangeError on a field that cannot be encoded (we never emit a bad QR). */
export function encodeVietQr(f: VietQrFields): string {
  if (!/^[0-9]{6}$/.test(f.bankBin)) throw new RangeError('bank BIN must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(f.accountNo)) throw new RangeError('account number must be 1–19 letters or digits');
  if (f.amountVnd !== null && (!Number.isSafeInteger(f.amountVnd) || f.amountVnd <= 0 || String(f.amountVnd).length > 13)) {
    throw new RangeError('amount must be a positive whole number of đồng');
  }
  if (f.purpose !== null && !PURPOSE_PATTERN.test(f.purpose)) throw new RangeError('purpose must be 1–25 of A–Z, 0–9');
  const beneficiary = tlv('00', f.bankBin) + tlv('01', f.accountNo);
  const account = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE[f.target]);
  const body =
    tlv('00', '01') +
    tlv('01', f.amountVnd === null ? '11' : '12') +
    tlv('38', account) +
    tlv('53', '704') +
    (f.amountVnd === null ? '' : tlv('54', String(f.amountVnd))) +
    tlv('58', 'VN') +
    (f.purpose === null ? '' : tlv('62', tlv('08', f.purpose))) +
    '6304';
  return body + crc16(body);
}

/** Splits a TLV string into id → value (first occurrence), or null when a length runs past the end. */
function parseTlv(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    if (i + 4 > text.length) return null;
    const id = text.slice(i, i + 2);
    const lenText = text.slice(i + 2, i + 4);
    if (!/^[0-9]{2}$/.test(id) || !/^[0-9]{2}$/.test(lenText)) return null;
    const len = Number(lenText);
    if (i + 4 + len > text.length) return null;
    if (!out.has(id)) out.set(id, text.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

const fail = (error: VietQrError, detail: string): VietQrDecoded => ({ ok: false, error, detail });

/** Decodes and checks a VietQR payload: CRC first, then the structure. Never throws. */
export function decodeVietQr(payload: string): VietQrDecoded {
  const text = payload.trim();
  const root = parseTlv(text);
  if (!root) return fail('TRUNCATED', 'a field runs past the end of the payload');
  const crcAt = text.length - 8;
  if (!root.has('63') || crcAt < 0 || text.slice(crcAt, crcAt + 4) !== '6304') return fail('CRC_MISSING', 'no CRC (63) as the last field');
  const expected = crc16(text.slice(0, crcAt + 4));
  if (text.slice(crcAt + 4).toUpperCase() !== expected) return fail('BAD_CRC', `CRC ${text.slice(crcAt + 4)} ≠ ${expected}`);
  if (root.get('00') !== '01') return fail('BAD_FORMAT', 'payload format (00) is not 01');
  const init = root.get('01');
  if (init !== undefined && init !== '11' && init !== '12') return fail('BAD_INITIATION', 'initiation (01) is neither 11 nor 12');
  const acc = root.get('38');
  if (acc === undefined) return fail('NO_ACCOUNT', 'no NAPAS account (38)');
  const account = parseTlv(acc);
  if (!account) return fail('TRUNCATED', 'the account field (38) is cut short');
  if (account.get('00') !== NAPAS_GUID) return fail('WRONG_GUID', `GUID (38/00) is not ${NAPAS_GUID}`);
  const beneficiary = parseTlv(account.get('01') ?? '');
  if (!beneficiary) return fail('TRUNCATED', 'the beneficiary field (38/01) is cut short');
  const bankBin = beneficiary.get('00') ?? '';
  if (!/^[0-9]{6}$/.test(bankBin)) return fail('BAD_BIN', 'bank BIN (38/01/00) is not 6 digits');
  const accountNo = beneficiary.get('01') ?? '';
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNo)) return fail('BAD_ACCOUNT', 'account number (38/01/01) is missing or malformed');
  const service = account.get('02');
  const target = service === SERVICE.account ? 'account' : service === SERVICE.card ? 'card' : null;
  if (!target) return fail('BAD_SERVICE', 'service (38/02) is neither QRIBFTTA nor QRIBFTTC');
  if (root.get('53') !== '704') return fail('NOT_VND', 'currency (53) is not 704 (VND)');
  if (root.get('58') !== 'VN') return fail('NOT_VN', 'country (58) is not VN');
  const amountText = root.get('54');
  if (amountText !== undefined && !/^[1-9][0-9]{0,12}$/.test(amountText)) return fail('BAD_AMOUNT', 'amount (54) is not a whole number of đồng');
  const extra = root.has('62') ? parseTlv(root.get('62') as string) : new Map<string, string>();
  if (!extra) return fail('TRUNCATED', 'additional data (62) is cut short');
  return {
    ok: true,
    initiation: init === '12' ? 'dynamic' : 'static',
    fields: { bankBin, accountNo, target, amountVnd: amountText === undefined ? null : Number(amountText), purpose: extra.get('08') ?? null },
  };
}
