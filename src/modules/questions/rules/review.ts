import type { FieldError } from '../../../platform/errors.ts';

export const questionStatuses = ['pending', 'answered', 'rejected'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export const rejectReasons = ['spam', 'out_of_scope', 'duplicate', 'personal_data'] as const;
export type RejectReason = (typeof rejectReasons)[number];

/** What an official does on a question's page. */
export const reviewActions = ['save', 'publish', 'hide', 'reject'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export interface ReviewState {
  status: QuestionStatus;
  published: boolean;
  answer: string | null;
  internalNote: string | null;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
}

export interface ReviewInput {
  action: ReviewAction;
  answer: string | null;
  internalNote: string | null;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
}

/**
 * The state a question moves to when an official acts on it.
 * - save: keeps the answer and note as a draft; status and publication unchanged (a published answer is updated).
 * - publish: answered and shown in the public list (needs an answer).
 * - hide: answered but kept off the public list; the asker still reads it with the code (needs an answer).
 * - reject: spam, out of scope, a duplicate or a question disclosing personal data; never public (needs a reason).
 * Any action may follow any other (a rejected question may be answered after all).
 */
export function review(current: ReviewState, input: ReviewInput): { ok: true; next: ReviewState } | { ok: false; errors: FieldError[] } {
  const base = { ...current, answer: input.answer, internalNote: input.internalNote };
  switch (input.action) {
    case 'save':
      if (current.status === 'answered' && !input.answer) return needAnswer();
      return { ok: true, next: base };
    case 'publish':
    case 'hide':
      if (!input.answer) return needAnswer();
      return { ok: true, next: { ...base, status: 'answered', published: input.action === 'publish', rejectReason: null, rejectNote: null } };
    case 'reject':
      if (!input.rejectReason) {
        return {
          ok: false,
          errors: [{ field: 'rejectReason', message: { vi: 'Hãy chọn lý do từ chối', en: 'Choose why the question is rejected' } }],
        };
      }
      // The reject form carries no answer: a draft answer and the internal note stay as they were.
      return { ok: true, next: { ...current, status: 'rejected', published: false, rejectReason: input.rejectReason, rejectNote: input.rejectNote } };
  }
}

function needAnswer(): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field: 'answer', message: { vi: 'Hãy viết câu trả lời', en: 'Write the answer' } }] };
}
