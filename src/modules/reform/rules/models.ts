import type { FieldError } from '../../../platform/errors.ts';
import { cleanText, isYes } from '../../../platform/text/index.ts';
import { isDay } from './days.ts';

export const modelOrigins = ['province', 'city', 'local'] as const;
export type ModelOrigin = (typeof modelOrigins)[number];

/** The rows of MODELS.md (M1 … M15). */
export const catalogueCodes = Array.from({ length: 15 }, (_, i) => `M${i + 1}`) as readonly string[];

export const MODEL_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Words of the staff addresses under /quan-tri/mo-hinh that a model code may not take. */
const RESERVED = ['moi', 'don-vi', 'tuan-thu'];

export interface ModelInput {
  code?: unknown;
  name?: unknown;
  purpose?: unknown;
  leadAgency?: unknown;
  monitoringAgency?: unknown;
  origin?: unknown;
  source?: unknown;
  mandatory?: unknown;
  choicePool?: unknown;
  sameDay?: unknown;
  catalogueCode?: unknown;
  startsOn?: unknown;
  endsOn?: unknown;
}

export interface ModelValues {
  code: string;
  name: string;
  purpose: string | null;
  leadAgency: string;
  monitoringAgency: string | null;
  origin: ModelOrigin;
  source: string;
  mandatory: boolean;
  choicePool: boolean;
  sameDay: boolean;
  catalogueCode: string;
  startsOn: string;
  endsOn: string | null;
}

const len = (s: string) => [...s].length;

/**
 * Checks a model of the registry (the form and the JSON API take the same rules); every bad field is named. Text is
 * kept as typed (NFC): pages escape it, so `<script>` in a name is shown as text, never run.
 */
export function checkModel(input: ModelInput): { ok: true; value: ModelValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const bad = (field: string, vi: string, en: string) => errors.push({ field, message: { vi, en } });
  const code = cleanText(input.code).toLowerCase();
  const name = cleanText(input.name);
  const purpose = cleanText(input.purpose);
  const leadAgency = cleanText(input.leadAgency);
  const monitoringAgency = cleanText(input.monitoringAgency);
  const originText = cleanText(input.origin);
  const origin = modelOrigins.find((o) => o === originText);
  const source = cleanText(input.source);
  const catalogueCode = cleanText(input.catalogueCode).toUpperCase();
  const startsOn = cleanText(input.startsOn);
  const endsOn = cleanText(input.endsOn);
  const mandatory = isYes(input.mandatory);
  const choicePool = isYes(input.choicePool);
  if (!MODEL_CODE.test(code) || RESERVED.includes(code))
    bad('code', 'Mã mô hình gồm chữ thường không dấu, số và dấu gạch ngang (2–63 ký tự)', 'Code: 2–63 lower-case letters, digits, hyphens');
  if (len(name) < 3 || len(name) > 300) bad('name', 'Tên mô hình cần từ 3 đến 300 ký tự', 'The name needs 3 to 300 characters');
  if (len(purpose) > 5000) bad('purpose', 'Mục đích dài tối đa 5000 ký tự', 'At most 5000 characters');
  if (len(leadAgency) < 2 || len(leadAgency) > 1000) bad('leadAgency', 'Hãy ghi cơ quan thực hiện', 'Enter the lead agency');
  if (len(monitoringAgency) > 500) bad('monitoringAgency', 'Cơ quan theo dõi dài tối đa 500 ký tự', 'At most 500 characters');
  if (!origin) bad('origin', 'Hãy chọn cấp ban hành mô hình', 'Choose the level that issued the model');
  if (len(source) < 3 || len(source) > 500) bad('source', 'Hãy ghi văn bản ban hành (số, ngày)', 'Enter the issuing document');
  if (!catalogueCodes.includes(catalogueCode)) bad('catalogueCode', 'Hãy chọn nhóm mô hình (M1 … M15)', 'Choose the model group (M1 … M15)');
  if (!isDay(startsOn)) bad('startsOn', 'Hãy nhập ngày bắt đầu thực hiện', 'Enter the start date');
  if (endsOn && !isDay(endsOn)) bad('endsOn', 'Ngày kết thúc không hợp lệ', 'The end date is not a date');
  else if (endsOn && isDay(startsOn) && endsOn < startsOn) bad('endsOn', 'Ngày kết thúc phải sau ngày bắt đầu', 'The end must not be before the start');
  if (mandatory && choicePool) bad('choicePool', 'Mô hình bắt buộc không thuộc nhóm mô hình tự chọn', 'A mandatory model is not one of the optional pool');
  if (errors.length || !origin) return { ok: false, errors };
  return {
    ok: true,
    value: {
      code,
      name,
      purpose: purpose || null,
      leadAgency,
      monitoringAgency: monitoringAgency || null,
      origin,
      source,
      mandatory,
      choicePool,
      sameDay: isYes(input.sameDay),
      catalogueCode,
      startsOn,
      endsOn: endsOn || null,
    },
  };
}
