import type { FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { listUnits, mustFindUnit, type UnitRow } from '../units/index.ts';
import { loadDetails, mustFindDossier, receivedDetails, requireOnDossier } from './access.ts';
import { dossierClock } from './clock.ts';
import { type ActionInput, actOnDossier } from './commands/act-on-dossier.ts';
import { attachFile } from './commands/attach-file.ts';
import { rateDossier } from './commands/rate-dossier.ts';
import { recordDossierRead } from './commands/read-dossier.ts';
import { type receiveDossier, receiveDossierWithEvent } from './commands/receive-dossier.ts';
import { presentDossier, presentSummary, presentTracking } from './present.ts';
import {
  type DossierRow,
  type EventRow,
  findAttachment,
  findByIdempotencyKey,
  findDossierByCode,
  findDossierById,
  findIntakeByCodes,
  findOpenPause,
  findRating,
  findUserIdByUsername,
  listDossiers,
  listEvents,
  officialsOf,
} from './queries.ts';
import { MAX_ATTACHMENT_BYTES } from './rules/attachments.ts';
import { actionRules, type DossierAction, dossierActions } from './rules/lifecycle.ts';
import { vietnamDay } from './rules/pauses.ts';
import { checkMatches } from './rules/tracking.ts';
import {
  DossierList,
  DossierOut,
  DossierParams,
  ExtendBody,
  ListQuery,
  RatingBody,
  ReceiveBody,
  RefuseBody,
  ReturnBody,
  RouteBody,
  StopBody,
  SupplementBody,
  TrackingOut,
  TrackingQuery,
  TransitionBody,
} from './schema.ts';

const tags = ['Hồ sơ (dossiers)'];
const trackingTags = ['Tra cứu hồ sơ (public tracking)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

/** The request body each action takes. */
export const actionBodies: Record<DossierAction, TSchema> = {
  accept: TransitionBody,
  refuse: RefuseBody,
  request_supplement: SupplementBody,
  receive_supplement: TransitionBody,
  start_processing: RouteBody,
  hand_over: RouteBody,
  submit_for_approval: TransitionBody,
  approve: TransitionBody,
  send_back: TransitionBody,
  mark_result_ready: TransitionBody,
  return_result: ReturnBody,
  close: TransitionBody,
  withdraw: StopBody,
  stop: StopBody,
  extend: ExtendBody,
};

/** The unit named in a request. @throws AppError UNIT_NOT_FOUND */
export { mustFindUnit };

const unitNotFound = (code: string) => new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã ${code}`, en: `No unit with code ${code}` } });

/** The units a list covers: the unit, or with `subtree` every unit below it that the caller may read. */
export async function unitsToList(db: Platform['db'], req: FastifyRequest, unit: UnitRow, subtree: boolean): Promise<number[]> {
  req.requireOn('dossiers.read', unit.path);
  if (!subtree) return [unit.id];
  return (await listUnits(db)).filter((u) => u.path.startsWith(unit.path) && req.can('dossiers.read', u.path)).map((u) => u.id);
}

function isIdempotencyClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : null;
  return pg?.constraint === 'dossiers_idempotency_uq';
}

/**
 * Receives a dossier at the unit with code `unitCode`, once per idempotency key: a repeated request (a double click, a
 * retry after a lost answer, two processes racing) gets the dossier the first one made. Checks dossiers.receive on
 * the unit. Returns the unit and whether this call created the dossier.
 *
 * One read (unit, earlier dossier with the key, intake context: findIntakeByCodes) and one write statement.
 * @throws AppError UNIT_NOT_FOUND, FORBIDDEN, and what receiveDossierWithEvent throws
 */
export async function receiveOnce(
  p: Platform,
  req: FastifyRequest,
  unitCode: string,
  body: Parameters<typeof receiveDossier>[3],
  key: string | null,
): Promise<{ unit: UnitRow; dossier: DossierRow; created: boolean; event?: EventRow }> {
  const now = dossierClock.now();
  const read = await findIntakeByCodes(p.db, unitCode, body.procedure, vietnamDay(now), key);
  const unit = read.unit;
  if (!unit) throw unitNotFound(unitCode);
  req.requireOn('dossiers.receive', unit.path);
  if (read.existingDossierId !== null) {
    const existing = await findDossierById(p.db, read.existingDossierId);
    if (existing) return { unit, dossier: existing, created: false };
  }
  try {
    // No BEGIN/COMMIT: the command writes with one statement, atomic on its own (see receiveDossierWithEvent), so the
    // unit's code counter is locked only while that statement runs and commits.
    const { dossier, event } = await receiveDossierWithEvent(p.db, req.actor(), unit, body, now, key, read);
    return { unit, dossier, created: true, event };
  } catch (err) {
    if (key && isIdempotencyClash(err)) {
      const existing = await findByIdempotencyKey(p.db, unit.id, key);
      if (existing) return { unit, dossier: existing, created: false };
    }
    throw err;
  }
}

/** JSON routes for dossiers (staff) and public tracking. */
export function registerDossiersApi(app: App, p: Platform): void {
  app.post(
    '/api/v1/dossiers',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ (receive a dossier)',
        description:
          'Gửi kèm header `Idempotency-Key` (≤ 200 ký tự): gửi lại cùng khóa trả về đúng hồ sơ đã tạo với mã 200 thay vì 201. Mã hồ sơ: `<mã định danh cơ quan>-<yymmdd>-<số thứ tự 4 chữ số>`, liên tục, không trùng theo đơn vị và ngày.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: ReceiveBody,
        response: { 200: DossierOut, 201: DossierOut, 404: Problem },
      },
      config: { permission: 'dossiers.receive' },
    },
    async (req, reply) => {
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const { dossier, created, event } = await receiveOnce(p, req, req.body.unit, req.body, key);
      const now = dossierClock.now();
      // A dossier this call created has its one event and nothing else: present it from what intake returned.
      const details = event ? receivedDetails(req, dossier, event, now) : await loadDetails(p.db, req, dossier, now);
      return reply.status(created ? 201 : 200).send(presentDossier(dossier, details, now, req.lang));
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ của đơn vị (list a unit’s dossiers)',
        description:
          'Hồ sơ tiếp nhận hoặc đang xử lý tại đơn vị; `subtree=true`: cả đơn vị trực thuộc. Lọc: `status` (lặp lại được), `overdue=true`, `assignee` (tên đăng nhập hoặc `me`), `q` (mã hồ sơ hoặc tên người nộp, không dấu cũng được).',
        querystring: ListQuery,
        response: { 200: DossierList },
      },
      config: { permission: 'dossiers.read' },
    },
    async (req) => {
      const q = req.query;
      const unit = await mustFindUnit(p.db, q.unit);
      const unitIds = await unitsToList(p.db, req, unit, q.subtree ?? false);
      let assigneeUserId: number | undefined;
      if (q.assignee === 'me') assigneeUserId = req.principal?.kind === 'user' ? req.principal.userId : -1;
      else if (q.assignee) assigneeUserId = (await findUserIdByUsername(p.db, q.assignee))?.id ?? -1;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const now = dossierClock.now();
      const found = await listDossiers(p.db, {
        unitIds,
        statuses: q.status,
        overdueAt: q.overdue ? now : undefined,
        assigneeUserId,
        q: q.q?.trim() || undefined,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: found.rows.map((d) => presentSummary(d, now, req.lang)), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/dossiers/:code',
    {
      schema: {
        tags,
        summary: 'Một hồ sơ với dòng thời gian (one dossier with its timeline; the read is audited)',
        params: DossierParams,
        response: { 200: DossierOut, 404: Problem },
      },
      config: { permission: 'dossiers.read' },
    },
    async (req) => {
      const d = await mustFindDossier(p.db, req.params.code);
      requireOnDossier(req, 'dossiers.read', d);
      await recordDossierRead(p.db, req.actor(), d, 'api');
      const now = dossierClock.now();
      return presentDossier(d, await loadDetails(p.db, req, d, now), now, req.lang);
    },
  );

  for (const action of dossierActions) {
    const rule = actionRules[action];
    app.post(
      `/api/v1/dossiers/:code/actions/${rule.slug}`,
      {
        schema: {
          tags,
          summary: `${rule.label.vi} (${rule.label.en})`,
          description: `Cần quyền \`${rule.permission}\` tại đơn vị tiếp nhận hoặc đơn vị đang xử lý. \`version\` sai → 409; không được phép từ trạng thái hiện tại → 422.`,
          params: DossierParams,
          body: actionBodies[action],
          response: { 200: DossierOut, 404: Problem, 409: Problem, 422: Problem },
        },
        config: { permission: rule.permission },
      },
      async (req) => {
        const { code } = req.params as { code: string };
        const now = dossierClock.now();
        const d = await inTransaction(p.db, async (tx) => {
          const locked = await mustFindDossier(tx, code, true);
          requireOnDossier(req, rule.permission, locked);
          return actOnDossier(tx, req.actor(), locked, action, req.body as ActionInput, now);
        });
        return presentDossier(d, await loadDetails(p.db, req, d, now), now, req.lang);
      },
    );
  }

  app.post(
    '/api/v1/dossiers/:code/attachments',
    {
      schema: {
        tags,
        summary: 'Đính kèm bản quét (attach a scan: PDF, JPEG or PNG by content, ≤ 10 MB)',
        description: 'multipart/form-data với một tệp `file`. Lớn hơn 10 MB → 413; không phải PDF/JPEG/PNG (kiểm tra theo nội dung) → 415.',
        params: DossierParams,
        consumes: ['multipart/form-data'],
        response: {
          201: Type.Object({ id: Type.Integer(), name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() }),
          404: Problem,
          413: Problem,
          415: Problem,
        },
      },
      config: { permission: 'dossiers.receive' },
    },
    async (req, reply) => {
      const d = await mustFindDossier(p.db, req.params.code);
      requireOnDossier(req, 'dossiers.receive', d);
      const file = await readUpload(req);
      const meta = await inTransaction(p.db, async (tx) => attachFile(tx, req.actor(), await mustFindDossier(tx, d.code, true), file, dossierClock.now()));
      return reply.status(201).send({ id: meta.id, name: meta.name, mime: meta.mime, size: meta.size, sha256: meta.sha256 });
    },
  );

  app.get(
    '/api/v1/dossiers/:code/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Tải tệp đính kèm (download an attachment; audited)',
        params: Type.Object({ code: DossierParams.properties.code, id: Type.Integer({ minimum: 1 }) }),
      },
      config: { permission: 'dossiers.read' },
    },
    async (req, reply) => {
      const d = await mustFindDossier(p.db, req.params.code);
      requireOnDossier(req, 'dossiers.read', d);
      const file = await findAttachment(p.db, d.id, req.params.id);
      if (!file) throw new AppError('NOT_FOUND');
      await recordDossierRead(p.db, req.actor(), d, 'api');
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/v1/tracking',
    {
      schema: {
        tags: trackingTags,
        summary: 'Tra cứu tình trạng hồ sơ (public: code + last 4 digits of the ID number or phone)',
        description: 'Mã sai hoặc 4 số kiểm tra sai đều trả cùng một lỗi 404, để không dò được mã hồ sơ.',
        querystring: TrackingQuery,
        response: { 200: TrackingOut, 404: Problem },
      },
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } },
    },
    async (req) => trackDossier(p, req.query.code, req.query.check, req.lang),
  );

  app.post(
    '/api/v1/tracking/rating',
    {
      schema: {
        tags: trackingTags,
        summary: 'Đánh giá việc giải quyết hồ sơ (rate the handling once the result is returned; one rating per dossier)',
        body: RatingBody,
        response: { 201: Type.Object({ rated: Type.Boolean() }), 404: Problem, 409: Problem, 422: Problem },
      },
      // No cookie authenticates this call (the code and check digits do), so there is nothing for CSRF to protect.
      config: { permission: 'public', csrf: false, rateLimit: { max: 10, timeWindow: 60 * 1000 } },
    },
    async (req, reply) => {
      await rateByCitizen(p, req, req.body, 'tracking');
      return reply.status(201).send({ rated: true });
    },
  );
}

/** Reads the one file of a multipart upload, refusing anything over 10 MB (413). */
export async function readUpload(req: FastifyRequest): Promise<{ name: string | undefined; content: Buffer }> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: { vi: 'Gửi tệp dạng multipart/form-data', en: 'Send the file as multipart/form-data' } });
  }
  const part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES } });
  if (!part) throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'file', message: { vi: 'Hãy chọn tệp', en: 'Choose a file' } }] });
  const content = await part.toBuffer();
  if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
  return { name: part.filename, content };
}

const trackingMiss = () =>
  new AppError('NOT_FOUND', {
    detail: {
      vi: 'Không tìm thấy hồ sơ với mã và 4 số kiểm tra này. Hãy kiểm tra lại mã trên giấy tiếp nhận.',
      en: 'No dossier matches this code and these check digits. Check the code on your receipt.',
    },
  });

/** A dossier for the citizen who holds its code and check digits; anything else is the same 404. */
export async function findForCitizen(p: Platform, code: string, check: string): Promise<DossierRow> {
  const d = await findDossierByCode(p.db, code);
  const ok = checkMatches(check, d?.applicant_id_number ?? null, d?.applicant_phone ?? null);
  if (!d || !ok) throw trackingMiss();
  return d;
}

export async function trackDossier(p: Platform, code: string, check: string, lang: 'vi' | 'en') {
  const d = await findForCitizen(p, code, check);
  const [events, openPause, rating, officials] = await Promise.all([
    listEvents(p.db, d.id),
    findOpenPause(p.db, d.id),
    findRating(p.db, d.id),
    officialsOf(p.db, d.id),
  ]);
  return presentTracking(d, { events, openPause, rated: rating !== null, officials }, lang);
}

export async function rateByCitizen(
  p: Platform,
  req: FastifyRequest,
  input: { code: string; check: string; rating: Parameters<typeof rateDossier>[3]['rating']; official?: number | null; comment?: string | null },
  channel: 'tracking' | 'qr',
): Promise<void> {
  const d = await findForCitizen(p, input.code, input.check);
  await inTransaction(p.db, (tx) => rateDossier(tx, req.actor(), d, input, channel, dossierClock.now()));
}
