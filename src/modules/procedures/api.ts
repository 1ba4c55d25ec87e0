import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { holdsGlobally } from '../staff/index.ts';
import { createProcedure } from './commands/create-procedure.ts';
import { editDraftVersion } from './commands/edit-draft-version.ts';
import { importParsedFile } from './commands/import-procedures.ts';
import { publishDraft } from './commands/publish-draft.ts';
import { saveDraft } from './commands/save-draft.ts';
import { withdrawProcedure } from './commands/withdraw-procedure.ts';
import { writeProceduresXlsx } from './exchange.ts';
import { presentListItem, presentVersion, presentVersionSummary, specOfRow } from './present.ts';
import { findProcedureByCode, findVersion, findVersionInForce, listInForce, listVersions, type ProcedureRow, searchProcedures } from './queries.ts';
import { checkSpec, contentOf } from './rules/import-row.ts';
import { normaliseSearch } from './rules/search.ts';
import { todayInVietnam } from './rules/versions.ts';
import {
  CreateProcedureBody,
  DraftBody,
  ImportQuery,
  ImportResult,
  ListQuery,
  ProcedureCode,
  ProcedureList,
  ProcedureOut,
  ProcedureSpecSchema,
  PublishBody,
  VersionOut,
  WithdrawBody,
} from './schema.ts';
import { MAX_IMPORT_BYTES, readImportRequest } from './upload.ts';

const tags = ['Thủ tục (procedures)'];
const CodeParams = Type.Object({ code: ProcedureCode });
const VersionParams = Type.Object({ code: ProcedureCode, version: Type.Integer({ minimum: 1 }) });
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

const notFound = (code: string) => new AppError('PROCEDURE_NOT_FOUND', { detail: { vi: `Không có thủ tục mã ${code}`, en: `No procedure with code ${code}` } });

export async function mustFindProcedure(db: Platform['db'], code: string): Promise<ProcedureRow> {
  const p = await findProcedureByCode(db, code);
  if (!p) throw notFound(code);
  return p;
}

/** The national catalogue is edited only by holders of procedures.manage over a whole province tree (or system admins). */
export function requireCatalogueManager(req: FastifyRequest): void {
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  if (!holdsGlobally(req.principal, 'procedures.manage')) {
    throw new AppError('FORBIDDEN', {
      detail: { vi: 'Chỉ cán bộ quản lý danh mục thủ tục cấp tỉnh được sửa danh mục', en: 'Only province-wide catalogue managers may change the catalogue' },
    });
  }
}

/** Staff-only options on public routes. */
function requireReader(req: FastifyRequest): void {
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  if (!req.can('procedures.read')) throw new AppError('FORBIDDEN');
}

/** Reads a body with the procedure rules (NFC, defaults, fee checks), as VALIDATION_FAILED field errors. */
export function checkedContent(body: unknown, withCode: boolean) {
  const checked = checkSpec(body, { withCode });
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.problems.map((p) => ({ field: p.path || 'body', message: p.message })) });
  return checked.value;
}

const asBool = (v: unknown) => (v === undefined ? undefined : v === true || v === 'true' || v === '1');

/** JSON routes for the procedure catalogue. */
export function registerProceduresApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/procedures',
    {
      schema: {
        tags,
        summary: 'Tìm thủ tục đang có hiệu lực (search procedures in force)',
        description:
          'Tìm không phân biệt dấu và đ/Đ: tên trùng khớp trước, rồi tên bắt đầu bằng từ khóa, chứa từ khóa, chứa mọi từ, rồi theo độ giống (pg_trgm). Tìm theo mã: `q=1.001193`. Cán bộ có quyền procedures.read có thể dùng `status=draft|all`.',
        querystring: ListQuery,
        response: { 200: ProcedureList },
      },
      config: { permission: 'public' },
    },
    async (req) => {
      const q = req.query;
      const status = q.status ?? 'current';
      if (status !== 'current') requireReader(req);
      const terms = normaliseSearch(q.q);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const found = await searchProcedures(p.db, {
        text: terms?.text,
        codePrefix: terms?.codePrefix,
        field: q.field,
        level: q.level,
        unitKind: q.unitKind,
        onlineLevel: q.onlineLevel,
        sameDay: asBool(q.sameDay),
        status,
        today: todayInVietnam(new Date()),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: found.rows.map(presentListItem), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/procedures/export.json',
    {
      schema: {
        tags,
        summary: 'Xuất các thủ tục đang có hiệu lực, JSON (export procedures in force; the import format)',
        response: { 200: Type.Object({ procedures: Type.Array(ProcedureSpecSchema) }) },
      },
      config: { permission: 'procedures.read' },
    },
    async (_req, reply) => {
      const today = todayInVietnam(new Date());
      const list = await listInForce(p.db, today);
      reply.header('content-disposition', `attachment; filename="thu-tuc-${today}.json"`);
      return { procedures: list.map(specOfRow) };
    },
  );

  app.get(
    '/api/v1/procedures/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất các thủ tục đang có hiệu lực, Excel (export procedures in force as .xlsx; the import format)',
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      config: { permission: 'procedures.read' },
    },
    async (_req, reply) => {
      const today = todayInVietnam(new Date());
      const list = await listInForce(p.db, today);
      const buf = await writeProceduresXlsx(list.map(specOfRow));
      return reply
        .header('content-disposition', `attachment; filename="thu-tuc-${today}.xlsx"`)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(buf);
    },
  );

  app.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Một thủ tục: phiên bản đang có hiệu lực, hoặc phiên bản N cho cán bộ (one procedure)',
        params: CodeParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: ProcedureOut, 404: Problem },
      },
      config: { permission: 'public' },
    },
    async (req) => {
      if (req.query.version !== undefined) {
        requireReader(req);
        const procedure = await mustFindProcedure(p.db, req.params.code);
        const v = await findVersion(p.db, procedure.id, req.query.version);
        if (!v) throw notFound(req.params.code);
        return presentVersion(v);
      }
      const v = await findVersionInForce(p.db, req.params.code, todayInVietnam(new Date()));
      if (!v) throw notFound(req.params.code);
      return presentVersion(v);
    },
  );

  app.get(
    '/api/v1/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Lịch sử phiên bản (version history)',
        params: CodeParams,
        response: { 200: Type.Object({ code: Type.String(), versions: Type.Array(VersionOut) }) },
      },
      config: { permission: 'procedures.read' },
    },
    async (req) => {
      const procedure = await mustFindProcedure(p.db, req.params.code);
      return { code: procedure.code, versions: (await listVersions(p.db, procedure.id)).map(presentVersionSummary) };
    },
  );

  app.post(
    '/api/v1/procedures',
    {
      schema: {
        tags,
        summary: 'Thêm thủ tục, với bản nháp đầu tiên (create a procedure with a first draft)',
        body: CreateProcedureBody,
        response: { 201: ProcedureOut },
      },
      config: { permission: 'procedures.manage' },
    },
    async (req, reply) => {
      requireCatalogueManager(req);
      const spec = checkedContent(req.body, true);
      const draft = await inTransaction(p.db, (tx) => createProcedure(tx, req.actor(), spec));
      return reply.status(201).send(presentVersion(draft));
    },
  );

  app.put(
    '/api/v1/procedures/:code/draft',
    {
      schema: { tags, summary: 'Tạo hoặc thay bản nháp (create or replace the draft)', params: CodeParams, body: DraftBody, response: { 200: ProcedureOut } },
      config: { permission: 'procedures.manage' },
    },
    async (req) => {
      requireCatalogueManager(req);
      const content = contentOf(checkedContent(req.body, false));
      const draft = await inTransaction(p.db, async (tx) => saveDraft(tx, req.actor(), await mustFindProcedure(tx, req.params.code), content));
      return presentVersion(draft);
    },
  );

  app.put(
    '/api/v1/procedures/:code/versions/:version',
    {
      schema: {
        tags,
        summary: 'Sửa một phiên bản; chỉ bản nháp sửa được (edit a version: only drafts; 409 VERSION_NOT_EDITABLE otherwise)',
        params: VersionParams,
        body: DraftBody,
        response: { 200: ProcedureOut },
      },
      config: { permission: 'procedures.manage' },
    },
    async (req) => {
      requireCatalogueManager(req);
      const content = contentOf(checkedContent(req.body, false));
      const draft = await inTransaction(p.db, async (tx) =>
        editDraftVersion(tx, req.actor(), await mustFindProcedure(tx, req.params.code), req.params.version, content),
      );
      return presentVersion(draft);
    },
  );

  app.post(
    '/api/v1/procedures/:code/publish',
    {
      schema: {
        tags,
        summary: 'Công bố bản nháp từ một ngày; phiên bản trước kết thúc ngày đó (publish the draft from a date)',
        params: CodeParams,
        body: PublishBody,
        response: { 200: ProcedureOut },
      },
      config: { permission: 'procedures.manage' },
    },
    async (req) => {
      requireCatalogueManager(req);
      const v = await inTransaction(p.db, async (tx) => publishDraft(tx, req.actor(), await mustFindProcedure(tx, req.params.code), req.body.effectiveFrom));
      return presentVersion(v);
    },
  );

  app.post(
    '/api/v1/procedures/:code/withdraw',
    {
      schema: {
        tags,
        summary: 'Bãi bỏ thủ tục từ một ngày (withdraw a procedure from a date)',
        params: CodeParams,
        body: WithdrawBody,
        response: { 200: ProcedureOut },
      },
      config: { permission: 'procedures.manage' },
    },
    async (req) => {
      requireCatalogueManager(req);
      const v = await inTransaction(p.db, async (tx) => withdrawProcedure(tx, req.actor(), await mustFindProcedure(tx, req.params.code), req.body.effectiveTo));
      return presentVersion(v);
    },
  );

  app.post(
    '/api/v1/procedures/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Nhập danh mục thủ tục từ JSON hoặc tệp .json/.xlsx (import procedures; all rows or none)',
        description:
          'Body: `{ "procedures": [ … ] }` (the export.json format) or multipart/form-data with one .json or .xlsx file (≤ 5 MB; larger → 413, other types → 415). ' +
          'Every row is checked; any bad row → 422 IMPORT_INVALID with `rows: [{ row, column, message }]` and nothing is applied. ' +
          'Each procedure that differs from the version in force on `effectiveFrom` (default today, Asia/Ho_Chi_Minh) becomes a new published version from that day. `dryRun=true` only checks.',
        querystring: ImportQuery,
        response: { 200: ImportResult },
      },
      config: { permission: 'procedures.manage' },
    },
    async (req) => {
      requireCatalogueManager(req);
      const { parsed, source } = await readImportRequest(req);
      const opts = { effectiveFrom: req.query.effectiveFrom ?? todayInVietnam(new Date()), dryRun: asBool(req.query.dryRun) ?? false, source };
      const result = await inTransaction(p.db, (tx) => importParsedFile(tx, req.actor(), parsed, opts));
      if (!result.ok) {
        throw new AppError('IMPORT_INVALID', {
          detail: { vi: `${result.problems.length} lỗi; chưa có thủ tục nào được ghi`, en: `${result.problems.length} problems; nothing was applied` },
          extra: { rows: result.problems.map((r) => ({ row: r.row, column: r.column, message: r.message[req.lang] })) },
        });
      }
      return result.summary;
    },
  );
}
