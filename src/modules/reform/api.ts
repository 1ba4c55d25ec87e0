import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { listUnits, reportPageUnit, type UnitRow } from '../units/index.ts';
import {
  canInspect,
  INSPECT,
  inspectionParts,
  loadCorrection,
  loadFinding,
  loadInspection,
  loadRegistration,
  MANAGE,
  mustFindModel,
  REGISTER,
  requireInspector,
  today,
  unitFor,
} from './access.ts';
import { closeInspectionFinding } from './commands/close-finding.ts';
import { planInspection } from './commands/plan-inspection.ts';
import { recordFinding } from './commands/record-finding.ts';
import { addCorrection, editCorrection } from './commands/save-correction.ts';
import { createModel, editModel } from './commands/save-model.ts';
import { editRegistration, registerModel } from './commands/save-registration.ts';
import { presentCompliance, presentCorrection, presentInspection, presentModel, presentRegistration } from './present.ts';
import {
  findCorrection,
  findInspection,
  findModelByCode,
  findRegistration,
  type InspectionRow,
  listModels,
  listUnitRegistrations,
  type ModelRow,
  registrationsOn,
} from './queries.ts';
import { complianceIssues } from './reads.ts';
import { checkCorrection, checkFinding, checkPlan, isAbove } from './rules/inspections.ts';
import { checkModel } from './rules/models.ts';
import { checkRegistration } from './rules/registrations.ts';
import {
  CloseBody,
  CodeParams,
  ComplianceOut,
  ComplianceQuery,
  CorrectionBody,
  CorrectionOut,
  CorrectionPatch,
  FindingBody,
  IdParams,
  InspectionBody,
  InspectionOut,
  ModelBody,
  ModelList,
  ModelOut,
  ModelPatch,
  RegistrationBody,
  RegistrationList,
  RegistrationOut,
  RegistrationPatch,
  UnitParams,
} from './schema.ts';

const tags = ['Mô hình CCHC (reform)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const FindingParams = Type.Object({ id: Type.Integer({ minimum: 1 }), findingId: Type.Integer({ minimum: 1 }) });
const CorrectionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), correctionId: Type.Integer({ minimum: 1 }) });

/** Units running each model today (for the public catalogue), keyed by model id. */
export async function unitsByModel(p: Platform): Promise<Map<number, { code: string; name: string; parent: string | null }[]>> {
  const out = new Map<number, { code: string; name: string; parent: string | null }[]>();
  for (const r of await registrationsOn(p.db, today(), null)) {
    const list = out.get(r.model_id) ?? [];
    list.push({ code: r.unit_code, name: r.unit_name, parent: r.parent_name });
    out.set(r.model_id, list);
  }
  return out;
}

/** A model's values from a body or form, with its issuer checked (reform.manage on it). */
export async function modelFrom(p: Platform, req: FastifyRequest, input: Record<string, unknown>) {
  const checked = checkModel(input);
  const errors = checked.ok ? [] : [...checked.errors];
  let issuer: UnitRow | null = null;
  try {
    issuer = await unitFor(p, input.issuer, 'issuer');
  } catch {
    errors.push({ field: 'issuer', message: { vi: 'Hãy chọn đơn vị ban hành', en: 'Choose the issuing unit' } });
  }
  if (issuer) req.requireOn(MANAGE, issuer.path);
  if (!checked.ok || !issuer || errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  return { values: checked.value, issuer };
}

/** The compliance of the units under `unit` the caller inspects, for a year. */
export async function complianceFor(p: Platform, req: FastifyRequest, unit: UnitRow, year: number) {
  requireInspector(req, unit.path);
  const ids = (await listUnits(p.db)).filter((u) => u.path.startsWith(unit.path) && canInspect(req, u.path)).map((u) => u.id);
  return complianceIssues(p.db, { rootUnitId: unit.id, year, today: today(), unitIds: ids });
}

/** The inspecting and inspected units of a plan, checked: the caller inspects at both, the first lies above the second. */
export async function planUnits(p: Platform, req: FastifyRequest, inspectingCode: unknown, inspectedCode: unknown) {
  const inspecting = await unitFor(p, inspectingCode, 'inspectingUnit');
  const inspected = await unitFor(p, inspectedCode, 'inspectedUnit');
  requireInspector(req, inspecting.path);
  requireInspector(req, inspected.path);
  if (!isAbove(inspecting.path, inspected.path)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'inspectedUnit',
          message: { vi: 'Đơn vị được kiểm tra phải là đơn vị cấp dưới của cơ quan kiểm tra', en: 'The inspected unit must be below the inspecting unit' },
        },
      ],
    });
  }
  return { inspecting, inspected };
}

/** Models named by code; an unknown code is a field error on `field`. */
export async function modelsNamed(p: Platform, codes: string[], field: string): Promise<ModelRow[]> {
  const out: ModelRow[] = [];
  for (const code of [...new Set(codes)]) {
    const m = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findModelByCode(p.db, code) : null;
    if (!m) throw new AppError('VALIDATION_FAILED', { errors: [{ field, message: { vi: `Không có mô hình mã ${code}`, en: `No model ${code}` } }] });
    out.push(m);
  }
  return out;
}

async function full(p: Platform, id: number) {
  const i = (await findInspection(p.db, id, today())) as InspectionRow;
  return presentInspection(i, await inspectionParts(p, i), today());
}

/**
 * JSON routes of the reform registry and inspections: the public reads the catalogue and who runs each model; units
 * register the models they run (reform.register); the inspecting body plans inspections and records findings
 * (reform.inspect); the inspected unit records corrections (reform.register); reform.manage keeps the catalogue.
 */
export function registerReformApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/reform/models',
    {
      schema: {
        tags,
        summary: 'Danh mục mô hình CCHC (reform models; public)',
        description: 'Every model with the units running it today (unit names only).',
        response: { 200: ModelList },
      },
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } },
    },
    async () => {
      const by = await unitsByModel(p);
      return { items: (await listModels(p.db)).map((m) => presentModel(m, by.get(m.id) ?? [])) };
    },
  );

  app.post(
    '/api/v1/reform/models',
    {
      schema: {
        tags,
        summary: 'Thêm mô hình (add a model)',
        description: 'Needs reform.manage on the issuing unit.',
        body: ModelBody,
        response: { 201: ModelOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req, reply) => {
      const { values, issuer } = await modelFrom(p, req, req.body);
      await createModel(p.db, req.actor(), values, issuer);
      return reply.status(201).send(presentModel((await findModelByCode(p.db, values.code)) as ModelRow, []));
    },
  );

  app.patch(
    '/api/v1/reform/models/:code',
    {
      schema: {
        tags,
        summary: 'Sửa mô hình (update a model)',
        description: 'Needs reform.manage on the issuing unit (old and new). Send `updatedAt` from GET: a save since then is refused with 409.',
        params: CodeParams,
        body: ModelPatch,
        response: { 200: ModelOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: MANAGE },
    },
    async (req) => {
      const model = await mustFindModel(p, req.params.code);
      req.requireOn(MANAGE, model.issuer_path);
      const { updatedAt, ...rest } = req.body;
      const { values, issuer } = await modelFrom(p, req, { ...rest, code: model.code });
      await editModel(p.db, req.actor(), model, values, issuer, updatedAt ? new Date(updatedAt) : null);
      const by = await unitsByModel(p);
      return presentModel((await findModelByCode(p.db, model.code)) as ModelRow, by.get(model.id) ?? []);
    },
  );

  app.get(
    '/api/v1/reform/units/:code/registrations',
    {
      schema: {
        tags,
        summary: 'Mô hình đơn vị đăng ký thực hiện (a unit’s registrations)',
        description: 'Needs reform.register on the unit. Current and past registrations with their same-day procedures.',
        params: UnitParams,
        response: { 200: RegistrationList, 403: Problem, 404: Problem },
      },
      config: { permission: REGISTER },
    },
    async (req) => {
      const unit = await unitFor(p, req.params.code, 'code');
      req.requireOn(REGISTER, unit.path);
      return { unit: { code: unit.code, name: unit.name }, items: (await listUnitRegistrations(p.db, unit.id)).map(presentRegistration) };
    },
  );

  app.post(
    '/api/v1/reform/units/:code/registrations',
    {
      schema: {
        tags,
        summary: 'Đăng ký thực hiện mô hình (register a model)',
        description: 'Needs reform.register on the unit. `procedures` (catalogue codes) only for a same-day model. Overlapping periods are refused.',
        params: UnitParams,
        body: RegistrationBody,
        response: { 201: RegistrationOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: REGISTER },
    },
    async (req, reply) => {
      const unit = await unitFor(p, req.params.code, 'code');
      req.requireOn(REGISTER, unit.path);
      const model = await mustFindModel(p, req.body.model);
      const checked = checkRegistration(req.body, { sameDay: model.same_day });
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const id = await registerModel(p.db, req.actor(), unit, model, checked.value);
      return reply.status(201).send(presentRegistration((await findRegistration(p.db, id)) as NonNullable<Awaited<ReturnType<typeof findRegistration>>>));
    },
  );

  app.patch(
    '/api/v1/reform/registrations/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, kết thúc đăng ký (update or end a registration)',
        description: 'Needs reform.register on the unit. Missing fields keep their value; `toDate` ends the registration.',
        params: IdParams,
        body: RegistrationPatch,
        response: { 200: RegistrationOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: REGISTER },
    },
    async (req) => {
      const reg = await loadRegistration(p, req, req.params.id);
      const b = req.body;
      const checked = checkRegistration(
        {
          fromDate: b.fromDate ?? reg.from_date,
          toDate: b.toDate !== undefined ? b.toDate : reg.to_date,
          note: b.note !== undefined ? b.note : reg.note,
          procedures: b.procedures ?? reg.procedures.map((x) => x.code),
        },
        { sameDay: reg.same_day },
      );
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      await editRegistration(p.db, req.actor(), reg, checked.value);
      return presentRegistration((await findRegistration(p.db, reg.id)) as NonNullable<Awaited<ReturnType<typeof findRegistration>>>);
    },
  );

  app.get(
    '/api/v1/reform/compliance',
    {
      schema: {
        tags,
        summary: 'Đơn vị chưa tuân thủ kế hoạch mô hình (units breaking a rule)',
        description:
          'Needs reform.inspect (or reform.manage) on the unit; lists the units under it the caller inspects. Rules: mandatory_model, optional_model (seed 000), new_model_yearly (seed 001). A year still to come is refused (400).',
        querystring: ComplianceQuery,
        response: { 200: ComplianceOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: INSPECT },
    },
    async (req) => {
      const unit = await reportPageUnit(p.db, req, req.query.unit, INSPECT);
      const { day, issues } = await complianceFor(p, req, unit, req.query.year);
      return presentCompliance(unit, req.query.year, day, issues, req.lang);
    },
  );

  app.post(
    '/api/v1/reform/inspections',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch kiểm tra (plan an inspection)',
        description: 'Needs reform.inspect (or reform.manage) on the inspecting unit and on the inspected unit, which lies below it.',
        body: InspectionBody,
        response: { 201: InspectionOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: INSPECT },
    },
    async (req, reply) => {
      const b = req.body;
      const { inspecting, inspected } = await planUnits(p, req, b.inspectingUnit, b.inspectedUnit);
      const checked = checkPlan({ title: b.title, plannedOn: b.plannedOn, notes: b.notes, indexGroups: b.indexGroups ?? [], members: b.members });
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const models = await modelsNamed(p, b.models ?? [], 'models');
      const id = await planInspection(p.db, req.actor(), inspecting, inspected, checked.value, models);
      return reply.status(201).send(await full(p, id));
    },
  );

  app.get(
    '/api/v1/reform/inspections/:id',
    {
      schema: {
        tags,
        summary: 'Một đợt kiểm tra (one inspection)',
        description: 'For the inspecting body (reform.inspect or reform.manage) and the inspected unit (reform.register or reform.inspect).',
        params: IdParams,
        response: { 200: InspectionOut, 403: Problem, 404: Problem },
      },
      config: { permission: 'signed-in' },
    },
    async (req) => {
      const i = await loadInspection(p, req, req.params.id);
      return presentInspection(i, await inspectionParts(p, i), today());
    },
  );

  app.post(
    '/api/v1/reform/inspections/:id/findings',
    {
      schema: {
        tags,
        summary: 'Ghi kết luận kiểm tra (record a finding)',
        description: 'Needs reform.inspect (or reform.manage) on the inspecting unit. Exactly one of `model` or `indexGroup`.',
        params: IdParams,
        body: FindingBody,
        response: { 201: InspectionOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: INSPECT },
    },
    async (req, reply) => {
      const i = await loadInspection(p, req, req.params.id);
      requireInspector(req, i.inspecting_path);
      const checked = checkFinding(req.body);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const model = checked.value.modelCode ? ((await modelsNamed(p, [checked.value.modelCode], 'model'))[0] ?? null) : null;
      await recordFinding(p.db, req.actor(), i, checked.value, model);
      return reply.status(201).send(await full(p, i.id));
    },
  );

  app.post(
    '/api/v1/reform/inspections/:id/findings/:findingId/corrections',
    {
      schema: {
        tags,
        summary: 'Ghi biện pháp khắc phục (record a correction)',
        description: 'Needs reform.register on the inspected unit. `status: done` needs `evidence`. Refused on a closed finding (409).',
        params: FindingParams,
        body: CorrectionBody,
        response: { 201: CorrectionOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: REGISTER },
    },
    async (req, reply) => {
      const i = await loadInspection(p, req, req.params.id);
      req.requireOn(REGISTER, i.inspected_path);
      const f = await loadFinding(p, i, req.params.findingId);
      const checked = checkCorrection(req.body);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const id = await addCorrection(p.db, req.actor(), f, i.inspected_unit_id, checked.value, today());
      return reply.status(201).send(presentCorrection((await findCorrection(p.db, id)) as NonNullable<Awaited<ReturnType<typeof findCorrection>>>, today()));
    },
  );

  app.patch(
    '/api/v1/reform/inspections/:id/corrections/:correctionId',
    {
      schema: {
        tags,
        summary: 'Cập nhật khắc phục (update a correction: done with evidence, new deadline)',
        description: 'Needs reform.register on the inspected unit. Missing fields keep their value.',
        params: CorrectionParams,
        body: CorrectionPatch,
        response: { 200: CorrectionOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: REGISTER },
    },
    async (req) => {
      const i = await loadInspection(p, req, req.params.id);
      req.requireOn(REGISTER, i.inspected_path);
      const c = await loadCorrection(p, i, req.params.correctionId);
      const b = req.body;
      const checked = checkCorrection({
        action: b.action ?? c.action,
        owner: b.owner ?? c.owner,
        deadline: b.deadline ?? c.deadline,
        status: b.status ?? c.status,
        evidence: b.evidence !== undefined ? b.evidence : c.evidence,
      });
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      await editCorrection(p.db, req.actor(), c, i.inspected_unit_id, checked.value, today());
      return presentCorrection((await findCorrection(p.db, c.id)) as NonNullable<Awaited<ReturnType<typeof findCorrection>>>, today());
    },
  );

  app.post(
    '/api/v1/reform/inspections/:id/findings/:findingId/close',
    {
      schema: {
        tags,
        summary: 'Đóng kết luận (close a finding)',
        description: 'Needs reform.inspect (or reform.manage) on the inspecting unit; only once every correction (at least one) is done.',
        params: FindingParams,
        body: CloseBody,
        response: { 200: InspectionOut, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: INSPECT },
    },
    async (req) => {
      const i = await loadInspection(p, req, req.params.id);
      requireInspector(req, i.inspecting_path);
      const f = await loadFinding(p, i, req.params.findingId);
      const note = typeof req.body?.note === 'string' && req.body.note.trim() ? req.body.note.trim().normalize('NFC') : null;
      await closeInspectionFinding(p.db, req.actor(), f, i.inspected_unit_id, note);
      return full(p, i.id);
    },
  );
}
