/**
 * Phiếu yêu cầu chứng thực. Certifying a copy or a signature needs no declaration under Nghị định 23/2015/NĐ-CP
 * (the requester shows the original and an identity document); only contracts and transactions have an official
 * "Phiếu yêu cầu chứng thực hợp đồng, giao dịch" (Thông tư 01/2020/TT-BTP). Desks that queue copy and signature
 * requests use a request slip of the same shape: this template follows it, so the desk records who asked for
 * what, how many copies and pages. It is NOT an official national form: see ../SOURCES.md.
 */
import type { FormTemplate } from '../rules/template.ts';
import { line, NAME_MAX, personName, signingFields } from './common.ts';

export const certificationRequestV1: FormTemplate = {
  key: 'certification-request',
  version: 1,
  name: 'Phiếu yêu cầu chứng thực',
  title: 'Phiếu yêu cầu chứng thực',
  legalBasis:
    'Nghị định số 23/2015/NĐ-CP (sửa đổi bởi Nghị định số 07/2025/NĐ-CP); mẫu phiếu theo hình thức Phiếu yêu cầu chứng thực hợp đồng, giao dịch của Thông tư số 01/2020/TT-BTP (không phải mẫu bắt buộc đối với chứng thực bản sao, chữ ký)',
  effectiveFrom: '2025-01-01',
  procedures: [
    { code: '2.000815', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản' },
    { code: '2.000884', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản' },
    { code: '2.000942', name: 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực' },
  ],
  sections: [
    {
      title: 'Người yêu cầu',
      fields: [
        { key: 'authority', label: 'Kính gửi', type: 'text', required: true, maxLength: 200, hint: 'Ví dụ: Ủy ban nhân dân phường Cao Lãnh' },
        { ...personName('requester.fullName', 'Họ, chữ đệm, tên người yêu cầu'), maxLength: NAME_MAX },
        { key: 'requester.idDocument', label: 'Giấy tờ tùy thân', type: 'text', required: true, maxLength: 200 },
        { key: 'requester.residence', label: 'Địa chỉ', type: 'text', maxLength: 300 },
        {
          key: 'requester.phone',
          label: 'Số điện thoại',
          type: 'text',
          maxLength: 15,
          inputMode: 'numeric',
          pattern: { source: '[0-9 +.]{8,15}', message: 'ghi số điện thoại' },
        },
      ],
    },
    {
      title: 'Việc yêu cầu chứng thực',
      fields: [
        {
          key: 'cert.kind',
          label: 'Loại việc chứng thực',
          type: 'select',
          required: true,
          options: [
            { value: 'ban-sao', label: 'Chứng thực bản sao từ bản chính' },
            { value: 'chu-ky', label: 'Chứng thực chữ ký' },
            { value: 'diem-chi', label: 'Chứng thực điểm chỉ' },
            { value: 'ban-sao-hop-dong', label: 'Cấp bản sao có chứng thực hợp đồng, giao dịch đã chứng thực' },
          ],
        },
        { key: 'cert.documents', label: 'Tên giấy tờ, văn bản yêu cầu chứng thực', type: 'textarea', required: true, maxLength: 500 },
        {
          key: 'cert.copies',
          label: 'Số bản',
          type: 'text',
          required: true,
          maxLength: 3,
          inputMode: 'numeric',
          pattern: { source: '[1-9][0-9]{0,2}', message: 'ghi số bản' },
        },
        {
          key: 'cert.pages',
          label: 'Số trang mỗi bản',
          type: 'text',
          maxLength: 3,
          inputMode: 'numeric',
          pattern: { source: '[1-9][0-9]{0,2}', message: 'ghi số trang' },
        },
        { key: 'cert.electronic', label: 'Yêu cầu bản sao điện tử', type: 'checkbox' },
      ],
    },
    { title: 'Bản sao, nơi và ngày làm tờ khai', fields: signingFields },
  ],
  identity: [
    { field: 'requester.fullName', from: 'fullName' },
    { field: 'requester.idDocument', from: 'idDocument' },
    { field: 'requester.residence', from: 'address' },
  ],
  layout: [
    line('Kính gửi: ', { field: 'authority' }),
    line('Họ, chữ đệm, tên người yêu cầu chứng thực: ', { field: 'requester.fullName' }),
    line('Giấy tờ tùy thân: ', { field: 'requester.idDocument' }),
    line('Địa chỉ: ', { field: 'requester.residence' }),
    line('Số điện thoại: ', { field: 'requester.phone' }),
    line('Đề nghị chứng thực: ', { field: 'cert.kind' }),
    { kind: 'lines', label: 'Tên giấy tờ, văn bản: ', field: 'cert.documents', count: 3 },
    line('Số bản: ', { field: 'cert.copies', grow: 0.5 }, '   Số trang mỗi bản: ', { field: 'cert.pages', grow: 0.5 }),
    line({ tick: 'cert.electronic', equals: 'true', label: 'Đề nghị cấp bản sao điện tử có chứng thực' }),
    {
      kind: 'text',
      text: 'Tôi cam đoan giấy tờ, văn bản yêu cầu chứng thực là hợp pháp và chịu trách nhiệm trước pháp luật về nội dung yêu cầu của mình.',
      align: 'justify',
    },
  ],
  placeField: 'signing.place',
  dateField: 'signing.date',
  placePrefix: '',
  signatures: [{ title: 'Người yêu cầu chứng thực', note: '(Ký, ghi rõ họ, chữ đệm, tên)', nameField: 'requester.fullName' }],
};
