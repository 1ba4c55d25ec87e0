import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';
import { helpKinds } from './rules/help.ts';
import { DESCRIPTION_MAX, dutyKinds, NAME_MAX, NOTE_MAX, organisations, PERSON_MAX } from './rules/roster.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const Day = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD, Vietnam)` });
const Clock = (description: string) => Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: `${description} (HH:MM, Vietnam time)` });

export const OrganisationT = Type.Enum([...organisations], {
  description:
    'youth_union: Đoàn Thanh niên; women_union: Hội Liên hiệp Phụ nữ; veterans: Hội Cựu chiến binh; farmers: Hội Nông dân; fatherland_front: Mặt trận Tổ quốc; trade_union: Công đoàn; other',
});
export const DutyT = Type.Enum([...dutyKinds], {
  description: 'desk: tại Bộ phận Một cửa; hotline: tổng đài, điện thoại; online_chat: Zalo, Facebook; home_visit: đi hỗ trợ tại nhà',
});
export const HelpKindT = Type.Enum([...helpKinds], {
  description: 'vneid_account: tạo tài khoản VNeID; online_dossier: nộp hồ sơ trực tuyến; payment: thanh toán trực tuyến; guidance: hướng dẫn khác',
});

export const IdParams = Type.Object({ id: Id });
export const UnitQuery = Type.Object({ unit: UnitCode });
export const OnDutyQuery = Type.Object({ unit: Type.Optional(UnitCode) });
export const PeriodQuery = Type.Object({ unit: UnitCode, from: Day('Từ ngày'), to: Day('Đến ngày') });

export const CreateTeamBody = Type.Object(
  {
    unit: UnitCode,
    name: Type.String({ minLength: 2, maxLength: NAME_MAX, description: 'Tên đội' }),
    organisation: OrganisationT,
    description: Type.Optional(Nullable(Type.String({ maxLength: DESCRIPTION_MAX }))),
  },
  { additionalProperties: false },
);
export type CreateTeamBodyT = Static<typeof CreateTeamBody>;

export const AddMemberBody = Type.Object(
  {
    fullName: Type.String({ minLength: 2, maxLength: PERSON_MAX, description: 'Họ và tên' }),
    organisation: OrganisationT,
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'Số điện thoại (personal data)' }))),
    publicPhoneConsent: Type.Optional(Type.Boolean({ default: false, description: 'The member agreed to show the phone on the public page while on duty' })),
    username: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'Sign-in account holding the support_volunteer role at the unit' }))),
  },
  { additionalProperties: false },
);

export const CreateShiftBody = Type.Object(
  {
    unit: UnitCode,
    duty: DutyT,
    date: Day('Ngày trực'),
    start: Clock('Giờ bắt đầu'),
    end: Clock('Giờ kết thúc'),
    memberIds: Type.Array(Id, { minItems: 1, maxItems: 20 }),
    note: Type.Optional(Nullable(Type.String({ maxLength: NOTE_MAX }))),
  },
  { additionalProperties: false },
);

export const ShiftsQuery = Type.Object({ unit: UnitCode, from: Day('Từ ngày'), to: Day('Đến ngày (tối đa 31 ngày)') });

export const HelpBody = Type.Object(
  {
    memberId: Id,
    kind: HelpKindT,
    helpedOn: Type.Optional(Day('Ngày hỗ trợ; mặc định hôm nay')),
    dossierCode: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'Mã hồ sơ, nếu có' }))),
    idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 80, description: 'The same key twice records the help once' })),
  },
  { additionalProperties: false },
);

export const MemberOut = Type.Object({
  id: Type.Integer(),
  teamId: Type.Integer(),
  fullName: Type.String(),
  organisation: OrganisationT,
  phone: Nullable(Type.String({ description: 'Staff only' })),
  publicPhoneConsent: Type.Boolean(),
  username: Nullable(Type.String()),
});

export const TeamOut = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  name: Type.String(),
  organisation: OrganisationT,
  description: Nullable(Type.String()),
  members: Type.Array(MemberOut),
});
export const TeamList = Type.Object({ items: Type.Array(TeamOut) });

export const ShiftOut = Type.Object({
  id: Type.Integer(),
  unit: Type.String(),
  duty: DutyT,
  date: Type.String({ format: 'date' }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  note: Nullable(Type.String()),
  members: Type.Array(Type.Object({ id: Type.Integer(), fullName: Type.String() })),
});
export const ShiftList = Type.Object({ items: Type.Array(ShiftOut) });

const DutyNowOut = Type.Object({
  duty: DutyT,
  onDuty: Type.Boolean(),
  until: Nullable(Type.String({ format: 'date-time' })),
  members: Type.Array(Type.Object({ name: Type.String(), phone: Nullable(Type.String({ description: 'Only with the member’s consent' })) })),
  reach: Type.Object({
    address: Nullable(Type.String({ description: 'Desk duty: the one-stop desk' })),
    officeHours: Nullable(Type.String()),
    phone: Nullable(Type.String({ description: 'A member’s phone (with consent) or the unit’s phone' })),
  }),
});

export const UnitOnDutyOut = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String(), url: Type.String() }),
  duties: Type.Array(DutyNowOut),
  laterToday: Type.Array(
    Type.Object({
      duty: DutyT,
      startsAt: Type.String({ format: 'date-time' }),
      endsAt: Type.String({ format: 'date-time' }),
      names: Type.Array(Type.String()),
    }),
  ),
});
export const OnDutyOut = Type.Object({ at: Type.String({ format: 'date-time' }), units: Type.Array(UnitOnDutyOut) });

export const HelpOut = Type.Object({ id: Type.Integer(), duplicate: Type.Boolean({ description: 'The key was used before: nothing new recorded' }) });

const Counts = Type.Object({
  vneid_account: Type.Integer(),
  online_dossier: Type.Integer(),
  payment: Type.Integer(),
  guidance: Type.Integer(),
  total: Type.Integer(),
});
export const ActivityOut = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  total: Counts,
  units: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), counts: Counts })),
  teams: Type.Array(Type.Object({ id: Type.Integer(), unit: Type.String(), name: Type.String(), counts: Counts })),
  members: Type.Array(Type.Object({ id: Type.Integer(), teamId: Type.Integer(), name: Type.String(), counts: Counts })),
});

export const organisationLabels = {
  youth_union: { vi: 'Đoàn Thanh niên', en: 'Youth Union' },
  women_union: { vi: 'Hội Liên hiệp Phụ nữ', en: 'Women’s Union' },
  veterans: { vi: 'Hội Cựu chiến binh', en: 'Veterans’ Association' },
  farmers: { vi: 'Hội Nông dân', en: 'Farmers’ Union' },
  fatherland_front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  trade_union: { vi: 'Công đoàn', en: 'Trade union' },
  other: { vi: 'Khác', en: 'Other' },
} as const;
export const dutyLabels = {
  desk: { vi: 'Tại Bộ phận Một cửa', en: 'At the one-stop desk' },
  hotline: { vi: 'Tổng đài, điện thoại', en: 'Hotline, phone' },
  online_chat: { vi: 'Trực tuyến (Zalo, Facebook)', en: 'Online chat (Zalo, Facebook)' },
  home_visit: { vi: 'Đi hỗ trợ tại nhà', en: 'Home visits' },
} as const;
export const helpLabels = {
  vneid_account: { vi: 'Tạo tài khoản VNeID', en: 'VNeID account' },
  online_dossier: { vi: 'Nộp hồ sơ trực tuyến', en: 'Online dossier' },
  payment: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
  guidance: { vi: 'Hướng dẫn khác', en: 'Other guidance' },
} as const;
