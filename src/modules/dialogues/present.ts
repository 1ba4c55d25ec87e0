import type { Static } from 'typebox';
import type { CommitmentRow, DialogueRow, ParticipantRow, QuestionRow } from './queries.ts';
import { isOverdue } from './rules/commitments.ts';
import { acceptsQuestions } from './rules/schedule.ts';
import type { AnsweredQuestionOut, CommitmentOut, DialogueOut, DialogueSummaryOut, ParticipantOut } from './schema.ts';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** The public address of a dialogue. */
export const dialoguePath = (id: number) => `/doi-thoai/${id}`;

/** A dialogue's public fields, as an explicit list. */
export function presentSummary(d: DialogueRow, now: Date): Static<typeof DialogueSummaryOut> {
  return {
    id: d.id,
    url: dialoguePath(d.id),
    unit: { code: d.unit_code, name: d.unit_name },
    kind: d.kind,
    format: d.format,
    title: d.title,
    description: d.description,
    startsAt: iso(d.starts_at) as string,
    endsAt: iso(d.ends_at) as string,
    place: d.place,
    status: d.status,
    cancelReason: d.cancel_reason,
    summary: d.status === 'held' ? d.summary : null,
    acceptsQuestions: acceptsQuestions({ status: d.status, startsAt: new Date(d.starts_at) }, now),
  };
}

/** A participant as the public sees one: a business by name and tax code, without its representative. */
export const presentParticipant = (p: ParticipantRow): Static<typeof ParticipantOut> => ({
  kind: p.kind,
  name: p.name,
  position: p.position,
  taxCode: p.tax_code,
});

/** An answered question without its asker's name or contact (QuestionRow never carries them). */
export const presentAnswered = (q: QuestionRow): Static<typeof AnsweredQuestionOut> => ({
  id: q.id,
  question: q.question,
  answer: q.answer ?? '',
  answeredAt: iso(q.answered_at),
});

export const presentCommitment = (c: CommitmentRow, today: string): Static<typeof CommitmentOut> => ({
  id: c.id,
  dialogueId: c.dialogue_id,
  text: c.text,
  ownerUnit: { code: c.owner_unit_code, name: c.owner_unit_name },
  deadline: c.deadline,
  status: c.status,
  overdue: isOverdue(c, today),
  outcome: c.outcome,
  questionId: c.question_id,
  closedAt: iso(c.closed_at),
});

export function presentDialogue(
  d: DialogueRow,
  parts: { participants: ParticipantRow[]; answered: QuestionRow[]; commitments: CommitmentRow[] },
  now: Date,
  today: string,
): Static<typeof DialogueOut> {
  return {
    ...presentSummary(d, now),
    participants: parts.participants.map(presentParticipant),
    answeredQuestions: parts.answered.filter((q) => q.status === 'answered').map(presentAnswered),
    commitments: parts.commitments.map((c) => presentCommitment(c, today)),
  };
}
