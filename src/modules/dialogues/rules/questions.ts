import type { FieldError } from '../../../platform/errors.ts';
import { type ContactKind, checkContact, cleanText, isYes } from '../../../platform/text/index.ts';

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 2000;
export const NAME_MAX = 200;
export const ANSWER_MAX = 5000;

export const questionStatuses = ['received', 'selected', 'answered', 'declined'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];
export const reviewActions = ['select', 'answer', 'decline', 'reset'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export interface CheckedQuestion {
  question: string;
  name: string | null;
  contact: { kind: ContactKind; value: string } | null;
  consent: boolean;
}

/**
 * Checks a question sent before a dialogue: 10–2000 characters, an optional name up to 200, an optional phone or
 * e-mail to be told of the answer, which needs the consent box ticked. Every bad field is named.
 */
export function checkQuestion(input: {
  question?: unknown;
  name?: unknown;
  contact?: unknown;
  consent?: unknown;
}): { ok: true; value: CheckedQuestion } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const question = cleanText(input.question);
  const name = cleanText(input.name);
  const contactText = cleanText(input.contact);
  const consent = isYes(input.consent);
  const n = [...question].length;
  if (n < QUESTION_MIN || n > QUESTION_MAX) {
    errors.push({
      field: 'question',
      message: { vi: `Câu hỏi cần từ ${QUESTION_MIN} đến ${QUESTION_MAX} ký tự`, en: `The question needs ${QUESTION_MIN} to ${QUESTION_MAX} characters` },
    });
  }
  if ([...name].length > NAME_MAX) errors.push({ field: 'name', message: { vi: `Họ tên dài tối đa ${NAME_MAX} ký tự`, en: `At most ${NAME_MAX} characters` } });
  let contact: CheckedQuestion['contact'] = null;
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

/**
 * An official's decision on a question: select it to be raised at the dialogue, record the answer given there (1–5000
 * characters, published without the asker's name or contact), decline it, or put it back as received.
 */
export function reviewQuestion(
  action: ReviewAction,
  answerInput: unknown,
): { ok: true; status: QuestionStatus; answer: string | null } | { ok: false; errors: FieldError[] } {
  const answer = cleanText(answerInput);
  if (action === 'answer') {
    if (!answer || [...answer].length > ANSWER_MAX) {
      return {
        ok: false,
        errors: [
          { field: 'answer', message: { vi: `Hãy ghi câu trả lời (tối đa ${ANSWER_MAX} ký tự)`, en: `Write the answer (at most ${ANSWER_MAX} characters)` } },
        ],
      };
    }
    return { ok: true, status: 'answered', answer };
  }
  return { ok: true, status: action === 'select' ? 'selected' : action === 'decline' ? 'declined' : 'received', answer: null };
}
