/**
 * Staff pages of reconciliation (đối soát thanh toán), all needing payments.manage on the unit:
 * - /quan-tri/thanh-toan/sao-ke: import a bank statement (CSV or .xlsx); a bad file re-renders the form with the list
 *   of bad lines and applies nothing. Multipart, with the CSRF token and the unit in the action URL (so the unit is
 *   checked before the file is read).
 * - /quan-tri/thanh-toan/doi-soat: the unmatched, partial and duplicate payments, paged; each opens a page to match it
 *   by hand to a fee by its reference (after a confirmation page) or close it as refunded / other with a note.
 * Payers' names and accounts are personal data: shown to the unit's staff only, and each view is audited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanText } from '../../platform/text/index.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import { importStatement } from './commands/import-statement.ts';
import { type Resolution, resolvePayment } from './commands/resolve-payment.ts';
import { findFeeOfUnit, findPayment, listExceptions, OPEN_STATUSES, type PaymentRow } from './queries.ts';
import type { LineProblem } from './rules/statement.ts';
import { MAX_STATEMENT_BYTES } from './rules/statement.ts';

export const IMPORT_PAGE = '/quan-tri/thanh-toan/sao-ke';
export const EXCEPTIONS_PAGE = '/quan-tri/thanh-toan/doi-soat';
const PERMISSION = 'payments.manage';
const PAGE_SIZE = 50;

const str = (v: unknown, max = 100): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const money = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;
const moment = (d: Date | string) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(d));

const STATUS_LABEL: Record<PaymentRow['status'], { vi: string; en: string }> = {
  matched: { vi: 'Đã khớp', en: 'Matched' },
  partial: { vi: 'Chuyển thiếu', en: 'Partial' },
  duplicate: { vi: 'Chuyển trùng', en: 'Duplicate' },
  unmatched: { vi: 'Chưa khớp', en: 'Unmatched' },
  resolved: { vi: 'Đã xử lý', en: 'Resolved' },
};

async function manageableUnits(p: Platform, req: FastifyRequest): Promise<UnitRow[]> {
  return (await listUnits(p.db)).filter((u) => u.merged_into_id === null && req.can(PERMISSION, u.path));
}

/** The unit named by `?unit=` (checked), or the viewer's first. */
async function chosenUnit(p: Platform, req: FastifyRequest): Promise<{ unit: UnitRow; units: UnitRow[] }> {
  const units = await manageableUnits(p, req);
  const code = str((req.query as Record<string, unknown>).unit);
  if (code) {
    const unit = await findUnitByCode(p.db, code);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    req.requireOn(PERMISSION, unit.path);
    return { unit, units: units.some((u) => u.id === unit.id) ? units : [unit, ...units] };
  }
  const first = units[0];
  if (!first) throw new AppError('FORBIDDEN');
  return { unit: first, units };
}

function UnitPicker(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; action: string }) {
  if (props.units.length <= 1) return null;
  return (
    <form class="search" method="get" action={props.action}>
      <Select
        name="unit"
        label={tr(props.ctx, 'Đơn vị', 'Unit')}
        value={props.unit.code}
        options={props.units.map((u) => ({ value: u.code, label: u.name }))}
      />
      <button type="submit">{tr(props.ctx, 'Xem', 'Show')}</button>
    </form>
  );
}

function ImportPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; errors: FormErrors; problems: LineProblem[]; more: number }) {
  const { ctx, unit, errors, problems } = props;
  const action = `${IMPORT_PAGE}?unit=${encodeURIComponent(unit.code)}&_csrf=${encodeURIComponent(ctx.csrf)}`;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Nhập sao kê · ${unit.name}`, `Import a statement · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Nhập sao kê ngân hàng: ${unit.name}`, `Import a bank statement: ${unit.name}`)} />
      <UnitPicker ctx={ctx} unit={unit} units={props.units} action={IMPORT_PAGE} />
      <p>
        {tr(
          ctx,
          'Tải lên sao kê tài khoản chuyên thu do ngân hàng xuất (CSV hoặc Excel .xlsx). Chỉ các dòng ghi có được đối soát theo mã thanh toán (GD…) và số tiền. Nếu có dòng sai, không dòng nào được ghi.',
          'Upload the statement of the collection account as the bank exports it (CSV or Excel .xlsx). Only credit lines are matched, by payment reference (GD…) and amount. If any line is bad, nothing is applied.',
        )}
      </p>
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <div class={`field${errors.file ? ' has-error' : ''}`}>
          <label for="f-file">{tr(ctx, 'Tệp sao kê', 'Statement file')}</label>
          <p class="hint" id="f-file-hint">
            {tr(ctx, 'CSV (UTF-8) hoặc .xlsx, tối đa 20 MB.', 'CSV (UTF-8) or .xlsx, at most 20 MB.')}
          </p>
          {errors.file && (
            <p class="error" id="f-file-error">
              {errors.file}
            </p>
          )}
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={errors.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
            aria-invalid={errors.file ? 'true' : undefined}
          />
        </div>
        <button type="submit">{tr(ctx, 'Nhập sao kê', 'Import')}</button>
      </form>
      {problems.length > 0 && (
        <section aria-labelledby="dong-loi">
          <h2 id="dong-loi">{tr(ctx, 'Các dòng không hợp lệ', 'Invalid lines')}</h2>
          <TableWrap label={tr(ctx, 'Các dòng không hợp lệ', 'Invalid lines')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Dòng', 'Line')}</th>
                  <th scope="col">{tr(ctx, 'Lý do', 'Reason')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((pr) => (
                  <tr key={pr.line}>
                    <td>{pr.line === 0 ? tr(ctx, 'Cả tệp', 'File') : pr.line}</td>
                    <td>{pr.reason[ctx.lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {props.more > 0 && <p>{tr(ctx, `… và ${props.more} dòng khác.`, `… and ${props.more} more.`)}</p>}
        </section>
      )}
      <p>
        <a href={`${EXCEPTIONS_PAGE}?unit=${encodeURIComponent(unit.code)}`}>{tr(ctx, 'Giao dịch cần đối soát →', 'Payments to resolve →')}</a>
      </p>
    </Layout>
  );
}

function ExceptionsPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  status: string;
  page: number;
  list: { rows: PaymentRow[]; total: number };
}) {
  const { ctx, unit, list } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Đối soát · ${unit.name}`, `Reconciliation · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Giao dịch cần đối soát: ${unit.name}`, `Payments to resolve: ${unit.name}`)} />
      <form class="search" method="get" action={EXCEPTIONS_PAGE}>
        <input type="hidden" name="unit" value={unit.code} />
        <Select
          name="status"
          label={tr(ctx, 'Loại', 'Kind')}
          value={props.status}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...OPEN_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s][ctx.lang] }))]}
        />
        <button type="submit">{tr(ctx, 'Lọc', 'Filter')}</button>
      </form>
      <UnitPicker ctx={ctx} unit={unit} units={props.units} action={EXCEPTIONS_PAGE} />
      {list.rows.length === 0 ? (
        <p>{tr(ctx, 'Không có giao dịch nào cần đối soát.', 'Nothing to resolve.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Giao dịch cần đối soát', 'Payments to resolve')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Ngày', 'Date')}</th>
                <th scope="col">{tr(ctx, 'Số tiền', 'Amount')}</th>
                <th scope="col">{tr(ctx, 'Nội dung', 'Description')}</th>
                <th scope="col">{tr(ctx, 'Tình trạng', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>{moment(r.booked_at)}</td>
                  <td>{money(r.amount_vnd)}</td>
                  <td>
                    <a href={`${EXCEPTIONS_PAGE}/${r.id}`}>{r.description || tr(ctx, '(không có nội dung)', '(no description)')}</a>
                  </td>
                  <td>
                    {STATUS_LABEL[r.status][ctx.lang]}
                    {r.note && <p class="hint">{r.note}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pageSize={PAGE_SIZE}
        total={list.total}
        base={EXCEPTIONS_PAGE}
        query={{ unit: unit.code, ...(props.status ? { status: props.status } : {}) }}
      />
      <p>
        <a href={`${IMPORT_PAGE}?unit=${encodeURIComponent(unit.code)}`}>{tr(ctx, 'Nhập sao kê ngân hàng', 'Import a bank statement')}</a>
      </p>
    </Layout>
  );
}

interface ResolveValues {
  reference: string;
  note: string;
}

type FeeForConfirm = NonNullable<Awaited<ReturnType<typeof findFeeOfUnit>>>;

function PaymentPage(props: { ctx: PageContext; p: PaymentRow; values: ResolveValues; errors: FormErrors; confirm: FeeForConfirm | null }) {
  const { ctx, p, values, errors, confirm } = props;
  const open = p.status === 'unmatched' || p.status === 'partial' || p.status === 'duplicate';
  const action = `${EXCEPTIONS_PAGE}/${p.id}`;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Giao dịch ${p.bank_txn_id}`, `Payment ${p.bank_txn_id}`)}>
      <p>
        <a href={`${EXCEPTIONS_PAGE}?unit=${encodeURIComponent(p.unit_code)}`}>{tr(ctx, '← Giao dịch cần đối soát', '← Payments to resolve')}</a>
      </p>
      <h1>{tr(ctx, `Giao dịch ${p.bank_txn_id}`, `Payment ${p.bank_txn_id}`)}</h1>
      <dl class="facts">
        <dt>{tr(ctx, 'Tình trạng', 'Status')}</dt>
        <dd>{STATUS_LABEL[p.status][ctx.lang]}</dd>
        <dt>{tr(ctx, 'Số tiền', 'Amount')}</dt>
        <dd>{money(p.amount_vnd)}</dd>
        <dt>{tr(ctx, 'Ngày giao dịch', 'Date')}</dt>
        <dd>{moment(p.booked_at)}</dd>
        <dt>{tr(ctx, 'Nội dung chuyển khoản', 'Description')}</dt>
        <dd>{p.description}</dd>
        <dt>{tr(ctx, 'Người chuyển', 'Payer')}</dt>
        <dd>{[p.payer_name, p.payer_account].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{tr(ctx, 'Nguồn', 'Source')}</dt>
        <dd>{p.source === 'statement' ? tr(ctx, 'Sao kê ngân hàng', 'Bank statement') : tr(ctx, 'Cổng thông báo thanh toán', 'Payment gateway')}</dd>
        {p.fee_reference && (
          <>
            <dt>{tr(ctx, 'Khoản phí', 'Fee')}</dt>
            <dd>{p.fee_reference}</dd>
          </>
        )}
        {p.note && (
          <>
            <dt>{tr(ctx, 'Ghi chú', 'Note')}</dt>
            <dd>{p.note}</dd>
          </>
        )}
      </dl>
      {open && confirm && (
        <section aria-labelledby="xac-nhan">
          <h2 id="xac-nhan">{tr(ctx, 'Xác nhận đối chiếu', 'Confirm the match')}</h2>
          <p>
            {tr(
              ctx,
              `Ghi ${money(p.amount_vnd)} vào khoản phí ${confirm.reference} (${confirm.name}) của hồ sơ ${confirm.dossier_code}: phải nộp ${money(confirm.amount_vnd)}, đã nộp ${money(confirm.paid_vnd)}.`,
              `Credit ${money(p.amount_vnd)} to fee ${confirm.reference} (${confirm.name}) of dossier ${confirm.dossier_code}: due ${money(confirm.amount_vnd)}, paid ${money(confirm.paid_vnd)}.`,
            )}
          </p>
          <form method="post" action={action}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="action" value="match" />
            <input type="hidden" name="reference" value={confirm.reference} />
            <input type="hidden" name="note" value={values.note} />
            <input type="hidden" name="confirm" value="1" />
            <button type="submit">{tr(ctx, 'Xác nhận ghi vào khoản phí', 'Confirm')}</button>
          </form>
        </section>
      )}
      {open && !confirm && (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          {p.status !== 'partial' && (
            <section aria-labelledby="doi-chieu">
              <h2 id="doi-chieu">{tr(ctx, 'Đối chiếu thủ công với một khoản phí', 'Match by hand to a fee')}</h2>
              <form method="post" action={action} novalidate>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="action" value="match" />
                <Field
                  name="reference"
                  label={tr(ctx, 'Mã thanh toán của khoản phí', 'The fee’s payment reference')}
                  hint={tr(ctx, 'Ví dụ: GDAB23CD45EF. Bạn sẽ được hỏi xác nhận trước khi ghi.', 'E.g. GDAB23CD45EF. You will be asked to confirm.')}
                  value={values.reference}
                  errors={errors}
                  maxLength={25}
                  required
                />
                <TextArea name="note" label={tr(ctx, 'Ghi chú (không bắt buộc)', 'Note (optional)')} value={values.note} rows={2} />
                <button type="submit">{tr(ctx, 'Tiếp tục', 'Continue')}</button>
              </form>
            </section>
          )}
          <section aria-labelledby="dong">
            <h2 id="dong">{tr(ctx, 'Đóng giao dịch', 'Close the payment')}</h2>
            <form method="post" action={action} novalidate>
              <CsrfField ctx={ctx} />
              <TextArea
                name="note"
                label={tr(ctx, 'Đã xử lý thế nào', 'How it was settled')}
                hint={tr(ctx, 'Bắt buộc, 3–1000 ký tự.', 'Required, 3–1000 characters.')}
                value={values.note}
                errors={errors}
                rows={3}
                required
              />
              <button type="submit" name="action" value="refund">
                {tr(ctx, 'Đã hoàn trả người chuyển', 'Refunded')}
              </button>{' '}
              <button type="submit" name="action" value="other">
                {tr(ctx, 'Xử lý khác', 'Other')}
              </button>
            </form>
          </section>
        </>
      )}
    </Layout>
  );
}

/** Reads the one file of a multipart statement upload (over 20 MB: cut off and flagged). */
async function readUpload(req: FastifyRequest): Promise<{ name: string; content: Buffer; truncated: boolean } | null> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { vi: 'Gửi biểu mẫu dạng multipart/form-data (có tệp)', en: 'Send the form as multipart/form-data' },
    });
  }
  let file: { name: string; content: Buffer; truncated: boolean } | null = null;
  // throwFileSizeLimit is read by @fastify/multipart at run time but missing from its option type.
  const options = { limits: { fileSize: MAX_STATEMENT_BYTES }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
  for await (const part of req.parts(options)) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.filename || content.length > 0) file = { name: part.filename ?? '', content, truncated: part.file.truncated };
    }
  }
  return file;
}

async function loadPayment(p: Platform, req: FastifyRequest): Promise<PaymentRow> {
  const raw = (req.params as { id: string }).id;
  const row = /^[1-9][0-9]{0,14}$/.test(raw) ? await findPayment(p.db, Number(raw)) : null;
  if (!row) throw new AppError('PAYMENT_NOT_FOUND');
  req.requireOn(PERMISSION, row.unit_path);
  return row;
}

/** Staff routes of reconciliation. */
export function registerReconciliationPages(app: App, p: Platform): void {
  const renderImport = async (req: FastifyRequest, reply: FastifyReply, errors: FormErrors, problems: LineProblem[] = [], more = 0, status = 200) => {
    const { unit, units } = await chosenUnit(p, req);
    return html(
      reply,
      renderPage(<ImportPage ctx={pageContext(req, reply)} unit={unit} units={units} errors={errors} problems={problems} more={more} />),
      status,
    );
  };

  app.get(IMPORT_PAGE, { config: { permission: PERMISSION } }, async (req, reply) => renderImport(req, reply, {}));

  // The multipart parser here may take 20 MB (the platform's default is 10 MB); the body limit follows.
  app.post(IMPORT_PAGE, { bodyLimit: MAX_STATEMENT_BYTES + 1024 * 1024, config: { permission: PERMISSION } }, async (req, reply) => {
    const code = str((req.query as Record<string, unknown>).unit);
    const unit = code ? await findUnitByCode(p.db, code) : null;
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    req.requireOn(PERMISSION, unit.path);
    let file: Awaited<ReturnType<typeof readUpload>>;
    try {
      file = await readUpload(req);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'UNSUPPORTED_MEDIA_TYPE' || err.code === 'MALFORMED_REQUEST')) {
        return renderImport(req, reply, { file: err.detail?.[req.lang] ?? err.message }, [], 0, err.status);
      }
      throw err;
    }
    if (!file || file.content.length === 0) return renderImport(req, reply, { file: tr(req, 'Hãy chọn tệp sao kê', 'Choose a statement file') }, [], 0, 400);
    if (file.truncated) return renderImport(req, reply, { file: tr(req, 'Tệp lớn hơn 20 MB', 'The file is over 20 MB') }, [], 0, 413);
    try {
      const s = await importStatement(p.db, req.actor(), { unitId: unit.id, accountId: null, fileName: file.name, content: file.content });
      const flash = tr(
        req,
        `Đã nhập sao kê: ${s.lines} giao dịch ghi có; khớp ${s.matched}, chuyển thiếu ${s.partial}, trùng ${s.duplicate}, chưa khớp ${s.unmatched}, đã có trước ${s.alreadyRecorded}.`,
        `Statement imported: ${s.lines} credit lines; matched ${s.matched}, partial ${s.partial}, duplicate ${s.duplicate}, unmatched ${s.unmatched}, already recorded ${s.alreadyRecorded}.`,
      );
      return redirectWithFlash(req, reply, `${IMPORT_PAGE}?unit=${encodeURIComponent(unit.code)}`, flash);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'STATEMENT_INVALID') {
        const problems = (err.extra.lines ?? []) as LineProblem[];
        return renderImport(req, reply, { file: err.detail?.[req.lang] ?? err.message }, problems, Number(err.extra.more ?? 0), err.status);
      }
      if (err.code === 'STATEMENT_ALREADY_IMPORTED' || err.code === 'UNSUPPORTED_MEDIA_TYPE') {
        return renderImport(req, reply, { file: err.detail?.[req.lang] ?? err.message }, [], 0, err.status);
      }
      throw err;
    }
  });

  app.get(EXCEPTIONS_PAGE, { config: { permission: PERMISSION } }, async (req, reply) => {
    const { unit, units } = await chosenUnit(p, req);
    const q = req.query as Record<string, unknown>;
    const statusRaw = str(q.status, 20);
    const status = (OPEN_STATUSES as readonly string[]).includes(statusRaw) ? (statusRaw as (typeof OPEN_STATUSES)[number]) : null;
    const pageRaw = str(q.page, 6);
    const page = /^[1-9][0-9]{0,5}$/.test(pageRaw) ? Number(pageRaw) : 1;
    const list = await listExceptions(p.db, unit.id, status, page, PAGE_SIZE);
    // The list shows payers' names: reading personal data is audited.
    await recordAudit(p.db, req.actor(), {
      action: 'payment.list',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      after: { status, page, shown: list.rows.length },
    });
    return html(reply, renderPage(<ExceptionsPage ctx={pageContext(req, reply)} unit={unit} units={units} status={status ?? ''} page={page} list={list} />));
  });

  const renderPayment = async (
    req: FastifyRequest,
    reply: FastifyReply,
    row: PaymentRow,
    values: ResolveValues,
    errors: FormErrors,
    confirm: FeeForConfirm | null,
    status = 200,
  ) => html(reply, renderPage(<PaymentPage ctx={pageContext(req, reply)} p={row} values={values} errors={errors} confirm={confirm} />), status);

  app.get(`${EXCEPTIONS_PAGE}/:id`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const row = await loadPayment(p, req);
    await recordAudit(p.db, req.actor(), { action: 'payment.read', entityType: 'payment', entityId: row.id, unitId: row.unit_id });
    return renderPayment(req, reply, row, { reference: '', note: '' }, {}, null);
  });

  app.post(`${EXCEPTIONS_PAGE}/:id`, { config: { permission: PERMISSION } }, async (req, reply) => {
    const row = await loadPayment(p, req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = str(body.action, 10);
    const values: ResolveValues = {
      reference: str(body.reference, 40)
        .toUpperCase()
        .replace(/[\s-]+/g, ''),
      note: cleanText(typeof body.note === 'string' ? body.note.slice(0, 2000) : ''),
    };
    let resolution: Resolution;
    if (action === 'match') {
      if (!/^[A-Z0-9]{6,25}$/.test(values.reference)) {
        return renderPayment(req, reply, row, values, { reference: tr(req, 'Hãy nhập mã thanh toán (GD…)', 'Enter the payment reference (GD…)') }, null, 400);
      }
      if (body.confirm !== '1') {
        // First step: show the fee and ask for confirmation; nothing is written.
        const fee = await findFeeOfUnit(p.db, row.unit_id, values.reference);
        if (!fee) {
          return renderPayment(
            req,
            reply,
            row,
            values,
            { reference: tr(req, 'Không có khoản phí nào của đơn vị với mã này', 'No fee of the unit has this reference') },
            null,
            400,
          );
        }
        return renderPayment(req, reply, row, values, {}, fee);
      }
      resolution = { action: 'match', reference: values.reference, note: values.note };
    } else if (action === 'refund' || action === 'other') {
      resolution = { action, note: values.note };
    } else {
      return renderPayment(req, reply, row, values, { action: tr(req, 'Hãy chọn cách xử lý', 'Choose an action') }, null, 400);
    }
    try {
      await inTransaction(p.db, async (tx) => {
        const locked = await findPayment(tx, row.id, true);
        if (!locked) throw new AppError('PAYMENT_NOT_FOUND');
        await resolvePayment(tx, req.actor(), locked, resolution);
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        return renderPayment(req, reply, row, values, formErrors(err.errors, req.lang), null, 400);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, `${EXCEPTIONS_PAGE}?unit=${encodeURIComponent(row.unit_code)}`, tr(req, 'Đã xử lý giao dịch', 'Payment resolved'));
  });
}
