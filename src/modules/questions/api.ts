import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { findProcedureByCode, todayInVietnam } from '../procedures/index.ts';
import { findUnitByCode, findUnitById, type UnitRow } from '../units/index.ts';
import { askQuestion } from './commands/ask-question.ts';
import { presentPublic, questionPath } from './present.ts';
import { findQuestionByCode, searchQuestions } from './queries.ts';
import { type CheckedAsk, checkAsk } from './rules/ask.ts';
import { normaliseQuestionCode } from './rules/code.ts';
import { normaliseQuestionSearch } from './rules/search.ts';
import { AskBody, AskedOut, PublicList, PublicListQuery, PublicQuestionOut, QuestionCode } from './schema.ts';

const tags = ['Hỏi đáp (questions)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

/** Limits on the public ask: five questions a minute from one address (IP), on the form and the API alike. */
export const ASK_RATE_LIMIT = { max: 5, timeWindow: 60 * 1000 };

export const today = () => todayInVietnam(new Date());

const questionNotFound = () =>
  new AppError('QUESTION_NOT_FOUND', {
    detail: { vi: 'Không có câu hỏi với mã này. Hãy kiểm tra lại mã tra cứu.', en: 'No question has this code. Check the code you were given.' },
  });

/** A question by the code a person typed or followed; anything unreadable is the same 404. */
export async function mustFindQuestion(p: Platform, raw: string) {
  const code = normaliseQuestionCode(raw);
  const q = code ? await findQuestionByCode(p.db, code, today()) : null;
  if (!q) throw questionNotFound();
  return q;
}

/** The unit a question goes to: a unit merged away sends its questions to the unit it became part of. */
export async function askableUnit(p: Platform, code: string): Promise<UnitRow | null> {
  let unit = await findUnitByCode(p.db, code);
  for (let i = 0; unit?.merged_into_id && i < 5; i++) unit = await findUnitById(p.db, unit.merged_into_id);
  return unit;
}

/**
 * The actor of a public ask. The signed-in staff member or citizen behind a cookie is not named: the API takes no
 * CSRF token, so a cookie could ride along on a request the person never made.
 */
export function askActor(req: FastifyRequest): Actor {
  return { userId: null, label: 'public', ip: req.ip ?? null, requestId: req.id };
}

/** Asks a question once per idempotency key; the unit and procedure must exist. */
export async function askAt(p: Platform, req: FastifyRequest, unitCode: string, procedureCode: string | null, ask: CheckedAsk, key: string | null) {
  const unit = await askableUnit(p, unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { errors: [{ field: 'unit', message: { vi: 'Không có đơn vị này', en: 'No such unit' } }] });
  const procedure = procedureCode ? await findProcedureByCode(p.db, procedureCode) : null;
  if (procedureCode && !procedure) {
    throw new AppError('PROCEDURE_NOT_FOUND', {
      errors: [{ field: 'procedure', message: { vi: 'Không có thủ tục mã này', en: 'No procedure has this code' } }],
    });
  }
  return askQuestion(p.db, askActor(req), { unitId: unit.id, procedureId: procedure?.id ?? null, procedureCode: procedure?.code ?? null }, ask, key);
}

/** The public question list's filters, resolved to ids (an unknown unit or procedure matches nothing). */
export async function publicFilters(p: Platform, q: { q?: string; unit?: string; procedure?: string }) {
  const unit = q.unit ? await findUnitByCode(p.db, q.unit) : null;
  const procedure = q.procedure ? await findProcedureByCode(p.db, q.procedure) : null;
  return {
    text: normaliseQuestionSearch(q.q),
    unitIds: q.unit ? (unit ? [unit.id] : []) : undefined,
    procedureId: q.procedure ? (procedure?.id ?? -1) : undefined,
  };
}

/** JSON routes of "Touch to know" (Chạm để biết): ask, and read published answers. */
export function registerQuestionsApi(app: App, p: Platform): void {
  app.post(
    '/api/v1/questions',
    {
      schema: {
        tags,
        summary: 'Đặt câu hỏi cho đơn vị (ask a unit a question; no sign-in)',
        description:
          'Không cần đăng nhập; tối đa 5 câu hỏi mỗi phút từ một địa chỉ. Gửi kèm header `Idempotency-Key` (8–200 ký tự): gửi lại cùng khóa trả về đúng câu hỏi đã tạo với mã 200 thay vì 201. Họ tên và thông tin liên hệ là dữ liệu cá nhân: không bao giờ công bố; `contact` cần `consent: true`. Câu trả lời xem tại `url` bằng mã `code`.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
        body: AskBody,
        response: { 200: AskedOut, 201: AskedOut, 400: Problem, 404: Problem, 429: Problem },
      },
      // No cookie authenticates this call and the asker stays anonymous (askActor), so there is nothing for CSRF to protect.
      config: { permission: 'public', csrf: false, rateLimit: ASK_RATE_LIMIT },
    },
    async (req, reply) => {
      const checked = checkAsk(req.body);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const { code, created } = await askAt(p, req, req.body.unit, req.body.procedure ?? null, checked.value, key);
      const q = await mustFindQuestion(p, code);
      return reply.status(created ? 201 : 200).send({ code, url: questionPath(code), status: q.status });
    },
  );

  app.get(
    '/api/v1/questions',
    {
      schema: {
        tags,
        summary: 'Câu hỏi đã trả lời và công bố (published answers; public)',
        description: 'Mới trả lời trước. `q` tìm trong câu hỏi và câu trả lời, không dấu cũng được; lọc theo `unit` và `procedure`.',
        querystring: PublicListQuery,
        response: { 200: PublicList },
      },
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 20;
      const f = await publicFilters(p, req.query);
      const found = await searchQuestions(p.db, { ...f, publishedOnly: true, day: today(), limit: pageSize, offset: (page - 1) * pageSize });
      return { items: found.rows.map(presentPublic), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/questions/:code',
    {
      schema: {
        tags,
        summary: 'Tra cứu câu hỏi bằng mã (look a question up by its code; public)',
        description:
          'Người giữ mã xem được câu hỏi, trạng thái và câu trả lời (cả khi câu trả lời không công bố); không bao giờ có họ tên hay liên hệ người hỏi.',
        params: Type.Object({ code: QuestionCode }),
        response: { 200: PublicQuestionOut, 404: Problem },
      },
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } },
    },
    async (req) => presentPublic(await mustFindQuestion(p, req.params.code)),
  );
}
