/** Request and response schemas of the forms API (also its TypeScript types and OpenAPI entries). */
import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';
import { setIntakeChannels } from './rules/intake.ts';
import { templateKeys } from './templates/index.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const TemplateKey = Type.Enum([...templateKeys], { description: 'Mã mẫu tờ khai' });
export const ProcedureCode = Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{5,6}$', description: 'Mã thủ tục hành chính (vd. 1.001193)' });

/** The identity fields a client may send instead of the QR text (e.g. read from the chip or VNeID). */
export const IdentityIn = Type.Object(
  {
    idNumber: Type.String({ pattern: '^[0-9]{12}$', description: 'Số định danh cá nhân' }),
    oldIdNumber: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{9}$' }))),
    fullName: Type.String({ minLength: 2, maxLength: 100 }),
    dateOfBirth: Type.String({ format: 'date' }),
    sex: Type.Enum(['Nam', 'Nữ']),
    address: Type.String({ minLength: 1, maxLength: 300 }),
    issueDate: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);

const Values = Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 1000 }), Type.Boolean(), Type.Null()]), {
  description: 'Giá trị các ô, theo mã ô (`child.fullName`…); một mã dùng chung cho mọi tờ khai của bộ. Ngày: YYYY-MM-DD hoặc DD/MM/YYYY.',
});

export const CreateSetBody = Type.Object(
  {
    unit: UnitCode,
    procedure: Type.Optional(ProcedureCode),
    templates: Type.Optional(Type.Array(TemplateKey, { maxItems: 10, uniqueItems: true })),
    qr: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Nội dung mã QR trên thẻ căn cước (như máy quét gõ vào)' })),
    identity: Type.Optional(IdentityIn),
    values: Type.Optional(Values),
  },
  { additionalProperties: false },
);

export const UpdateSetBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Phiên bản đã đọc; sai → 409' })),
    qr: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    identity: Type.Optional(IdentityIn),
    values: Type.Optional(Values),
  },
  { additionalProperties: false },
);

export const SetParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
export const SetPdfParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }), template: TemplateKey });
export const TemplateParams = Type.Object({ key: TemplateKey });
export const TemplateQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

const FieldOut = Type.Object({
  key: Type.String(),
  label: Type.String(),
  type: Type.Enum(['text', 'date', 'select', 'checkbox', 'textarea']),
  required: Type.Boolean(),
  maxLength: Type.Union([Type.Integer(), Type.Null()]),
  pattern: Type.Union([Type.String(), Type.Null()]),
  options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  hint: Type.Union([Type.String(), Type.Null()]),
  section: Type.String(),
});

export const TemplateSummaryOut = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  legalBasis: Type.String(),
  effectiveFrom: Type.String({ format: 'date' }),
  procedures: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

export const TemplateOut = Type.Object({
  ...TemplateSummaryOut.properties,
  fields: Type.Array(FieldOut),
  identity: Type.Array(Type.Object({ field: Type.String(), from: Type.String(), whenSex: Type.Union([Type.String(), Type.Null()]) }), {
    description: 'Ô nào được điền từ trường nào của thẻ căn cước',
  }),
});

export const TemplateList = Type.Object({ items: Type.Array(TemplateSummaryOut) });

export const SetOut = Type.Object({
  id: Type.Integer(),
  unit: Type.String(),
  procedure: Type.Union([Type.String(), Type.Null()]),
  templates: Type.Array(Type.Object({ key: Type.String(), version: Type.Integer(), name: Type.String(), pdf: Type.String() })),
  values: Type.Record(Type.String(), Type.String()),
  missing: Type.Array(Type.String(), { description: 'Ô bắt buộc còn trống (vẫn in được: ô trống in dòng chấm để viết tay)' }),
  warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  cards: Type.Integer({ description: 'Số thẻ căn cước đã quét vào bộ' }),
  dossierId: Type.Union([Type.Integer(), Type.Null()]),
  dossierCode: Type.Union([Type.String(), Type.Null()], { description: 'Mã hồ sơ đã tiếp nhận từ bộ tờ khai' }),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  purgeAfter: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** Receiving the set's dossier: the applicant is the set's first card, so only what the card does not hold is sent. */
export const SetIntakeBody = Type.Object(
  {
    procedure: ProcedureCode,
    channel: Type.Enum([...setIntakeChannels], { default: 'desk', description: 'Hình thức nộp: desk (tại quầy), home (tại nhà), post (bưu chính)' }),
    phone: Type.Optional(Type.String({ pattern: '^[0-9 +().-]{8,20}$', description: 'Số điện thoại người nộp (personal data)' })),
    documents: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50, description: 'Thành phần hồ sơ đã nộp' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SetIntakeBodyIn = Static<typeof SetIntakeBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Gửi lại cùng khóa: trả về đúng hồ sơ đã tạo (200)' })),
});

export const SetReceivedOut = Type.Object({
  dossier: Type.Object({ code: Type.String({ description: 'Mã hồ sơ' }), dueDate: Type.String({ format: 'date', description: 'Ngày hẹn trả kết quả' }) }),
  set: Type.Object({ id: Type.Integer() }),
});
