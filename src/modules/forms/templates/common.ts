/**
 * Boxes several forms share. A key used by two forms is the same value in both: the requester typed (or scanned)
 * once fills the requester lines of every form in the set.
 */
import type { FormField, LayoutBlock, LinePart } from '../rules/template.ts';

export const NAME_MAX = 100;
export const ADDRESS_MAX = 300;

const name = (key: string, label: string, required = true): FormField => ({
  key,
  label,
  type: 'text',
  required,
  maxLength: NAME_MAX,
  pattern: { source: "[\\p{L}][\\p{L}\\p{M} .'-]*", message: 'chỉ gồm chữ cái và khoảng trắng' },
});

export const ethnicity = (key: string, required = false): FormField => ({ key, label: 'Dân tộc', type: 'text', required, maxLength: 50 });
export const nationality = (key: string, required = false): FormField => ({ key, label: 'Quốc tịch', type: 'text', required, maxLength: 50 });
export const sexField = (key: string, required = true): FormField => ({
  key,
  label: 'Giới tính',
  type: 'select',
  required,
  options: [
    { value: 'Nam', label: 'Nam' },
    { value: 'Nữ', label: 'Nữ' },
  ],
});
export const residence = (key: string, required = false): FormField => ({
  key,
  label: 'Nơi cư trú',
  type: 'text',
  required,
  maxLength: ADDRESS_MAX,
  hint: 'Nơi thường trú; không có thì nơi tạm trú; không có cả hai thì nơi đang sinh sống',
});
export const idDocument = (key: string, required = false): FormField => ({
  key,
  label: 'Giấy tờ tùy thân',
  type: 'text',
  required,
  maxLength: 200,
  hint: 'Số định danh cá nhân/căn cước, cơ quan cấp, ngày cấp (điền sẵn khi quét thẻ căn cước)',
});
export const personName = name;

/** "Kính gửi": the civil-status authority (usually the commune's People's Committee). */
export const authority: FormField = {
  key: 'authority',
  label: 'Kính gửi',
  type: 'text',
  required: true,
  maxLength: 200,
  hint: 'Tên cơ quan đăng ký, ví dụ: Ủy ban nhân dân phường Cao Lãnh',
};

/** The place and date of the "Làm tại: …, ngày … tháng … năm …" line (filled with the desk's place and today). */
export const signingFields: FormField[] = [
  { key: 'signing.place', label: 'Làm tại (địa danh)', type: 'text', maxLength: 100 },
  { key: 'signing.date', label: 'Ngày làm tờ khai', type: 'date' },
];

/** The requester (người yêu cầu): the person at the desk whose card is scanned. */
export const requesterFields: FormField[] = [
  name('requester.fullName', 'Họ, chữ đệm, tên người yêu cầu'),
  { key: 'requester.dateOfBirth', label: 'Ngày, tháng, năm sinh người yêu cầu', type: 'date' },
  residence('requester.residence'),
  idDocument('requester.idDocument', true),
];

/** The requester's lines as Thông tư 04/2024/TT-BTP prints them (birth date and residence only without an ID number). */
export const requesterLines = (relationField?: { field: string; label: string }): LayoutBlock[] => {
  const out: LayoutBlock[] = [
    line('Kính gửi: ', { field: 'authority' }),
    line('Họ, chữ đệm, tên người yêu cầu: ', { field: 'requester.fullName' }),
    line('Ngày, tháng, năm sinh: ', { field: 'requester.dateOfBirth' }),
    line('Nơi cư trú: ', { field: 'requester.residence' }),
    line('Giấy tờ tùy thân: ', { field: 'requester.idDocument' }),
  ];
  if (relationField) out.push(line(`${relationField.label}: `, { field: relationField.field }));
  return out;
};

export function line(...parts: LinePart[]): LayoutBlock {
  return { kind: 'line', parts };
}

export const ATTESTATION =
  'Tôi cam đoan nội dung đề nghị đăng ký trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật.';
export const ATTESTATION_SIMPLE = 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.';

/** "Đề nghị cấp bản sao: Có ☐ Không ☐; số lượng: … bản" with its two boxes. */
export const copyFields = (prefix: string): FormField[] => [
  {
    key: `${prefix}.copies`,
    label: 'Đề nghị cấp bản sao',
    type: 'select',
    options: [
      { value: 'co', label: 'Có' },
      { value: 'khong', label: 'Không' },
    ],
  },
  {
    key: `${prefix}.copyCount`,
    label: 'Số lượng bản sao',
    type: 'text',
    maxLength: 2,
    inputMode: 'numeric',
    pattern: { source: '[1-9][0-9]?', message: 'ghi số bản (1–99)' },
  },
];

export const copyLine = (prefix: string, what: string): LayoutBlock =>
  line(
    `Đề nghị cấp bản sao${what ? ` ${what}` : ''}: `,
    { tick: `${prefix}.copies`, equals: 'co', label: 'Có' },
    { tick: `${prefix}.copies`, equals: 'khong', label: 'Không' },
    '   Số lượng: ',
    { field: `${prefix}.copyCount`, grow: 0.5 },
    ' bản',
  );

export const REQUESTER_SIGNATURE = { title: 'Người yêu cầu', note: '(Ký, ghi rõ họ, chữ đệm, tên)', nameField: 'requester.fullName' };

export const REQUESTER_IDENTITY = [
  { field: 'requester.fullName', from: 'fullName' },
  { field: 'requester.dateOfBirth', from: 'dateOfBirth' },
  { field: 'requester.residence', from: 'address' },
  { field: 'requester.idDocument', from: 'idDocument' },
] as const;
