import type { Actor } from '../../../platform/audit/index.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { checkFeedback, listCategories, receiveFeedback } from '../../feedback/index.ts';
import { loadApiKeyPrincipal } from '../../staff/index.ts';
import { findUnitById } from '../../units/index.ts';
import { type Checked, type Open311Problem, open311Date, param } from '../rules/params.ts';
import { open311FieldOf, readSubmission } from '../rules/submission.ts';

/** The scope an API key needs to post service requests (`npm run cli -- api-key:create --scope open311`). */
export const OPEN311_SCOPE = 'open311';

export interface SubmittedRequest {
  code: string;
  notice: string;
}

const forbidden = (vi: string, en: string): Open311Problem => ({ status: 403, param: 'api_key', message: { vi, en } });
const unknownService: Open311Problem = { status: 400, param: 'service_code', message: { vi: 'Không có dịch vụ (lĩnh vực) này', en: 'Unknown service_code' } };
const fail = (...problems: Open311Problem[]): { ok: false; problems: Open311Problem[] } => ({ ok: false, problems });

/**
 * POST requests.{fmt}: a service request from an Open311 client (FixMyStreet and the like) becomes a feedback item
 * on the 'open311' channel. Needs an API key with the open311 scope (form field `api_key`, or a Bearer header); a key
 * bound to a unit may post only to that unit's subtree and posts there by default. `jurisdiction_id` is the code of
 * the unit addressed. The client's user gave their name, e-mail and phone to be answered (contactImpliesConsent).
 */
export async function submitServiceRequest(
  db: Db,
  call: {
    body: Record<string, unknown>;
    bearer: Principal | null;
    ip: string | null;
    requestId: string;
    lang: Lang;
    /** Photos sent in a multipart body, already checked to be JPEG or PNG. */
    photos?: readonly { name: string; mime: string; content: Buffer }[];
    now?: Date;
  },
): Promise<Checked<SubmittedRequest>> {
  const read = readSubmission(call.body);
  // The key first: a stranger learns nothing about the fields.
  const keyText = param(call.body, 'api_key');
  let principal: Principal | null = call.bearer?.kind === 'api_key' ? call.bearer : null;
  if (keyText) principal = await loadApiKeyPrincipal(db, keyText);
  if (principal?.kind !== 'api_key') {
    return fail(keyText ? forbidden('api_key không đúng hoặc đã bị thu hồi', 'Invalid or revoked api_key') : forbidden('Thiếu api_key', 'api_key is required'));
  }
  if (!principal.scopes.includes(OPEN311_SCOPE)) return fail(forbidden('Khóa API không có quyền open311', 'The api_key lacks the open311 scope'));
  if (!read.ok) return read;
  const sub = read.value;

  // The unit and the category are checked by receiveFeedback in its one read; only a key's own unit (no
  // jurisdiction given) and the category's name (no description given) need a read of their own.
  let addressed: string | null = sub.jurisdiction ?? null;
  if (!addressed && principal.unitId !== null) addressed = (await findUnitById(db, principal.unitId))?.code ?? null;
  let description = sub.input.description;
  if (description === undefined || description === null || description === '') {
    const category = (await listCategories(db)).find((c) => c.code === sub.input.category?.toLowerCase());
    if (!category) return fail(unknownService);
    // The spec makes description optional; an item needs one, so the service's name stands in.
    description = category.name;
  }
  const checked = checkFeedback({ ...sub.input, description }, { channel: 'open311', shortDescriptionOk: true, contactImpliesConsent: true });
  if (!checked.ok) {
    return fail(...checked.errors.map((e): Open311Problem => ({ status: 400, param: open311FieldOf[e.field] ?? e.field, message: e.message })));
  }
  if (!checked.value.categoryCode) return fail(unknownService);

  const actor: Actor = { userId: null, label: principal.label, ip: call.ip, requestId: call.requestId };
  try {
    const r = await receiveFeedback(db, actor, {
      channel: 'open311',
      item: checked.value,
      addressedUnitCode: addressed,
      withinPath: principal.unitPath,
      extra: sub.extra,
      apiKeyId: principal.apiKeyId,
      attachments: call.photos ?? [],
      now: call.now,
    });
    const due = (open311Date(r.answerDueAt) ?? '').slice(0, 10).split('-').reverse().join('/');
    const notice =
      call.lang === 'en'
        ? `Received with code ${r.code}. Answering unit: ${r.unitName}. Answer due by ${due}.`
        : `Đã tiếp nhận với mã ${r.code}. Đơn vị xử lý: ${r.unitName}. Hạn trả lời: ${due}.`;
    return { ok: true, value: { code: r.code, notice } };
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNIT_NOT_FOUND') {
      return fail({ status: 404, param: 'jurisdiction_id', message: { vi: 'Không có đơn vị (jurisdiction) này', en: 'Unknown jurisdiction_id' } });
    }
    if (err instanceof AppError && err.code === 'FORBIDDEN') {
      return fail(forbidden('Khóa API không được gửi tới đơn vị này', 'The api_key may not post to this jurisdiction'));
    }
    if (err instanceof AppError && err.errors.some((e) => e.field === 'category')) return fail(unknownService);
    if (err instanceof AppError && err.status < 500) {
      const problems = err.errors.length
        ? err.errors.map((e): Open311Problem => ({ status: 400, param: open311FieldOf[e.field] ?? e.field, message: e.message }))
        : [{ status: err.status === 404 ? 404 : 400, message: err.detail ?? { vi: err.code, en: err.code } } as Open311Problem];
      return fail(...problems);
    }
    throw err;
  }
}
