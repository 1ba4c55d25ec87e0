import { type Static, Type } from 'typebox';
import { unitKinds } from '../units/index.ts';

export const procedureLevels = ['commune', 'province', 'central'] as const;
export const timeLimitUnits = ['working_days', 'working_hours'] as const;
export const onlineLevels = ['full', 'partial', 'none'] as const;
export const feeKinds = ['le_phi', 'phi'] as const;
export const documentKinds = ['original', 'copy', 'certified_copy', 'present_original'] as const;
export const versionStatuses = ['draft', 'published', 'withdrawn'] as const;

export type ProcedureLevel = (typeof procedureLevels)[number];
export type OnlineLevel = (typeof onlineLevels)[number];
export type VersionStatus = (typeof versionStatuses)[number];

export const levelLabels: Record<ProcedureLevel, { vi: string; en: string }> = {
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
  central: { vi: 'Cấp trung ương', en: 'Central level' },
};
export const onlineLabels: Record<OnlineLevel, { vi: string; en: string }> = {
  full: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online' },
  none: { vi: 'Chỉ nộp trực tiếp hoặc qua bưu chính', en: 'In person or by post only' },
};
export const timeUnitLabels: Record<(typeof timeLimitUnits)[number], { vi: string; en: string }> = {
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  working_hours: { vi: 'giờ làm việc', en: 'working hours' },
};
export const feeKindLabels: Record<(typeof feeKinds)[number], { vi: string; en: string }> = {
  le_phi: { vi: 'Lệ phí', en: 'Charge (lệ phí)' },
  phi: { vi: 'Phí', en: 'Fee (phí)' },
};
export const documentKindLabels: Record<(typeof documentKinds)[number], { vi: string; en: string }> = {
  original: { vi: 'Bản chính', en: 'Original' },
  copy: { vi: 'Bản sao', en: 'Copy' },
  certified_copy: { vi: 'Bản sao có chứng thực', en: 'Certified copy' },
  present_original: { vi: 'Xuất trình bản chính', en: 'Show the original' },
};
export const statusLabels: Record<VersionStatus, { vi: string; en: string }> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  published: { vi: 'Đã công bố', en: 'Published' },
  withdrawn: { vi: 'Đã bãi bỏ', en: 'Withdrawn' },
};

/** National catalogue code (mã TTHC on the national public-service portal), e.g. `1.001193`. */
export const ProcedureCode = Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{5,6}$', description: 'Mã thủ tục trong CSDL quốc gia, vd. `1.001193`' });
const Hour = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
const IsoDate = Type.String({ format: 'date' });
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const FeeSchema = Type.Object(
  {
    kind: Type.Enum([...feeKinds]),
    name: Type.String({ minLength: 1, maxLength: 500 }),
    amountVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'Số tiền (đồng)' }),
    note: Nullable(Type.String({ maxLength: 2000 })),
    exemptions: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type Fee = Static<typeof FeeSchema>;

export const DocumentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 1000 }),
    copies: Type.Integer({ minimum: 0, maximum: 100 }),
    kind: Type.Enum([...documentKinds]),
    formTemplate: Nullable(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ProcedureDocument = Static<typeof DocumentSchema>;

/** What a procedure says, without its code: the body of a draft. */
const contentProperties = {
  name: Type.String({ minLength: 2, maxLength: 500 }),
  field: Type.String({ minLength: 1, maxLength: 200, description: 'Lĩnh vực' }),
  level: Type.Enum([...procedureLevels]),
  unitTypes: Type.Array(Type.Enum([...unitKinds]), { maxItems: 10, description: 'Loại đơn vị thực hiện' }),
  agency: Nullable(Type.String({ maxLength: 1000, description: 'Cơ quan thực hiện' })),
  timeLimit: Type.Object(
    {
      value: Type.Number({ exclusiveMinimum: 0, maximum: 3650 }),
      unit: Type.Enum([...timeLimitUnits]),
      note: Nullable(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
  cutoffHour: Nullable(Hour),
  fees: Type.Array(FeeSchema, { maxItems: 100 }),
  documents: Type.Array(DocumentSchema, { maxItems: 100 }),
  steps: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 100 }),
  legalBasis: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 100 }),
  result: Nullable(Type.String({ maxLength: 2000 })),
  onlineLevel: Type.Enum([...onlineLevels]),
  sameDayEligible: Type.Boolean(),
  unverified: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50, description: 'Trường chưa xác minh được từ nguồn chính thức' }),
};

export const ProcedureContentSchema = Type.Object(contentProperties, { additionalProperties: false });
/** The body of a draft (everything but the code). */
export type ProcedureContent = Static<typeof ProcedureContentSchema>;

/** One procedure as imported and exported: the demo file's shape. */
export const ProcedureSpecSchema = Type.Object({ code: ProcedureCode, ...contentProperties }, { additionalProperties: false });
export type ProcedureSpec = Static<typeof ProcedureSpecSchema>;

export const CreateProcedureBody = ProcedureSpecSchema;
export const DraftBody = ProcedureContentSchema;
export const PublishBody = Type.Object({ effectiveFrom: IsoDate }, { additionalProperties: false });
export const WithdrawBody = Type.Object({ effectiveTo: IsoDate }, { additionalProperties: false });

const BoolString = Type.Union([Type.Boolean(), Type.Enum(['true', 'false', '1', '0'])]);
export const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Tìm theo tên (có dấu hoặc không dấu) hoặc mã' })),
  field: Type.Optional(Type.String({ maxLength: 200 })),
  level: Type.Optional(Type.Enum([...procedureLevels])),
  unitKind: Type.Optional(Type.Enum([...unitKinds])),
  onlineLevel: Type.Optional(Type.Enum([...onlineLevels])),
  sameDay: Type.Optional(BoolString),
  status: Type.Optional(Type.Enum(['current', 'draft', 'all'], { description: 'Chỉ cán bộ có quyền procedures.read: draft hoặc all' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type ListQueryInput = Static<typeof ListQuery>;

export const ImportQuery = Type.Object({
  dryRun: Type.Optional(BoolString),
  effectiveFrom: Type.Optional(IsoDate),
});

export const VersionOut = Type.Object({
  version: Type.Integer(),
  status: Type.Enum([...versionStatuses]),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
});

export const ProcedureOut = Type.Object({
  code: Type.String(),
  ...contentProperties,
  // Output is not re-validated against input limits; keep it loose where stored data may predate a limit.
  unitTypes: Type.Array(Type.String()),
  version: Type.Integer(),
  status: Type.Enum([...versionStatuses]),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
});

export const ProcedureListItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.String(),
  unitTypes: Type.Array(Type.String()),
  timeLimit: Type.Object({ value: Type.Number(), unit: Type.String() }),
  onlineLevel: Type.String(),
  sameDayEligible: Type.Boolean(),
  version: Type.Integer(),
  status: Type.String(),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
});

export const ProcedureList = Type.Object({
  items: Type.Array(ProcedureListItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  total: Type.Integer({ description: 'Số dòng trong tệp' }),
  created: Type.Integer({ description: 'Thủ tục mới' }),
  updated: Type.Integer({ description: 'Thủ tục có phiên bản mới' }),
  unchanged: Type.Integer({ description: 'Thủ tục không thay đổi' }),
  effectiveFrom: Type.String(),
});
export type ImportSummary = Static<typeof ImportResult>;
