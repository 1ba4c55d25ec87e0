/**
 * The public side of home appointments (hẹn giờ thực hiện TTHC tại nhà, M6): the request form at /hen-tai-nha (works
 * without JavaScript and at 320 px; consent box, robot trap, idempotency key, rate limit), the request's page by its
 * code (status and time only, never the citizen's data) and each person's secret iCalendar feed of their visits.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import type { Text } from '../../platform/i18n/index.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, RobotTrap, Select, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext } from '../../web/page.ts';
import { isTerritorial, listUnits } from '../units/index.ts';
import { mustFindAppointment } from './access.ts';
import { requestAppointment } from './commands/request-appointment.ts';
import { visitsCalendar } from './ical.ts';
import { findFeedOwner, listVisitsOf } from './queries.ts';
import { appointmentKinds, kindLabels, priorityGroups, priorityLabels, statusLabels } from './rules/lifecycle.ts';
import { checkRequest, NEED_MAX } from './rules/request.ts';
import { describeVisit, hhmm, vietnamLocal } from './rules/slots.ts';
import { trackPathOf } from './visit-notices.ts';

export const PUBLIC_PATH = '/hen-tai-nha';
export const FEED_BASE = '/lich-hen';
/** Per address: a person files a request or two; more is a robot or a loop. */
export const FORM_RATE_LIMIT = { max: 5, timeWindow: 60 * 1000 };
const PAGE_RATE_LIMIT = { max: 60, timeWindow: 60 * 1000 };
const LOOKUP_RATE_LIMIT = { max: 30, timeWindow: 60 * 1000 };
const KEY_RE = /^[A-Za-z0-9_-]{8,200}$/;
const FIELDS = ['unit', 'kind', 'date', 'time', 'name', 'phone', 'email', 'address', 'priority', 'need', 'procedure', 'dossierCode'] as const;
type Values = Record<(typeof FIELDS)[number], string> & { consent: boolean; key: string };

const t = (ctx: PageContext, text: Text) => tr(ctx, text.vi, text.en);
/** Half-hour starts a 45-minute visit can take in the usual office hours (the server checks the unit's own). */
const TIMES = ['07:00', '07:30', '08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'];

function FormPage(props: { ctx: PageContext; values: Values; errors: FormErrors; places: { code: string; label: string }[] }) {
  const { ctx, values: v, errors } = props;
  const title = tr(ctx, 'Hẹn cán bộ đến nhà', 'Ask for a home visit');
  const times = TIMES.includes(v.time) || !v.time ? TIMES : [v.time, ...TIMES];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        {tr(
          ctx,
          'Cán bộ xã, phường đến tận nhà để hướng dẫn kê khai, nhận hồ sơ hoặc trả kết quả thủ tục hành chính theo giờ ông/bà chọn, trong giờ làm việc. Người cao tuổi, người khuyết tật, người ốm đau bệnh nặng, đối tượng bảo trợ xã hội và người có công được ưu tiên và phục vụ miễn phí.',
          'Staff of your commune or ward come to your home to guide you, take your dossier or hand over its result at the time you choose, in office hours. Elderly, disabled and seriously ill people, social-protection beneficiaries and people with meritorious service come first and are served free.',
        )}
      </p>
      <p class="muted">
        {tr(ctx, 'Cán bộ sẽ gọi lại số điện thoại của ông/bà để xác nhận giờ hẹn.', 'Staff will call your phone number back to confirm the time.')}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={PUBLIC_PATH} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="key" value={v.key} />
        <Select
          name="kind"
          label={tr(ctx, 'Việc cần làm tại nhà', 'What you need at home')}
          value={v.kind}
          errors={errors}
          required
          options={appointmentKinds.map((k) => ({ value: k, label: t(ctx, kindLabels[k]) }))}
        />
        <Select
          name="unit"
          label={tr(ctx, 'Xã, phường nơi ông/bà ở', 'Your commune or ward')}
          value={v.unit}
          errors={errors}
          required
          options={[{ value: '', label: tr(ctx, '— Chọn xã, phường —', '— Choose —') }, ...props.places.map((u) => ({ value: u.code, label: u.label }))]}
        />
        <Field
          name="date"
          type="date"
          label={tr(ctx, 'Ngày hẹn', 'Date')}
          hint={tr(ctx, 'Một ngày làm việc (thứ Hai đến thứ Sáu, trừ ngày lễ)', 'A working day (Monday to Friday, not a public holiday)')}
          value={v.date}
          errors={errors}
          required
        />
        <Select
          name="time"
          label={tr(ctx, 'Giờ hẹn', 'Time')}
          hint={tr(
            ctx,
            'Mỗi lượt hẹn khoảng 45 phút, trong giờ làm việc 07:00–11:30 và 13:30–17:00',
            'A visit takes about 45 minutes, within 07:00–11:30 and 13:30–17:00',
          )}
          value={v.time}
          errors={errors}
          required
          options={[{ value: '', label: tr(ctx, '— Chọn giờ —', '— Choose —') }, ...times.map((x) => ({ value: x, label: x }))]}
        />
        <Field name="name" label={tr(ctx, 'Họ và tên', 'Full name')} value={v.name} errors={errors} autocomplete="name" maxLength={200} required />
        <Field
          name="phone"
          type="tel"
          label={tr(ctx, 'Số điện thoại', 'Phone')}
          hint={tr(ctx, 'Để cán bộ gọi lại hẹn giờ, vd. 0912 345 678', 'So that staff can call you back, e.g. 0912 345 678')}
          value={v.phone}
          errors={errors}
          autocomplete="tel"
          maxLength={30}
          required
        />
        <Field
          name="email"
          type="email"
          label={tr(ctx, 'Thư điện tử (không bắt buộc)', 'E-mail (optional)')}
          value={v.email}
          errors={errors}
          autocomplete="email"
          maxLength={254}
        />
        <Field
          name="address"
          label={tr(ctx, 'Địa chỉ nhà', 'Home address')}
          hint={tr(ctx, 'Số nhà, đường, khóm/ấp', 'House number, street, hamlet')}
          value={v.address}
          errors={errors}
          autocomplete="street-address"
          maxLength={300}
          required
        />
        <Select
          name="priority"
          label={tr(ctx, 'Đối tượng ưu tiên (nếu có)', 'Priority group (if any)')}
          hint={tr(ctx, 'Đối tượng ưu tiên được phục vụ trước và miễn phí', 'Priority groups are served first and free of charge')}
          value={v.priority}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, 'Không thuộc đối tượng ưu tiên', 'None') },
            ...priorityGroups.map((g) => ({ value: g, label: t(ctx, priorityLabels[g]) })),
          ]}
        />
        <Field
          name="procedure"
          label={tr(ctx, 'Thủ tục cần làm (nếu biết)', 'The procedure (if you know it)')}
          hint={tr(ctx, 'vd. Đăng ký khai sinh', 'e.g. Birth registration')}
          value={v.procedure}
          errors={errors}
          maxLength={300}
        />
        <Field
          name="dossierCode"
          label={tr(ctx, 'Mã hồ sơ (khi nhận kết quả tại nhà)', 'Dossier code (for a result delivery)')}
          hint={tr(ctx, 'In trên giấy tiếp nhận và hẹn trả kết quả, vd. 30337-260213-0001', 'Printed on the receipt, e.g. 30337-260213-0001')}
          value={v.dossierCode}
          errors={errors}
          maxLength={70}
        />
        <TextArea
          name="need"
          label={tr(ctx, 'Ông/bà cần hỗ trợ gì (không bắt buộc)', 'What you need (optional)')}
          hint={tr(ctx, `Tối đa ${NEED_MAX} ký tự`, `At most ${NEED_MAX} characters`)}
          value={v.need}
          errors={errors}
          rows={4}
        />
        <Checkbox
          name="consent"
          checked={v.consent}
          errors={errors}
          label={tr(
            ctx,
            'Tôi đồng ý để cơ quan dùng họ tên, số điện thoại, địa chỉ, thư điện tử và đối tượng ưu tiên trên chỉ để sắp xếp và thực hiện lịch hẹn tại nhà (Luật Bảo vệ dữ liệu cá nhân).',
            'I agree that the office uses the name, phone, address, e-mail and priority group above only to arrange and carry out the home visit (Personal Data Protection Law).',
          )}
        />
        <RobotTrap ctx={ctx} />
        <button type="submit" class="large">
          {tr(ctx, 'Gửi yêu cầu hẹn', 'Send the request')}
        </button>
      </form>
    </Layout>
  );
}

function StatusPage(props: { ctx: PageContext; a: Awaited<ReturnType<typeof mustFindAppointment>>; justSent: boolean }) {
  const { ctx, a } = props;
  const start = new Date(a.slot_start);
  const end = new Date(a.slot_end);
  const wished = vietnamLocal(new Date(a.requested_start));
  return (
    <Layout ctx={ctx} title={tr(ctx, `Lịch hẹn ${a.code}`, `Appointment ${a.code}`)}>
      {props.justSent ? (
        <div class="sub-done" role="status">
          <h1>{tr(ctx, 'Đã gửi yêu cầu hẹn', 'Request sent')}</h1>
          <p>{tr(ctx, 'Mã lịch hẹn của ông/bà', 'Your appointment code')}</p>
          <p class="sub-code">{a.code}</p>
        </div>
      ) : (
        <h1>{tr(ctx, `Lịch hẹn ${a.code}`, `Appointment ${a.code}`)}</h1>
      )}
      <dl class="facts">
        <dt>{tr(ctx, 'Việc', 'What')}</dt>
        <dd>{t(ctx, kindLabels[a.kind])}</dd>
        <dt>{tr(ctx, 'Đơn vị', 'Unit')}</dt>
        <dd>{a.unit_name}</dd>
        <dt>{tr(ctx, 'Tình trạng', 'Status')}</dt>
        <dd>
          <strong class="appt-status">{t(ctx, statusLabels[a.status])}</strong>
        </dd>
        <dt>{a.status === 'requested' ? tr(ctx, 'Giờ ông/bà chọn', 'Time you chose') : tr(ctx, 'Giờ hẹn', 'Time')}</dt>
        <dd class="appt-when">{describeVisit(start, end)}</dd>
        {a.status !== 'requested' && hhmm(wished.minute) !== hhmm(vietnamLocal(start).minute) && (
          <>
            <dt>{tr(ctx, 'Giờ ông/bà chọn lúc đầu', 'Time first chosen')}</dt>
            <dd>{`${hhmm(wished.minute)} ${wished.date.split('-').reverse().join('/')}`}</dd>
          </>
        )}
        {a.free && (
          <>
            <dt>{tr(ctx, 'Phí', 'Fee')}</dt>
            <dd>{tr(ctx, 'Miễn phí (đối tượng ưu tiên)', 'Free (priority group)')}</dd>
          </>
        )}
      </dl>
      <p>
        {a.status === 'requested'
          ? tr(
              ctx,
              'Cán bộ sẽ gọi lại số điện thoại ông/bà đã ghi để xác nhận hoặc đề xuất giờ khác. Hãy ghi lại mã lịch hẹn.',
              'Staff will call the number you gave to confirm or propose another time. Keep the appointment code.',
            )
          : a.status === 'proposed'
            ? tr(ctx, 'Cán bộ đề xuất giờ trên; sẽ gọi để thống nhất với ông/bà.', 'Staff proposed the time above and will call to agree it with you.')
            : a.status === 'confirmed'
              ? tr(ctx, 'Xin ông/bà chuẩn bị giấy tờ tùy thân và giấy tờ liên quan.', 'Please have your ID and the related papers ready.')
              : ''}
      </p>
      <p>
        <a href={PUBLIC_PATH}>{tr(ctx, 'Gửi một yêu cầu hẹn khác', 'Send another request')}</a>
      </p>
    </Layout>
  );
}

function DroppedPage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title={tr(props.ctx, 'Đã nhận', 'Received')}>
      <h1>{tr(props.ctx, 'Đã nhận', 'Received')}</h1>
      <p>{tr(props.ctx, 'Cảm ơn ông/bà.', 'Thank you.')}</p>
    </Layout>
  );
}

async function places(p: Platform): Promise<{ code: string; label: string }[]> {
  const all = await listUnits(p.db);
  const names = new Map(all.map((u) => [u.id, u.name]));
  return all
    .filter((u) => isTerritorial(u.kind) && u.kind !== 'province' && u.merged_into_id === null)
    .map((u) => ({ code: u.code, label: u.parent_id && names.get(u.parent_id) ? `${u.name} (${names.get(u.parent_id)})` : u.name }));
}

function valuesFrom(body: unknown): Values {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (k: string, max = 400) => (typeof b[k] === 'string' ? (b[k] as string).normalize('NFC').slice(0, max) : '');
  const key = s('key', 200).trim();
  const out = { consent: b.consent === 'on', key: KEY_RE.test(key) ? key : randomUUID() } as Values;
  for (const f of FIELDS) out[f] = s(f, f === 'need' ? NEED_MAX + 100 : 400);
  return out;
}

async function renderForm(p: Platform, req: FastifyRequest, reply: FastifyReply, values: Values, errors: FormErrors, status: number) {
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<FormPage ctx={ctx} values={values} errors={errors} places={await places(p)} />), status);
}

export function registerAppointmentsPublicPages(app: App, p: Platform): void {
  app.get(PUBLIC_PATH, { config: { permission: 'public', rateLimit: PAGE_RATE_LIMIT } }, async (req, reply) => {
    const unit = String((req.query as Record<string, unknown>)?.unit ?? '').slice(0, 64);
    const values = valuesFrom({ unit, kind: 'guidance' });
    return renderForm(p, req, reply, values, {}, 200);
  });

  app.post(PUBLIC_PATH, { config: { permission: 'public', rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    // The honeypot: a filled trap box means a robot. Answer as if all went well and keep nothing.
    if (typeof body.website === 'string' && body.website.trim() !== '') return html(reply, renderPage(<DroppedPage ctx={pageContext(req, reply)} />));
    const values = valuesFrom(body);
    const checked = checkRequest({ ...values, channel: 'web' }, ['web']);
    if (!checked.ok) return renderForm(p, req, reply, values, formErrors(checked.errors, req.lang), 400);
    try {
      const { appointment } = await requestAppointment(p.db, { userId: null, label: 'public:web', ip: req.ip ?? null, requestId: req.id }, checked.value, {
        idempotencyKey: values.key,
        now: new Date(),
      });
      return reply.redirect(`${trackPathOf(appointment.code)}?da-gui=1`, 303);
    } catch (err) {
      if (err instanceof AppError && err.errors.length && (err.code === 'APPOINTMENT_SLOT_REFUSED' || err.code === 'UNIT_NOT_FOUND')) {
        return renderForm(p, req, reply, values, formErrors(err.errors, req.lang), err.status);
      }
      throw err;
    }
  });

  // Holding the code is enough to see the request's status and time: never the citizen's data.
  app.get(`${PUBLIC_PATH}/c/:code`, { config: { permission: 'public', rateLimit: LOOKUP_RATE_LIMIT } }, async (req, reply) => {
    const a = await mustFindAppointment(p, (req.params as { code: string }).code);
    const justSent = (req.query as Record<string, unknown>)?.['da-gui'] === '1';
    return html(reply, renderPage(<StatusPage ctx={pageContext(req, reply)} a={a} justSent={justSent} />));
  });

  // A person's visits as iCalendar: the secret token in the address is the only key (calendar apps send no cookie).
  app.get(`${FEED_BASE}/:file`, { config: { permission: 'public', rateLimit: LOOKUP_RATE_LIMIT } }, async (req, reply) => {
    const file = String((req.params as { file: string }).file ?? '');
    const m = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file);
    const owner = m
      ? await findFeedOwner(
          p.db,
          createHash('sha256')
            .update(m[1] as string)
            .digest('hex'),
        )
      : null;
    if (!owner) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có lịch hẹn ở địa chỉ này', en: 'No calendar at this address' } });
    const items = await listVisitsOf(p.db, owner.user_id, new Date(Date.now() - 30 * 86_400_000));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline; filename="lich-hen-tai-nha.ics"')
      .send(visitsCalendar(items, p.config.publicUrl, owner.full_name));
  });
}
