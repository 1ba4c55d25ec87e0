/**
 * The post office's pages (M7), made for a phone in the hand of a postal worker: the shipments handed to their post
 * office with a filter by status, and one shipment with big buttons for the next step. The addressee is shown, never
 * the dossier's documents. Also the citizen's public page of the postal steps of a dossier.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { dossierClock, findForCitizen, TrackingLookupForm, TrackingNotFound } from '../dossiers/index.ts';
import { loadForPostOffice, PERMISSION, postOfficeScopes, stepInputFrom } from './access.ts';
import { recordPostalStep } from './commands/record-postal-step.ts';
import { recordShipmentRead } from './commands/record-shipment-read.ts';
import { presentPublicShipment } from './present.ts';
import { listPostalEvents, listShipments, listShipmentsOfDossier, lockShipment, type PostalEventRow, type ShipmentRow } from './queries.ts';
import { actionLabels, directionLabels, nextStatuses, type ShipmentStatus, shipmentStatuses, statusLabels } from './rules/legs.ts';
import { fmtVnd, label, PostalTimeline, StatusTag, staffEvents } from './views.tsx';

const BASE = '/buu-dien';
const PAGE_SIZE = 30;

type Values = Record<string, string | undefined>;

function ListPage(props: { ctx: PageContext; rows: ShipmentRow[]; total: number; page: number; status: ShipmentStatus | undefined }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Bưu gửi hồ sơ', 'Postal items')}>
      <PageHeading title={tr(ctx, 'Bưu gửi hồ sơ, kết quả TTHC', 'Dossier postal items')} />
      <form method="get" action={BASE} class="search">
        <Select
          name="status"
          label={tr(ctx, 'Trạng thái', 'Status')}
          value={props.status ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...shipmentStatuses.map((s) => ({ value: s, label: label(ctx, statusLabels[s]) }))]}
        />
        <button type="submit" class="secondary">
          {tr(ctx, 'Lọc', 'Filter')}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p class="muted">{tr(ctx, 'Không có bưu gửi nào.', 'No items.')}</p>
      ) : (
        <ul class="qa-list">
          {props.rows.map((s) => (
            <li key={s.id}>
              <p class="qa-title">
                <a href={`${BASE}/${s.id}`}>
                  {s.dossier_code} · {s.recipient_name}
                </a>
              </p>
              <p>
                <StatusTag ctx={ctx} status={s.status} /> {label(ctx, directionLabels[s.direction])}
              </p>
              <p class="muted">
                {s.direction === 'inbound' ? tr(ctx, 'Nhận tại: ', 'Pick up at: ') : tr(ctx, 'Phát đến: ', 'Deliver to: ')}
                {s.recipient_address}
                {s.item_number && ` · ${s.item_number}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={PAGE_SIZE} total={props.total} base={BASE} query={props.status ? { status: props.status } : {}} />
    </Layout>
  );
}

function ShipmentPage(props: { ctx: PageContext; s: ShipmentRow; events: PostalEventRow[]; values: Values; errors: FormErrors; message?: string }) {
  const { ctx, s, values, errors } = props;
  const next = nextStatuses({ direction: s.direction, status: s.status, pickedUp: s.picked_up_at !== null });
  const deskPlace = `${s.unit_name}${s.unit_address ? `, ${s.unit_address}` : ''}`;
  return (
    <Layout ctx={ctx} title={`${tr(ctx, 'Bưu gửi', 'Item')} ${s.dossier_code}`}>
      <PageHeading title={`${tr(ctx, 'Bưu gửi hồ sơ', 'Dossier item')} ${s.dossier_code}`} />
      {props.message && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{tr(ctx, 'Chưa ghi được', 'Not recorded')}</h2>
          <p>{props.message}</p>
        </div>
      )}
      <dl class="facts">
        <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
        <dd>
          <StatusTag ctx={ctx} status={s.status} />
          {s.failure_reason && ` · ${s.failure_reason}`}
        </dd>
        <dt>{tr(ctx, 'Chiều gửi', 'Direction')}</dt>
        <dd>{label(ctx, directionLabels[s.direction])}</dd>
        <dt>{tr(ctx, 'Số hiệu bưu gửi', 'Item number')}</dt>
        <dd>{s.item_number ?? tr(ctx, 'Chưa có', 'None yet')}</dd>
        <dt>{s.direction === 'inbound' ? tr(ctx, 'Người gửi (nhận hồ sơ tại)', 'Sender (pick up at)') : tr(ctx, 'Người nhận', 'Addressee')}</dt>
        <dd>
          {s.recipient_name}
          {s.recipient_phone && (
            <>
              {' · '}
              <a href={`tel:${s.recipient_phone}`}>{s.recipient_phone}</a>
            </>
          )}
          <br />
          {s.recipient_address}
        </dd>
        <dt>{s.direction === 'inbound' ? tr(ctx, 'Giao hồ sơ đến', 'Deliver the dossier to') : tr(ctx, 'Nhận kết quả tại', 'Collect the result at')}</dt>
        <dd>
          {tr(ctx, 'Bộ phận Một cửa', 'One-stop desk')} {deskPlace}
        </dd>
        <dt>{tr(ctx, 'Cước', 'Fee')}</dt>
        <dd>{fmtVnd(s.fee_vnd)}</dd>
      </dl>

      {next.length > 0 ? (
        <form method="post" action={`${BASE}/${s.id}/buoc`} novalidate>
          <h2>{tr(ctx, 'Ghi bước chuyển phát', 'Record a step')}</h2>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(s.version)} />
          <ErrorSummary ctx={ctx} errors={errors} />
          {s.item_number === null && (
            <>
              <Field
                name="itemNumber"
                label={tr(ctx, 'Số hiệu bưu gửi', 'Item number')}
                hint={tr(
                  ctx,
                  '2 chữ cái, 9 chữ số, 2 chữ cái, vd. EB123456785VN. Chữ số thứ 9 là chữ số kiểm tra: nhập sai một số, hệ thống sẽ báo.',
                  '2 letters, 9 digits, 2 letters, e.g. EB123456785VN. The 9th digit is a check digit: a mistyped digit is caught.',
                )}
                value={values.itemNumber}
                errors={errors}
                autocomplete="off"
                maxLength={40}
              />
              <Checkbox
                name="domesticCode"
                label={tr(ctx, 'Mã nội bộ của bưu điện (9–13 chữ và số, không theo chuẩn S10)', 'Post office’s own code (9–13 letters and digits, not S10)')}
                checked={values.domesticCode === 'on'}
                errors={errors}
              />
            </>
          )}
          <Field
            name="feeVnd"
            label={tr(ctx, 'Cước (đồng, để trống nếu không đổi)', 'Fee (đồng, blank to keep)')}
            value={values.feeVnd}
            errors={errors}
            inputmode="numeric"
            maxLength={15}
          />
          {next.includes('failed') && (
            <TextArea
              name="reason"
              label={tr(ctx, 'Lý do nếu phát không thành công', 'Reason if the delivery failed')}
              value={values.reason}
              errors={errors}
              rows={2}
            />
          )}
          <TextArea name="note" label={tr(ctx, 'Ghi chú', 'Note')} value={values.note} errors={errors} rows={2} />
          {next.map((st) => (
            <p key={st}>
              <button type="submit" name="status" value={st} class={st === 'failed' || st === 'returned' ? 'large secondary' : 'large'}>
                {label(ctx, actionLabels[st])}
              </button>
            </p>
          ))}
        </form>
      ) : (
        <p class="muted">{tr(ctx, 'Bưu gửi đã kết thúc, không ghi thêm bước.', 'This item is finished: no more steps.')}</p>
      )}

      <h2>{tr(ctx, 'Các bước đã ghi', 'Steps recorded')}</h2>
      <PostalTimeline ctx={ctx} events={staffEvents(props.events)} />
      <p>
        <a href={BASE}>{tr(ctx, '← Danh sách bưu gửi', '← All items')}</a>
      </p>
    </Layout>
  );
}

function PublicPage(props: {
  ctx: PageContext;
  code: string;
  check: string;
  errors: FormErrors;
  notFound: boolean;
  shipments: ReturnType<typeof presentPublicShipment>[] | null;
}) {
  const { ctx, code } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Hồ sơ gửi qua bưu điện', 'Dossier by post')}>
      <h1>
        {tr(ctx, 'Hồ sơ', 'Dossier')} {code}: {tr(ctx, 'chuyển phát qua bưu điện', 'sent by post')}
      </h1>
      {props.shipments === null && (
        <TrackingLookupForm
          ctx={ctx}
          action={`/tra-cuu/${encodeURIComponent(code)}/buu-dien`}
          code={null}
          check={props.check}
          errors={props.errors}
          submit={{ vi: 'Xem', en: 'Show' }}
        />
      )}
      {props.notFound && <TrackingNotFound ctx={ctx} />}
      {props.shipments && props.shipments.length === 0 && <p>{tr(ctx, 'Hồ sơ này chưa gửi hoặc nhận qua bưu điện.', 'This dossier has not gone by post.')}</p>}
      {props.shipments?.map((s, i) => (
        <section key={i} aria-labelledby={`bg-${i}`}>
          <h2 id={`bg-${i}`}>{label(ctx, directionLabels[s.direction])}</h2>
          <dl class="facts">
            <dt>{tr(ctx, 'Bưu điện', 'Post office')}</dt>
            <dd>{s.postOffice}</dd>
            <dt>{tr(ctx, 'Số hiệu bưu gửi', 'Item number')}</dt>
            <dd>{s.itemNumber ?? tr(ctx, 'Chưa có', 'None yet')}</dd>
            <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
            <dd>
              <StatusTag ctx={ctx} status={s.status} />
              {s.failureReason && ` · ${s.failureReason}`}
            </dd>
          </dl>
          <PostalTimeline ctx={ctx} events={s.events} />
        </section>
      ))}
      <p>
        <a href={`/tra-cuu?code=${encodeURIComponent(code)}&check=${encodeURIComponent(props.check)}`}>
          {tr(ctx, '← Tình trạng giải quyết hồ sơ', '← Dossier status')}
        </a>
      </p>
    </Layout>
  );
}

/** The post office's pages and the citizen's public page of postal steps. */
export function registerPostalPages(app: App, p: Platform): void {
  app.get(BASE, { config: { permission: PERMISSION } }, async (req, reply) => {
    const q = req.query as Values;
    const status = (shipmentStatuses as readonly string[]).includes(q.status ?? '') ? (q.status as ShipmentStatus) : undefined;
    const pageNo = Math.min(Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1), 10000);
    const found = await listShipments(p.db, { scopes: postOfficeScopes(req), status, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE });
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<ListPage ctx={ctx} rows={found.rows} total={found.total} page={pageNo} status={status} />));
  });

  const renderShipment = async (
    req: FastifyRequest,
    reply: FastifyReply,
    s: ShipmentRow,
    values: Values,
    errors: FormErrors,
    status = 200,
    message?: string,
  ) => {
    const ctx = pageContext(req, reply);
    const events = await listPostalEvents(p.db, s.id);
    return html(reply, renderPage(<ShipmentPage ctx={ctx} s={s} events={events} values={values} errors={errors} message={message} />), status);
  };

  app.get(`${BASE}/:id`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const s = await loadForPostOffice(p, req, (req.params as { id: string }).id);
    await recordShipmentRead(p.db, req.actor(), s, 'page');
    return renderShipment(req, reply, s, {}, {});
  });

  app.post(`${BASE}/:id/buoc`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const s = await loadForPostOffice(p, req, (req.params as { id: string }).id);
    const form = cleanForm(req.body) as Values;
    try {
      const input = stepInputFrom(form);
      await inTransaction(p.db, async (tx) => {
        const locked = (await lockShipment(tx, s.id)) as ShipmentRow;
        await recordPostalStep(tx, req.actor(), locked, input, dossierClock.now());
      });
      const done = actionLabels[input.status];
      return redirectWithFlash(req, reply, `${BASE}/${s.id}`, tr(req, `Đã ghi: ${done.vi}`, `Recorded: ${done.en}`));
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 403) {
        const fresh = (await loadForPostOffice(p, req, s.id)) as ShipmentRow;
        const message = err.errors.length ? undefined : (err.detail?.[req.lang] ?? err.message);
        return renderShipment(req, reply, fresh, form, formErrors(err.errors, req.lang), err.status, message);
      }
      throw err;
    }
  });

  app.get('/tra-cuu/:code/buu-dien', { config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const raw = String((req.params as { code: string }).code ?? '')
      .trim()
      .toUpperCase();
    const code = /^[A-Z0-9][A-Z0-9.]{0,63}-[0-9]{6}-[0-9]{4,6}$/.test(raw) ? raw : '';
    if (!code) throw new AppError('NOT_FOUND', { detail: { vi: 'Mã hồ sơ có dạng 30337-260213-0001', en: 'A code looks like 30337-260213-0001' } });
    const check = String((req.query as Values).check ?? '').trim();
    const errors: FormErrors = {};
    let notFound = false;
    let shipments: ReturnType<typeof presentPublicShipment>[] | null = null;
    if (check !== '' || (req.query as Values).check !== undefined) {
      if (!/^[0-9]{4}$/.test(check)) errors.check = tr(req, 'Nhập đúng 4 chữ số', 'Enter exactly 4 digits');
      else {
        try {
          const d = await findForCitizen(p, code, check);
          const list = await listShipmentsOfDossier(p.db, d.id);
          shipments = await Promise.all(list.map(async (s) => presentPublicShipment(s, await listPostalEvents(p.db, s.id))));
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 404) throw err;
          notFound = true;
        }
      }
    }
    const status = notFound ? 404 : Object.keys(errors).length ? 400 : 200;
    return html(reply, renderPage(<PublicPage ctx={ctx} code={code} check={check} errors={errors} notFound={notFound} shipments={shipments} />), status);
  });
}
