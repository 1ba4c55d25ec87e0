/** Request and response schemas of the same-day policy routes (the schema is also the type and the OpenAPI entry). */
import { type Static, Type } from 'typebox';
import { ProcedureCode } from '../procedures/index.ts';
import { UnitCode } from '../units/index.ts';
import { policyKinds } from './rules/service-policy.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const PolicyBody = Type.Object(
  {
    unit: UnitCode,
    kind: Type.Enum([...policyKinds], {
      description:
        'under_threshold: thủ tục dưới `thresholdDays` ngày làm việc giải quyết ngay; no_wait_weekdays: ngày không chờ (`weekdays` ISO 1–7); friday_not_next_week: thứ Sáu không hẹn qua tuần (`procedures`, bỏ trống = mọi thủ tục); registered_same_day: thủ tục đơn vị đăng ký giải quyết trong ngày',
    }),
    name: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 200, description: 'Tên mô hình của đơn vị, vd. “Ngày thứ năm không hẹn”' }))),
    thresholdDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true })),
    maxDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 60 }))),
    procedures: Type.Optional(Nullable(Type.Array(ProcedureCode, { maxItems: 500, uniqueItems: true }))),
    enabled: Type.Optional(Type.Boolean({ default: true })),
    validFrom: Type.Optional(Nullable(Day)),
    validTo: Type.Optional(Nullable(Day)),
    source: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'Văn bản của đơn vị, vd. Kế hoạch 190/KH-UBND' }))),
  },
  { additionalProperties: false },
);
export type PolicyInput = Static<typeof PolicyBody>;

export const PolicySwitchBody = Type.Object({ enabled: Type.Boolean(), validTo: Type.Optional(Nullable(Day)) }, { additionalProperties: false });
export type PolicySwitch = Static<typeof PolicySwitchBody>;

export const PolicyParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const PolicyListQuery = Type.Object({ unit: UnitCode }, { additionalProperties: false });

export const PolicyOut = Type.Object({
  id: Type.Integer(),
  unit: Type.String(),
  kind: Type.String(),
  name: Type.String({ description: 'Tên hiển thị (tên của đơn vị hoặc tên chuẩn)' }),
  thresholdDays: Nullable(Type.Integer()),
  weekdays: Nullable(Type.Array(Type.Integer())),
  maxDays: Nullable(Type.Integer()),
  procedures: Nullable(Type.Array(Type.String())),
  enabled: Type.Boolean(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  source: Nullable(Type.String()),
});
export const PolicyList = Type.Object({ items: Type.Array(PolicyOut) });
