import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { dossierClock } from '../dossiers/index.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import { FORMS_PERMISSION, mustFindSet, requireOnSet, templatesOf } from './access.ts';
import { readCard } from './card.ts';
import { createDeclarationSet } from './commands/create-declaration-set.ts';
import { printDeclaration } from './commands/print-declaration.ts';
import { recordSetRead } from './commands/read-declaration-set.ts';
import { receiveDossierFromSet, type SetIntakeInput } from './commands/receive-dossier-from-set.ts';
import { updateDeclarationSet } from './commands/update-declaration-set.ts';
import { presentSet, presentTemplate, presentTemplateSummary } from './present.ts';
import type { CardIdentity, FormTemplate } from './rules/template.ts';
import { type FormValues, normaliseValues, validateValues } from './rules/values.ts';
import {
  CreateSetBody,
  IdempotencyHeaders,
  SetIntakeBody,
  SetOut,
  SetParams,
  SetPdfParams,
  SetReceivedOut,
  TemplateList,
  TemplateOut,
  TemplateParams,
  TemplateQuery,
  UpdateSetBody,
} from './schema.ts';
import { chooseTemplates, currentTemplate, findTemplate, templateKeys } from './templates/index.ts';

const tags = ['Tờ khai (declaration forms)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const FileBody = (description: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });

/** Today in Vietnam (YYYY-MM-DD): which template versions are current. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The unit named in a request, where the caller may fill declarations. @throws UNIT_NOT_FOUND, FORBIDDEN */
export async function mustFindDeskUnit(p: Platform, req: FastifyRequest, code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(p.db, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã ${code}`, en: `No unit with code ${code}` } });
  req.requireOn(FORMS_PERMISSION, unit.path);
  return unit;
}

/** Values from a request, normalised and checked for format (required boxes may stay empty: they print dotted). */
export function checkedValues(templates: FormTemplate[], raw: Record<string, unknown> | undefined, prefix: string): FormValues {
  const values = normaliseValues(templates, raw ?? {});
  const errors = validateValues(templates, values, { requireAll: false });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors: errors.map((e: FieldError) => ({ ...e, field: `${prefix}${e.field}` })) });
  return values;
}

/** The card from `qr` (parsed) or `identity` (given), or none. */
export function cardOf(body: { qr?: string; identity?: Omit<CardIdentity, 'oldIdNumber'> & { oldIdNumber?: string | null } }) {
  if (body.qr) return readCard(body.qr);
  if (body.identity)
    return {
      card: {
        ...body.identity,
        oldIdNumber: body.identity.oldIdNumber ?? null,
        fullName: body.identity.fullName.normalize('NFC'),
        address: body.identity.address.normalize('NFC'),
      },
      warnings: [],
    };
  return null;
}

/** A unique violation on the dossiers' (unit, idempotency key) index: the key already made another dossier. */
function isIdempotencyClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : null;
  return pg?.constraint === 'dossiers_idempotency_uq';
}

/**
 * Receives the dossier of set `setId` in one transaction (receiveDossierFromSet), once per idempotency key, after
 * checking dossiers.receive on the set's unit. A key that already made a dossier not of this set is a CONFLICT (the
 * set row lock makes a repeat for the same set return its dossier before the unique index is reached).
 * @throws AppError DECLARATION_SET_NOT_FOUND, FORBIDDEN, DECLARATION_SET_ALREADY_RECEIVED, CONFLICT, VALIDATION_FAILED,
 * PROCEDURE_NOT_FOUND, UNPROCESSABLE
 */
export async function receiveSetOnce(p: Platform, req: FastifyRequest, setId: number, input: SetIntakeInput, key: string | null) {
  requireOnSet(req, await mustFindSet(p.db, setId));
  const now = dossierClock.now();
  try {
    return await inTransaction(p.db, (tx) => receiveDossierFromSet(tx, req.actor(), setId, input, now, key));
  } catch (err) {
    if (key && isIdempotencyClash(err)) {
      throw new AppError('CONFLICT', {
        detail: {
          vi: 'Khóa chống gửi trùng (Idempotency-Key) đã được dùng cho một hồ sơ khác',
          en: 'The Idempotency-Key was already used for another dossier',
        },
      });
    }
    throw err;
  }
}

/** JSON routes of the forms module: templates, declaration sets and their printed PDFs. */
export function registerFormsApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/forms/templates',
    {
      schema: { tags, summary: 'Danh sách mẫu tờ khai (current form templates)', response: { 200: TemplateList } },
      config: { permission: FORMS_PERMISSION },
    },
    async () => {
      const today = vietnamToday(new Date());
      return { items: templateKeys.flatMap((k) => currentTemplate(k, today) ?? []).map(presentTemplateSummary) };
    },
  );

  app.get(
    '/api/v1/forms/templates/:key',
    {
      schema: {
        tags,
        summary: 'Một mẫu tờ khai với các ô (one template with its fields; `version` for an earlier one)',
        params: TemplateParams,
        querystring: TemplateQuery,
        response: { 200: TemplateOut, 404: Problem },
      },
      config: { permission: FORMS_PERMISSION },
    },
    async (req) => {
      const t = req.query.version ? findTemplate(req.params.key, req.query.version) : currentTemplate(req.params.key, vietnamToday(new Date()));
      if (!t) throw new AppError('FORM_TEMPLATE_NOT_FOUND');
      return presentTemplate(t);
    },
  );

  app.post(
    '/api/v1/forms/sets',
    {
      schema: {
        tags,
        summary: 'Lập bộ tờ khai (create a declaration set from the ID-card QR and typed values)',
        description:
          'Chọn `procedure` (các mẫu thủ tục dùng) và/hoặc `templates`. `qr`: nội dung mã QR thẻ căn cước (được đọc bằng bộ đọc của hệ thống; không đọc được → 422 CCCD_QR_INVALID, không lưu gì) hoặc `identity`. Ô sai định dạng → 400; ô bắt buộc còn trống được liệt kê trong `missing`. Bộ chưa gắn với hồ sơ bị xóa sau 24 giờ.',
        body: CreateSetBody,
        response: { 201: SetOut, 400: Problem, 404: Problem, 422: Problem },
      },
      config: { permission: FORMS_PERMISSION },
    },
    async (req, reply) => {
      const unit = await mustFindDeskUnit(p, req, req.body.unit);
      const now = new Date();
      const { templates, unknown } = chooseTemplates({ procedure: req.body.procedure, templates: req.body.templates }, vietnamToday(now));
      if (unknown.length || templates.length === 0) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [
            {
              field: 'templates',
              message: { vi: 'Hãy chọn thủ tục có mẫu tờ khai hoặc ít nhất một mẫu', en: 'Choose a procedure with forms or at least one template' },
            },
          ],
        });
      }
      const values = checkedValues(templates, req.body.values, 'values.');
      const read = cardOf(req.body);
      const id = await inTransaction(p.db, (tx) =>
        createDeclarationSet(
          tx,
          req.actor(),
          unit,
          { procedureCode: req.body.procedure ?? null, templates, card: read?.card ?? null, warnings: read?.warnings ?? [], values },
          now,
        ),
      );
      const set = await mustFindSet(p.db, id);
      return reply.status(201).send(presentSet(set, templatesOf(set), req.lang));
    },
  );

  app.get(
    '/api/v1/forms/sets/:id',
    {
      schema: { tags, summary: 'Một bộ tờ khai (one declaration set; the read is audited)', params: SetParams, response: { 200: SetOut, 404: Problem } },
      config: { permission: FORMS_PERMISSION },
    },
    async (req) => {
      const set = await mustFindSet(p.db, req.params.id);
      requireOnSet(req, set);
      await recordSetRead(p.db, req.actor(), set, 'api');
      return presentSet(set, templatesOf(set), req.lang);
    },
  );

  app.patch(
    '/api/v1/forms/sets/:id',
    {
      schema: {
        tags,
        summary: 'Sửa bộ tờ khai (update typed values, or scan another card into the set)',
        description: 'Chỉ các ô gửi lên được thay; gửi `null` hoặc chuỗi rỗng để xóa một ô. `version` khác phiên bản hiện tại → 409.',
        params: SetParams,
        body: UpdateSetBody,
        response: { 200: SetOut, 400: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
      config: { permission: FORMS_PERMISSION },
    },
    async (req) => {
      const found = await mustFindSet(p.db, req.params.id);
      requireOnSet(req, found);
      const templates = templatesOf(found);
      const raw = req.body.values ?? {};
      const values = checkedValues(templates, raw, 'values.');
      // A key sent empty or null clears the box.
      for (const [k, v] of Object.entries(raw)) if ((v === null || v === '' || v === false) && !(k in values)) values[k] = '';
      const read = cardOf(req.body);
      await inTransaction(p.db, async (tx) => {
        const set = await mustFindSet(tx, req.params.id, true);
        await updateDeclarationSet(
          tx,
          req.actor(),
          set,
          templates,
          { values: req.body.values ? values : undefined, card: read?.card ?? null, warnings: read?.warnings, expectedVersion: req.body.version },
          new Date(),
        );
      });
      const set = await mustFindSet(p.db, req.params.id);
      return presentSet(set, templates, req.lang);
    },
  );

  app.post(
    '/api/v1/forms/sets/:id/dossier',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ từ bộ tờ khai (receive the dossier of a declaration set and keep the set with it)',
        description:
          'Người nộp (họ tên, số định danh cá nhân, địa chỉ) lấy từ thẻ căn cước đầu tiên đã quét vào bộ; chưa quét thẻ → 400. `procedure` phải là thủ tục mà các tờ khai của bộ phục vụ. Hồ sơ được tiếp nhận và bộ tờ khai gắn vào hồ sơ (không còn bị xóa sau 24 giờ) trong cùng một giao dịch. Gửi kèm header `Idempotency-Key`: gửi lại cùng khóa trả về đúng hồ sơ đã tạo với mã 200; bộ đã tiếp nhận mà khóa khác → 409 DECLARATION_SET_ALREADY_RECEIVED.',
        params: SetParams,
        headers: IdempotencyHeaders,
        body: SetIntakeBody,
        response: { 200: SetReceivedOut, 201: SetReceivedOut, 400: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
      config: { permission: FORMS_PERMISSION },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'] ?? null;
      const { dossier, created } = await receiveSetOnce(p, req, req.params.id, req.body, key);
      return reply.status(created ? 201 : 200).send({ dossier: { code: dossier.code, dueDate: dossier.due_date }, set: { id: req.params.id } });
    },
  );

  app.get(
    '/api/v1/forms/sets/:id/:template.pdf',
    {
      schema: {
        tags,
        summary: 'In một tờ khai của bộ (one form of the set as an A4 PDF ready to sign; audited)',
        params: SetPdfParams,
        produces: ['application/pdf'],
        response: { 200: FileBody('PDF'), 404: Problem },
      },
      config: { permission: FORMS_PERMISSION },
    },
    async (req, reply) => {
      const set = await mustFindSet(p.db, req.params.id);
      requireOnSet(req, set);
      const pdf = await printDeclaration(p.db, req.actor(), set, req.params.template, new Date());
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="to-khai-${set.id}-${req.params.template}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
