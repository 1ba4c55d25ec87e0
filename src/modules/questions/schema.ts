import { type Static, Type } from 'typebox';
import { ProcedureCode } from '../procedures/index.ts';
import { UnitCode } from '../units/index.ts';
import { QUESTION_MAX, QUESTION_MIN } from './rules/ask.ts';
import { QUESTION_CODE_PATTERN } from './rules/code.ts';
import { questionStatuses, type RejectReason, rejectReasons } from './rules/review.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const QuestionCode = Type.String({ pattern: QUESTION_CODE_PATTERN, description: 'Mã tra cứu câu hỏi, 8 ký tự, vd. K7M29QRT' });

export const AskBody = Type.Object(
  {
    unit: UnitCode,
    procedure: Type.Optional(Nullable(ProcedureCode)),
    question: Type.String({ minLength: QUESTION_MIN, maxLength: QUESTION_MAX, description: 'Nội dung câu hỏi (10–2000 ký tự)' }),
    name: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Họ tên người hỏi, không bắt buộc (personal data, never published)' }))),
    contact: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 200,
          description: 'Số điện thoại hoặc thư điện tử để được báo khi có câu trả lời (personal data, never published; needs `consent: true`)',
        }),
      ),
    ),
    consent: Type.Optional(Type.Boolean({ description: 'Đồng ý cho cơ quan dùng thông tin liên hệ để báo khi có câu trả lời' })),
  },
  { additionalProperties: false },
);
export type AskBodyT = Static<typeof AskBody>;

export const AskedOut = Type.Object({
  code: QuestionCode,
  url: Type.String({ description: 'Trang tra cứu câu hỏi' }),
  status: Type.Enum([...questionStatuses]),
});

const Named = Type.Object({ code: Type.String(), name: Nullable(Type.String()) });

/** What anyone holding a question's code sees: never the asker's name or contact. */
export const PublicQuestionOut = Type.Object({
  code: QuestionCode,
  url: Type.String(),
  unit: Named,
  procedure: Nullable(Named),
  question: Type.String(),
  status: Type.Enum([...questionStatuses]),
  published: Type.Boolean(),
  answer: Nullable(Type.String()),
  rejectReason: Nullable(Type.Enum([...rejectReasons])),
  rejectNote: Nullable(Type.String()),
  askedAt: Type.String({ format: 'date-time' }),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
});

export const PublicList = Type.Object({
  items: Type.Array(PublicQuestionOut),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const PublicListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500, description: 'Tìm trong câu hỏi và câu trả lời, gõ có dấu hoặc không dấu' })),
  unit: Type.Optional(UnitCode),
  procedure: Type.Optional(ProcedureCode),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const statusLabels = {
  pending: { vi: 'Đang chờ trả lời', en: 'Waiting for an answer' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  rejected: { vi: 'Không trả lời', en: 'Not answered' },
} as const;

export const rejectReasonLabels: Record<RejectReason, { vi: string; en: string }> = {
  spam: { vi: 'Tin rác, quảng cáo', en: 'Spam or advertising' },
  out_of_scope: { vi: 'Không thuộc thẩm quyền hoặc phạm vi hỏi đáp của đơn vị', en: 'Outside the unit’s remit' },
  duplicate: { vi: 'Trùng câu hỏi đã trả lời', en: 'Duplicate of an answered question' },
  personal_data: { vi: 'Chứa thông tin cá nhân, không công bố được', en: 'Contains personal data that cannot be published' },
};
