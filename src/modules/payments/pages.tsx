/**
 * HTML routes of the payments module: the desk's payment page of a dossier (/mot-cua/ho-so/<code>/thanh-toan) with
 * each fee's VietQR and the cash, waiver and receipt actions; the fee notice and receipt PDFs; the unit's collection
 * accounts and counter QR cards (/quan-tri/thanh-toan/…); the citizen's page of fees (/tra-cuu/phi), reached from the
 * tracking page with the same code and check digits. Every page works without JavaScript.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { qrDataUrl } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { type DossierRow, dossierClock, findDossierByCode, TrackingLookupForm, TrackingNotFound, trackDossier } from '../dossiers/index.ts';
import { findUnitById, mustFindUnit, type UnitRow } from '../units/index.ts';
import { dossierFor, feeOf } from './access.ts';
import { addFee } from './commands/add-fee.ts';
import { createDossierFees } from './commands/create-dossier-fees.ts';
import { issueFeeReceipt } from './commands/issue-fee-receipt.ts';
import { markCashPaid } from './commands/mark-cash-paid.ts';
import { saveAccount } from './commands/save-account.ts';
import { waiveFee } from './commands/waive-fee.ts';
import { loadFeeViews } from './load.ts';
import { feeKindLabels } from './present.ts';
import { type AccountInput, type AccountRow, accountFor, findAccount, findReceipt, listAccounts } from './queries.ts';
import { renderCounterCards, renderFeeNotice, renderFeeReceipt } from './render.ts';
import { BANKS } from './rules/reference.ts';
import { AccountBody, AddFeeBody, feeKinds, WaiveBody } from './schema.ts';
import { FeeCard, type FeeCardData } from './views.tsx';

const DESK = '/mot-cua/ho-so';
const ADMIN = '/quan-tri/thanh-toan';
type Values = Record<string, string | string[] | undefined>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

async function cardsOf(p: Platform, d: { id: number; unit_id: number }): Promise<FeeCardData[]> {
  const views = await loadFeeViews(p.db, d);
  return Promise.all(views.map(async (view) => ({ view, qrImage: view.vietqr ? await qrDataUrl(view.vietqr, { scale: 6 }) : null })));
}

const facts = (d: DossierRow) => ({ code: d.code, procedureName: d.procedure_name, applicantName: d.applicant_name });

function DeskPaymentPage(props: { ctx: PageContext; d: DossierRow; cards: FeeCardData[]; values?: Values; errors?: FormErrors; message?: string }) {
  const { ctx, d, cards } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const base = `${DESK}/${d.code}/thanh-toan`;
  const due = cards.filter((c) => c.view.fee.status === 'due');
  const total = due.reduce((s, c) => s + c.view.owedVnd, 0);
  return (
    <Layout ctx={ctx} title={`${tr(ctx, 'Phí, lệ phí', 'Fees')} · ${d.code}`}>
      <PageHeading title={`${tr(ctx, 'Phí, lệ phí hồ sơ', 'Fees of dossier')} ${d.code}`} />
      <p>
        <a href={`${DESK}/${d.code}`}>{tr(ctx, '← Về trang hồ sơ', '← Back to the dossier')}</a> · {d.procedure_name}
      </p>
      {props.message && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{tr(ctx, 'Chưa thực hiện được', 'Not done')}</h2>
          <p>{props.message}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {due.length > 0
          ? tr(ctx, `Còn phải nộp: ${due.length} khoản, tổng ${total.toLocaleString('vi-VN')} đồng.`, `Due: ${due.length} item(s), ${total} VND in total.`)
          : tr(ctx, 'Không còn khoản nào phải nộp.', 'Nothing is due.')}
        {cards.length > 0 && (
          <>
            {' '}
            <a href={`${base}/giay-bao-phi.pdf`}>{tr(ctx, 'In giấy báo phí (PDF)', 'Print the fee notice (PDF)')}</a>
          </>
        )}
      </p>
      {cards.map((c) => (
        <FeeCard key={c.view.fee.id} ctx={ctx} data={c} actionBase={base} />
      ))}
      <h2>{tr(ctx, 'Lập phí, lệ phí', 'Create fees')}</h2>
      <form method="post" action={`${base}/lap-phi`}>
        <CsrfField ctx={ctx} />
        <p class="hint">
          {tr(
            ctx,
            'Lập các khoản phí, lệ phí theo thủ tục; khoản đã lập không lập lại.',
            'Creates the fees the procedure lists; fees already created are skipped.',
          )}
        </p>
        <button type="submit">{tr(ctx, 'Lập phí, lệ phí', 'Create fees')}</button>
      </form>
      <details open={Object.keys(errors).length > 0}>
        <summary>{tr(ctx, 'Thêm khoản thu khác', 'Add another charge')}</summary>
        <form method="post" action={`${base}/them`} novalidate>
          <CsrfField ctx={ctx} />
          <Field name="name" label={tr(ctx, 'Tên khoản thu', 'Name')} value={str(values.name)} errors={errors} required />
          <Field
            name="amountVnd"
            label={tr(ctx, 'Số tiền (đồng)', 'Amount (VND)')}
            value={str(values.amountVnd)}
            errors={errors}
            inputmode="numeric"
            required
          />
          <Select
            name="kind"
            label={tr(ctx, 'Loại', 'Kind')}
            value={str(values.kind) ?? 'other'}
            errors={errors}
            options={feeKinds.map((k) => ({ value: k, label: tr(ctx, feeKindLabels[k].vi, feeKindLabels[k].en) }))}
          />
          <Field name="counter" label={tr(ctx, 'Quầy (không bắt buộc)', 'Counter (optional)')} value={str(values.counter)} errors={errors} />
          <button type="submit" class="secondary">
            {tr(ctx, 'Thêm', 'Add')}
          </button>
        </form>
      </details>
    </Layout>
  );
}

function PublicFeesPage(props: { ctx: PageContext; code: string; check: string; cards: FeeCardData[] | null; notFound: boolean; errors: FormErrors }) {
  const { ctx, cards } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Phí, lệ phí của hồ sơ', 'Fees of a dossier')}>
      <h1>{tr(ctx, 'Phí, lệ phí của hồ sơ', 'Fees of your dossier')}</h1>
      <TrackingLookupForm ctx={ctx} action="/tra-cuu/phi" code={props.code} check={props.check} errors={props.errors} submit={{ vi: 'Xem', en: 'Show' }} />
      {props.notFound && <TrackingNotFound ctx={ctx} />}
      {cards && (
        <section aria-labelledby="phi">
          <h2 id="phi">
            {tr(ctx, 'Hồ sơ', 'Dossier')} {props.code}
          </h2>
          {cards.length === 0 && <p>{tr(ctx, 'Hồ sơ chưa có khoản phí, lệ phí nào.', 'The dossier has no fees.')}</p>}
          {cards
            .filter((c) => c.view.fee.status !== 'cancelled')
            .map((c) => (
              <FeeCard key={c.view.fee.id} ctx={ctx} data={c} />
            ))}
          <p>
            <a href={`/tra-cuu?code=${encodeURIComponent(props.code)}&check=${encodeURIComponent(props.check)}`}>
              {tr(ctx, '← Tình trạng hồ sơ', '← Dossier status')}
            </a>
          </p>
        </section>
      )}
    </Layout>
  );
}

/** The unit an accounts page is about: `?unit=`, else the first unit where the caller manages payments. */
async function manageUnit(p: Platform, req: FastifyRequest): Promise<UnitRow> {
  const code = str((req.query as Record<string, unknown>).unit);
  if (code) {
    const unit = await mustFindUnit(p.db, code);
    req.requireOn('payments.manage', unit.path);
    return unit;
  }
  const grant = req.principal?.kind === 'user' ? req.principal.grants.find((g) => req.can('payments.manage', g.unitPath)) : undefined;
  const unit = grant ? await findUnitById(p.db, grant.unitId) : null;
  if (!unit) throw new AppError('FORBIDDEN');
  return unit;
}

function AccountForm(props: { ctx: PageContext; action: string; values: Values; errors: FormErrors; submit: string }) {
  const { ctx, values, errors } = props;
  const v = (k: string) => str(values[k]);
  const known = BANKS.some((b) => b.bin === v('bankBin'));
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField ctx={ctx} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <Select
        name="bank"
        label={tr(ctx, 'Ngân hàng', 'Bank')}
        value={v('bank') ?? (known ? v('bankBin') : '')}
        options={[
          ...BANKS.map((b) => ({ value: b.bin, label: `${b.name} — ${b.bin}` })),
          { value: '', label: tr(ctx, 'Ngân hàng khác (nhập mã BIN bên dưới)', 'Another bank (type its BIN below)') },
        ]}
        errors={errors}
      />
      <Field
        name="bankBin"
        label={tr(ctx, 'Mã BIN ngân hàng khác (6 chữ số)', 'Other bank’s BIN (6 digits)')}
        value={known ? '' : v('bankBin')}
        errors={errors}
        inputmode="numeric"
        maxLength={6}
      />
      <Field name="bankName" label={tr(ctx, 'Tên ngân hàng (nếu là ngân hàng khác)', 'Bank name (other bank)')} value={v('bankName')} errors={errors} />
      <Field name="accountNo" label={tr(ctx, 'Số tài khoản', 'Account number')} value={v('accountNo')} errors={errors} inputmode="numeric" required />
      <Field name="accountName" label={tr(ctx, 'Tên chủ tài khoản', 'Account holder')} value={v('accountName')} errors={errors} required />
      <Field name="counter" label={tr(ctx, 'Quầy (để trống: dùng chung cho đơn vị)', 'Counter (blank: the whole unit)')} value={v('counter')} errors={errors} />
      <Checkbox name="isDefault" label={tr(ctx, 'Tài khoản mặc định của đơn vị', 'Default account of the unit')} checked={v('isDefault') === 'on'} />
      <Checkbox name="active" label={tr(ctx, 'Đang sử dụng', 'In use')} checked={v('active') !== 'off'} />
      <button type="submit">{props.submit}</button>
    </form>
  );
}

function AccountsPage(props: { ctx: PageContext; unit: UnitRow; accounts: AccountRow[]; values: Values; errors: FormErrors }) {
  const { ctx, unit, accounts } = props;
  const q = `?unit=${encodeURIComponent(unit.code)}`;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Tài khoản chuyên thu', 'Collection accounts')}>
      <PageHeading title={`${tr(ctx, 'Tài khoản chuyên thu', 'Collection accounts')} · ${unit.name}`} />
      {accounts.length === 0 ? (
        <p class="muted">{tr(ctx, 'Đơn vị chưa có tài khoản nào.', 'No accounts yet.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Tài khoản chuyên thu', 'Collection accounts')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Ngân hàng', 'Bank')}</th>
                <th scope="col">{tr(ctx, 'Số tài khoản', 'Account')}</th>
                <th scope="col">{tr(ctx, 'Chủ tài khoản', 'Holder')}</th>
                <th scope="col">{tr(ctx, 'Quầy', 'Counter')}</th>
                <th scope="col">{tr(ctx, 'Ghi chú', 'Notes')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.bank_name ?? a.bank_bin} ({a.bank_bin})
                  </td>
                  <td>
                    <a href={`${ADMIN}/tai-khoan/${a.id}`}>{a.account_no}</a>
                  </td>
                  <td>{a.account_name}</td>
                  <td>{a.counter ?? tr(ctx, 'Cả đơn vị', 'Whole unit')}</td>
                  <td>
                    {a.is_default && <span class="tag">{tr(ctx, 'Mặc định', 'Default')}</span>}
                    {!a.active && <span class="tag">{tr(ctx, 'Ngừng dùng', 'Inactive')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{tr(ctx, 'In thẻ QR tại quầy', 'Print counter QR cards')}</h2>
      <form method="get" action={`${ADMIN}/the-qr.pdf`}>
        <input type="hidden" name="unit" value={unit.code} />
        <Field
          name="counter"
          label={tr(ctx, 'Các quầy, cách nhau bởi dấu phẩy (để trống: mọi tài khoản)', 'Counters, comma-separated (blank: every account)')}
          hint={tr(ctx, 'Vd. Quầy số 1, Quầy số 2', 'E.g. Quầy số 1, Quầy số 2')}
        />
        <button type="submit" class="secondary">
          {tr(ctx, 'In thẻ QR (PDF)', 'Print QR cards (PDF)')}
        </button>
      </form>
      <h2>{tr(ctx, 'Thêm tài khoản', 'Add an account')}</h2>
      <AccountForm ctx={ctx} action={`${ADMIN}/tai-khoan${q}`} values={props.values} errors={props.errors} submit={tr(ctx, 'Thêm tài khoản', 'Add')} />
    </Layout>
  );
}

/** Reads the account form into the API body shape (bank from the list, or the BIN typed). */
function accountInputOf(form: Values) {
  const bin = str(form.bank) || str(form.bankBin);
  return {
    ...(bin ? { bankBin: bin } : {}),
    ...(str(form.accountNo) ? { accountNo: str(form.accountNo)?.replace(/\s+/g, '') } : {}),
    ...(str(form.accountName) ? { accountName: str(form.accountName) } : {}),
    ...(!str(form.bank) && str(form.bankName) ? { bankName: str(form.bankName) } : {}),
    ...(str(form.counter) ? { counter: str(form.counter) } : {}),
    isDefault: form.isDefault === 'on',
    active: form.active === 'on',
  };
}

function toAccountInput(b: ReturnType<typeof accountInputOf> & { bankBin: string; accountNo: string; accountName: string }): AccountInput {
  return {
    bankBin: b.bankBin,
    accountNo: b.accountNo,
    accountName: b.accountName,
    bankName: b.bankName ?? null,
    target: 'account',
    counter: b.counter ?? null,
    isDefault: b.isDefault,
    active: b.active,
  };
}

function pdf(reply: FastifyReply, body: Buffer, name: string) {
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'no-store').send(body);
}

/** The desk's payment pages, the PDFs, the accounts pages and the citizen's fee page. */
export function registerPaymentsPages(app: App, p: Platform): void {
  const renderDesk = async (
    req: FastifyRequest,
    reply: FastifyReply,
    d: DossierRow,
    extra: { values?: Values; errors?: FormErrors; message?: string } = {},
    status = 200,
  ) => {
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<DeskPaymentPage ctx={ctx} d={d} cards={await cardsOf(p, d)} {...extra} />), status);
  };
  const params = (req: FastifyRequest) => req.params as { code: string; id?: string };
  const feeIdOf = (req: FastifyRequest) => {
    const id = Number(params(req).id);
    if (!Number.isSafeInteger(id) || id < 1) throw new AppError('NOT_FOUND');
    return id;
  };
  const back = (d: DossierRow) => `${DESK}/${d.code}/thanh-toan`;
  /** Runs a fee action; a refusal the clerk can understand (409, 422) re-renders the page with it. */
  const act = async (req: FastifyRequest, reply: FastifyReply, d: DossierRow, fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
    } catch (err) {
      if (err instanceof AppError && [404, 409, 422].includes(err.status)) {
        return renderDesk(req, reply, d, { message: err.detail?.[req.lang] ?? err.message }, err.status);
      }
      throw err;
    }
    return redirectWithFlash(req, reply, back(d), done);
  };

  app.get(`${DESK}/:code/thanh-toan`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    return renderDesk(req, reply, d);
  });

  app.post(`${DESK}/:code/thanh-toan/lap-phi`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    const created = await inTransaction(p.db, (tx) => createDossierFees(tx, req.actor(), d));
    return redirectWithFlash(
      req,
      reply,
      back(d),
      created.length > 0
        ? tr(req, `Đã lập ${created.length} khoản phí, lệ phí`, `${created.length} fee(s) created`)
        : tr(req, 'Không có khoản phí, lệ phí mới nào để lập', 'No new fees to create'),
    );
  });

  app.post(`${DESK}/:code/thanh-toan/them`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    const form = cleanForm(req.body) as Values;
    const amount = str(form.amountVnd)?.replace(/[.\s]/g, '');
    const input = { ...form, ...(amount !== undefined ? { amountVnd: /^[0-9]+$/.test(amount) ? Number(amount) : amount } : {}) };
    const checked = validate(AddFeeBody, input);
    if (!checked.ok) return renderDesk(req, reply, d, { values: form, errors: formErrors(checked.errors, req.lang) }, 400);
    const b = checked.value;
    return act(
      req,
      reply,
      d,
      () =>
        inTransaction(p.db, (tx) => addFee(tx, req.actor(), d, { name: b.name, amountVnd: b.amountVnd, kind: b.kind ?? 'other', counter: b.counter ?? null })),
      tr(req, 'Đã thêm khoản thu', 'Charge added'),
    );
  });

  app.post(`${DESK}/:code/thanh-toan/:id/tien-mat`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    const id = feeIdOf(req);
    return act(
      req,
      reply,
      d,
      () =>
        inTransaction(p.db, async (tx) => {
          await feeOf(tx, d, id, true);
          return markCashPaid(tx, req.actor(), id, d.applicant_name, dossierClock.now());
        }),
      tr(req, 'Đã ghi nhận thu tiền mặt và lập biên lai', 'Cash recorded and receipt issued'),
    );
  });

  app.post(`${DESK}/:code/thanh-toan/:id/mien`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    const id = feeIdOf(req);
    const form = cleanForm(req.body) as Values;
    const checked = validate(WaiveBody, { reason: form.reason });
    if (!checked.ok)
      return renderDesk(req, reply, d, { message: tr(req, 'Hãy ghi lý do miễn, giảm (ít nhất 3 ký tự)', 'Give a reason (at least 3 characters)') }, 400);
    return act(
      req,
      reply,
      d,
      () =>
        inTransaction(p.db, async (tx) => {
          await feeOf(tx, d, id, true);
          return waiveFee(tx, req.actor(), id, checked.value.reason);
        }),
      tr(req, 'Đã miễn khoản thu', 'Fee waived'),
    );
  });

  app.post(`${DESK}/:code/thanh-toan/:id/bien-lai`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    const id = feeIdOf(req);
    try {
      await inTransaction(p.db, async (tx) => {
        await feeOf(tx, d, id, true);
        return issueFeeReceipt(tx, req.actor(), id, d.applicant_name, dossierClock.now());
      });
    } catch (err) {
      if (err instanceof AppError && err.status === 409) return renderDesk(req, reply, d, { message: err.detail?.[req.lang] ?? err.message }, 409);
      throw err;
    }
    return reply.redirect(`${back(d)}/${id}/bien-lai.pdf`, 303);
  });

  app.get(`${DESK}/:code/thanh-toan/:id/bien-lai.pdf`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    const fee = await feeOf(p.db, d, feeIdOf(req));
    const receipt = await findReceipt(p.db, fee.id);
    if (!receipt) throw new AppError('NOT_FOUND', { detail: { vi: 'Khoản phí chưa có biên lai', en: 'The fee has no receipt yet' } });
    const unit = (await findUnitById(p.db, fee.unit_id)) as UnitRow;
    await recordAudit(p.db, req.actor(), { action: 'payments.receipt.print', entityType: 'dossier_fee', entityId: fee.id, unitId: fee.unit_id });
    return pdf(reply, await renderFeeReceipt(p.db, unit, facts(d), fee, receipt), `bien-lai-${receipt.year}-${receipt.number}.pdf`);
  });

  app.get(`${DESK}/:code/thanh-toan/giay-bao-phi.pdf`, { config: { permission: 'payments.collect' } }, async (req, reply) => {
    const d = await dossierFor(p.db, req, params(req).code, 'payments.collect');
    const views = await loadFeeViews(p.db, d);
    if (views.length === 0) throw new AppError('NOT_FOUND', { detail: { vi: 'Hồ sơ chưa có khoản phí, lệ phí nào', en: 'The dossier has no fees' } });
    const unit = (await findUnitById(p.db, d.unit_id)) as UnitRow;
    // The notice carries the applicant's name: printing it is an audited read of personal data.
    await recordAudit(p.db, req.actor(), { action: 'payments.notice.print', entityType: 'dossier', entityId: d.code, unitId: d.unit_id });
    return pdf(reply, await renderFeeNotice(p.db, unit, facts(d), views, dossierClock.now()), `giay-bao-phi-${d.code}.pdf`);
  });

  // ——— Collection accounts and counter cards ———

  const renderAccounts = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, values: Values, errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    const accounts = await listAccounts(p.db, unit.id);
    return html(reply, renderPage(<AccountsPage ctx={ctx} unit={unit} accounts={accounts} values={values} errors={errors} />), status);
  };

  app.get(`${ADMIN}/tai-khoan`, { config: { permission: 'payments.manage' } }, async (req, reply) => {
    const unit = await manageUnit(p, req);
    return renderAccounts(req, reply, unit, { active: 'on' }, {});
  });

  app.post(`${ADMIN}/tai-khoan`, { config: { permission: 'payments.manage' } }, async (req, reply) => {
    const unit = await manageUnit(p, req);
    const form = cleanForm(req.body) as Values;
    const checked = validate(AccountBody, accountInputOf(form));
    if (!checked.ok) return renderAccounts(req, reply, unit, form, formErrors(checked.errors, req.lang), 400);
    await inTransaction(p.db, (tx) => saveAccount(tx, req.actor(), unit.id, null, toAccountInput(checked.value as never)));
    return redirectWithFlash(req, reply, `${ADMIN}/tai-khoan?unit=${encodeURIComponent(unit.code)}`, tr(req, 'Đã thêm tài khoản', 'Account added'));
  });

  const loadOwnAccount = async (req: FastifyRequest) => {
    const id = Number(params(req).id);
    const a = Number.isSafeInteger(id) && id > 0 ? await findAccount(p.db, id) : null;
    const unit = a ? await findUnitById(p.db, a.unit_id) : null;
    if (!a || !unit) throw new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy tài khoản', en: 'Account not found' } });
    req.requireOn('payments.manage', unit.path);
    return { a, unit };
  };
  const renderEdit = (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, a: AccountRow, values: Values, errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Sửa tài khoản chuyên thu', 'Edit a collection account')}>
          <PageHeading title={`${tr(ctx, 'Sửa tài khoản', 'Edit account')} ${a.account_no} · ${unit.name}`} />
          <p>
            <a href={`${ADMIN}/tai-khoan?unit=${encodeURIComponent(unit.code)}`}>{tr(ctx, '← Danh sách tài khoản', '← All accounts')}</a>
          </p>
          <AccountForm ctx={ctx} action={`${ADMIN}/tai-khoan/${a.id}`} values={values} errors={errors} submit={tr(ctx, 'Lưu', 'Save')} />
        </Layout>,
      ),
      status,
    );
  };

  app.get(`${ADMIN}/tai-khoan/:id`, { config: { permission: 'payments.manage' } }, async (req, reply) => {
    const { a, unit } = await loadOwnAccount(req);
    const values: Values = {
      bankBin: a.bank_bin,
      bankName: a.bank_name ?? undefined,
      accountNo: a.account_no,
      accountName: a.account_name,
      counter: a.counter ?? undefined,
      isDefault: a.is_default ? 'on' : undefined,
      active: a.active ? 'on' : 'off',
    };
    return renderEdit(req, reply, unit, a, values, {});
  });

  app.post(`${ADMIN}/tai-khoan/:id`, { config: { permission: 'payments.manage' } }, async (req, reply) => {
    const { a, unit } = await loadOwnAccount(req);
    const form = cleanForm(req.body) as Values;
    const checked = validate(AccountBody, accountInputOf(form));
    if (!checked.ok) {
      return renderEdit(req, reply, unit, a, { ...form, active: form.active === 'on' ? 'on' : 'off' }, formErrors(checked.errors, req.lang), 400);
    }
    await inTransaction(p.db, (tx) => saveAccount(tx, req.actor(), unit.id, a.id, toAccountInput(checked.value as never)));
    return redirectWithFlash(req, reply, `${ADMIN}/tai-khoan?unit=${encodeURIComponent(unit.code)}`, tr(req, 'Đã lưu tài khoản', 'Account saved'));
  });

  app.get(`${ADMIN}/the-qr.pdf`, { config: { permission: 'payments.manage' } }, async (req, reply) => {
    const unit = await manageUnit(p, req);
    const raw = (req.query as Record<string, unknown>).counter;
    const counters = [raw ?? []]
      .flat()
      .flatMap((c) => String(c).split(','))
      .map((c) => c.normalize('NFC').trim())
      .filter((c) => c.length > 0 && c.length <= 60);
    const cards: { counter: string; account: AccountRow }[] = [];
    if (counters.length > 0) {
      for (const counter of counters) {
        const account = await accountFor(p.db, unit.id, counter);
        if (account) cards.push({ counter, account });
      }
    } else {
      for (const a of await listAccounts(p.db, unit.id)) {
        if (a.active && (a.counter || a.is_default)) cards.push({ counter: a.counter ?? 'Bộ phận Một cửa', account: a });
      }
    }
    if (cards.length === 0) {
      throw new AppError('NOT_FOUND', {
        detail: { vi: 'Đơn vị chưa có tài khoản chuyên thu đang dùng cho quầy này', en: 'The unit has no active collection account for this counter' },
      });
    }
    return pdf(reply, await renderCounterCards(unit, cards, dossierClock.now()), `the-qr-${unit.code}.pdf`);
  });

  // ——— The citizen's page: the tracking code and check digits are the secret, as for tracking ———

  app.get('/tra-cuu/phi', { config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const q = req.query as Record<string, string | undefined>;
    const code = (q.code ?? '').trim().toUpperCase();
    const check = (q.check ?? '').trim();
    const errors: FormErrors = {};
    let cards: FeeCardData[] | null = null;
    let notFound = false;
    if (code || check) {
      if (!/^[A-Z0-9][A-Z0-9.]{0,63}-[0-9]{6}-[0-9]{4,6}$/.test(code))
        errors.code = tr(req, 'Mã hồ sơ có dạng 30337-260213-0001', 'A code looks like 30337-260213-0001');
      if (!/^[0-9]{4}$/.test(check)) errors.check = tr(req, 'Nhập đúng 4 chữ số', 'Enter exactly 4 digits');
      if (Object.keys(errors).length === 0) {
        try {
          await trackDossier(p, code, check, req.lang);
          const d = await findDossierByCode(p.db, code);
          if (d) cards = await cardsOf(p, d);
          else notFound = true;
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 404) throw err;
          notFound = true;
        }
      }
    }
    const status = notFound ? 404 : Object.keys(errors).length ? 400 : 200;
    return html(reply, renderPage(<PublicFeesPage ctx={ctx} code={code} check={check} cards={cards} notFound={notFound} errors={errors} />), status);
  });
}
