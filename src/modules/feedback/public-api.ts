/**
 * The public JSON intake of feedback (POST /api/v1/feedback/public) and what the public pages share with it: the
 * anonymous actor, the code look-up, the tracking address. No sign-in; one receiveFeedback call per request (the
 * bench measures this route at 100 concurrent clients).
 */
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Actor } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { vietnamIso } from '../../platform/period.ts';
import { normaliseShortCode, SHORT_CODE_PATTERN } from '../../platform/text/index.ts';
import { feedbackNotFound } from './commands/rate-feedback.ts';
import { receiveFeedback } from './commands/receive-feedback.ts';
import { findTrackedFeedback, type TrackedFeedback } from './public-queries.ts';
import { checkFeedback, DESCRIPTION_MAX } from './rules/intake.ts';
import { feedbackKinds } from './rules/lifecycle.ts';

const tags = ['Phản ánh, kiến nghị (feedback)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });

export const FEEDBACK_BASE = '/phan-anh';
export const trackPath = (code: string) => `${FEEDBACK_BASE}/c/${code}`;

/** Per address: a person sends a few items a minute at most on the form; more is a robot or a loop. */
export const FORM_RATE_LIMIT = { max: 5, timeWindow: 60 * 1000 };
/** The JSON intake serves apps and kiosks behind one address: generous, still a ceiling. */
export const API_RATE_LIMIT = { max: 120, timeWindow: 60 * 1000 };
/** Rating and asking for a review: a handful a minute per address. */
export const SENDER_RATE_LIMIT = { max: 10, timeWindow: 60 * 1000 };
/** Opening an item by code: enough for a person, far too few to try codes. */
export const LOOKUP_RATE_LIMIT = { max: 30, timeWindow: 60 * 1000 };

/**
 * The actor of a public request. A staff member's or citizen's cookie is not named: public intake takes anyone, and on
 * the API no CSRF token guards a cookie that might ride along.
 */
export function publicActor(req: FastifyRequest, channel: string): Actor {
  return { userId: null, label: `public:${channel}`, ip: req.ip ?? null, requestId: req.id };
}

/** An item by the code a person typed or followed; anything unreadable is the same clear 404. */
export async function mustTrack(p: Platform, raw: string): Promise<TrackedFeedback> {
  const code = normaliseShortCode(raw.slice(0, 40));
  const item = code ? await findTrackedFeedback(p.db, code) : null;
  if (!item) throw feedbackNotFound();
  return item;
}

export const PublicFeedbackBody = Type.Object(
  {
    kind: Type.Optional(Type.Enum([...feedbackKinds], { description: 'report: phản ánh; proposal: kiến nghị; suggestion: góp ý. Mặc định report' })),
    category: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'Mã lĩnh vực phản ánh (feedback category code)' }))),
    unit: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'Mã đơn vị người gửi muốn gửi đến; bỏ trống: hệ thống tự điều phối' }))),
    title: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Tiêu đề (tùy chọn)' }))),
    description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, description: 'Nội dung phản ánh, 10–4000 ký tự' }),
    place: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'Mã xã, phường nơi xảy ra sự việc' }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300, description: 'Địa chỉ nơi xảy ra sự việc' }))),
    lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90, description: 'Vĩ độ WGS 84' }))),
    lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180, description: 'Kinh độ WGS 84' }))),
    name: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Họ tên người gửi (personal data, never published; needs consent)' }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'Số điện thoại (personal data, never published; needs consent)' }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254, description: 'Thư điện tử (personal data, never published; needs consent)' }))),
    consent: Type.Optional(Type.Boolean({ description: 'Đồng ý cho cơ quan dùng họ tên, điện thoại, thư điện tử để xử lý và trả lời' })),
  },
  { additionalProperties: false },
);
export type PublicFeedbackBodyT = Static<typeof PublicFeedbackBody>;

export const PublicFeedbackOut = Type.Object({
  code: Type.String({ pattern: SHORT_CODE_PATTERN, description: 'Mã phản ánh, 8 ký tự: người gửi giữ để tra cứu, đánh giá' }),
  unit: Type.Object({ code: Code, name: Type.String() }, { description: 'Đơn vị xử lý' }),
  answerDueAt: Type.String({ format: 'date-time', description: 'Hạn trả lời (giờ Việt Nam, ngày làm việc của đơn vị)' }),
  trackUrl: Type.String({ description: 'Trang tra cứu, đánh giá câu trả lời' }),
});

/** JSON routes of the public side of feedback. */
export function registerFeedbackPublicApi(app: App, p: Platform): void {
  app.post(
    '/api/v1/feedback/public',
    {
      schema: {
        tags,
        summary: 'Gửi phản ánh, kiến nghị (send feedback; no sign-in)',
        description:
          'Không cần đăng nhập; tối đa 120 yêu cầu mỗi phút từ một địa chỉ. Gửi kèm header `Idempotency-Key` (8–200 ký tự): gửi lại cùng khóa trả về đúng phản ánh đã tạo với mã 200 thay vì 201. Họ tên, điện thoại, thư điện tử là dữ liệu cá nhân: chỉ đơn vị xử lý xem được, không bao giờ công khai, và cần `consent: true`. Không nhận tệp đính kèm (dùng biểu mẫu /phan-anh/gui).',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
        body: PublicFeedbackBody,
        response: { 200: PublicFeedbackOut, 201: PublicFeedbackOut, 400: Problem, 404: Problem, 429: Problem },
      },
      // No cookie authenticates this call and the sender stays anonymous (publicActor): nothing for CSRF to protect.
      config: { permission: 'public', csrf: false, rateLimit: API_RATE_LIMIT },
    },
    async (req, reply) => {
      const body = req.body;
      const checked = checkFeedback(body, { channel: 'web' });
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const r = await receiveFeedback(p.db, publicActor(req, 'api'), {
        channel: 'web',
        item: checked.value,
        addressedUnitCode: body.unit?.trim().toLowerCase() || null,
        idempotencyKey: key,
      });
      return reply.status(r.created ? 201 : 200).send({
        code: r.code,
        unit: { code: r.unitCode, name: r.unitName },
        answerDueAt: vietnamIso(r.answerDueAt),
        trackUrl: `${p.config.publicUrl}${trackPath(r.code)}`,
      });
    },
  );
}
