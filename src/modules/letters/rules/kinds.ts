/**
 * Kinds and states of letters (thư chúc mừng, thư chia buồn, thư xin lỗi; M11), their Vietnamese names and the
 * symbols of the register (số/ký hiệu, Nghị định 30/2020 Phụ lục III style: TCM thư chúc mừng, TCB thư chia buồn,
 * TXL thư xin lỗi, TTH thư thăm hỏi).
 */
import type { Text } from '../../../platform/i18n/index.ts';

export const letterKinds = ['congratulation_marriage', 'congratulation_birth', 'congratulation_business', 'condolence', 'apology', 'other'] as const;
export type LetterKind = (typeof letterKinds)[number];

export const letterStatuses = ['draft', 'submitted', 'approved', 'sent', 'cancelled'] as const;
export type LetterStatus = (typeof letterStatuses)[number];

export const eventKinds = ['marriage', 'birth', 'death', 'apology', 'business', 'manual'] as const;
export type EventKind = (typeof eventKinds)[number];

export const kindLabels: Record<LetterKind, Text> = {
  congratulation_marriage: { vi: 'Chúc mừng kết hôn', en: 'Congratulations on a marriage' },
  congratulation_birth: { vi: 'Chúc mừng sinh con', en: 'Congratulations on a birth' },
  congratulation_business: { vi: 'Chúc mừng doanh nghiệp', en: 'Congratulations to a business' },
  condolence: { vi: 'Chia buồn', en: 'Condolence' },
  apology: { vi: 'Xin lỗi', en: 'Apology' },
  other: { vi: 'Thăm hỏi, khác', en: 'Other (visit, support)' },
};

export const statusLabels: Record<LetterStatus, Text> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Symbol of each kind in the register number ("12/TCM-UBND"). */
export const kindSymbols: Record<LetterKind, string> = {
  congratulation_marriage: 'TCM',
  congratulation_birth: 'TCM',
  congratulation_business: 'TCM',
  condolence: 'TCB',
  apology: 'TXL',
  other: 'TTH',
};

/** Only congratulations can be refused by the citizen (the opt-out list); condolences and apologies always go. */
export const isCongratulation = (kind: LetterKind): boolean => kind.startsWith('congratulation_');

/** "12/TCM-UBND": the number and symbol of a letter in its unit's register; the issuer part is UBND for territorial units. */
export function registerNumber(number: number, kind: LetterKind, issuerSymbol: string): string {
  return `${number}/${kindSymbols[kind]}-${issuerSymbol}`;
}

/** The issuer's part of the symbol: UBND for a commune, ward or district people's committee, otherwise the unit code. */
export function issuerSymbolOf(unit: { code: string }, territorial: boolean): string {
  return territorial
    ? 'UBND'
    : unit.code
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 12) || 'UBND';
}
