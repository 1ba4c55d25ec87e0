import type { FieldError } from '../../../platform/errors.ts';
import { type ContactKind, checkAsker, cleanText } from '../../../platform/text/index.ts';

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 2000;
export { ASKER_NAME_MAX as NAME_MAX } from '../../../platform/text/index.ts';

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
  const asker = checkAsker(input, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { question, ...asker } };
}
