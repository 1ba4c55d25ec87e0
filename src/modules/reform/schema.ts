import { type Static, Type } from 'typebox';
import { UnitCode } from '../units/index.ts';
import { complianceRules } from './rules/compliance.ts';
import { correctionStatuses, indexGroups, severities } from './rules/inspections.ts';
import { catalogueCodes, modelOrigins } from './rules/models.ts';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });
const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });

export const ModelCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'Mã mô hình, e.g. cl-niem-yet-dien-tu' });
export const IdParams = Type.Object({ id: Id });
export const CodeParams = Type.Object({ code: ModelCode });
export const UnitParams = Type.Object({ code: UnitCode });

export const OriginT = Type.Enum([...modelOrigins], { description: 'province: kế hoạch của tỉnh; city: của thành phố; local: sáng kiến địa phương' });
export const IndexGroupT = Type.Enum([...indexGroups], { description: 'Nhóm chỉ số của Bộ chỉ số 766/QĐ-TTg' });
export const SeverityT = Type.Enum([...severities], { description: 'minor: nhẹ; major: cần khắc phục; serious: nghiêm trọng' });

export const ModelBody = Type.Object(
  {
    code: ModelCode,
    name: Type.String({ minLength: 3, maxLength: 300, description: 'Tên mô hình' }),
    purpose: Type.Optional(Nullable(Type.String({ maxLength: 5000, description: 'Mục đích' }))),
    leadAgency: Type.String({ minLength: 2, maxLength: 1000, description: 'Cơ quan thực hiện' }),
    monitoringAgency: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'Cơ quan chủ trì theo dõi, kiểm tra' }))),
    origin: OriginT,
    issuer: UnitCode,
    source: Type.String({ minLength: 3, maxLength: 500, description: 'Văn bản ban hành (số, ngày)' }),
    mandatory: Type.Optional(Type.Boolean({ description: 'Bắt buộc với mọi xã, phường dưới đơn vị ban hành' })),
    choicePool: Type.Optional(Type.Boolean({ description: 'Thuộc nhóm mô hình tự chọn: mỗi xã, phường chọn ít nhất một' })),
    sameDay: Type.Optional(Type.Boolean({ description: 'Mô hình giải quyết TTHC trong ngày (đơn vị đăng ký thủ tục)' })),
    catalogueCode: Type.Enum([...catalogueCodes], { description: 'Dòng tương ứng trong MODELS.md' }),
    startsOn: Day('Ngày bắt đầu'),
    endsOn: Type.Optional(Nullable(Day('Ngày kết thúc'))),
  },
  { additionalProperties: false },
);
export type ModelBodyT = Static<typeof ModelBody>;

export const ModelPatch = Type.Object(
  {
    ...Type.Omit(ModelBody, ['code']).properties,
    updatedAt: Type.Optional(Type.String({ format: 'date-time', description: 'The version you edited (from GET); a newer save is refused (409)' })),
  },
  { additionalProperties: false },
);
export type ModelPatchT = Static<typeof ModelPatch>;

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export const ModelOut = Type.Object({
  code: Type.String(),
  name: Type.String(),
  purpose: Nullable(Type.String()),
  leadAgency: Type.String(),
  monitoringAgency: Nullable(Type.String()),
  origin: OriginT,
  issuer: Named,
  source: Type.String(),
  mandatory: Type.Boolean(),
  choicePool: Type.Boolean(),
  sameDay: Type.Boolean(),
  catalogueCode: Type.String(),
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
  updatedAt: Type.String(),
  /** Units running the model today (public). */
  units: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), parent: Nullable(Type.String()) })),
});
export const ModelList = Type.Object({ items: Type.Array(ModelOut) });

export const RegistrationBody = Type.Object(
  {
    model: ModelCode,
    fromDate: Day('Bắt đầu thực hiện'),
    toDate: Type.Optional(Nullable(Day('Kết thúc (để trống khi đang thực hiện)'))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    procedures: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{5,6}$' }), {
        maxItems: 200,
        description: 'Mã TTHC giải quyết trong ngày (mô hình giải quyết trong ngày)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const RegistrationPatch = Type.Object(
  {
    fromDate: Type.Optional(Day('Bắt đầu thực hiện')),
    toDate: Type.Optional(Nullable(Day('Kết thúc'))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    procedures: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{5,6}$' }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);

export const RegistrationOut = Type.Object({
  id: Type.Integer(),
  unit: Named,
  model: Type.Object({ code: Type.String(), name: Type.String(), sameDay: Type.Boolean() }),
  fromDate: Type.String(),
  toDate: Nullable(Type.String()),
  note: Nullable(Type.String()),
  procedures: Type.Array(Type.Object({ code: Type.String(), name: Nullable(Type.String()) })),
});
export const RegistrationList = Type.Object({ unit: Named, items: Type.Array(RegistrationOut) });

export const ComplianceQuery = Type.Object(
  { unit: Type.Optional(UnitCode), year: Type.Integer({ minimum: 1900, maximum: 9999, description: 'Năm đánh giá' }) },
  { additionalProperties: false },
);
export const ComplianceOut = Type.Object({
  unit: Named,
  year: Type.Integer(),
  day: Type.String({ description: 'Ngày đối chiếu: cuối năm, hoặc hôm nay khi năm chưa hết' }),
  items: Type.Array(
    Type.Object({
      unit: Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() }),
      rule: Type.Enum([...complianceRules]),
      ruleText: Type.String(),
      models: Type.Array(Named),
    }),
  ),
});

export const InspectionBody = Type.Object(
  {
    inspectingUnit: UnitCode,
    inspectedUnit: UnitCode,
    title: Type.String({ minLength: 3, maxLength: 300 }),
    plannedOn: Day('Ngày kiểm tra'),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    models: Type.Optional(Type.Array(ModelCode, { maxItems: 50, description: 'Mô hình trong phạm vi kiểm tra' })),
    indexGroups: Type.Optional(Type.Array(IndexGroupT, { maxItems: 6 })),
    members: Type.Array(Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }), title: Type.String({ minLength: 2, maxLength: 300 }) }), {
      minItems: 1,
      maxItems: 30,
      description: 'Thành phần đoàn; người đầu tiên là trưởng đoàn',
    }),
  },
  { additionalProperties: false },
);

export const FindingBody = Type.Object(
  {
    model: Type.Optional(ModelCode),
    indexGroup: Type.Optional(IndexGroupT),
    severity: SeverityT,
    text: Type.String({ minLength: 3, maxLength: 5000 }),
  },
  { additionalProperties: false, description: 'Exactly one of `model` or `indexGroup`' },
);

export const CorrectionBody = Type.Object(
  {
    action: Type.String({ minLength: 3, maxLength: 2000, description: 'Biện pháp khắc phục' }),
    owner: Type.String({ minLength: 2, maxLength: 200, description: 'Người hoặc bộ phận chịu trách nhiệm' }),
    deadline: Day('Hạn hoàn thành'),
    status: Type.Optional(Type.Enum([...correctionStatuses])),
    evidence: Type.Optional(Nullable(Type.String({ maxLength: 5000, description: 'Minh chứng (bắt buộc khi done)' }))),
  },
  { additionalProperties: false },
);
export const CorrectionPatch = Type.Partial(CorrectionBody, { additionalProperties: false });
export const CloseBody = Type.Object({ note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false });

export const CorrectionOut = Type.Object({
  id: Type.Integer(),
  action: Type.String(),
  owner: Type.String(),
  deadline: Type.String(),
  status: Type.Enum(['open', 'done', 'overdue'], { description: 'overdue: still open after the deadline' }),
  evidence: Nullable(Type.String()),
  doneOn: Nullable(Type.String()),
});
export const FindingOut = Type.Object({
  id: Type.Integer(),
  model: Nullable(Named),
  indexGroup: Nullable(IndexGroupT),
  severity: SeverityT,
  text: Type.String(),
  status: Type.Enum(['open', 'closed']),
  closingNote: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  corrections: Type.Array(CorrectionOut),
});
export const InspectionOut = Type.Object({
  id: Type.Integer(),
  inspectingUnit: Named,
  inspectedUnit: Named,
  title: Type.String(),
  plannedOn: Type.String(),
  notes: Nullable(Type.String()),
  indexGroups: Type.Array(IndexGroupT),
  models: Type.Array(Named),
  members: Type.Array(Type.Object({ name: Type.String(), title: Type.String(), role: Type.Enum(['lead', 'member']) })),
  findings: Type.Array(FindingOut),
  findingsOpen: Type.Integer(),
  correctionsOverdue: Type.Integer(),
});

export const indexGroupLabels: Record<(typeof indexGroups)[number], { vi: string; en: string }> = {
  transparency: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  progress: { vi: 'Tiến độ giải quyết', en: 'Processing progress' },
  online_service: { vi: 'Dịch vụ trực tuyến', en: 'Online service' },
  online_payment: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  digitisation: { vi: 'Số hóa hồ sơ', en: 'Digitisation' },
};
export const severityLabels: Record<(typeof severities)[number], { vi: string; en: string }> = {
  minor: { vi: 'Nhẹ', en: 'Minor' },
  major: { vi: 'Cần khắc phục', en: 'Major' },
  serious: { vi: 'Nghiêm trọng', en: 'Serious' },
};
export const originLabels: Record<(typeof modelOrigins)[number], { vi: string; en: string }> = {
  province: { vi: 'Mô hình của tỉnh', en: 'Province model' },
  city: { vi: 'Mô hình của thành phố', en: 'City model' },
  local: { vi: 'Mô hình của địa phương', en: 'Local model' },
};
export const ruleLabels: Record<(typeof complianceRules)[number], { vi: string; en: string }> = {
  mandatory_model: { vi: 'Chưa thực hiện mô hình bắt buộc', en: 'A mandatory model is not run' },
  optional_model: { vi: 'Chưa chọn mô hình tự chọn nào', en: 'No optional model picked' },
  new_model_yearly: { vi: 'Chưa khởi tạo mô hình mới trong năm', en: 'No new model started this year' },
};
export const correctionStateLabels = {
  open: { vi: 'Đang khắc phục', en: 'In progress' },
  done: { vi: 'Đã khắc phục', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
} as const;
