import { invalid } from '../../../platform/errors.ts';

/** Message text as stored: NFC, trimmed, runs of spaces and line breaks made one space (a board shows one line). */
export function cleanMessageText(body: string): string {
  return body.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** @throws AppError VALIDATION_FAILED when the text is blank or the dates run backwards. */
export function checkMessage(m: { body: string; validFrom: string | null; validTo: string | null }): void {
  if (m.body === '') throw invalid('text', 'Cần nhập nội dung thông điệp', 'Enter the message text');
  if (m.body.length > 300) throw invalid('text', 'Nội dung tối đa 300 ký tự', 'At most 300 characters');
  if (m.validFrom && m.validTo && m.validTo < m.validFrom) {
    throw invalid('validTo', 'Ngày kết thúc phải từ ngày bắt đầu trở đi', 'The end date must not precede the start date');
  }
}
