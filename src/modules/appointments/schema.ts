/** Request schemas of the appointments API: each is also the TypeScript type and the OpenAPI entry. */
import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';
import { appointmentActions, appointmentChannels, appointmentKinds, appointmentStatuses, priorityGroups, staffChannels } from './rules/lifecycle.ts';
import { ADDRESS_MAX, NAME_MAX, NEED_MAX, PROCEDURE_MAX } from './rules/request.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Moment = Type.String({ format: 'date-time', description: 'RFC 3339 in Vietnam time (+07:00)' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Ngày, Vietnam local (YYYY-MM-DD)' });
const Time = Type.String({ pattern: '^[0-9]{2}:[0-9]{2}$', description: 'Giờ, Vietnam local (HH:MM)' });

export const KindT = Type.Enum([...appointmentKinds], { description: 'guidance: hướng dẫn; pickup: nhận hồ sơ tại nhà; delivery: trả kết quả tại nhà' });
export const StatusT = Type.Enum([...appointmentStatuses]);
export const PriorityT = Type.Enum([...priorityGroups], {
  description:
    'Đối tượng ưu tiên (served first, free): elderly người cao tuổi, disabled người khuyết tật, seriously_ill người ốm đau bệnh nặng, social_protection đối tượng bảo trợ xã hội, meritorious người có công',
});
export const AppointmentCode = Type.String({ pattern: '^[A-HJKMNP-Z2-9]{8}$', description: 'Mã lịch hẹn' });
export const CodeParams = Type.Object({ code: AppointmentCode });
export const ActionParams = Type.Object({ code: AppointmentCode, action: Type.Enum([...appointmentActions]) });

export const ListQuery = Type.Object(
  {
    unit: Type.Optional(UnitCode),
    status: Type.Optional(Type.Enum([...appointmentStatuses, 'open'], { description: 'open: requested, proposed or confirmed' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const CreateBody = Type.Object(
  {
    unit: UnitCode,
    kind: KindT,
    channel: Type.Enum([...staffChannels], { description: 'Kênh người dân đã liên hệ: phone, email, zalo, facebook' }),
    date: Day,
    time: Time,
    name: Type.String({ minLength: 1, maxLength: NAME_MAX + 50 }),
    phone: Type.String({ minLength: 1, maxLength: 30, description: 'Số điện thoại để gọi lại (bắt buộc)' }),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    address: Type.String({ minLength: 1, maxLength: ADDRESS_MAX + 50 }),
    priority: Type.Optional(Nullable(PriorityT)),
    need: Type.Optional(Nullable(Type.String({ maxLength: NEED_MAX + 50 }))),
    procedure: Type.Optional(Nullable(Type.String({ maxLength: PROCEDURE_MAX + 50, description: 'Tên hoặc mã thủ tục (vd. 1.001193)' }))),
    dossierCode: Type.Optional(Nullable(Type.String({ maxLength: 70, description: 'Mã hồ sơ (bắt buộc khi trả kết quả tại nhà)' }))),
    consent: Type.Boolean({ description: 'Người dân đã đồng ý cho dùng thông tin cá nhân để sắp xếp lịch hẹn (must be true)' }),
    idempotencyKey: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{8,200}$' })),
  },
  { additionalProperties: false },
);
export type CreateBodyT = Static<typeof CreateBody>;

export const ActionBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version you saw (409 when it changed)' })),
    date: Type.Optional(Day),
    time: Type.Optional(Time),
    assignee: Type.Optional(Type.String({ maxLength: 64, description: 'assign: username of an official or helper of the unit' })),
    visitedBy: Type.Optional(Type.String({ maxLength: 300, description: 'done/absent: who went (default: the person assigned)' })),
    visitedDate: Type.Optional(Day),
    visitedTime: Type.Optional(Time),
    dossierCode: Type.Optional(Type.String({ maxLength: 70, description: 'done: the dossier received at a pick-up' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    reason: Type.Optional(Type.String({ maxLength: 1000, description: 'cancel: the reason told to the citizen' })),
  },
  { additionalProperties: false },
);
export type ActionBodyT = Static<typeof ActionBody>;

const Person = Type.Object({ username: Type.String(), name: Type.String() });

export const AppointmentSummary = Type.Object({
  code: Type.String(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  kind: KindT,
  channel: Type.Enum([...appointmentChannels]),
  status: StatusT,
  free: Type.Boolean({ description: 'Served free of charge (a priority group)' }),
  priorityGroup: Nullable(PriorityT),
  citizenName: Type.String(),
  address: Type.String(),
  slotStart: Moment,
  slotEnd: Moment,
  assignee: Nullable(Person),
});

export const AppointmentOut = Type.Object({
  ...AppointmentSummary.properties,
  phone: Type.String(),
  email: Nullable(Type.String()),
  need: Nullable(Type.String()),
  procedure: Nullable(Type.String()),
  dossierCode: Nullable(Type.String()),
  requestedStart: Moment,
  proposedAt: Nullable(Moment),
  confirmedAt: Nullable(Moment),
  visitedBy: Nullable(Type.String()),
  visitedAt: Nullable(Moment),
  outcomeNote: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  version: Type.Integer(),
  actions: Type.Array(Type.Enum([...appointmentActions])),
});

export const AppointmentList = Type.Object({
  items: Type.Array(AppointmentSummary),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
