import type { Static } from 'typebox';
import type { QuestionRow } from './queries.ts';
import type { PublicQuestionOut } from './schema.ts';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** The public address of a question. */
export const questionPath = (code: string) => `/hoi-dap/c/${code}`;

/**
 * A question as anyone holding its code may see it: an explicit field list without the asker's name or contact and
 * without the internal note. A question not yet answered shows no draft answer.
 */
export function presentPublic(q: QuestionRow): Static<typeof PublicQuestionOut> {
  const answered = q.status === 'answered';
  return {
    code: q.code,
    url: questionPath(q.code),
    unit: { code: q.unit_code, name: q.unit_name },
    procedure: q.procedure_code ? { code: q.procedure_code, name: q.procedure_name } : null,
    question: q.question,
    status: q.status,
    published: q.published,
    answer: answered ? q.answer : null,
    rejectReason: q.status === 'rejected' ? q.reject_reason : null,
    rejectNote: q.status === 'rejected' ? q.reject_note : null,
    askedAt: iso(q.created_at) as string,
    answeredAt: answered ? iso(q.answered_at) : null,
  };
}
