import { Type } from 'typebox';
import { cccdRejections, MAX_QR_LENGTH } from './rules/cccd.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const CccdBody = Type.Object(
  {
    qr: Type.String({
      maxLength: MAX_QR_LENGTH,
      description: 'The text of the ID card’s QR code, as a camera decoded it or a handheld scanner typed it (CR/LF and tabs tolerated).',
      examples: ['087190001234||Nguyễn Thị Ánh Tuyết|12031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|15042021'],
    }),
  },
  { additionalProperties: false },
);

export const IdentityFieldsOut = Type.Object({
  idNumber: Type.String({ pattern: '^[0-9]{12}$', description: 'Số định danh cá nhân' }),
  oldIdNumber: Nullable(Type.String({ pattern: '^[0-9]{9}$', description: 'Số CMND 9 số, or null' })),
  fullName: Type.String({ description: 'Họ và tên (NFC)' }),
  dateOfBirth: Type.String({ format: 'date' }),
  sex: Type.Enum(['Nam', 'Nữ']),
  address: Type.String({ description: 'Nơi cư trú (NFC)' }),
  issueDate: Type.String({ format: 'date' }),
});

export const CccdOut = Type.Object({
  fields: IdentityFieldsOut,
  extras: Type.Array(Type.String(), { description: 'Fields after the seventh (2024 thẻ căn cước), in order, empty ones kept' }),
  warnings: Type.Array(
    Type.Object({
      code: Type.String({
        description:
          'ID_PROVINCE_UNKNOWN, ID_CENTURY_MISMATCH, ID_BIRTH_YEAR_MISMATCH, ID_SEX_MISMATCH, DUPLICATE_SCAN, LINE_BREAK_REMOVED, OLD_ID_IS_12_DIGITS',
      }),
      message: Type.String(),
    }),
  ),
});

export const CccdProblem = Type.Object(
  {
    code: Type.String(),
    title: Type.String(),
    detail: Type.Optional(Type.String()),
    reason: Type.Optional(Type.Enum([...cccdRejections])),
    field: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'RFC 9457 problem+json; for CCCD_QR_INVALID, `reason` and `field` say what is wrong' },
);
