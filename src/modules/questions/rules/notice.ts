/**
 * The message telling an asker that their question was answered (hỏi đáp "Chạm để biết"): by e-mail with the link, or
 * by SMS without diacritics (one GSM-7 message). Pure.
 */

export interface AnsweredNotice {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
}

/** Null when the asker left no contact or did not agree to be told. */
export function answeredNotice(
  contact: { asker_contact: string | null; contact_kind: 'phone' | 'email' | null; contact_consent: boolean },
  code: string,
  url: string,
): AnsweredNotice | null {
  if (!contact.asker_contact || !contact.contact_consent || !contact.contact_kind) return null;
  if (contact.contact_kind === 'email') {
    return {
      channel: 'email',
      recipient: contact.asker_contact,
      subject: `Câu hỏi ${code} đã có câu trả lời`,
      body: `Kính gửi ông/bà,\n\nCâu hỏi mã ${code} của ông/bà đã được cơ quan trả lời. Mời xem câu trả lời tại: ${url}\n\nTrân trọng.`,
    };
  }
  return { channel: 'sms', recipient: contact.asker_contact, subject: null, body: `Cau hoi ${code} da co tra loi. Xem tai ${url}` };
}
