import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';

const IsoDate = Type.String({ format: 'date' });
const NullableDate = Type.Union([IsoDate, Type.Null()]);

/** Most messages a unit keeps (the board rotates them every 10 s: 50 is eight minutes). */
export const MAX_MESSAGES = 50;

export const MessageText = Type.String({
  minLength: 1,
  maxLength: 300,
  pattern: '\\S',
  description: 'Nội dung hiển thị trên bảng LED (tối đa 300 ký tự)',
});

export const UnitParams = Type.Object({ unit: UnitCode });
export const MessageParams = Type.Object({ unit: UnitCode, id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });

export const MessageBody = Type.Object(
  {
    text: MessageText,
    enabled: Type.Optional(Type.Boolean({ default: true })),
    validFrom: Type.Optional(NullableDate),
    validTo: Type.Optional(NullableDate),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Thứ tự trên bảng (1: đầu tiên); mặc định: cuối' })),
  },
  { additionalProperties: false },
);
export type MessageInput = Static<typeof MessageBody>;

export const MessagePatch = Type.Object(
  {
    text: Type.Optional(MessageText),
    enabled: Type.Optional(Type.Boolean()),
    validFrom: Type.Optional(NullableDate),
    validTo: Type.Optional(NullableDate),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Chuyển đến thứ tự này; các tin khác được đánh số lại' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MessageChange = Static<typeof MessagePatch>;

export const MessageOut = Type.Object({
  id: Type.Integer(),
  unit: Type.String(),
  position: Type.Integer(),
  text: Type.String(),
  enabled: Type.Boolean(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});

export const MessageList = Type.Object({
  unit: Type.String(),
  day: Type.String({ description: 'Ngày (giờ Việt Nam) dùng để lọc tin đang hiệu lực' }),
  items: Type.Array(MessageOut),
});

export const VersionOut = Type.Object({ version: Type.String({ description: 'Đổi khi nội dung màn hình đổi (so sánh để tải lại)' }) });
