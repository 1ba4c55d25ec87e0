/**
 * Letter wording: the default text of each kind (shipped as data; a unit may save its own), the merge fields and
 * their safe replacement. Pure.
 *
 * Merge fields are single-pass: a value that itself contains "{ten}" is printed as typed, never expanded again, and
 * a field not in the list is refused when a template or letter is saved. The result is NFC.
 */
import type { FieldError } from '../../../platform/errors.ts';
import type { LetterKind } from './kinds.ts';

export const mergeFields = ['ten', 'dia_chi', 'su_kien', 'ngay', 'don_vi', 'nguoi_ky', 'chuc_vu'] as const;
export type MergeField = (typeof mergeFields)[number];

export const mergeFieldLabels: Record<MergeField, string> = {
  ten: 'họ tên người nhận (hoặc tên doanh nghiệp)',
  dia_chi: 'địa chỉ người nhận',
  su_kien: 'sự kiện',
  ngay: 'ngày của sự kiện (dd/mm/yyyy)',
  don_vi: 'tên đơn vị gửi thư',
  nguoi_ky: 'họ tên người ký',
  chuc_vu: 'chức vụ người ký',
};

export const TITLE_MAX = 200;
export const BODY_MAX = 10000;

export interface LetterTemplate {
  title: string;
  body: string;
}

/** The default wording of each kind: short, warm and respectful, in the administrative register. */
export const defaultTemplates: Record<LetterKind, LetterTemplate> = {
  congratulation_marriage: {
    title: 'Thư chúc mừng',
    body: [
      'Kính gửi: Anh/Chị {ten}',
      'Địa chỉ: {dia_chi}',
      'Nhân dịp anh/chị {su_kien} ngày {ngay}, {don_vi} trân trọng gửi tới anh/chị lời chúc mừng tốt đẹp nhất.',
      'Chúc hai bạn trăm năm hạnh phúc, cùng nhau xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc; luôn mạnh khỏe, thành công trong công việc và cuộc sống.',
      'Trân trọng!',
    ].join('\n\n'),
  },
  congratulation_birth: {
    title: 'Thư chúc mừng',
    body: [
      'Kính gửi: Gia đình ông/bà {ten}',
      'Địa chỉ: {dia_chi}',
      '{don_vi} vui mừng được biết {su_kien} ngày {ngay}.',
      'Xin gửi tới gia đình lời chúc mừng chân thành. Chúc cháu bé luôn khỏe mạnh, ngoan ngoãn, lớn lên trong tình yêu thương của gia đình và cộng đồng; chúc gia đình luôn an khang, hạnh phúc.',
      'Trân trọng!',
    ].join('\n\n'),
  },
  congratulation_business: {
    title: 'Thư chúc mừng',
    body: [
      'Kính gửi: {ten}',
      'Địa chỉ: {dia_chi}',
      '{don_vi} trân trọng chúc mừng {ten} nhân dịp {su_kien} (ngày {ngay}).',
      'Chúc doanh nghiệp ngày càng phát triển bền vững, đóng góp nhiều hơn nữa cho sự phát triển kinh tế - xã hội của địa phương. {don_vi} luôn đồng hành, tạo điều kiện thuận lợi để doanh nghiệp yên tâm sản xuất, kinh doanh.',
      'Trân trọng!',
    ].join('\n\n'),
  },
  condolence: {
    title: 'Thư chia buồn',
    body: [
      'Kính gửi: Gia đình ông/bà {ten}',
      'Địa chỉ: {dia_chi}',
      '{don_vi} vô cùng thương tiếc được tin {su_kien} (ngày {ngay}).',
      'Xin gửi tới gia đình lời chia buồn sâu sắc nhất. Mong gia đình sớm vượt qua nỗi đau mất mát này. Chính quyền địa phương luôn sẵn sàng hỗ trợ gia đình trong các công việc cần thiết.',
      'Thành kính phân ưu!',
    ].join('\n\n'),
  },
  apology: {
    title: 'Thư xin lỗi',
    body: [
      'Kính gửi: Ông/Bà {ten}',
      'Địa chỉ: {dia_chi}',
      '{don_vi} chân thành xin lỗi ông/bà vì {su_kien} (ngày {ngay}).',
      'Đây là thiếu sót của chúng tôi. {don_vi} đã nghiêm túc rút kinh nghiệm và sẽ cải tiến cách làm để phục vụ Nhân dân tốt hơn. Rất mong nhận được sự thông cảm của ông/bà.',
      'Trân trọng!',
    ].join('\n\n'),
  },
  other: {
    title: 'Thư thăm hỏi',
    body: [
      'Kính gửi: Ông/Bà {ten}',
      'Địa chỉ: {dia_chi}',
      '{don_vi} được biết {su_kien} (ngày {ngay}).',
      'Xin gửi tới ông/bà và gia đình lời thăm hỏi ân cần. Chính quyền địa phương luôn sẵn sàng chia sẻ, hỗ trợ gia đình trong lúc cần thiết.',
      'Trân trọng!',
    ].join('\n\n'),
  },
};

const FIELD = /\{([^{}\n]{1,40})\}/g;

/** Merge fields used in a text that are not in the list (in order of first use, each once). */
export function unknownMergeFields(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(FIELD)) {
    const name = m[1] as string;
    if (!(mergeFields as readonly string[]).includes(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Field errors for a text with unknown merge fields, naming them and the allowed ones. */
export function mergeFieldErrors(field: string, text: string): FieldError[] {
  const unknown = unknownMergeFields(text);
  if (unknown.length === 0) return [];
  const names = unknown.map((n) => `{${n}}`).join(', ');
  const allowed = mergeFields.map((n) => `{${n}}`).join(', ');
  return [
    {
      field,
      message: {
        vi: `Trường trộn không có: ${names}. Chỉ dùng ${allowed}`,
        en: `Unknown merge field: ${names}. Use only ${allowed}`,
      },
    },
  ];
}

/**
 * Fills the merge fields of a text with the letter's values in one pass, NFC. A field without a value prints as
 * "…" so a missing address is visible in the draft instead of vanishing.
 */
export function fillMergeFields(text: string, values: Partial<Record<MergeField, string | null>>): string {
  return text.normalize('NFC').replace(FIELD, (whole, name: string) => {
    if (!(mergeFields as readonly string[]).includes(name)) return whole;
    const v = values[name as MergeField];
    return v?.trim() ? v.normalize('NFC').trim() : '…';
  });
}

/** Paragraphs of a body: split on blank lines, single line breaks kept inside a paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
