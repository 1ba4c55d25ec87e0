import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';
import { COMMITMENT_TEXT_MAX, commitmentStatuses, OUTCOME_MAX } from './rules/commitments.ts';
import { DESCRIPTION_MAX, dialogueFormats, dialogueKinds, dialogueStatuses, PLACE_MAX, REASON_MAX, SUMMARY_MAX, TITLE_MAX } from './rules/schedule.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Moment = (description: string) =>
  Type.String({ format: 'date-time', description: `${description}; RFC 3339 with its offset, e.g. 2026-10-15T09:00:00+07:00 (Vietnam time)` });
const Day = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });

export const DialogueKindT = Type.Enum([...dialogueKinds], {
  description: 'radio: Chính quyền đồng hành cùng Nhân dân; business_coffee: Cà phê Doanh nhân – Doanh nghiệp',
});
export const DialogueFormatT = Type.Enum([...dialogueFormats], { description: 'Business coffee only: meeting (gặp mặt) or site_visit (khảo sát thực tế)' });
export const DialogueStatusT = Type.Enum([...dialogueStatuses]);
export const CommitmentStatusT = Type.Enum([...commitmentStatuses]);

export const DialogueId = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
export const IdParams = Type.Object({ id: DialogueId });
export const CommitmentParams = Type.Object({ id: DialogueId, commitmentId: DialogueId });

export const CreateDialogueBody = Type.Object(
  {
    unit: UnitCode,
    kind: DialogueKindT,
    format: Type.Optional(Nullable(DialogueFormatT)),
    title: Type.String({ minLength: 3, maxLength: TITLE_MAX, description: 'Chủ đề' }),
    description: Type.Optional(Nullable(Type.String({ maxLength: DESCRIPTION_MAX, description: 'Nội dung, thành phần mời' }))),
    startsAt: Moment('Bắt đầu'),
    endsAt: Moment('Kết thúc (sau bắt đầu, tối đa 24 giờ)'),
    place: Type.String({ minLength: 2, maxLength: PLACE_MAX, description: 'Địa điểm hoặc kênh phát sóng' }),
  },
  { additionalProperties: false },
);
export type CreateDialogueBodyT = Static<typeof CreateDialogueBody>;

export const UpdateDialogueBody = Type.Object(
  {
    kind: Type.Optional(DialogueKindT),
    format: Type.Optional(Nullable(DialogueFormatT)),
    title: Type.Optional(Type.String({ minLength: 3, maxLength: TITLE_MAX })),
    description: Type.Optional(Nullable(Type.String({ maxLength: DESCRIPTION_MAX }))),
    startsAt: Type.Optional(Moment('Bắt đầu')),
    endsAt: Type.Optional(Moment('Kết thúc')),
    place: Type.Optional(Type.String({ minLength: 2, maxLength: PLACE_MAX })),
    status: Type.Optional(Type.Enum(['held', 'cancelled'], { description: 'held needs `summary`; cancelled needs `cancelReason`' })),
    summary: Type.Optional(Type.String({ maxLength: SUMMARY_MAX, description: 'Tóm tắt kết quả (public); alone, corrects a held dialogue’s summary' })),
    cancelReason: Type.Optional(Type.String({ maxLength: REASON_MAX, description: 'Lý do hủy' })),
  },
  { additionalProperties: false },
);
export type UpdateDialogueBodyT = Static<typeof UpdateDialogueBody>;

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export const ParticipantOut = Type.Object({
  kind: Type.Enum(['official', 'business']),
  name: Type.String(),
  position: Nullable(Type.String()),
  taxCode: Nullable(Type.String({ description: 'Mã số thuế (businesses)' })),
});

export const AnsweredQuestionOut = Type.Object({
  id: Type.Integer(),
  question: Type.String(),
  answer: Type.String(),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
});

export const CommitmentOut = Type.Object({
  id: Type.Integer(),
  dialogueId: Type.Integer(),
  text: Type.String(),
  ownerUnit: Named,
  deadline: Type.String({ format: 'date' }),
  status: CommitmentStatusT,
  overdue: Type.Boolean({ description: 'Deadline passed and still open' }),
  outcome: Nullable(Type.String()),
  questionId: Nullable(Type.Integer()),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
});

const summaryFields = {
  id: Type.Integer(),
  url: Type.String({ description: 'Trang công khai' }),
  unit: Named,
  kind: DialogueKindT,
  format: Nullable(DialogueFormatT),
  title: Type.String(),
  description: Nullable(Type.String()),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  place: Type.String(),
  status: DialogueStatusT,
  cancelReason: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  acceptsQuestions: Type.Boolean(),
};

export const DialogueSummaryOut = Type.Object(summaryFields);

/** A dialogue as the public sees it: never an asker's name or contact, nor a business representative. */
export const DialogueOut = Type.Object({
  ...summaryFields,
  participants: Type.Array(ParticipantOut),
  answeredQuestions: Type.Array(AnsweredQuestionOut),
  commitments: Type.Array(CommitmentOut),
});

export const DialogueList = Type.Object({
  items: Type.Array(DialogueSummaryOut),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const ListQuery = Type.Object({
  unit: Type.Optional(UnitCode),
  kind: Type.Optional(DialogueKindT),
  status: Type.Optional(DialogueStatusT),
  when: Type.Optional(Type.Enum(['upcoming', 'past', 'all'], { default: 'all', description: 'upcoming: not ended, soonest first; past/all: latest first' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const CommitmentBody = Type.Object(
  {
    text: Type.String({ minLength: 3, maxLength: COMMITMENT_TEXT_MAX, description: 'Vấn đề, kiến nghị được cam kết giải quyết' }),
    ownerUnit: UnitCode,
    deadline: Day('Hạn hoàn thành'),
    status: Type.Optional(CommitmentStatusT),
    outcome: Type.Optional(Nullable(Type.String({ maxLength: OUTCOME_MAX, description: 'Kết quả công khai; required to close' }))),
    questionId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'The public question it answers' }))),
  },
  { additionalProperties: false },
);
export type CommitmentBodyT = Static<typeof CommitmentBody>;

export const CommitmentPatch = Type.Partial(CommitmentBody, { additionalProperties: false });
export type CommitmentPatchT = Static<typeof CommitmentPatch>;

export const kindLabels = {
  radio: { vi: 'Chính quyền đồng hành cùng Nhân dân', en: 'Radio dialogue with the public' },
  business_coffee: { vi: 'Cà phê Doanh nhân – Doanh nghiệp', en: 'Business coffee' },
} as const;
export const formatLabels = {
  meeting: { vi: 'Gặp mặt, đối thoại', en: 'Meeting' },
  site_visit: { vi: 'Khảo sát thực tế tại doanh nghiệp', en: 'Site visit' },
} as const;
export const statusLabels = {
  planned: { vi: 'Sắp diễn ra', en: 'Planned' },
  held: { vi: 'Đã diễn ra', en: 'Held' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
} as const;
export const commitmentStatusLabels = {
  open: { vi: 'Đang thực hiện', en: 'Open' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  dropped: { vi: 'Dừng thực hiện', en: 'Dropped' },
} as const;
export const questionStatusLabels = {
  received: { vi: 'Mới nhận', en: 'Received' },
  selected: { vi: 'Được chọn để trả lời', en: 'Selected' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  declined: { vi: 'Không chọn', en: 'Declined' },
} as const;
