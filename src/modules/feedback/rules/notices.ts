/**
 * The messages a sender receives about their feedback (e-mail or SMS), in Vietnamese. SMS bodies stay within one
 * 160-character GSM-7 message where they can: they are written without diacritics, as Vietnamese operators'
 * brandname SMS usually are. Pure: the caller passes every fact.
 */
import { foldVietnamese } from './routing.ts';

export interface Notice {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
}

/** dd/mm/yyyy of an ISO date. */
export function viDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

function sms(text: string): string {
  return foldVietnamese(text)
    .replace(/^./, (c) => c.toUpperCase())
    .slice(0, 300);
}

/** "We received it, here is your code and the answer date". E-mail wins over SMS; null when no contact was left. */
export function acknowledgementOf(f: { code: string; unitName: string; answerDueDate: string; email: string | null; phone: string | null }): Notice | null {
  const line = `Phản ánh, kiến nghị của ông/bà đã được tiếp nhận với mã ${f.code}. Đơn vị xử lý: ${f.unitName}. Hạn trả lời: ${viDate(f.answerDueDate)}.`;
  if (f.email) {
    return {
      channel: 'email',
      recipient: f.email,
      subject: `Đã tiếp nhận phản ánh ${f.code}`,
      body: `Kính gửi ông/bà,\n\n${line}\n\nÔng/bà có thể tra cứu tình hình xử lý bằng mã ${f.code} tại trang Phản ánh, kiến nghị của Cổng Gần Dân.\n\nTrân trọng.`,
    };
  }
  if (f.phone)
    return { channel: 'sms', recipient: f.phone, subject: null, body: sms(`Da tiep nhan phan anh ma ${f.code}, han tra loi ${viDate(f.answerDueDate)}.`) };
  return null;
}

/** "Your feedback was answered", with the answer and how to rate it or ask again. */
export function answerNoticeOf(f: {
  code: string;
  unitName: string;
  answer: string;
  trackUrl: string;
  email: string | null;
  phone: string | null;
}): Notice | null {
  if (f.email) {
    return {
      channel: 'email',
      recipient: f.email,
      subject: `Trả lời phản ánh ${f.code}`,
      body: `Kính gửi ông/bà,\n\n${f.unitName} trả lời phản ánh, kiến nghị mã ${f.code} như sau:\n\n${f.answer}\n\nMời ông/bà đánh giá mức độ hài lòng với câu trả lời, hoặc đề nghị xem xét lại (một lần) nếu chưa hài lòng, tại: ${f.trackUrl}\n\nTrân trọng.`,
    };
  }
  if (f.phone) return { channel: 'sms', recipient: f.phone, subject: null, body: sms(`Phan anh ${f.code} da duoc tra loi. Xem va danh gia tai ${f.trackUrl}`) };
  return null;
}
