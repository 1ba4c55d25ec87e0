import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import type { App } from '../../platform/http/server.ts';
import { dossierClock } from '../dossiers/index.ts';
import { loadForPostOffice, mustFindShipment, PERMISSION, postOfficeScopes, stepInputFrom } from './access.ts';
import { recordPostalStep } from './commands/record-postal-step.ts';
import { recordShipmentRead } from './commands/record-shipment-read.ts';
import { presentShipment } from './present.ts';
import { listPostalEvents, listShipments, lockShipment, type ShipmentRow } from './queries.ts';
import { IdParams, ListQuery, ShipmentList, ShipmentOut, StepBody } from './schema.ts';

const tags = ['Bưu điện (postal)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

/**
 * JSON routes for post offices (M7): the shipments handed to the caller's post office and one step at a time.
 * Holders of postal.handle see only the shipments of the post offices where they hold it: the addressee, never the
 * dossier's documents. Opening one shipment is an audited read of personal data.
 */
export function registerPostalApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/postal/shipments',
    {
      schema: {
        tags,
        summary: 'Bưu gửi giao cho bưu điện của tôi (shipments handed to my post office)',
        description: 'Cần quyền `postal.handle` tại bưu điện. Bưu gửi đang chuyển trước, rồi mới nhất trước.',
        querystring: ListQuery,
        response: { 200: ShipmentList, 400: Problem, 403: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 20;
      const found = await listShipments(p.db, { scopes: postOfficeScopes(req), status: req.query.status, limit: pageSize, offset: (page - 1) * pageSize });
      return { items: found.rows.map((s) => presentShipment(s, null, req.lang)), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/postal/shipments/:id',
    {
      schema: {
        tags,
        summary: 'Một bưu gửi với các bước chuyển phát (one shipment and its steps)',
        description: 'Cần quyền `postal.handle` tại bưu điện được giao; bưu gửi của bưu điện khác → 403. Việc xem được ghi nhật ký.',
        params: IdParams,
        response: { 200: ShipmentOut, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const s = await loadForPostOffice(p, req, req.params.id);
      await recordShipmentRead(p.db, req.actor(), s, 'api');
      return presentShipment(s, await listPostalEvents(p.db, s.id), req.lang);
    },
  );

  app.post(
    '/api/v1/postal/shipments/:id/steps',
    {
      schema: {
        tags,
        summary: 'Ghi một bước chuyển phát (record a postal step)',
        description:
          'Trạng thái theo thứ tự: created → picked_up → in_transit → delivered; failed (cần `reason`) rồi phát lại hoặc returned. Đã phát hoặc đã chuyển hoàn thì không ghi thêm (409 POSTAL_STEP_NOT_ALLOWED). Số hiệu bưu gửi bắt buộc từ khi bưu điện nhận; S10 sai chữ số kiểm tra → 400. Kết quả phát thành công cho người dân thì hồ sơ chuyển “Đã trả kết quả” qua bưu điện.',
        params: IdParams,
        body: StepBody,
        response: { 200: ShipmentOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const s = await loadForPostOffice(p, req, req.params.id);
      const input = stepInputFrom(req.body as Record<string, unknown>);
      await inTransaction(p.db, async (tx) => {
        const locked = (await lockShipment(tx, s.id)) as ShipmentRow;
        await recordPostalStep(tx, req.actor(), locked, input, dossierClock.now());
      });
      const fresh = await mustFindShipment(p, s.id);
      return presentShipment(fresh, await listPostalEvents(p.db, s.id), req.lang);
    },
  );
}
