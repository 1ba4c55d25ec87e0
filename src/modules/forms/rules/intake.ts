/**
 * Receiving a dossier from a declaration set (tiếp nhận hồ sơ từ bộ tờ khai): which procedures a set may be received
 * under, and who the applicant is. Pure: no I/O, no clock.
 */
import type { FieldError } from '../../../platform/errors.ts';
import type { CardIdentity, FormTemplate } from './template.ts';

/** The channels a dossier received at the desk from a set may come by (online dossiers never pass the desk). */
export const setIntakeChannels = ['desk', 'home', 'post'] as const;
export type SetIntakeChannel = (typeof setIntakeChannels)[number];

export const setIntakeChannelLabels: Record<SetIntakeChannel, { vi: string; en: string }> = {
  desk: { vi: 'Trực tiếp tại Bộ phận Một cửa', en: 'At the desk' },
  home: { vi: 'Tại nhà (tiếp nhận lưu động)', en: 'At home' },
  post: { vi: 'Qua dịch vụ bưu chính công ích', en: 'By post' },
};

/** The procedures the set's forms serve, each once, in the order of the set's templates. */
export function proceduresOfTemplates(templates: FormTemplate[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const t of templates) for (const p of t.procedures) if (!seen.has(p.code)) seen.set(p.code, p.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/**
 * The procedure preselected on the set page: the one asked for (`wanted`), else the one the set was made for, else the
 * first the forms serve; only among `offered`.
 */
export function preselectedProcedure(offered: string[], wanted: string | null | undefined, setProcedure: string | null): string | null {
  for (const code of [wanted, setProcedure]) if (code && offered.includes(code)) return code;
  return offered[0] ?? null;
}

/**
 * The applicant of the dossier: the requester, i.e. the set's first scanned card (name, personal ID number and
 * address as the card holds them), with the phone the clerk typed.
 * @returns null when no card was scanned into the set
 */
export function applicantFromCard(
  card: CardIdentity | undefined,
  phone: string | undefined,
): { name: string; idNumber: string; address: string; phone?: string } | null {
  if (!card) return null;
  return {
    name: card.fullName.normalize('NFC').trim(),
    idNumber: card.idNumber,
    address: card.address.normalize('NFC').trim(),
    ...(phone ? { phone } : {}),
  };
}

/** Field errors of an intake request against the set: a procedure its forms do not serve, a set without a card. */
export function checkSetIntake(templates: FormTemplate[], procedure: string, hasCard: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const served = proceduresOfTemplates(templates);
  if (!served.some((p) => p.code === procedure)) {
    errors.push({
      field: 'procedure',
      message: {
        vi: `Các tờ khai của bộ không dùng cho thủ tục ${procedure}; chọn một trong: ${served.map((p) => p.code).join(', ')}`,
        en: `The set's forms are not used by procedure ${procedure}; choose one of: ${served.map((p) => p.code).join(', ')}`,
      },
    });
  }
  if (!hasCard) {
    errors.push({
      field: 'applicant',
      message: {
        vi: 'Bộ tờ khai chưa có thẻ căn cước của người nộp: hãy quét thẻ trước khi tiếp nhận',
        en: 'No ID card was scanned into the set: scan the applicant’s card first',
      },
    });
  }
  return errors;
}
