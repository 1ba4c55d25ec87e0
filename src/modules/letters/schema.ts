/** Request and response schemas of the letters JSON API (/api/v1/letters). */
import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';
import { eventKinds, letterKinds, letterStatuses } from './rules/kinds.ts';
import { BODY_MAX, TITLE_MAX } from './rules/templates.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const LetterKindT = Type.Enum([...letterKinds], {
  description:
    'congratulation_marriage, congratulation_birth, congratulation_business (thư chúc mừng), condolence (thư chia buồn), apology (thư xin lỗi), other (thư thăm hỏi)',
});
export const LetterStatusT = Type.Enum([...letterStatuses], { description: 'draft → submitted → approved → sent; cancelled' });
export const LetterId = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
export const IdParams = Type.Object({ id: LetterId });

export const ListQuery = Type.Object(
  {
    unit: UnitCode,
    kind: Type.Optional(LetterKindT),
    status: Type.Optional(LetterStatusT),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200, description: 'Only numbered letters of this register year' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const ContentBody = {
  kind: LetterKindT,
  recipientName: Type.String({ minLength: 2, maxLength: 200, description: 'Người nhận ({ten}); a business’s name for congratulation_business' }),
  recipientAddress: Type.Optional(Nullable(Type.String({ maxLength: 300, description: '{dia_chi}' }))),
  recipientEmail: Type.Optional(Nullable(Type.String({ maxLength: 254, description: 'For sending by e-mail' }))),
  eventText: Type.String({ minLength: 2, maxLength: 500, description: 'Sự kiện ({su_kien}), e.g. "khánh thành nhà máy mới"' }),
  eventDate: Type.String({ format: 'date', description: 'Ngày của sự kiện ({ngay}), YYYY-MM-DD' }),
  title: Type.Optional(Type.String({ minLength: 3, maxLength: TITLE_MAX, description: 'Default: the template’s (Thư chúc mừng …)' })),
  body: Type.Optional(
    Type.String({
      minLength: 10,
      maxLength: BODY_MAX,
      description: 'Default: the unit’s template. Merge fields: {ten} {dia_chi} {su_kien} {ngay} {don_vi} {nguoi_ky} {chuc_vu}',
    }),
  ),
  signerName: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  signerTitle: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  taxCode: Type.Optional(
    Nullable(Type.String({ maxLength: 20, description: 'Mã số thuế: required for congratulation_business (one letter per tax code and date)' })),
  ),
};

export const CreateBody = Type.Object({ unit: UnitCode, ...ContentBody }, { additionalProperties: false });
export type CreateBodyT = Static<typeof CreateBody>;

export const ApproveBody = Type.Object(
  {
    signerName: Type.Optional(Type.String({ maxLength: 120, description: 'Default: the approver’s full name' })),
    signerTitle: Type.Optional(Type.String({ maxLength: 120, description: 'Default: the approver’s position (Chủ tịch, Phó Chủ tịch …)' })),
  },
  { additionalProperties: false },
);

export const SendBody = Type.Object(
  { email: Type.Optional(Type.String({ maxLength: 254, description: 'Default: the letter’s recipient e-mail' })) },
  { additionalProperties: false },
);

export const LetterOut = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  kind: LetterKindT,
  status: LetterStatusT,
  origin: Type.Enum(['proposal', 'manual']),
  event: Type.Enum([...eventKinds]),
  dossierCode: Nullable(Type.String()),
  taxCode: Nullable(Type.String()),
  recipient: Type.Object({ name: Type.String(), address: Nullable(Type.String()), email: Nullable(Type.String()) }),
  eventText: Type.String(),
  eventDate: Type.String({ format: 'date' }),
  title: Type.String(),
  body: Type.String({ description: 'As stored, with merge fields' }),
  text: Type.String({ description: 'The body as it prints: merge fields filled, NFC' }),
  signer: Type.Object({ name: Nullable(Type.String()), title: Nullable(Type.String()) }),
  number: Nullable(Type.String({ description: 'Số/ký hiệu, e.g. 12/TCM-UBND, once approved' })),
  year: Nullable(Type.Integer()),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  approvedAt: Nullable(Type.String({ format: 'date-time' })),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  sentChannel: Nullable(Type.Enum(['email', 'print'])),
  printedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const LetterSummary = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  kind: LetterKindT,
  status: LetterStatusT,
  origin: Type.Enum(['proposal', 'manual']),
  recipientName: Type.String(),
  eventDate: Type.String({ format: 'date' }),
  number: Nullable(Type.String()),
  approvedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
});

export const LetterList = Type.Object({ items: Type.Array(LetterSummary), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });
