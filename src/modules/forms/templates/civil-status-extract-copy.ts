/**
 * Tờ khai cấp bản sao Trích lục hộ tịch: form of Thông tư 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP
 * (notes (1)–(6) as thuvienphapluat.vn reproduces them). Procedure 2.000635.
 */
import type { FormTemplate } from '../rules/template.ts';
import {
  ATTESTATION_SIMPLE,
  authority,
  idDocument,
  line,
  personName,
  REQUESTER_IDENTITY,
  REQUESTER_SIGNATURE,
  requesterFields,
  requesterLines,
  residence,
  signingFields,
} from './common.ts';

export const civilStatusExtractCopyV1: FormTemplate = {
  key: 'civil-status-extract-copy',
  version: 1,
  name: 'Tờ khai cấp bản sao Trích lục hộ tịch',
  title: 'Tờ khai cấp bản sao Trích lục hộ tịch',
  legalBasis: 'Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP, sửa đổi, bổ sung bởi Thông tư số 04/2024/TT-BTP',
  effectiveFrom: '2024-08-15',
  procedures: [{ code: '2.000635', name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh' }],
  sections: [
    {
      title: 'Người yêu cầu',
      fields: [
        authority,
        ...requesterFields,
        {
          key: 'extract.relation',
          label: 'Quan hệ với người được cấp bản sao Trích lục hộ tịch',
          type: 'text',
          maxLength: 50,
          hint: 'Ghi "Bản thân" khi tự xin cấp',
        },
      ],
    },
    {
      title: 'Bản sao Trích lục hộ tịch',
      fields: [
        {
          key: 'extract.event',
          label: 'Loại việc hộ tịch đã đăng ký',
          type: 'select',
          required: true,
          options: ['Khai sinh', 'Kết hôn', 'Khai tử', 'Nhận cha, mẹ, con', 'Giám hộ', 'Thay đổi, cải chính, bổ sung hộ tịch', 'Khác'].map((v) => ({
            value: v,
            label: v,
          })),
        },
        personName('extract.fullName', 'Họ, chữ đệm, tên người được cấp bản sao'),
        { key: 'extract.dateOfBirth', label: 'Ngày, tháng, năm sinh người được cấp bản sao', type: 'date' },
        { ...residence('extract.residence'), label: 'Nơi cư trú người được cấp bản sao' },
        { ...idDocument('extract.idDocument'), label: 'Giấy tờ tùy thân người được cấp bản sao' },
        { key: 'extract.registeredAt', label: 'Đã đăng ký tại (cơ quan)', type: 'text', required: true, maxLength: 300 },
        { key: 'extract.registeredOn', label: 'Ngày đăng ký', type: 'date' },
        { key: 'extract.entryNumber', label: 'Số', type: 'text', maxLength: 20 },
        { key: 'extract.bookNumber', label: 'Quyển số', type: 'text', maxLength: 20 },
        {
          key: 'extract.copyCount',
          label: 'Số lượng bản sao đề nghị cấp',
          type: 'text',
          required: true,
          maxLength: 2,
          inputMode: 'numeric',
          pattern: { source: '[1-9][0-9]?', message: 'ghi số bản (1–99)' },
        },
      ],
    },
    { title: 'Bản sao, nơi và ngày làm tờ khai', fields: signingFields },
  ],
  identity: [
    ...REQUESTER_IDENTITY,
    { field: 'extract.fullName', from: 'fullName' },
    { field: 'extract.dateOfBirth', from: 'dateOfBirth' },
    { field: 'extract.residence', from: 'address' },
    { field: 'extract.idDocument', from: 'idDocument' },
  ],
  layout: [
    ...requesterLines({ field: 'extract.relation', label: 'Quan hệ với người được cấp bản sao Trích lục hộ tịch' }),
    line('Đề nghị cấp bản sao Trích lục hộ tịch về: ', { field: 'extract.event' }),
    line('cho người có tên dưới đây:'),
    line('Họ, chữ đệm, tên: ', { field: 'extract.fullName' }),
    line('Ngày, tháng, năm sinh: ', { field: 'extract.dateOfBirth' }),
    line('Nơi cư trú: ', { field: 'extract.residence' }),
    line('Giấy tờ tùy thân: ', { field: 'extract.idDocument' }),
    line('Đã đăng ký tại: ', { field: 'extract.registeredAt' }),
    line('ngày ', { field: 'extract.registeredOn' }, ' Số: ', { field: 'extract.entryNumber', grow: 0.6 }, ' Quyển số: ', {
      field: 'extract.bookNumber',
      grow: 0.6,
    }),
    line('Số lượng bản sao đề nghị cấp: ', { field: 'extract.copyCount', grow: 0.3 }, ' bản'),
    { kind: 'text', text: ATTESTATION_SIMPLE, align: 'justify' },
  ],
  placeField: 'signing.place',
  dateField: 'signing.date',
  placePrefix: 'Làm tại: ',
  signatures: [REQUESTER_SIGNATURE],
};
