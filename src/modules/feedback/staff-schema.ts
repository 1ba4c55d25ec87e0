import { type Static, Type } from 'typebox';
import { SHORT_CODE_PATTERN } from '../../platform/text/index.ts';
import { UnitCode } from '../units/index.ts';
import { feedbackChannels, feedbackKinds, feedbackStatuses } from './rules/lifecycle.ts';
import { staffActions } from './staff-access.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Moment = Type.String({ format: 'date-time' });

export const FeedbackCode = Type.String({ pattern: SHORT_CODE_PATTERN, description: 'Mã phản ánh, 8 ký tự, vd. K7M29QRT' });
export const StaffActionName = Type.Enum([...staffActions], { description: 'Thao tác xử lý' });

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export const StaffListQuery = Type.Object({
  unit: Type.Optional(UnitCode),
  status: Type.Optional(Type.Enum([...feedbackStatuses, 'open'])),
  channel: Type.Optional(Type.Enum([...feedbackChannels])),
  category: Type.Optional(Type.String({ maxLength: 63 })),
  late: Type.Optional(Type.Boolean({ description: 'Chỉ phản ánh quá hạn trả lời' })),
  escalated: Type.Optional(Type.Boolean({ description: 'Chỉ phản ánh quá hạn của đơn vị cấp dưới, chuyển đơn vị `unit` theo dõi' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Tìm trong mã, tiêu đề và nội dung, có dấu hoặc không dấu' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type StaffListQueryT = Static<typeof StaffListQuery>;

export const StaffListItem = Type.Object({
  code: FeedbackCode,
  channel: Type.Enum([...feedbackChannels]),
  kind: Type.Enum([...feedbackKinds]),
  category: Nullable(Type.String()),
  unit: Named,
  title: Nullable(Type.String()),
  excerpt: Type.String(),
  status: Type.Enum([...feedbackStatuses]),
  receivedAt: Moment,
  answerDueAt: Moment,
  late: Type.Boolean(),
  escalated: Type.Boolean(),
  published: Type.Boolean(),
  assignee: Nullable(Type.String()),
});

export const StaffList = Type.Object({ items: Type.Array(StaffListItem), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });

export const StaffEvent = Type.Object({
  at: Moment,
  kind: Type.String(),
  status: Type.Enum([...feedbackStatuses]),
  public: Type.Boolean({ description: 'true: người gửi và ứng dụng Open311 thấy bước này; false: nội bộ' }),
  actor: Nullable(Type.String()),
  fromUnit: Nullable(Type.String()),
  toUnit: Nullable(Type.String()),
  note: Nullable(Type.String({ description: 'Ghi chú nội bộ, lý do (không công khai)' })),
  publicText: Nullable(Type.String()),
});

export const StaffItem = Type.Object({
  code: FeedbackCode,
  version: Type.String({ description: 'Phiên bản đã xem; gửi lại trong `version` khi thao tác để không ghi đè thay đổi của người khác' }),
  channel: Type.Enum([...feedbackChannels]),
  kind: Type.Enum([...feedbackKinds]),
  category: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  unit: Named,
  title: Nullable(Type.String()),
  description: Type.String(),
  place: Type.Object({ unit: Nullable(Named), address: Nullable(Type.String()), lat: Nullable(Type.Number()), lng: Nullable(Type.Number()) }),
  status: Type.Enum([...feedbackStatuses]),
  assignee: Nullable(Type.String()),
  mergedInto: Nullable(Type.String()),
  rejectReason: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Moment),
  receivedAt: Moment,
  classifyDueAt: Moment,
  answerDueAt: Moment,
  late: Type.Boolean(),
  warnedAt: Nullable(Moment),
  escalatedAt: Nullable(Moment),
  escalatedTo: Nullable(Type.String()),
  rating: Nullable(Type.String()),
  reopenCount: Type.Integer(),
  published: Type.Boolean(),
  publicTitle: Nullable(Type.String()),
  publicSummary: Nullable(Type.String()),
  publishedAt: Nullable(Moment),
  hasContact: Type.Boolean({ description: 'Người gửi để lại liên hệ (xem bằng POST …/contact, có ghi nhật ký)' }),
  attachments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), mime: Type.String(), size: Type.Integer(), url: Type.String() })),
  events: Type.Array(StaffEvent),
  allowedActions: Type.Array(StaffActionName),
});

export const ActionBody = Type.Object(
  {
    version: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
    category: Type.Optional(Type.String({ maxLength: 63, description: 'accept: mã lĩnh vực' })),
    kind: Type.Optional(Type.Enum([...feedbackKinds], { description: 'accept: loại' })),
    assignee: Type.Optional(Type.String({ maxLength: 64, description: 'assign: tên đăng nhập cán bộ xử lý' })),
    answer: Type.Optional(Type.String({ maxLength: 5000, description: 'answer: nội dung trả lời (công khai cho người gửi)' })),
    reason: Type.Optional(Type.String({ maxLength: 1000, description: 'reject, transfer: lý do' })),
    into: Type.Optional(Type.String({ maxLength: 20, description: 'merge: mã phản ánh được gộp vào' })),
    unit: Type.Optional(Type.String({ maxLength: 63, description: 'transfer: mã đơn vị nhận' })),
    note: Type.Optional(Type.String({ maxLength: 5000, description: 'note: ghi chú nội bộ' })),
    publicTitle: Type.Optional(Type.String({ maxLength: 200, description: 'publish: tiêu đề công khai, không có dữ liệu cá nhân' })),
    publicSummary: Type.Optional(Type.String({ maxLength: 2000, description: 'publish: tóm tắt công khai, không có dữ liệu cá nhân' })),
  },
  { additionalProperties: false },
);

export const ContactOut = Type.Object({
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  consent: Type.Boolean(),
});

export const HotlineEntryBody = Type.Object(
  {
    unit: Type.Optional(UnitCode),
    kind: Type.Optional(Type.Enum([...feedbackKinds])),
    category: Type.Optional(Type.String({ maxLength: 63 })),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
    place: Type.Optional(Type.String({ maxLength: 63, description: 'Mã xã, phường nơi xảy ra' })),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'Họ tên người gọi (dữ liệu cá nhân; cần consent)' })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    consent: Type.Optional(Type.Boolean({ description: 'Người gọi đồng ý (hỏi bằng lời) cho cơ quan dùng liên hệ để xử lý và trả lời' })),
  },
  { additionalProperties: false },
);

export const HotlineEntryOut = Type.Object({
  code: FeedbackCode,
  created: Type.Boolean(),
  unit: Named,
  answerDueAt: Moment,
});
