import { type Static, Type } from 'typebox';
import { ProcedureCode } from '../procedures/index.ts';
import { UnitCode } from '../units/index.ts';
import { DOSSIER_CODE_PATTERN } from './rules/code.ts';
import { dossierStatuses } from './rules/lifecycle.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const channels = ['desk', 'online', 'post', 'home'] as const;
export const returnChannels = ['desk', 'post', 'home', 'online'] as const;
export const ratings = ['rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long'] as const;
export type Rating = (typeof ratings)[number];

export const ratingLabels: Record<Rating, { vi: string; en: string }> = {
  rat_hai_long: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  hai_long: { vi: 'Hài lòng', en: 'Satisfied' },
  binh_thuong: { vi: 'Bình thường', en: 'Neutral' },
  khong_hai_long: { vi: 'Không hài lòng', en: 'Not satisfied' },
};

export const channelLabels: Record<(typeof returnChannels)[number], { vi: string; en: string }> = {
  desk: { vi: 'Trực tiếp tại Bộ phận Một cửa', en: 'At the desk' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  post: { vi: 'Qua dịch vụ bưu chính công ích', en: 'By post' },
  home: { vi: 'Tại nhà', en: 'At home' },
};

export const DossierCode = Type.String({ pattern: DOSSIER_CODE_PATTERN, description: 'Mã hồ sơ, vd. 30337-260213-0001' });
export const DossierParams = Type.Object({ code: DossierCode });

const Phone = Type.String({ pattern: '^[0-9 +().-]{8,20}$' });
/** Số định danh cá nhân (12 digits) or an older 9-digit CMND, or a passport number. */
const IdNumber = Type.String({ pattern: '^[0-9A-Za-z]{8,12}$' });

export const ApplicantSchema = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200, description: 'Họ và tên người nộp (personal data)' }),
    idNumber: Type.Optional(Nullable(IdNumber)),
    phone: Type.Optional(Nullable(Phone)),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);

export const ReceiveBody = Type.Object(
  {
    unit: UnitCode,
    procedure: ProcedureCode,
    channel: Type.Enum([...channels], { default: 'desk' }),
    applicant: ApplicantSchema,
    documents: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50, description: 'Thành phần hồ sơ đã nộp' })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    paidOnline: Type.Optional(Type.Boolean()),
    digitised: Type.Optional(Type.Boolean()),
    electronicResult: Type.Optional(Type.Boolean()),
    reusedDocuments: Type.Optional(Type.Boolean()),
    sameDay: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReceiveInput = Static<typeof ReceiveBody>;

const base = {
  version: Type.Integer({ minimum: 1, description: 'Phiên bản hồ sơ đang xem (optimistic lock): sai → 409' }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 4000, description: 'Ghi chú nội bộ (không hiện cho người dân)' }))),
  publicNote: Type.Optional(Nullable(Type.String({ maxLength: 4000, description: 'Ghi chú hiện trên trang tra cứu' }))),
};

export const TransitionBody = Type.Object(base, { additionalProperties: false });
export type TransitionInput = Static<typeof TransitionBody>;

export const RefuseBody = Type.Object(
  { ...base, reason: Type.String({ minLength: 3, maxLength: 4000, description: 'Lý do từ chối' }) },
  { additionalProperties: false },
);
export const StopBody = Type.Object(
  { ...base, reason: Type.String({ minLength: 3, maxLength: 4000, description: 'Lý do dừng / rút hồ sơ' }) },
  { additionalProperties: false },
);
export const SupplementBody = Type.Object(
  { ...base, missing: Type.String({ minLength: 3, maxLength: 4000, description: 'Nội dung cần bổ sung, hoàn thiện' }) },
  { additionalProperties: false },
);
export const RouteBody = Type.Object(
  {
    ...base,
    toUnit: Type.Optional(UnitCode),
    assignee: Type.Optional(Nullable(Type.String({ pattern: '^[a-z0-9._-]{3,64}$', description: 'Tên đăng nhập của cán bộ xử lý' }))),
  },
  { additionalProperties: false },
);
export type RouteInput = Static<typeof RouteBody>;
export const ReturnBody = Type.Object({ ...base, returnChannel: Type.Enum([...returnChannels], { default: 'desk' }) }, { additionalProperties: false });
export const ExtendBody = Type.Object(
  {
    ...base,
    newDueDate: Type.String({ format: 'date', description: 'Ngày hẹn trả mới' }),
    reason: Type.String({ minLength: 3, maxLength: 2000, description: 'Lý do quá hạn (nội dung văn bản xin lỗi)' }),
  },
  { additionalProperties: false },
);
export type ExtendInput = Static<typeof ExtendBody>;

export const ListQuery = Type.Object(
  {
    unit: UnitCode,
    subtree: Type.Optional(Type.Boolean({ description: 'Cả các đơn vị trực thuộc mà bạn được xem' })),
    status: Type.Optional(Type.Array(Type.Enum([...dossierStatuses]), { maxItems: 12 })),
    overdue: Type.Optional(Type.Boolean()),
    assignee: Type.Optional(Type.String({ pattern: '^(me|[a-z0-9._-]{3,64})$', description: 'Tên đăng nhập, hoặc "me"' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Mã hồ sơ hoặc tên người nộp, có dấu hay không dấu' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const RatingBody = Type.Object(
  {
    code: DossierCode,
    check: Type.String({ pattern: '^[0-9]{4}$', description: '4 số cuối số định danh cá nhân hoặc số điện thoại' }),
    rating: Type.Enum([...ratings]),
    official: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'Cán bộ đã phục vụ (id trong danh sách trên trang tra cứu)' }))),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type RatingInput = Static<typeof RatingBody>;

export const TrackingQuery = Type.Object(
  { code: DossierCode, check: Type.String({ pattern: '^[0-9]{4}$', description: '4 số cuối số định danh cá nhân hoặc số điện thoại' }) },
  { additionalProperties: false },
);

const Stamp = Nullable(Type.String({ format: 'date-time' }));
const EventOut = Type.Object({
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  unit: Nullable(Type.String()),
  toUnit: Nullable(Type.String()),
  note: Nullable(Type.String()),
  publicNote: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const DossierSummaryOut = Type.Object({
  code: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  unit: Type.String(),
  processingUnit: Nullable(Type.String()),
  assignee: Nullable(Type.String()),
  procedure: Type.Object({ code: Type.String(), version: Type.Integer(), name: Type.String() }),
  channel: Type.String(),
  applicantName: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueDate: Type.String({ format: 'date' }),
  dueAt: Type.String({ format: 'date-time' }),
  late: Type.Boolean(),
  version: Type.Integer(),
});

export const DossierOut = Type.Object({
  ...DossierSummaryOut.properties,
  applicant: Type.Object({
    name: Type.String(),
    idNumber: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    address: Nullable(Type.String()),
  }),
  documents: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  countsFrom: Type.String({ format: 'date' }),
  originalDueDate: Type.String({ format: 'date' }),
  pausedWorkingDays: Type.Integer(),
  extensionCount: Type.Integer(),
  milestones: Type.Object({
    acceptedAt: Stamp,
    refusedAt: Stamp,
    processingStartedAt: Stamp,
    submittedAt: Stamp,
    approvedAt: Stamp,
    resultAt: Stamp,
    returnedAt: Stamp,
    closedAt: Stamp,
    endedAt: Stamp,
  }),
  returnChannel: Nullable(Type.String()),
  servicePolicy: Nullable(Type.Object({ kind: Type.String(), name: Type.String(), normalDueDate: Nullable(Type.String()) })),
  flags: Type.Object({
    online: Type.Boolean(),
    paidOnline: Type.Boolean(),
    digitised: Type.Boolean(),
    electronicResult: Type.Boolean(),
    reusedDocuments: Type.Boolean(),
    sameDay: Type.Boolean(),
  }),
  allowedActions: Type.Array(Type.String()),
  timeline: Type.Array(EventOut),
  pauses: Type.Array(Type.Object({ missing: Type.String(), startedAt: Type.String(), endedAt: Stamp, workingDays: Nullable(Type.Integer()) })),
  extensions: Type.Array(
    Type.Object({ previousDueDate: Type.String(), newDueDate: Type.String(), reason: Type.String(), issuedAt: Type.String(), lateWhenIssued: Type.Boolean() }),
  ),
  attachments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() })),
  rating: Nullable(Type.Object({ rating: Type.String(), ratedAt: Type.String() })),
});

export const DossierList = Type.Object({ items: Type.Array(DossierSummaryOut), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });

export const TrackingOut = Type.Object({
  code: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  procedure: Type.String(),
  unit: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueDate: Type.String({ format: 'date' }),
  missing: Nullable(Type.String({ description: 'Nội dung cần bổ sung, khi hồ sơ đang chờ bổ sung' })),
  timeline: Type.Array(Type.Object({ at: Type.String(), status: Type.String(), statusLabel: Type.String(), note: Nullable(Type.String()) })),
  canRate: Type.Boolean(),
  rated: Type.Boolean(),
  officials: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
