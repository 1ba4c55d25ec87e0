/**
 * Staff pages for a unit's LED board and kiosk messages (`/quan-tri/bang-led`): the list in board order with
 * move up/down, switch on/off and delete, an add form, and an edit page. Permission `kiosks.manage` on the unit.
 * Every form works without JavaScript and re-renders with the input and an error summary when it fails.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { dossierClock } from '../dossiers/index.ts';
import { todayInVietnam } from '../procedures/index.ts';
import { findUnitById, type UnitRow } from '../units/index.ts';
import { mustFindKioskUnit } from './api.ts';
import { createKioskMessage } from './commands/create-kiosk-message.ts';
import { deleteKioskMessage } from './commands/delete-kiosk-message.ts';
import { editKioskMessage, messageNotFound } from './commands/edit-kiosk-message.ts';
import { findMessageById, listMessages, type MessageRow } from './queries.ts';
import { shownOn, stepPosition } from './rules/board.ts';
import { MessageBody, MessagePatch } from './schema.ts';

const BASE = '/quan-tri/bang-led';
const PERMISSION = 'kiosks.manage';
const fmtDate = (iso: string) => iso.split('-').reverse().join('/');

type Values = Record<string, string | string[] | undefined>;
const str = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);

const fieldLabels = (ctx: PageContext) => ({
  text: tr(ctx, 'Nội dung', 'Text'),
  validFrom: tr(ctx, 'Hiển thị từ ngày', 'Show from'),
  validTo: tr(ctx, 'Đến hết ngày', 'Show until'),
  form: tr(ctx, 'Biểu mẫu', 'Form'),
});

/** The text, dates and switch of the add and edit forms. */
function MessageFields(props: { ctx: PageContext; values: Values; errors: FormErrors; enabledDefault: boolean }) {
  const { ctx, values, errors } = props;
  const enabled = values.enabled === undefined ? props.enabledDefault : values.enabled === 'on' || values.enabled === 'true';
  return (
    <>
      <TextArea
        name="text"
        label={tr(ctx, 'Nội dung (tối đa 300 ký tự)', 'Text (at most 300 characters)')}
        value={str(values, 'text')}
        errors={errors}
        rows={3}
        required
        hint={tr(ctx, 'Viết ngắn gọn: bảng LED hiển thị mỗi thông điệp 10 giây.', 'Keep it short: the board shows each message for 10 seconds.')}
      />
      <Field
        name="validFrom"
        type="date"
        label={tr(ctx, 'Hiển thị từ ngày (không bắt buộc)', 'Show from (optional)')}
        value={str(values, 'validFrom')}
        errors={errors}
      />
      <Field
        name="validTo"
        type="date"
        label={tr(ctx, 'Đến hết ngày (không bắt buộc)', 'Show until (optional)')}
        value={str(values, 'validTo')}
        errors={errors}
      />
      <div class="field">
        <input type="checkbox" id="f-enabled" name="enabled" value="on" checked={enabled} />{' '}
        <label for="f-enabled">{tr(ctx, 'Đang bật (hiển thị trên bảng)', 'On (shown on the board)')}</label>
      </div>
    </>
  );
}

function ListPage(props: { ctx: PageContext; unit: UnitRow; rows: MessageRow[]; day: string; values: Values; errors: FormErrors }) {
  const { ctx, unit, rows, day } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Bảng LED', 'LED board')}>
      <PageHeading title={`${tr(ctx, 'Thông điệp bảng LED và màn hình niêm yết', 'LED board and kiosk messages')} · ${unit.name}`} />
      <p>
        <a href={`/kiosk/${unit.code}/bang-led`}>{tr(ctx, 'Xem bảng LED', 'View the LED board')}</a> ·{' '}
        <a href={`/kiosk/${unit.code}`}>{tr(ctx, 'Xem màn hình niêm yết', 'View the listing kiosk')}</a>
      </p>
      <p class="hint">
        {tr(
          ctx,
          'Bảng LED lần lượt hiển thị các thông điệp đang bật theo thứ tự dưới đây, rồi số liệu tiếp nhận, giải quyết hồ sơ hôm nay và lời nhắc kết thúc hồ sơ. Thay đổi hiển thị trên bảng trong vòng một phút.',
          'The board shows the messages that are on, in this order, then today’s dossier figures and the reminder to close returned dossiers. Changes show on the board within a minute.',
        )}
      </p>
      {rows.length === 0 ? (
        <p class="muted">{tr(ctx, 'Đơn vị chưa có thông điệp nào.', 'No messages yet.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Thông điệp của đơn vị', 'The unit’s messages')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Thứ tự', 'Order')}</th>
                <th scope="col">{tr(ctx, 'Nội dung', 'Text')}</th>
                <th scope="col">{tr(ctx, 'Thời gian hiển thị', 'Shown')}</th>
                <th scope="col">{tr(ctx, 'Trạng thái', 'State')}</th>
                <th scope="col">{tr(ctx, 'Thao tác', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const showing = shownOn({ id: r.id, position: r.position, enabled: r.enabled, validFrom: r.valid_from, validTo: r.valid_to }, day);
                return (
                  <tr key={r.id} data-message={r.id}>
                    <td>{r.position}</td>
                    <td>{r.body}</td>
                    <td>
                      {r.valid_from || r.valid_to
                        ? `${r.valid_from ? fmtDate(r.valid_from) : '…'} – ${r.valid_to ? fmtDate(r.valid_to) : '…'}`
                        : tr(ctx, 'Luôn luôn', 'Always')}
                    </td>
                    <td>
                      {!r.enabled
                        ? tr(ctx, 'Đang tắt', 'Off')
                        : showing
                          ? tr(ctx, 'Đang hiển thị', 'Showing')
                          : tr(ctx, 'Bật, ngoài thời gian hiển thị', 'On, outside its dates')}
                    </td>
                    <td class="actions">
                      <a href={`${BASE}/${r.id}`} aria-label={tr(ctx, `Sửa thông điệp ${r.position}`, `Edit message ${r.position}`)}>
                        {tr(ctx, 'Sửa', 'Edit')}
                      </a>
                      {i > 0 && (
                        <form method="post" action={`${BASE}/${r.id}/thu-tu`} class="inline">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="direction" value="up" />
                          <button type="submit" class="secondary" aria-label={tr(ctx, `Đưa thông điệp ${r.position} lên`, `Move message ${r.position} up`)}>
                            {tr(ctx, 'Lên', 'Up')}
                          </button>
                        </form>
                      )}
                      {i < rows.length - 1 && (
                        <form method="post" action={`${BASE}/${r.id}/thu-tu`} class="inline">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="direction" value="down" />
                          <button type="submit" class="secondary" aria-label={tr(ctx, `Đưa thông điệp ${r.position} xuống`, `Move message ${r.position} down`)}>
                            {tr(ctx, 'Xuống', 'Down')}
                          </button>
                        </form>
                      )}
                      <form method="post" action={`${BASE}/${r.id}/trang-thai`} class="inline">
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="enabled" value={r.enabled ? 'false' : 'true'} />
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={
                            r.enabled
                              ? tr(ctx, `Tắt thông điệp ${r.position}`, `Switch off message ${r.position}`)
                              : tr(ctx, `Bật thông điệp ${r.position}`, `Switch on message ${r.position}`)
                          }
                        >
                          {r.enabled ? tr(ctx, 'Tắt', 'Off') : tr(ctx, 'Bật', 'On')}
                        </button>
                      </form>
                      <form method="post" action={`${BASE}/${r.id}/xoa`} class="inline">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="secondary" aria-label={tr(ctx, `Xóa thông điệp ${r.position}`, `Delete message ${r.position}`)}>
                          {tr(ctx, 'Xóa', 'Delete')}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2 id="them">{tr(ctx, 'Thêm thông điệp', 'Add a message')}</h2>
      <form method="post" action={BASE} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="unit" value={unit.code} />
        <ErrorSummary ctx={ctx} errors={props.errors} labels={fieldLabels(ctx)} />
        <MessageFields ctx={ctx} values={props.values} errors={props.errors} enabledDefault={true} />
        <button type="submit">{tr(ctx, 'Thêm thông điệp', 'Add the message')}</button>
      </form>
    </Layout>
  );
}

function EditPage(props: { ctx: PageContext; unit: UnitRow; row: MessageRow; values: Values; errors: FormErrors }) {
  const { ctx, unit, row } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Sửa thông điệp', 'Edit message')}>
      <PageHeading title={`${tr(ctx, 'Sửa thông điệp số', 'Edit message')} ${row.position} · ${unit.name}`} />
      <p>
        <a href={`${BASE}?unit=${unit.code}`}>{tr(ctx, 'Về danh sách thông điệp', 'Back to the messages')}</a>
      </p>
      <form method="post" action={`${BASE}/${row.id}`} novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={props.errors} labels={fieldLabels(ctx)} />
        <MessageFields ctx={ctx} values={props.values} errors={props.errors} enabledDefault={row.enabled} />
        <button type="submit">{tr(ctx, 'Lưu', 'Save')}</button>
      </form>
    </Layout>
  );
}

/** The unit a list page is about (`?unit=`, else the first unit where the viewer manages the board). @throws AppError FORBIDDEN, UNIT_NOT_FOUND */
async function unitFor(p: Platform, req: FastifyRequest): Promise<UnitRow> {
  const code = (req.query as Record<string, string | undefined>).unit;
  if (code) {
    const unit = await mustFindKioskUnit(p.db, code);
    req.requireOn(PERMISSION, unit.path);
    return unit;
  }
  const grant = req.principal?.kind === 'user' ? req.principal.grants.find((g) => req.can(PERMISSION, g.unitPath)) : undefined;
  const unit = grant ? await findUnitById(p.db, grant.unitId) : null;
  if (!unit) throw new AppError('FORBIDDEN');
  return unit;
}

/** The message a URL names and its unit, checked for the permission. @throws AppError NOT_FOUND, FORBIDDEN */
async function messageFor(p: Platform, req: FastifyRequest): Promise<{ row: MessageRow; unit: UnitRow }> {
  const id = Number((req.params as { id: string }).id);
  const row = Number.isSafeInteger(id) && id > 0 ? await findMessageById(p.db, id) : null;
  const unit = row ? await findUnitById(p.db, row.unit_id) : null;
  if (!row || !unit) throw messageNotFound(id);
  req.requireOn(PERMISSION, unit.path);
  return { row, unit };
}

/** The add/edit form as the command's input; empty dates clear them. */
function inputOf(form: Values) {
  return {
    text: str(form, 'text') ?? '',
    enabled: form.enabled === 'on' || form.enabled === 'true',
    validFrom: str(form, 'validFrom') ?? null,
    validTo: str(form, 'validTo') ?? null,
  };
}

const today = () => todayInVietnam(dossierClock.now());

export function registerKioskStaffPages(app: App, p: Platform): void {
  const renderList = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, values: Values, errors: FormErrors, status = 200) =>
    html(
      reply,
      renderPage(<ListPage ctx={pageContext(req, reply)} unit={unit} rows={await listMessages(p.db, unit.id)} day={today()} values={values} errors={errors} />),
      status,
    );

  /** Runs a command; a validation failure re-renders the form instead of the error page. */
  const attempt = async (
    run: () => Promise<unknown>,
    onInvalid: (errors: FormErrors, status: number) => FastifyReply | Promise<FastifyReply>,
    lang: 'vi' | 'en',
  ) => {
    try {
      await run();
      return null;
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return onInvalid(formErrors(err.errors, lang), err.status);
      throw err;
    }
  };

  app.get(BASE, { config: { permission: PERMISSION } }, async (req, reply) => renderList(req, reply, await unitFor(p, req), {}, {}));

  app.post(BASE, { config: { permission: PERMISSION } }, async (req, reply) => {
    const form = cleanForm(req.body) as Values;
    const unit = await mustFindKioskUnit(p.db, str(form, 'unit') ?? '');
    req.requireOn(PERMISSION, unit.path);
    const checked = validate(MessageBody, inputOf(form));
    if (!checked.ok) return renderList(req, reply, unit, form, formErrors(checked.errors, req.lang), 400);
    const failed = await attempt(
      () => inTransaction(p.db, (tx) => createKioskMessage(tx, req.actor(), unit, checked.value)),
      (errors, status) => renderList(req, reply, unit, form, errors, status),
      req.lang,
    );
    return failed ?? redirectWithFlash(req, reply, `${BASE}?unit=${unit.code}`, tr(req, 'Đã thêm thông điệp', 'Message added'));
  });

  const renderEdit = (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, row: MessageRow, values: Values, errors: FormErrors, status = 200) =>
    html(reply, renderPage(<EditPage ctx={pageContext(req, reply)} unit={unit} row={row} values={values} errors={errors} />), status);

  app.get(`${BASE}/:id`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const { row, unit } = await messageFor(p, req);
    const values: Values = { text: row.body, validFrom: row.valid_from ?? undefined, validTo: row.valid_to ?? undefined, enabled: row.enabled ? 'on' : 'off' };
    return renderEdit(req, reply, unit, row, values, {});
  });

  app.post(`${BASE}/:id`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const { row, unit } = await messageFor(p, req);
    const form = cleanForm(req.body) as Values;
    const values: Values = { ...form, enabled: form.enabled === undefined ? 'off' : form.enabled };
    const checked = validate(MessagePatch, inputOf(form));
    if (!checked.ok) return renderEdit(req, reply, unit, row, values, formErrors(checked.errors, req.lang), 400);
    const failed = await attempt(
      () => inTransaction(p.db, (tx) => editKioskMessage(tx, req.actor(), unit, row.id, checked.value)),
      (errors, status) => renderEdit(req, reply, unit, row, values, errors, status),
      req.lang,
    );
    return failed ?? redirectWithFlash(req, reply, `${BASE}?unit=${unit.code}`, tr(req, 'Đã lưu thông điệp', 'Message saved'));
  });

  app.post(`${BASE}/:id/thu-tu`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const { row, unit } = await messageFor(p, req);
    const direction = (cleanForm(req.body) as Values).direction === 'up' ? 'up' : 'down';
    await inTransaction(p.db, async (tx) => {
      const position = stepPosition(await listMessages(tx, unit.id), row.id, direction);
      await editKioskMessage(tx, req.actor(), unit, row.id, { position });
    });
    return redirectWithFlash(req, reply, `${BASE}?unit=${unit.code}`, tr(req, 'Đã đổi thứ tự', 'Order changed'));
  });

  app.post(`${BASE}/:id/trang-thai`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const { row, unit } = await messageFor(p, req);
    const enabled = (cleanForm(req.body) as Values).enabled === 'true';
    await inTransaction(p.db, (tx) => editKioskMessage(tx, req.actor(), unit, row.id, { enabled }));
    return redirectWithFlash(
      req,
      reply,
      `${BASE}?unit=${unit.code}`,
      enabled ? tr(req, 'Đã bật thông điệp', 'Message switched on') : tr(req, 'Đã tắt thông điệp', 'Message switched off'),
    );
  });

  app.post(`${BASE}/:id/xoa`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const { row, unit } = await messageFor(p, req);
    await inTransaction(p.db, (tx) => deleteKioskMessage(tx, req.actor(), unit, row.id));
    return redirectWithFlash(req, reply, `${BASE}?unit=${unit.code}`, tr(req, 'Đã xóa thông điệp', 'Message deleted'));
  });
}
