/**
 * Tờ khai đăng ký khai tử: form of Thông tư 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP (notes (1)–(5)
 * as lawnet.vn reproduces the 2024 annex). See ../SOURCES.md.
 */
import type { FormTemplate } from '../rules/template.ts';
import {
  ATTESTATION_SIMPLE,
  authority,
  copyFields,
  copyLine,
  ethnicity,
  idDocument,
  line,
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

export const deathRegistrationV1: FormTemplate = {
  key: 'death-registration',
  version: 1,
  name: 'Tờ khai đăng ký khai tử',
  title: 'Tờ khai đăng ký khai tử',
  legalBasis: 'Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP, sửa đổi, bổ sung bởi Thông tư số 04/2024/TT-BTP',
  effectiveFrom: '2024-08-15',
  procedures: [
    { code: '1.000656', name: 'Đăng ký khai tử' },
    { code: '2.002913', name: 'Liên thông điện tử: đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất' },
  ],
  sections: [
    {
      title: 'Người yêu cầu',
      fields: [authority, ...requesterFields, { key: 'death.relation', label: 'Quan hệ với người đã chết', type: 'text', required: true, maxLength: 50 }],
    },
    {
      title: 'Người đã chết',
      fields: [
        personName('deceased.fullName', 'Họ, chữ đệm, tên người đã chết'),
        { key: 'deceased.dateOfBirth', label: 'Ngày, tháng, năm sinh người đã chết', type: 'date' },
        sexField('deceased.sex'),
        ethnicity('deceased.ethnicity'),
        nationality('deceased.nationality'),
        { ...residence('deceased.residence'), label: 'Nơi cư trú cuối cùng' },
        idDocument('deceased.idDocument'),
        {
          key: 'deceased.timeOfDeath',
          label: 'Giờ, phút chết',
          type: 'text',
          maxLength: 20,
          pattern: { source: '([01]?[0-9]|2[0-3])( giờ |:|h)[0-5][0-9]( phút)?', message: 'ghi giờ và phút, ví dụ 14:30' },
        },
        { key: 'deceased.dateOfDeath', label: 'Ngày chết', type: 'date', required: true },
        { key: 'deceased.placeOfDeath', label: 'Nơi chết', type: 'text', required: true, maxLength: 300 },
        { key: 'deceased.cause', label: 'Nguyên nhân chết', type: 'text', maxLength: 200 },
        { key: 'deceased.deathNotice', label: 'Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử', type: 'text', maxLength: 100 },
        { key: 'deceased.deathNoticeIssuer', label: 'Cơ quan cấp Giấy báo tử', type: 'text', maxLength: 200 },
        { key: 'deceased.deathNoticeDate', label: 'Ngày cấp Giấy báo tử', type: 'date' },
      ],
    },
    { title: 'Bản sao, nơi và ngày làm tờ khai', fields: [...copyFields('death'), ...signingFields] },
  ],
  identity: [...REQUESTER_IDENTITY],
  layout: [
    ...requesterLines({ field: 'death.relation', label: 'Quan hệ với người đã chết' }),
    line('Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:'),
    line('Họ, chữ đệm, tên: ', { field: 'deceased.fullName' }),
    line('Ngày, tháng, năm sinh: ', { field: 'deceased.dateOfBirth' }),
    line('Giới tính: ', { field: 'deceased.sex' }, ' Dân tộc: ', { field: 'deceased.ethnicity' }, ' Quốc tịch: ', { field: 'deceased.nationality' }),
    line('Nơi cư trú cuối cùng: ', { field: 'deceased.residence' }),
    line('Giấy tờ tùy thân: ', { field: 'deceased.idDocument' }),
    line('Đã chết vào lúc: ', { field: 'deceased.timeOfDeath', grow: 0.5 }, ', ngày ', { field: 'deceased.dateOfDeath' }),
    line('Nơi chết: ', { field: 'deceased.placeOfDeath' }),
    line('Nguyên nhân chết: ', { field: 'deceased.cause' }),
    line('Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử: ', { field: 'deceased.deathNotice' }),
    line('do ', { field: 'deceased.deathNoticeIssuer' }, ' cấp ngày ', { field: 'deceased.deathNoticeDate', grow: 0.5 }),
    { kind: 'text', text: ATTESTATION_SIMPLE, align: 'justify' },
    copyLine('death', 'Trích lục khai tử'),
  ],
  placeField: 'signing.place',
  dateField: 'signing.date',
  placePrefix: 'Làm tại: ',
  signatures: [REQUESTER_SIGNATURE],
};
