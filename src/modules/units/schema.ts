import { type Static, Type } from 'typebox';

export const unitKinds = ['province', 'city', 'town', 'district', 'commune', 'ward', 'department', 'police', 'post_office', 'other'] as const;

export const unitKindLabels: Record<(typeof unitKinds)[number], { vi: string; en: string }> = {
  province: { vi: 'Tỉnh/Thành phố trực thuộc TW', en: 'Province' },
  city: { vi: 'Thành phố thuộc tỉnh', en: 'City' },
  town: { vi: 'Thị xã', en: 'Town' },
  district: { vi: 'Huyện', en: 'District' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  department: { vi: 'Phòng, ban, sở', en: 'Department' },
  police: { vi: 'Công an', en: 'Police' },
  post_office: { vi: 'Bưu điện', en: 'Post office' },
  other: { vi: 'Cơ quan khác', en: 'Other body' },
};

export const UnitCode = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
  description: 'chữ thường không dấu, số và dấu gạch ngang, vd. cao-lanh (lower-case letters, digits and hyphens)',
});
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
export const OfficeHoursSchema = Type.Array(
  Type.Object(
    { days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7 }), open: Time, close: Time },
    { additionalProperties: false },
  ),
  { maxItems: 14 },
);

const editable = {
  name: Type.String({ minLength: 2, maxLength: 200 }),
  adminCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{2,5}$', description: 'Mã đơn vị hành chính' }), Type.Null()])),
  kind: Type.Enum([...unitKinds]),
  weekendDays: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7 })),
  officeHours: Type.Optional(OfficeHoursSchema),
  address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9 +().-]{3,30}$' }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
};

export const CreateUnitBody = Type.Object(
  { code: UnitCode, parent: Type.Optional(Type.Union([UnitCode, Type.Null()])), ...editable },
  { additionalProperties: false },
);
export type CreateUnitInput = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object({ ...editable, parent: Type.Optional(Type.Union([UnitCode, Type.Null()])) }, { additionalProperties: false });
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;

export const MergeUnitBody = Type.Object(
  { into: UnitCode, date: Type.String({ format: 'date', description: 'Ngày sáp nhập có hiệu lực' }) },
  { additionalProperties: false },
);
export type MergeUnitInput = Static<typeof MergeUnitBody>;

export const UnitOut = Type.Object({
  code: Type.String(),
  adminCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
  depth: Type.Integer(),
  weekendDays: Type.Array(Type.Integer()),
  officeHours: OfficeHoursSchema,
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  mergedInto: Type.Union([Type.String(), Type.Null()]),
  mergedOn: Type.Union([Type.String(), Type.Null()]),
});
