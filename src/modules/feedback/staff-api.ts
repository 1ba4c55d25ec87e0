import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { findUnitByCode } from '../units/index.ts';
import { readFeedbackContact } from './commands/read-feedback-contact.ts';
import type { StaffAction } from './handling.ts';
import { listAttachments, listEvents, searchFeedback } from './handling-queries.ts';
import type { FeedbackStatus } from './rules/lifecycle.ts';
import { enterCall, HANDLE, mayReadSomewhere, mustFindForStaff, performAction, RECEIVE, readScopes, requireRead } from './staff-access.ts';
import { presentListItem, presentStaffItem } from './staff-present.ts';
import {
  ActionBody,
  ContactOut,
  FeedbackCode,
  HotlineEntryBody,
  HotlineEntryOut,
  StaffActionName,
  StaffItem,
  StaffList,
  StaffListQuery,
} from './staff-schema.ts';

const tags = ['Phản ánh, kiến nghị (feedback, staff)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const readAccess = 'Cần quyền feedback.receive hoặc feedback.handle tại đơn vị của phản ánh (hoặc đơn vị cấp trên, với phạm vi cả cấp dưới).';

/** Staff JSON routes of feedback: the list, one item, the actions, the sender's contact (audited), hotline entry. */
export function registerFeedbackStaffApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary: 'Danh sách phản ánh của đơn vị (staff list)',
        description: `Chưa xử lý xong trước, theo hạn trả lời; sau đó mới nhận trước. \`unit\` lọc đơn vị và các đơn vị cấp dưới. ${readAccess}`,
        querystring: StaffListQuery,
        response: { 200: StaffList, 403: Problem, 404: Problem },
      },
      config: { permission: 'signed-in' },
    },
    async (req) => {
      const q = req.query;
      let unitPath: string | undefined;
      let unitId: number | undefined;
      if (q.unit) {
        const unit = await findUnitByCode(p.db, q.unit);
        if (!unit) throw new AppError('UNIT_NOT_FOUND');
        requireRead(req, unit.path);
        unitPath = unit.path;
        unitId = unit.id;
      } else if (!mayReadSomewhere(req)) throw new AppError('FORBIDDEN');
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const now = new Date();
      const found = await searchFeedback(p.db, {
        scopes: readScopes(req),
        unitPath,
        status: q.status && q.status !== 'open' ? (q.status as FeedbackStatus) : undefined,
        openOnly: q.status === 'open',
        channel: q.channel,
        categoryCode: q.category,
        late: q.late,
        escalatedToUnitId: q.escalated ? (unitId ?? -1) : undefined,
        text: q.q?.trim() || undefined,
        now,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: found.rows.map((r) => presentListItem(r, now)), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/feedback/:code',
    {
      schema: {
        tags,
        summary: 'Một phản ánh với lịch sử xử lý (one item with its history)',
        description: `Không có họ tên, liên hệ người gửi (xem bằng POST /api/v1/feedback/{code}/contact). ${readAccess}`,
        params: Type.Object({ code: FeedbackCode }),
        response: { 200: StaffItem, 403: Problem, 404: Problem },
      },
      config: { permission: 'signed-in' },
    },
    async (req) => {
      const item = await mustFindForStaff(p, req, req.params.code);
      const [events, attachments] = await Promise.all([listEvents(p.db, item.id), listAttachments(p.db, item.id)]);
      return presentStaffItem(item, events, attachments, new Date());
    },
  );

  app.post(
    '/api/v1/feedback/:code/actions/:action',
    {
      schema: {
        tags,
        summary: 'Thao tác xử lý phản ánh (accept, assign, start, answer, close, reject, merge, transfer, note, publish, unpublish)',
        description:
          'Cần quyền feedback.handle tại đơn vị của phản ánh. Gửi `version` đã xem để không ghi đè thay đổi của người khác (409 CONFLICT). Thao tác trạng thái không cho phép: 409 FEEDBACK_ACTION_NOT_ALLOWED.',
        params: Type.Object({ code: FeedbackCode, action: StaffActionName }),
        body: ActionBody,
        response: { 200: StaffItem, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: HANDLE },
    },
    async (req) => {
      const item = await mustFindForStaff(p, req, req.params.code);
      const done = await performAction(p, req, item, req.params.action as StaffAction, req.body);
      const [events, attachments] = await Promise.all([listEvents(p.db, done.id), listAttachments(p.db, done.id)]);
      return presentStaffItem(done, events, attachments, new Date());
    },
  );

  app.post(
    '/api/v1/feedback/:code/contact',
    {
      schema: {
        tags,
        summary: 'Xem họ tên, liên hệ người gửi (the sender’s contact; audited)',
        description: 'Dữ liệu cá nhân: mỗi lần xem được ghi nhật ký (feedback.contact.read). Cần quyền feedback.handle tại đơn vị của phản ánh.',
        params: Type.Object({ code: FeedbackCode }),
        response: { 200: ContactOut, 403: Problem, 404: Problem },
      },
      config: { permission: HANDLE },
    },
    async (req) => {
      const item = await mustFindForStaff(p, req, req.params.code);
      req.requireOn(HANDLE, item.unit_path);
      const c = await readFeedbackContact(p.db, req.actor(), item);
      return { name: c.contact_name, phone: c.contact_phone, email: c.contact_email, consent: c.contact_consent };
    },
  );

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary: 'Tổng đài viên 1022 nhập phản ánh qua điện thoại (hotline entry)',
        description:
          'Kênh `hotline`. Không có `unit`: điều phối theo quy tắc. Họ tên, liên hệ chỉ lưu khi `consent: true` (người gọi đồng ý bằng lời). Gửi kèm header `Idempotency-Key`: gửi lại cùng khóa trả về đúng phản ánh đã tạo (200). Cần quyền feedback.receive (tại `unit` nếu có).',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
        body: HotlineEntryBody,
        response: { 200: HotlineEntryOut, 201: HotlineEntryOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: RECEIVE },
    },
    async (req, reply) => {
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const r = await enterCall(p, req, req.body, key);
      return reply
        .status(r.created ? 201 : 200)
        .send({ code: r.code, created: r.created, unit: { code: r.unitCode, name: r.unitName }, answerDueAt: new Date(r.answerDueAt).toISOString() });
    },
  );
}
