/** Request and response schemas of the reform reports' JSON API (also its OpenAPI entries). */
import { Type } from 'typebox';

export const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

export const ReportParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$', description: 'Mã số báo cáo' }) });

export const OpenBody = Type.Object(
  {
    unit: Type.String({ minLength: 1, maxLength: 100, description: 'Mã đơn vị' }),
    period: Type.String({ minLength: 1, maxLength: 20, description: "Kỳ báo cáo: quý '2026-Q3', 6 tháng '2026-H1' hoặc năm '2026'" }),
  },
  { additionalProperties: false },
);

export const SaveBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'Phiên bản báo cáo lúc bắt đầu sửa (khóa lạc quan)' }),
    summary: Type.Optional(Type.String({ maxLength: 20000 })),
    docNumber: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 999999 }), Type.Null()])),
    narratives: Type.Optional(
      Type.Record(Type.String({ maxLength: 63 }), Type.String({ maxLength: 20000 }), {
        description: 'Nội dung theo mã mô hình (văn bản thuần, tối đa 10.000 ký tự; HTML được giữ nguyên là chữ)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'Phiên bản báo cáo đã đọc (khóa lạc quan); bỏ trống: không kiểm tra' })) },
  { additionalProperties: false },
);

const Figure = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'null: không có dữ liệu' }),
});

export const ReportOut = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  status: Type.Enum(['draft', 'submitted']),
  version: Type.Integer(),
  unitCount: Type.Integer(),
  figuresAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  sections: Type.Array(
    Type.Object({
      modelCode: Type.String(),
      modelName: Type.String(),
      catalogueCode: Type.String(),
      own: Type.Boolean(),
      figures: Type.Array(Figure),
      narrative: Type.String(),
      children: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), narrative: Type.String() })),
    }),
  ),
});
