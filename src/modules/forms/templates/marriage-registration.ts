/**
 * Tờ khai đăng ký kết hôn: form of Thông tư 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP. Both parties
 * may fill one form (procedure 1.000894): a table with the columns "Thông tin / Bên nữ / Bên nam", the joint
 * attestation, then one signature for each party. Scanning a card fills the column of the holder's sex.
 */
import type { FormField, FormTemplate } from '../rules/template.ts';
import { authority, copyFields, copyLine, ethnicity, idDocument, line, nationality, personName, residence, signingFields } from './common.ts';

const side = (who: 'bride' | 'groom', label: string): FormField[] => [
  personName(`${who}.fullName`, `Họ, chữ đệm, tên (${label})`),
  { key: `${who}.dateOfBirth`, label: `Ngày, tháng, năm sinh (${label})`, type: 'date', required: true },
  { ...ethnicity(`${who}.ethnicity`), label: `Dân tộc (${label})` },
  { ...nationality(`${who}.nationality`), label: `Quốc tịch (${label})` },
  { ...residence(`${who}.residence`), label: `Nơi cư trú (${label})` },
  { ...idDocument(`${who}.idDocument`, true), label: `Giấy tờ tùy thân (${label})` },
  {
    key: `${who}.marriageCount`,
    label: `Kết hôn lần thứ mấy (${label})`,
    type: 'text',
    maxLength: 10,
    pattern: { source: '[1-9]|[\\p{L} ]{3,10}', message: 'ghi số lần (1, 2…) hoặc bằng chữ (Lần đầu…)' },
  },
];

export const marriageRegistrationV1: FormTemplate = {
  key: 'marriage-registration',
  version: 1,
  name: 'Tờ khai đăng ký kết hôn',
  title: 'Tờ khai đăng ký kết hôn',
  legalBasis: 'Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP, sửa đổi, bổ sung bởi Thông tư số 04/2024/TT-BTP',
  effectiveFrom: '2024-08-15',
  procedures: [{ code: '1.000894', name: 'Đăng ký kết hôn' }],
  sections: [
    { title: 'Người yêu cầu', fields: [authority] },
    { title: 'Bên nữ', fields: side('bride', 'bên nữ') },
    { title: 'Bên nam', fields: side('groom', 'bên nam') },
    { title: 'Bản sao, nơi và ngày làm tờ khai', fields: [...copyFields('marriage'), ...signingFields] },
  ],
  identity: [
    { field: 'bride.fullName', from: 'fullName', whenSex: 'Nữ' },
    { field: 'bride.dateOfBirth', from: 'dateOfBirth', whenSex: 'Nữ' },
    { field: 'bride.residence', from: 'address', whenSex: 'Nữ' },
    { field: 'bride.idDocument', from: 'idDocument', whenSex: 'Nữ' },
    { field: 'groom.fullName', from: 'fullName', whenSex: 'Nam' },
    { field: 'groom.dateOfBirth', from: 'dateOfBirth', whenSex: 'Nam' },
    { field: 'groom.residence', from: 'address', whenSex: 'Nam' },
    { field: 'groom.idDocument', from: 'idDocument', whenSex: 'Nam' },
  ],
  layout: [
    line('Kính gửi: ', { field: 'authority' }),
    {
      kind: 'table',
      headers: ['Thông tin', 'Bên nữ', 'Bên nam'],
      rows: [
        { label: 'Họ, chữ đệm, tên', fields: ['bride.fullName', 'groom.fullName'] },
        { label: 'Ngày, tháng, năm sinh', fields: ['bride.dateOfBirth', 'groom.dateOfBirth'] },
        { label: 'Dân tộc', fields: ['bride.ethnicity', 'groom.ethnicity'] },
        { label: 'Quốc tịch', fields: ['bride.nationality', 'groom.nationality'] },
        { label: 'Nơi cư trú', fields: ['bride.residence', 'groom.residence'] },
        { label: 'Giấy tờ tùy thân', fields: ['bride.idDocument', 'groom.idDocument'] },
        { label: 'Kết hôn lần thứ mấy', fields: ['bride.marriageCount', 'groom.marriageCount'] },
      ],
    },
    {
      kind: 'text',
      text: 'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam. Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.',
      align: 'justify',
    },
    copyLine('marriage', 'Trích lục kết hôn'),
  ],
  placeField: 'signing.place',
  dateField: 'signing.date',
  placePrefix: 'Làm tại: ',
  signatures: [
    { title: 'Bên nữ', note: '(Ký, ghi rõ họ, chữ đệm, tên)', nameField: 'bride.fullName' },
    { title: 'Bên nam', note: '(Ký, ghi rõ họ, chữ đệm, tên)', nameField: 'groom.fullName' },
  ],
};
