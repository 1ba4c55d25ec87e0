import type { FieldError } from '../../../platform/errors.ts';
import { type ContactKind, checkContact, cleanText, isYes } from '../../../platform/text/index.ts';

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 2000;
export const NAME_MAX = 200;

export interface AskInput {
  question?: unknown;
  name?: unknown;
  contact?: unknown;
  consent?: unknown;
}

export interface CheckedAsk {
  question: string;
  name: string | null;
  contact: { kind: ContactKind; value: string } | null;
  consent: boolean;
}

/**
 * Checks what a citizen asks (the form and the JSON API take the same rules): the question 10–2000 characters, an
 * optional name up to 200, an optional phone or e-mail to be told of the answer, which needs the consent box ticked
 * (the contact is used for that purpose only). Every bad field is named.
 */
export function checkAsk(input: AskInput): { ok: true; value: CheckedAsk } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const question = cleanText(input.question);
  const name = cleanText(input.name);
  const contactText = cleanText(input.contact);
  const consent = isYes(input.consent);
  if ([...question].length < QUESTION_MIN) {
    errors.push({
      field: 'question',
      message: { vi: `Câu hỏi cần ít nhất ${QUESTION_MIN} ký tự`, en: `The question needs at least ${QUESTION_MIN} characters` },
    });
  } else if ([...question].length > QUESTION_MAX) {
    errors.push({
      field: 'question',
      message: { vi: `Câu hỏi dài tối đa ${QUESTION_MAX} ký tự`, en: `The question may be at most ${QUESTION_MAX} characters long` },
    });
  }
  if ([...name].length > NAME_MAX) {
    errors.push({ field: 'name', message: { vi: `Họ tên dài tối đa ${NAME_MAX} ký tự`, en: `The name may be at most ${NAME_MAX} characters long` } });
  }
  let contact: CheckedAsk['contact'] = null;
  if (contactText) {
    const c = checkContact(contactText);
    if (c.ok) contact = { kind: c.kind, value: c.value };
    else errors.push({ field: 'contact', message: c.message });
    if (!consent) {
      errors.push({
        field: 'consent',
        message: {
          vi: 'Hãy đánh dấu đồng ý để cơ quan dùng số điện thoại hoặc thư điện tử báo cho ông/bà khi có câu trả lời',
          en: 'Tick the box to let the office use your phone or e-mail to tell you of the answer',
        },
      });
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { question, name: name || null, contact, consent: contact ? consent : false } };
}
