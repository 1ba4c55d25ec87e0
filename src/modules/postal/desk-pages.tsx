/**
 * The desk's postal page of a dossier (/mot-cua/ho-so/<code>/buu-dien): its shipments with every step, and the form
 * that hands it to a post office serving the unit, outbound (the result, when ready and the citizen asked for it by
 * post) or inbound (a dossier received by post). Kept in this module so dossiers never imports postal; the dossier
 * page links here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { type DossierRow, dossierClock, statusLabels as dossierStatusLabels, findDossierByCode } from '../dossiers/index.ts';
import { shipmentInputFrom } from './access.ts';
import { createShipment } from './commands/create-shipment.ts';
import { listPostalEvents, listShipmentsOfDossier, type PostalEventRow, type PostOfficeRow, postOfficesServing, type ShipmentRow } from './queries.ts';
import { type Direction, directionLabels, directionShortLabels, directions } from './rules/legs.ts';
import { fmtVnd, label, PostalTimeline, StatusTag, staffEvents } from './views.tsx';

type Values = Record<string, string | undefined>;

const pathOf = (code: string) => `/mot-cua/ho-so/${code}/buu-dien`;

/** Whether the caller holds `permission` on the dossier's receiving or processing unit. */
function canOn(req: FastifyRequest, permission: string, d: DossierRow): boolean {
  return [d.unit_path, d.processing_unit_path].some((path) => path !== null && req.can(permission, path));
}

async function mustFindDossier(p: Platform, req: FastifyRequest, permission: string): Promise<DossierRow> {
  const code = String((req.params as { code: string }).code ?? '');
  const d = /^[A-Za-z0-9.-]{1,80}$/.test(code) ? await findDossierByCode(p.db, code) : null;
  if (!d) throw new AppError('NOT_FOUND', { detail: { vi: `Không tìm thấy hồ sơ ${code}`, en: `No dossier ${code}` } });
  if (!canOn(req, permission, d)) throw new AppError('FORBIDDEN');
  return d;
}

const defaultDirection = (d: DossierRow): Direction => (d.status === 'result_ready' || d.channel !== 'post' ? 'outbound' : 'inbound');

function DeskPostalPage(props: {
  ctx: PageContext;
  d: DossierRow;
  shipments: { s: ShipmentRow; events: PostalEventRow[] }[];
  offices: PostOfficeRow[];
  canHand: boolean;
  values: Values;
  errors: FormErrors;
  message?: string;
}) {
  const { ctx, d, values, errors } = props;
  const v = (k: string, fallback?: string | null) => values[k] ?? fallback ?? undefined;
  return (
    <Layout ctx={ctx} title={`${tr(ctx, 'Gửi qua bưu điện', 'By post')} · ${d.code}`}>
      <PageHeading title={`${tr(ctx, 'Gửi qua bưu điện', 'By post')} · ${tr(ctx, 'hồ sơ', 'dossier')} ${d.code}`} />
      <p>
        <a href={`/mot-cua/ho-so/${d.code}`}>{tr(ctx, '← Về hồ sơ', '← Back to the dossier')}</a>
      </p>
      <dl class="facts">
        <dt>{tr(ctx, 'Trạng thái hồ sơ', 'Dossier status')}</dt>
        <dd>{label(ctx, dossierStatusLabels[d.status])}</dd>
        <dt>{tr(ctx, 'Người nộp', 'Applicant')}</dt>
        <dd>{d.applicant_name}</dd>
      </dl>
      <h2>{tr(ctx, 'Bưu gửi của hồ sơ', 'Postal items')}</h2>
      {props.shipments.length === 0 && <p class="muted">{tr(ctx, 'Chưa có bưu gửi nào.', 'None yet.')}</p>}
      {props.shipments.map(({ s, events }) => (
        <section key={s.id} aria-label={label(ctx, directionLabels[s.direction])}>
          <h3>{label(ctx, directionLabels[s.direction])}</h3>
          <dl class="facts">
            <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
            <dd>
              <StatusTag ctx={ctx} status={s.status} />
              {s.failure_reason && ` · ${s.failure_reason}`}
            </dd>
            <dt>{tr(ctx, 'Bưu điện', 'Post office')}</dt>
            <dd>{s.post_office_name}</dd>
            <dt>{tr(ctx, 'Số hiệu bưu gửi', 'Item number')}</dt>
            <dd>{s.item_number ?? '—'}</dd>
            <dt>{tr(ctx, 'Người nhận / gửi', 'Addressee')}</dt>
            <dd>
              {s.recipient_name}
              {s.recipient_phone && ` · ${s.recipient_phone}`} · {s.recipient_address}
            </dd>
            <dt>{tr(ctx, 'Cước', 'Fee')}</dt>
            <dd>{fmtVnd(s.fee_vnd)}</dd>
          </dl>
          <PostalTimeline ctx={ctx} events={staffEvents(events)} />
        </section>
      ))}
      {props.canHand && (
        <form method="post" action={pathOf(d.code)} novalidate>
          <h2>{tr(ctx, 'Giao cho bưu điện', 'Hand to the post')}</h2>
          {props.message && (
            <div class="error-summary" role="alert" tabIndex={-1}>
              <h2>{tr(ctx, 'Chưa giao được', 'Not handed over')}</h2>
              <p>{props.message}</p>
            </div>
          )}
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={errors} />
          <Select
            name="direction"
            label={tr(ctx, 'Chiều gửi', 'Direction')}
            value={v('direction', defaultDirection(d))}
            errors={errors}
            options={directions.map((x) => ({ value: x, label: label(ctx, directionShortLabels[x]) }))}
          />
          <Select
            name="postOffice"
            label={tr(ctx, 'Bưu điện', 'Post office')}
            value={v('postOffice', props.offices[0]?.code)}
            errors={errors}
            hint={props.offices.length ? undefined : tr(ctx, 'Chưa có bưu điện nào được liên kết phục vụ đơn vị này.', 'No post office serves this unit yet.')}
            options={props.offices.map((o) => ({ value: o.code, label: o.name }))}
          />
          <Field
            name="recipientName"
            label={tr(ctx, 'Họ tên người nhận / người gửi', 'Addressee')}
            value={v('recipientName', d.applicant_name)}
            errors={errors}
          />
          <Field
            name="recipientPhone"
            label={tr(ctx, 'Số điện thoại', 'Phone')}
            value={v('recipientPhone', d.applicant_phone)}
            errors={errors}
            inputmode="tel"
          />
          <TextArea
            name="recipientAddress"
            label={tr(ctx, 'Địa chỉ phát / nhận', 'Address')}
            value={v('recipientAddress', d.applicant_address)}
            errors={errors}
            rows={2}
          />
          <Field
            name="itemNumber"
            label={tr(ctx, 'Số hiệu bưu gửi (nếu đã có)', 'Item number (if known)')}
            hint={tr(ctx, 'vd. EB123456785VN', 'e.g. EB123456785VN')}
            value={v('itemNumber')}
            errors={errors}
            autocomplete="off"
          />
          <Checkbox
            name="domesticCode"
            label={tr(ctx, 'Mã nội bộ của bưu điện (không theo chuẩn S10)', 'Post office’s own code')}
            checked={values.domesticCode === 'on'}
            errors={errors}
          />
          <Field name="feeVnd" label={tr(ctx, 'Cước (đồng)', 'Fee (đồng)')} value={v('feeVnd')} errors={errors} inputmode="numeric" />
          <Checkbox
            name="citizenAsked"
            label={tr(ctx, 'Người dân đã đề nghị nhận kết quả qua bưu điện (khi trả kết quả)', 'The citizen asked for the result by post (outbound)')}
            checked={values.citizenAsked === 'on'}
            errors={errors}
          />
          <TextArea name="note" label={tr(ctx, 'Ghi chú', 'Note')} value={v('note')} errors={errors} rows={2} />
          <button type="submit">{tr(ctx, 'Giao cho bưu điện', 'Hand to the post')}</button>
        </form>
      )}
    </Layout>
  );
}

/** The desk's postal page of a dossier and its hand-over form. */
export function registerPostalDeskPages(app: App, p: Platform): void {
  const render = async (req: FastifyRequest, reply: FastifyReply, d: DossierRow, values: Values, errors: FormErrors, status = 200, message?: string) => {
    const ctx = pageContext(req, reply);
    const list = await listShipmentsOfDossier(p.db, d.id);
    const shipments = await Promise.all(list.map(async (s) => ({ s, events: await listPostalEvents(p.db, s.id) })));
    const offices = await postOfficesServing(p.db, d.unit_id);
    const canHand = req.can('dossiers.receive', d.unit_path);
    return html(
      reply,
      renderPage(
        <DeskPostalPage ctx={ctx} d={d} shipments={shipments} offices={offices} canHand={canHand} values={values} errors={errors} message={message} />,
      ),
      status,
    );
  };

  app.get('/mot-cua/ho-so/:code/buu-dien', { config: { permission: 'dossiers.read' } }, async (req, reply) => {
    const d = await mustFindDossier(p, req, 'dossiers.read');
    // The page shows the applicant's name and the addressees' contacts: a read of personal data (STANDARDS §7).
    await recordAudit(p.db, req.actor(), { action: 'dossier.read', entityType: 'dossier', entityId: d.code, unitId: d.unit_id, after: { via: 'postal-page' } });
    return render(req, reply, d, {}, {});
  });

  app.post('/mot-cua/ho-so/:code/buu-dien', { config: { permission: 'dossiers.receive' } }, async (req, reply) => {
    const d = await mustFindDossier(p, req, 'dossiers.read');
    req.requireOn('dossiers.receive', d.unit_path);
    const form = cleanForm(req.body) as Values;
    try {
      const input = await shipmentInputFrom(p, d, form);
      await inTransaction(p.db, (tx) => createShipment(tx, req.actor(), d, input, dossierClock.now()));
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 403) {
        const message = err.errors.length ? undefined : (err.detail?.[req.lang] ?? err.message);
        return render(req, reply, d, form, formErrors(err.errors, req.lang), err.status, message);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, pathOf(d.code), tr(req, 'Đã giao hồ sơ cho bưu điện', 'Handed to the post'));
  });
}
