/**
 * Tờ khai đăng ký khai sinh: form of Thông tư 04/2020/TT-BTP (Phụ lục), as amended by Thông tư 04/2024/TT-BTP.
 * Boxes and order from the published form (thuvienphapluat.vn, luatvietnam.vn, luatsutran.vn copies of the 2020
 * form; lawnet.vn's copy of the 2024 notes): see ../SOURCES.md for what could not be checked against the Gazette.
 */
import type { FormTemplate } from '../rules/template.ts';
import {
  authority,
  copyFields,
  copyLine,
  ethnicity,
  line,
  NAME_MAX,
  nationality,
  personName,
  REQUESTER_IDENTITY,
  REQUESTER_SIGNATURE,
  requesterFields,
  requesterLines,
  residence,
  sexField,
  signingFields,
} from './common.ts';

const yearOfBirth = (key: string) => ({
  key,
  label: 'Năm sinh',
  type: 'text' as const,
  maxLength: 4,
  inputMode: 'numeric' as const,
  pattern: { source: '(18|19|20)[0-9]{2}', message: 'ghi năm sinh bốn chữ số' },
});

export const birthRegistrationV1: FormTemplate = {
  key: 'birth-registration',
  version: 1,
  name: 'Tờ khai đăng ký khai sinh',
  title: 'Tờ khai đăng ký khai sinh',
  legalBasis: 'Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP, sửa đổi, bổ sung bởi Thông tư số 04/2024/TT-BTP',
  effectiveFrom: '2024-08-15',
  procedures: [
    { code: '1.001193', name: 'Đăng ký khai sinh' },
    { code: '3.000722', name: 'Liên thông điện tử: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế…' },
  ],
  sections: [
    {
      title: 'Người yêu cầu',
      fields: [
        authority,
        ...requesterFields,
        { key: 'birth.relation', label: 'Quan hệ với người được khai sinh', type: 'text', required: true, maxLength: 50 },
      ],
    },
    {
      title: 'Người được khai sinh',
      fields: [
        personName('child.fullName', 'Họ, chữ đệm, tên người được khai sinh'),
        { key: 'child.dateOfBirth', label: 'Ngày, tháng, năm sinh', type: 'date', required: true },
        sexField('child.sex'),
        ethnicity('child.ethnicity', true),
        nationality('child.nationality', true),
        { key: 'child.placeOfBirth', label: 'Nơi sinh', type: 'text', required: true, maxLength: 300 },
        { key: 'child.hometown', label: 'Quê quán', type: 'text', maxLength: 300 },
      ],
    },
    {
      title: 'Mẹ',
      fields: [
        { ...personName('mother.fullName', 'Họ, chữ đệm, tên người mẹ', false), maxLength: NAME_MAX },
        yearOfBirth('mother.yearOfBirth'),
        ethnicity('mother.ethnicity'),
        nationality('mother.nationality'),
        residence('mother.residence'),
      ],
    },
    {
      title: 'Cha',
      fields: [
        personName('father.fullName', 'Họ, chữ đệm, tên người cha', false),
        yearOfBirth('father.yearOfBirth'),
        ethnicity('father.ethnicity'),
        nationality('father.nationality'),
        residence('father.residence'),
      ],
    },
    { title: 'Bản sao, nơi và ngày làm tờ khai', fields: [...copyFields('birth'), ...signingFields] },
  ],
  identity: [...REQUESTER_IDENTITY],
  layout: [
    ...requesterLines({ field: 'birth.relation', label: 'Quan hệ với người được khai sinh' }),
    line('Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:'),
    line('Họ, chữ đệm, tên: ', { field: 'child.fullName' }),
    line('Ngày, tháng, năm sinh: ', { field: 'child.dateOfBirth', grow: 0.6 }, ' ghi bằng chữ: ', { field: 'child.dateOfBirth', words: true }),
    line('Giới tính: ', { field: 'child.sex' }, ' Dân tộc: ', { field: 'child.ethnicity' }, ' Quốc tịch: ', { field: 'child.nationality' }),
    line('Nơi sinh: ', { field: 'child.placeOfBirth' }),
    line('Quê quán: ', { field: 'child.hometown' }),
    line('Họ, chữ đệm, tên người mẹ: ', { field: 'mother.fullName' }),
    line('Năm sinh: ', { field: 'mother.yearOfBirth' }, ' Dân tộc: ', { field: 'mother.ethnicity' }, ' Quốc tịch: ', { field: 'mother.nationality' }),
    line('Nơi cư trú: ', { field: 'mother.residence' }),
    line('Họ, chữ đệm, tên người cha: ', { field: 'father.fullName' }),
    line('Năm sinh: ', { field: 'father.yearOfBirth' }, ' Dân tộc: ', { field: 'father.ethnicity' }, ' Quốc tịch: ', { field: 'father.nationality' }),
    line('Nơi cư trú: ', { field: 'father.residence' }),
    {
      kind: 'text',
      text: 'Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật. Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
      align: 'justify',
    },
    copyLine('birth', 'Giấy khai sinh'),
  ],
  placeField: 'signing.place',
  dateField: 'signing.date',
  placePrefix: 'Làm tại: ',
  signatures: [REQUESTER_SIGNATURE],
};
