import type { FieldError } from '../../../platform/errors.ts';
import { type ContactKind, checkAsker, cleanText } from '../../../platform/text/index.ts';

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 2000;
export { ASKER_NAME_MAX as NAME_MAX } from '../../../platform/text/index.ts';
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
  const n = [...question].length;
  if (n < QUESTION_MIN || n > QUESTION_MAX) {
    errors.push({
      field: 'question',
      message: { vi: `Câu hỏi cần từ ${QUESTION_MIN} đến ${QUESTION_MAX} ký tự`, en: `The question needs ${QUESTION_MIN} to ${QUESTION_MAX} characters` },
    });
  }
  const asker = checkAsker(input, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { question, ...asker } };
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
