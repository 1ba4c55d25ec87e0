import { type Static, Type } from 'typebox';
import { directions, recordableStatuses, shipmentStatuses, steps } from './rules/legs.ts';
import { FEE_MAX, NOTE_MAX } from './rules/shipment.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ShipmentId = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
export const IdParams = Type.Object({ id: ShipmentId });

export const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...shipmentStatuses], { description: 'Chỉ các bưu gửi ở trạng thái này' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const StepBody = Type.Object(
  {
    status: Type.Enum([...recordableStatuses], { description: 'Trạng thái mới: picked_up, in_transit, delivered, failed (cần reason), returned' }),
    itemNumber: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 40,
          description: 'Số hiệu bưu gửi UPU S10 (vd. EB123456785VN, chữ số kiểm tra đúng); mã nội bộ 9–13 ký tự khi domesticCode',
        }),
      ),
    ),
    domesticCode: Type.Optional(Type.Boolean({ description: 'Mã nội bộ của bưu điện, không theo S10' })),
    feeVnd: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: FEE_MAX, description: 'Cước bưu chính (đồng)' }))),
    reason: Type.Optional(Nullable(Type.String({ maxLength: NOTE_MAX, description: 'Lý do phát không thành công (bắt buộc khi failed)' }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: NOTE_MAX }))),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Phiên bản bưu gửi đang xem (optimistic lock): sai → 409' })),
  },
  { additionalProperties: false },
);
export type StepBodyT = Static<typeof StepBody>;

const EventOut = Type.Object({
  step: Type.Enum([...steps]),
  status: Type.Enum([...shipmentStatuses]),
  statusLabel: Type.String(),
  at: Type.String({ format: 'date-time' }),
  itemNumber: Nullable(Type.String()),
  by: Type.String({ description: 'Người ghi' }),
  note: Nullable(Type.String()),
});

export const ShipmentOut = Type.Object({
  id: Type.Integer(),
  dossierCode: Type.String({ description: 'Mã hồ sơ: bưu điện chỉ thấy mã, không thấy thành phần hồ sơ' }),
  direction: Type.Enum([...directions]),
  postOffice: Type.Object({ code: Type.String(), name: Type.String() }),
  desk: Type.Object({ code: Type.String(), name: Type.String(), address: Nullable(Type.String()) }, { description: 'Bộ phận Một cửa của đơn vị' }),
  itemNumber: Nullable(Type.String()),
  itemNumberDomestic: Type.Boolean(),
  recipient: Type.Object({ name: Type.String(), phone: Nullable(Type.String()), address: Type.String() }, { description: 'Người nhận (dữ liệu cá nhân)' }),
  feeVnd: Nullable(Type.Integer()),
  status: Type.Enum([...shipmentStatuses]),
  statusLabel: Type.String(),
  failureReason: Nullable(Type.String()),
  nextStatuses: Type.Array(Type.Enum([...recordableStatuses])),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
  events: Type.Optional(Type.Array(EventOut)),
});

export const ShipmentList = Type.Object({
  items: Type.Array(ShipmentOut),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
