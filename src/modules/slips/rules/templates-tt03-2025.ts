import type { SlipBlock, SlipTemplateDefinition } from './definition.ts';

/**
 * The one-stop forms of Thông tư 03/2025/TT-VPCP (15 September 2025, guiding Nghị định 118/2025/NĐ-CP),
 * Phụ lục I, Mẫu số 01–07, as template data. A later circular is a new version of these rows, not new code.
 *
 * Sources and limits (say so to whoever edits this): the list and titles of the seven 2025 forms were checked
 * against a published summary of Phụ lục I (thuviennhadat.vn, "Tải file word biểu mẫu Thông tư 03/2025/TT-VPCP").
 * The 2025 form bodies themselves could not be read; field order and wording follow Thông tư 01/2018/TT-VPCP,
 * Mẫu số 01–06 (trangtinphapluat.com reproduction), which the 2025 forms continue, with the 2025 titles.
 * Mẫu 04 (apology AND request to extend) and Mẫu 05 (stopping) are new in 2025: their wording here is ours,
 * written from Nghị định 118/2025 as reported, and must be checked against the official text.
 */
export const CIRCULAR = 'Thông tư 03/2025/TT-VPCP';
/** Date the circular was signed; assumed in force from it (not verified). */
export const EFFECTIVE_FROM = '2025-09-15';

const applicantFields: SlipBlock = {
  type: 'fields',
  rows: [
    { label: 'Địa chỉ', value: '{{dossier.applicant.address}}', when: 'dossier.applicant.address' },
    { label: 'Số điện thoại', value: '{{dossier.applicant.phone?}}        Email: {{dossier.applicant.email?}}' },
    { label: 'Nội dung yêu cầu giải quyết', value: '{{dossier.procedureName}}' },
  ],
};

const receipt: SlipTemplateDefinition = {
  form: 'Mẫu số 01',
  documentType: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  subtitle: ['Mã hồ sơ: {{dossier.code}}'],
  body: [
    { type: 'paragraph', text: '{{unit.deskName}} tiếp nhận hồ sơ của:' },
    { type: 'fields', rows: [{ label: 'Ông/Bà', value: '{{dossier.applicant.name}}', bold: true }] },
    applicantFields,
    {
      type: 'table',
      title: '1. Thành phần hồ sơ nộp gồm:',
      source: 'dossier.documents',
      columns: [
        { header: 'TT', value: '{{index}}', width: 24, align: 'center' },
        { header: 'Tên giấy tờ', value: '{{item.name}}' },
        { header: 'Hình thức', value: '{{item.kind?}}', width: 90, align: 'center' },
        { header: 'Số lượng', value: '{{item.copies?}}', width: 50, align: 'center' },
      ],
      empty: '-',
    },
    { type: 'paragraph', text: '2. Số lượng hồ sơ: {{dossier.sets | pad2}} (bộ)' },
    { type: 'paragraph', text: '3. Thời gian giải quyết hồ sơ theo quy định là: {{dossier.timeLimit}}' },
    { type: 'paragraph', text: '4. Thời gian nhận hồ sơ: {{dossier.receivedAt | datetime}}' },
    { type: 'paragraph', text: '5. Thời gian trả kết quả giải quyết hồ sơ: {{dossier.appointmentAt | datetime}}', bold: true },
    {
      type: 'checkboxes',
      title: '6. Đăng ký nhận kết quả tại:',
      source: 'dossier.resultDelivery',
      options: [
        { value: 'desk', label: '{{unit.deskName}}' },
        { value: 'post', label: 'Qua dịch vụ bưu chính công ích' },
        { value: 'home', label: 'Tại nhà (theo đăng ký)' },
        { value: 'online', label: 'Trực tuyến (kết quả điện tử)' },
      ],
    },
    {
      type: 'paragraph',
      when: 'dossier.register',
      text: 'Vào Sổ theo dõi hồ sơ, Quyển số: {{dossier.register.book}}, Số thứ tự: {{dossier.register.entry}}',
      italics: true,
    },
  ],
  signatures: [
    { title: 'Người nộp hồ sơ', note: '(Ký và ghi rõ họ tên)', name: '{{signers.applicant?}}' },
    { title: 'Người tiếp nhận hồ sơ', note: '(Ký và ghi rõ họ tên)', name: '{{signers.receiver}}' },
  ],
  qr: { caption: 'Quét mã tra cứu hồ sơ' },
};

const supplementRequest: SlipTemplateDefinition = {
  form: 'Mẫu số 02',
  documentType: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  subtitle: ['Mã hồ sơ: {{dossier.code}}'],
  body: [
    { type: 'fields', rows: [{ label: 'Hồ sơ của', value: '{{dossier.applicant.name}}', bold: true }] },
    applicantFields,
    { type: 'paragraph', text: 'Ngày nhận hồ sơ: {{dossier.receivedAt | datetime}}', when: 'dossier.receivedAt' },
    {
      type: 'list',
      title: 'Sau khi kiểm tra, {{unit.deskName}} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      source: 'dossier.supplement.items',
      item: '{{item}}',
      numbered: true,
    },
    { type: 'paragraph', text: 'Lý do: {{dossier.supplement.reason}}', when: 'dossier.supplement.reason' },
    {
      type: 'paragraph',
      when: 'dossier.supplement.contactName',
      text: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {{dossier.supplement.contactName}}, số điện thoại {{dossier.supplement.contactPhone?}} để được hướng dẫn./.',
      indent: true,
    },
  ],
  signatures: [{ title: 'Người hướng dẫn', note: '(Ký và ghi rõ họ tên)', name: '{{signers.receiver}}' }],
  qr: { caption: 'Quét mã tra cứu hồ sơ' },
};

const refusal: SlipTemplateDefinition = {
  form: 'Mẫu số 03',
  documentType: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  subtitle: ['Mã hồ sơ: {{dossier.code}}'],
  body: [
    { type: 'paragraph', text: '{{unit.deskName}} tiếp nhận hồ sơ của:' },
    { type: 'fields', rows: [{ label: 'Ông/Bà', value: '{{dossier.applicant.name}}', bold: true }] },
    applicantFields,
    {
      type: 'list',
      title: 'Căn cứ {{dossier.refusal.basis}}, {{unit.deskName}} từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:',
      source: 'dossier.refusal.reasons',
      item: '{{item}}',
      numbered: true,
    },
    { type: 'paragraph', text: 'Xin thông báo để Ông/Bà được biết và thực hiện./.', indent: true },
  ],
  signatures: [{ title: 'Người tiếp nhận hồ sơ', note: '(Ký và ghi rõ họ tên)', name: '{{signers.receiver}}' }],
  qr: { caption: 'Quét mã tra cứu hồ sơ' },
};

const apologyExtension: SlipTemplateDefinition = {
  form: 'Mẫu số 04',
  documentType: 'Văn bản xin lỗi\nvà đề nghị gia hạn thời gian giải quyết',
  subtitle: ['Kính gửi: Ông/Bà {{dossier.applicant.name}}'],
  body: [
    {
      type: 'paragraph',
      indent: true,
      text: 'Vào {{dossier.receivedAt | date}}, {{unit.deskName}} đã tiếp nhận hồ sơ của Ông/Bà (mã hồ sơ {{dossier.code}}) đề nghị giải quyết thủ tục {{dossier.procedureName}}, hẹn trả kết quả lúc {{dossier.appointmentAt | datetime}}.',
    },
    { type: 'list', title: 'Tuy nhiên, đến nay hồ sơ của Ông/Bà chưa được giải quyết xong vì lý do sau:', source: 'dossier.delay.reasons', item: '{{item}}' },
    {
      type: 'paragraph',
      indent: true,
      text: 'Sự chậm trễ này đã gây phiền hà, làm mất thời gian của Ông/Bà. {{unit.name}} thành thật xin lỗi Ông/Bà và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ đến {{dossier.delay.newDueAt | datetime}}.',
    },
    { type: 'paragraph', indent: true, text: 'Rất mong nhận được sự thông cảm của Ông/Bà. Xin trân trọng cảm ơn./.' },
  ],
  signatures: [{ authority: '{{signers.headAuthority?}}', title: '{{signers.headTitle}}', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: '{{signers.head}}' }],
  recipients: ['- Như trên;', '- Lưu: VT, hồ sơ {{dossier.code}}.'],
  qr: { caption: 'Quét mã tra cứu hồ sơ' },
};

const stopNotice: SlipTemplateDefinition = {
  form: 'Mẫu số 05',
  documentType: 'Thông báo',
  summary: 'Về việc dừng giải quyết hồ sơ',
  subtitle: ['Kính gửi: Ông/Bà {{dossier.applicant.name}}'],
  body: [
    {
      type: 'paragraph',
      indent: true,
      text: 'Vào {{dossier.receivedAt | date}}, {{unit.deskName}} đã tiếp nhận hồ sơ của Ông/Bà (mã hồ sơ {{dossier.code}}) đề nghị giải quyết thủ tục {{dossier.procedureName}}.',
    },
    {
      type: 'paragraph',
      indent: true,
      text: 'Căn cứ {{dossier.stop.basis}}, {{unit.name}} thông báo dừng giải quyết hồ sơ nêu trên.',
      when: 'dossier.stop.basis',
    },
    { type: 'paragraph', indent: true, text: '{{unit.name}} thông báo dừng giải quyết hồ sơ nêu trên.', unless: 'dossier.stop.basis' },
    { type: 'paragraph', indent: true, text: 'Lý do: {{dossier.stop.reason}}' },
    { type: 'paragraph', indent: true, text: 'Xin thông báo để Ông/Bà được biết./.' },
  ],
  signatures: [{ authority: '{{signers.headAuthority?}}', title: '{{signers.headTitle}}', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: '{{signers.head}}' }],
  recipients: ['- Như trên;', '- Lưu: VT, hồ sơ {{dossier.code}}.'],
  qr: { caption: 'Quét mã tra cứu hồ sơ' },
};

const controlSheet: SlipTemplateDefinition = {
  form: 'Mẫu số 06',
  documentType: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  subtitle: ['Mã hồ sơ: {{dossier.code}}'],
  body: [
    {
      type: 'fields',
      rows: [
        { label: 'Kèm theo hồ sơ của', value: '{{dossier.applicant.name}}', bold: true },
        { label: 'Nội dung yêu cầu giải quyết', value: '{{dossier.procedureName}}' },
        { label: 'Ngày nhận hồ sơ', value: '{{dossier.receivedAt | datetime}}', when: 'dossier.receivedAt' },
        { label: 'Ngày hẹn trả kết quả', value: '{{dossier.appointmentAt | datetime}}', when: 'dossier.appointmentAt' },
        { label: 'Nộp tại', value: '{{dossier.submittedAt}}', when: 'dossier.submittedAt' },
        { label: 'Nhận kết quả tại', value: '{{dossier.resultAt}}', when: 'dossier.resultAt' },
      ],
    },
    {
      type: 'table',
      source: 'dossier.handovers',
      fontSize: 11,
      columns: [
        { header: 'TÊN CƠ QUAN', value: '1. Giao: {{item.from}}\n2. Nhận: {{item.to}}', width: 130 },
        { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', value: '{{item.at? | datetime}}\nNgười giao: {{item.giver?}}\nNgười nhận: {{item.receiver?}}' },
        { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)', value: '{{item.result?}}', width: 90, align: 'center' },
        { header: 'GHI CHÚ', value: '{{item.note?}}', width: 70 },
      ],
      empty: '1. Giao: \n2. Nhận: ',
    },
  ],
  signatures: [],
  qr: { caption: 'Quét mã tra cứu hồ sơ' },
};

const registerBook: SlipTemplateDefinition = {
  form: 'Mẫu số 07',
  orientation: 'landscape',
  documentType: 'Sổ theo dõi hồ sơ',
  subtitle: ['{{period?}}'],
  body: [
    {
      type: 'table',
      source: 'rows',
      fontSize: 9,
      numberRow: true,
      columns: [
        { header: 'TT', value: '{{index}}', width: 14, align: 'center' },
        { header: 'Mã hồ sơ', value: '{{item.code}}', width: 84 },
        { header: 'Tên thủ tục hành chính', value: '{{item.procedureName}}' },
        { header: 'Số lượng hồ sơ (bộ)', value: '{{item.sets?}}', width: 28, align: 'center' },
        { header: 'Tên cá nhân, tổ chức', value: '{{item.applicantName}}', width: 48 },
        { header: 'Địa chỉ, số điện thoại', value: '{{item.applicantAddress?}}\n{{item.applicantPhone?}}', width: 58 },
        { header: 'Cơ quan chủ trì giải quyết', value: '{{item.processingUnit?}}', width: 48 },
        { header: 'Nhận hồ sơ', value: '{{item.receivedAt | short}}', width: 46, align: 'center' },
        { header: 'Hẹn trả kết quả', value: '{{item.appointmentAt? | short}}', width: 46, align: 'center' },
        { header: 'Chuyển hồ sơ đến cơ quan giải quyết', value: '{{item.transferredAt? | short}}', width: 46, align: 'center' },
        { header: 'Nhận kết quả từ cơ quan giải quyết', value: '{{item.resultReceivedAt? | short}}', width: 46, align: 'center' },
        { header: 'Trả kết quả cho cá nhân, tổ chức', value: '{{item.returnedAt? | short}}', width: 46, align: 'center' },
        { header: 'Ký nhận', value: '', width: 26 },
        { header: 'Ghi chú', value: '{{item.note?}}', width: 40 },
      ],
      empty: '-',
    },
  ],
  signatures: [],
  qr: null,
};

/** Template codes, stable across circulars (the dossiers module names slips by these). */
export const SLIP_CODES = ['receipt', 'supplement-request', 'refusal', 'apology-extension', 'stop-notice', 'control-sheet', 'register-book'] as const;
export type SlipCode = (typeof SLIP_CODES)[number];

export interface SlipTemplateSeed {
  code: SlipCode;
  version: number;
  circular: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  definition: SlipTemplateDefinition;
}

const seed = (code: SlipCode, title: string, definition: SlipTemplateDefinition): SlipTemplateSeed => ({
  code,
  version: 1,
  circular: CIRCULAR,
  title,
  effectiveFrom: EFFECTIVE_FROM,
  effectiveTo: null,
  definition,
});

export const slipTemplatesTt03of2025: readonly SlipTemplateSeed[] = [
  seed('receipt', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', receipt),
  seed('supplement-request', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', supplementRequest),
  seed('refusal', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', refusal),
  seed('apology-extension', 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', apologyExtension),
  seed('stop-notice', 'Thông báo dừng giải quyết hồ sơ', stopNotice),
  seed('control-sheet', 'Phiếu kiểm soát quá trình giải quyết hồ sơ', controlSheet),
  seed('register-book', 'Sổ theo dõi hồ sơ', registerBook),
];
