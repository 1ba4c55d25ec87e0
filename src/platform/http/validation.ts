import type { FieldError } from '../errors.ts';

/** The subset of an Ajv error object we read. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  /** Present when the validator runs with `verbose: true`. */
  parentSchema?: { description?: string };
}

function fieldName(err: SchemaError, where: string): string {
  const base = err.instancePath ? err.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
  if (err.keyword === 'required') {
    const missing = String(err.params.missingProperty ?? '');
    return base ? `${base}.${missing}` : missing;
  }
  if (err.keyword === 'additionalProperties') {
    const extra = String(err.params.additionalProperty ?? '');
    return base ? `${base}.${extra}` : extra;
  }
  return base || where;
}

/** Turns schema validation errors into per-field messages in Vietnamese and English. */
export function describeSchemaErrors(errors: SchemaError[], where: string): FieldError[] {
  // A nullable field (anyOf [string, null]) fails several ways at once: keep one message per
  // field, preferring the specific one (format, length …) over 'type' and 'anyOf'.
  const generic = new Set(['type', 'anyOf']);
  const byField = new Map<string, SchemaError>();
  for (const err of errors) {
    const field = fieldName(err, where);
    const kept = byField.get(field);
    if (!kept || (generic.has(kept.keyword) && !generic.has(err.keyword))) byField.set(field, err);
  }
  return [...byField.values()].map((err) => {
    const p = err.params;
    const field = fieldName(err, where);
    switch (err.keyword) {
      case 'required':
        return { field, message: { vi: 'Trường này là bắt buộc', en: 'This field is required' } };
      case 'type': {
        const t = String(p.type);
        const vi = t.includes('integer')
          ? 'Phải là số nguyên'
          : t.includes('number')
            ? 'Phải là số'
            : t.includes('boolean')
              ? 'Phải là đúng/sai'
              : t.includes('array')
                ? 'Phải là danh sách'
                : t.includes('object')
                  ? 'Phải là một đối tượng'
                  : 'Phải là chuỗi ký tự';
        return { field, message: { vi, en: `Must be of type ${t}` } };
      }
      case 'minLength':
        return Number(p.limit) === 1
          ? { field, message: { vi: 'Không được để trống', en: 'Must not be empty' } }
          : { field, message: { vi: `Phải có ít nhất ${p.limit} ký tự`, en: `Must have at least ${p.limit} characters` } };
      case 'maxLength':
        return { field, message: { vi: `Không được dài quá ${p.limit} ký tự`, en: `Must have at most ${p.limit} characters` } };
      case 'minimum':
        return { field, message: { vi: `Phải lớn hơn hoặc bằng ${p.limit}`, en: `Must be ≥ ${p.limit}` } };
      case 'maximum':
        return { field, message: { vi: `Phải nhỏ hơn hoặc bằng ${p.limit}`, en: `Must be ≤ ${p.limit}` } };
      case 'exclusiveMinimum':
        return { field, message: { vi: `Phải lớn hơn ${p.limit}`, en: `Must be > ${p.limit}` } };
      case 'minItems':
        return { field, message: { vi: `Cần ít nhất ${p.limit} mục`, en: `Needs at least ${p.limit} items` } };
      case 'maxItems':
        return { field, message: { vi: `Tối đa ${p.limit} mục`, en: `At most ${p.limit} items` } };
      case 'enum':
      case 'const':
      case 'anyOf':
        return {
          field,
          message: {
            vi: Array.isArray(p.allowedValues)
              ? `Giá trị không hợp lệ; chọn một trong: ${p.allowedValues.join(', ')}`
              : 'Giá trị không nằm trong danh sách cho phép',
            en: Array.isArray(p.allowedValues) ? `Must be one of: ${p.allowedValues.join(', ')}` : 'Value is not one of the allowed values',
          },
        };
      case 'format':
        return p.format === 'date'
          ? { field, message: { vi: 'Ngày không hợp lệ (định dạng YYYY-MM-DD)', en: 'Invalid date (YYYY-MM-DD)' } }
          : p.format === 'date-time'
            ? { field, message: { vi: 'Thời điểm không hợp lệ (định dạng ISO 8601)', en: 'Invalid date-time (ISO 8601)' } }
            : p.format === 'email'
              ? { field, message: { vi: 'Địa chỉ thư điện tử không hợp lệ', en: 'Invalid e-mail address' } }
              : { field, message: { vi: `Sai định dạng (${p.format})`, en: `Invalid format (${p.format})` } };
      case 'pattern': {
        const hint = err.parentSchema?.description;
        return { field, message: { vi: hint ? `Sai định dạng: ${hint}` : 'Sai định dạng', en: hint ? `Invalid format: ${hint}` : 'Invalid format' } };
      }
      case 'additionalProperties':
        return { field, message: { vi: 'Trường này không được chấp nhận', en: 'This field is not allowed' } };
      default:
        return { field, message: { vi: 'Giá trị không hợp lệ', en: err.message ?? 'Invalid value' } };
    }
  });
}
