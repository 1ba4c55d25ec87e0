import { Type } from 'typebox';
import { ProcedureCode } from '../procedures/index.ts';
import { UnitCode } from '../units/index.ts';
import { sampleMimes } from './rules/sample-file.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SamplesParams = Type.Object({ code: ProcedureCode });
export const SamplesQuery = Type.Object({
  unit: Type.Optional(UnitCode),
});

export const SampleOut = Type.Object({
  id: Type.Integer(),
  title: Type.String({ description: 'Tên hồ sơ mẫu' }),
  note: Nullable(Type.String({ description: 'Ghi chú của đơn vị' })),
  unit: Type.Object({ code: Type.String(), name: Type.String() }, { description: 'Đơn vị đã đăng hồ sơ mẫu' }),
  mime: Type.Enum([...sampleMimes]),
  size: Type.Integer({ description: 'Kích thước (byte)' }),
  sha256: Type.String({ description: 'SHA-256 của tệp (cũng là ETag khi tải về)' }),
  url: Type.String({ description: 'Địa chỉ tải tệp, cố định theo id: /ho-so-mau/<id>/<tên>.<đuôi>' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const BlankFormOut = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  name: Type.String({ description: 'Tên mẫu tờ khai' }),
  legalBasis: Type.String({ description: 'Văn bản ban hành mẫu' }),
  url: Type.String({ description: 'Tờ khai trống (PDF) để in và điền tay' }),
});

export const SamplesOut = Type.Object({
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  forms: Type.Array(BlankFormOut, { description: 'Mẫu đơn, tờ khai để tải về (trống)' }),
  samples: Type.Array(SampleOut, { description: 'Hồ sơ mẫu đã điền, theo đơn vị' }),
});
