import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import type { App } from '../../platform/http/server.ts';
import { type DossierRow, dossierClock, findDossierByCode } from '../dossiers/index.ts';
import { dossierFor, feeOf } from './access.ts';
import { addFee } from './commands/add-fee.ts';
import { createDossierFees } from './commands/create-dossier-fees.ts';
import { markCashPaid } from './commands/mark-cash-paid.ts';
import { waiveFee } from './commands/waive-fee.ts';
import { loadFeeViews } from './load.ts';
import { presentFee } from './present.ts';
import { AddFeeBody, CashBody, CreateFeesBody, DossierCodeParams, FeesOut, WaiveBody } from './schema.ts';

const tags = ['Phí, lệ phí (payments)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });
const FeeParams = Type.Object({ code: Type.String({ minLength: 3, maxLength: 80 }), id: Type.Integer({ minimum: 1 }) });

async function feesJson(p: Platform, d: DossierRow) {
  const [views, fresh] = await Promise.all([loadFeeViews(p.db, d), findDossierByCode(p.db, d.code)]);
  return { dossier: d.code, paidOnline: fresh?.paid_online ?? false, fees: views.map(presentFee) };
}

/**
 * JSON routes of the payments module: a dossier's fees with their VietQR, creating them from the procedure or by hand,
 * cash at the counter and waivers. Every route needs `payments.collect` on the unit that received the dossier (or the
 * one processing it).
 */
export function registerPaymentsApi(app: App, p: Platform): void {
  const base = '/api/v1/payments/dossiers/:code/fees';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Các khoản phí, lệ phí của hồ sơ, kèm mã VietQR (fees of a dossier with their VietQR payloads)',
        params: DossierCodeParams,
        response: { 200: FeesOut, 403: Problem, 404: Problem },
      },
      config: { permission: 'payments.collect' },
    },
    async (req) => feesJson(p, await dossierFor(p.db, req, req.params.code, 'payments.collect')),
  );

  app.post(
    `${base}/from-procedure`,
    {
      schema: {
        tags,
        summary: 'Lập phí, lệ phí theo thủ tục (create the fees the procedure version lists; idempotent)',
        description: 'Khoản đã có trên hồ sơ (cùng tên) được bỏ qua; khoản 0 đồng (miễn) không lập. `counter`: quầy thu, chọn tài khoản của quầy nếu có.',
        params: DossierCodeParams,
        body: CreateFeesBody,
        response: { 200: FeesOut, 403: Problem, 404: Problem },
      },
      config: { permission: 'payments.collect' },
    },
    async (req) => {
      const d = await dossierFor(p.db, req, req.params.code, 'payments.collect');
      await inTransaction(p.db, (tx) => createDossierFees(tx, req.actor(), d, { counter: req.body.counter ?? null }));
      return feesJson(p, d);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Thêm một khoản thu vào hồ sơ (add a charge by hand)',
        params: DossierCodeParams,
        body: AddFeeBody,
        response: { 201: FeesOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: 'payments.collect' },
    },
    async (req, reply) => {
      const d = await dossierFor(p.db, req, req.params.code, 'payments.collect');
      const b = req.body;
      await inTransaction(p.db, (tx) =>
        addFee(tx, req.actor(), d, { name: b.name.normalize('NFC'), amountVnd: b.amountVnd, kind: b.kind ?? 'other', counter: b.counter ?? null }),
      );
      return reply.status(201).send(await feesJson(p, d));
    },
  );

  app.post(
    `${base}/:id/cash`,
    {
      schema: {
        tags,
        summary: 'Thu tiền mặt tại quầy (mark a due fee paid in cash; issues its receipt)',
        params: FeeParams,
        body: CashBody,
        response: { 200: FeesOut, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: 'payments.collect' },
    },
    async (req) => {
      const d = await dossierFor(p.db, req, req.params.code, 'payments.collect');
      await inTransaction(p.db, async (tx) => {
        await feeOf(tx, d, req.params.id, true);
        return markCashPaid(tx, req.actor(), req.params.id, req.body.payerName ?? d.applicant_name, dossierClock.now());
      });
      return feesJson(p, d);
    },
  );

  app.post(
    `${base}/:id/waive`,
    {
      schema: {
        tags,
        summary: 'Miễn, giảm một khoản phí, lệ phí (waive a due fee with a reason)',
        params: FeeParams,
        body: WaiveBody,
        response: { 200: FeesOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: 'payments.collect' },
    },
    async (req) => {
      const d = await dossierFor(p.db, req, req.params.code, 'payments.collect');
      await inTransaction(p.db, async (tx) => {
        await feeOf(tx, d, req.params.id, true);
        return waiveFee(tx, req.actor(), req.params.id, req.body.reason.normalize('NFC'));
      });
      return feesJson(p, d);
    },
  );
}
