import { type Static, Type } from 'typebox';

export const feeKinds = ['fee', 'charge', 'postal', 'other'] as const;
export const feeStatuses = ['due', 'paid', 'waived', 'cancelled'] as const;

const Name = Type.String({ minLength: 1, maxLength: 300 });
const Counter = Type.String({ minLength: 1, maxLength: 60, description: 'Quầy (vd. "Quầy số 1")' });

export const DossierCodeParams = Type.Object({ code: Type.String({ minLength: 3, maxLength: 80 }) });
export const FeeIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const AddFeeBody = Type.Object(
  {
    name: Name,
    amountVnd: Type.Integer({ minimum: 1, maximum: 100_000_000_000, description: 'Số tiền (đồng, số nguyên)' }),
    kind: Type.Optional(Type.Enum([...feeKinds])),
    counter: Type.Optional(Counter),
  },
  { additionalProperties: false },
);
export type AddFeeInput = Static<typeof AddFeeBody>;

export const CreateFeesBody = Type.Object({ counter: Type.Optional(Counter) }, { additionalProperties: false });

export const WaiveBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500, description: 'Lý do miễn, giảm (vd. đối tượng được miễn theo quy định)' }) },
  { additionalProperties: false },
);

export const CashBody = Type.Object(
  { payerName: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'Người nộp tiền (mặc định: người nộp hồ sơ)' })) },
  { additionalProperties: false },
);

export const AccountBody = Type.Object(
  {
    bankBin: Type.String({ pattern: '^[0-9]{6}$', description: 'Mã BIN ngân hàng (NAPAS), 6 chữ số' }),
    accountNo: Type.String({ pattern: '^[0-9A-Za-z]{1,19}$', description: 'Số tài khoản (hoặc số thẻ)' }),
    accountName: Type.String({ minLength: 2, maxLength: 120, description: 'Tên chủ tài khoản' }),
    bankName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    target: Type.Optional(Type.Enum(['account', 'card'])),
    counter: Type.Optional(Counter),
    isDefault: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const FeeOut = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum([...feeKinds]),
  name: Type.String(),
  amountVnd: Type.Integer(),
  paidVnd: Type.Integer(),
  owedVnd: Type.Integer(),
  reference: Type.String({ description: 'Nội dung chuyển khoản (mã thanh toán), trong trường 62/08 của VietQR' }),
  counter: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum([...feeStatuses]),
  paidBy: Type.Union([Type.Enum(['transfer', 'cash']), Type.Null()]),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  waiveReason: Type.Union([Type.String(), Type.Null()]),
  receipt: Type.Union([Type.Object({ number: Type.Integer(), year: Type.Integer() }), Type.Null()]),
  account: Type.Union([
    Type.Object({ bankBin: Type.String(), bankName: Type.Union([Type.String(), Type.Null()]), accountNo: Type.String(), accountName: Type.String() }),
    Type.Null(),
  ]),
  vietqr: Type.Union([Type.String(), Type.Null()], { description: 'Chuỗi VietQR động (số tiền còn phải nộp và mã thanh toán) khi còn chờ nộp' }),
});

export const FeesOut = Type.Object({
  dossier: Type.String(),
  paidOnline: Type.Boolean(),
  fees: Type.Array(FeeOut),
});
