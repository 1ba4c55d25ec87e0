/**
 * Pages of the letters (thư chúc mừng, chia buồn, xin lỗi): the register of a unit (filter, pages, Excel), a letter
 * (preview, edit while a draft, submit, approve, return, cancel, draft PDF, print the final PDF, send by e-mail), a new
 * letter by hand or a business's good news by tax code, the unit's templates, the opt-out list for staff, and the
 * public page where a citizen refuses congratulation letters. Every page works without JavaScript; user text is escaped.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { formatVnShortDate, tableWorkbookBuffer } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { checkContact } from '../../platform/text/index.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  type FormErrors,
  PageHeading,
  Pagination,
  RobotTrap,
  Select,
  TableWrap,
  TextArea,
} from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { scopesFor } from '../staff/index.ts';
import { findUnitByCode, pageUnitOf, type UnitRow, unitsWhere } from '../units/index.ts';
import { APPROVE, loadForStaff, signerFor, templateFor, WRITE } from './access.ts';
import { approveLetter } from './commands/approve-letter.ts';
import { cancelLetter } from './commands/cancel-letter.ts';
import { createLetter } from './commands/create-letter.ts';
import { printLetter } from './commands/print-letter.ts';
import { readLetter } from './commands/read-letter.ts';
import { recordOptOut } from './commands/record-opt-out.ts';
import { returnLetter } from './commands/return-letter.ts';
import { saveLetterTemplate } from './commands/save-letter-template.ts';
import { pdfNameOf, sendLetter } from './commands/send-letter.ts';
import { assertMay } from './commands/step.ts';
import { submitLetter } from './commands/submit-letter.ts';
import { updateLetter } from './commands/update-letter.ts';
import { type LetterRow, listLetters, listTemplates } from './queries.ts';
import { filledBody, issuerOf, renderLetterPdf } from './render.ts';
import { kindLabels, type LetterKind, type LetterStatus, letterKinds, letterStatuses, statusLabels } from './rules/kinds.ts';
import { checkLetterContent, mayDo } from './rules/letter.ts';
import { defaultTemplates, mergeFieldLabels, mergeFields, paragraphsOf } from './rules/templates.ts';

export const STAFF_BASE = '/quan-tri/thu';
export const OPT_OUT_PATH = '/thu-chuc-mung/tu-choi';
const PAGE_SIZE = 30;
const EXPORT_MAX = 5000;

type Values = Record<string, string>;
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const long = (v: unknown, max = 12000): string => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').normalize('NFC').slice(0, max) : '');
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));
const letterPath = (id: number) => `${STAFF_BASE}/${id}`;
const labelOf = (ctx: PageContext | FastifyRequest, l: { vi: string; en: string }) => tr(ctx as PageContext, l.vi, l.en);
const fmtDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const todayVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function UnitSelect(props: { ctx: PageContext; units: UnitRow[]; value: string; errors?: FormErrors }) {
  return (
    <Select
      name="unit"
      label={tr(props.ctx, 'Đơn vị', 'Unit')}
      value={props.value}
      errors={props.errors}
      options={props.units.map((u) => ({ value: u.code, label: `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
    />
  );
}

function StatusTag(props: { ctx: PageContext; status: LetterStatus }) {
  const cls =
    props.status === 'sent' || props.status === 'approved' ? 'done' : props.status === 'cancelled' ? 'off' : props.status === 'submitted' ? 'normal' : 'draft';
  return <span class={`tag ${cls}`}>{labelOf(props.ctx, statusLabels[props.status])}</span>;
}

function SubNav(props: { ctx: PageContext; unit: UnitRow; canApprove: boolean }) {
  const { ctx, unit } = props;
  const q = `?unit=${encodeURIComponent(unit.code)}`;
  return (
    <p class="register-links">
      <a href={`${STAFF_BASE}${q}`}>{tr(ctx, 'Sổ thư', 'Register')}</a> · <a href={`${STAFF_BASE}/moi${q}`}>{tr(ctx, 'Viết thư mới', 'New letter')}</a> ·{' '}
      <a href={`${STAFF_BASE}/moi${q}&kind=congratulation_business`}>{tr(ctx, 'Chúc mừng doanh nghiệp', 'Congratulate a business')}</a> ·{' '}
      {props.canApprove && (
        <>
          <a href={`${STAFF_BASE}/mau${q}`}>{tr(ctx, 'Mẫu thư', 'Templates')}</a> ·{' '}
        </>
      )}
      <a href={`${STAFF_BASE}/tu-choi${q}`}>{tr(ctx, 'Từ chối nhận thư chúc mừng', 'Opt-outs')}</a>
    </p>
  );
}

// ---------- the register ----------

function RegisterPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  query: Values;
  items: LetterRow[];
  total: number;
  page: number;
  canApprove: boolean;
}) {
  const { ctx, unit, query } = props;
  const kept: Values = { unit: unit.code };
  for (const k of ['kind', 'status', 'q']) if (query[k]) kept[k] = query[k] as string;
  const xlsx = `${STAFF_BASE}/so.xlsx?${new URLSearchParams(kept).toString()}`;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Sổ thư · ${unit.name}`, `Letters · ${unit.name}`)}>
      <PageHeading title={tr(ctx, `Thư chúc mừng, chia buồn, xin lỗi: ${unit.name}`, `Letters: ${unit.name}`)}>
        <a class="button" href={`${STAFF_BASE}/moi?unit=${encodeURIComponent(unit.code)}`}>
          {tr(ctx, 'Viết thư', 'Write a letter')}
        </a>
      </PageHeading>
      <SubNav ctx={ctx} unit={unit} canApprove={props.canApprove} />
      <form class="search" method="get" action={STAFF_BASE}>
        <UnitSelect ctx={ctx} units={props.units} value={unit.code} />
        <Select
          name="kind"
          label={tr(ctx, 'Loại thư', 'Kind')}
          value={query.kind ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...letterKinds.map((k) => ({ value: k, label: labelOf(ctx, kindLabels[k]) }))]}
        />
        <Select
          name="status"
          label={tr(ctx, 'Trạng thái', 'Status')}
          value={query.status ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...letterStatuses.map((s) => ({ value: s, label: labelOf(ctx, statusLabels[s]) }))]}
        />
        <Field name="q" label={tr(ctx, 'Người nhận hoặc số thư', 'Recipient or number')} value={query.q ?? ''} maxLength={100} />
        <button type="submit">{tr(ctx, 'Lọc', 'Filter')}</button>
      </form>
      <p>
        <a href={xlsx}>{tr(ctx, 'Tải sổ thư (Excel)', 'Download the register (Excel)')}</a>
      </p>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có thư nào.', 'No letters.')}</p>
      ) : (
        <TableWrap label={tr(ctx, 'Sổ thư', 'Register of letters')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Số, ký hiệu', 'Number')}</th>
                <th scope="col">{tr(ctx, 'Loại', 'Kind')}</th>
                <th scope="col">{tr(ctx, 'Người nhận', 'Recipient')}</th>
                <th scope="col">{tr(ctx, 'Ngày', 'Date')}</th>
                <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((l) => (
                <tr key={l.id}>
                  <td>
                    <a href={letterPath(l.id)}>
                      {l.symbol ?? (l.origin === 'proposal' ? tr(ctx, 'Đề xuất', 'Proposal') : tr(ctx, 'Chưa có số', 'No number yet'))}
                    </a>
                  </td>
                  <td>{labelOf(ctx, kindLabels[l.kind])}</td>
                  <td>
                    {l.recipient_name}
                    {l.unit_id !== unit.id && <p class="hint">{l.unit_name}</p>}
                  </td>
                  <td>{l.approved_at ? formatVnShortDate(l.approved_at) : fmtDay(l.event_date)}</td>
                  <td>
                    <StatusTag ctx={ctx} status={l.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={PAGE_SIZE} total={props.total} base={STAFF_BASE} query={kept} />
    </Layout>
  );
}

// ---------- the letter form (new and edit) ----------

const contentLabels = (ctx: PageContext) => ({
  unit: tr(ctx, 'Đơn vị gửi thư', 'Sending unit'),
  kind: tr(ctx, 'Loại thư', 'Kind'),
  taxCode: tr(ctx, 'Mã số thuế (thư chúc mừng doanh nghiệp)', 'Tax code (business congratulations)'),
  recipientName: tr(ctx, 'Người nhận ({ten})', 'Recipient ({ten})'),
  recipientAddress: tr(ctx, 'Địa chỉ ({dia_chi})', 'Address ({dia_chi})'),
  recipientEmail: tr(ctx, 'Thư điện tử người nhận (để gửi thư qua mạng)', 'Recipient e-mail (to send the letter)'),
  eventText: tr(ctx, 'Sự kiện ({su_kien})', 'Event ({su_kien})'),
  eventDate: tr(ctx, 'Ngày của sự kiện ({ngay})', 'Date of the event ({ngay})'),
  title: tr(ctx, 'Tên thư', 'Title'),
  body: tr(ctx, 'Nội dung thư', 'Body'),
  signerName: tr(ctx, 'Người ký ({nguoi_ky})', 'Signer ({nguoi_ky})'),
  signerTitle: tr(ctx, 'Chức vụ người ký ({chuc_vu})', 'Signer’s position ({chuc_vu})'),
});

const contentKeys = [
  'kind',
  'taxCode',
  'recipientName',
  'recipientAddress',
  'recipientEmail',
  'eventText',
  'eventDate',
  'title',
  'body',
  'signerName',
  'signerTitle',
];

function MergeHelp(props: { ctx: PageContext }) {
  return (
    <details>
      <summary>{tr(props.ctx, 'Trường trộn dùng được trong nội dung', 'Merge fields you can use')}</summary>
      <ul>
        {mergeFields.map((f) => (
          <li key={f}>
            <code>{`{${f}}`}</code>: {mergeFieldLabels[f]}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ContentFields(props: { ctx: PageContext; v: Values; errors: FormErrors; kindFixed: boolean }) {
  const { ctx, v, errors } = props;
  const L = contentLabels(ctx);
  return (
    <>
      {props.kindFixed ? (
        <input type="hidden" name="kind" value={v.kind} />
      ) : (
        <Select
          name="kind"
          label={L.kind}
          value={v.kind}
          errors={errors}
          required
          options={[
            { value: '', label: tr(ctx, '— Chọn loại thư —', '— Choose —') },
            ...letterKinds.map((k) => ({ value: k, label: labelOf(ctx, kindLabels[k]) })),
          ]}
        />
      )}
      {(v.kind === 'congratulation_business' || v.taxCode) && (
        <Field name="taxCode" label={L.taxCode} value={v.taxCode} errors={errors} hint="vd. 0100109106" inputmode="numeric" maxLength={20} />
      )}
      <Field name="recipientName" label={L.recipientName} value={v.recipientName} errors={errors} required maxLength={200} />
      <Field name="recipientAddress" label={L.recipientAddress} value={v.recipientAddress} errors={errors} maxLength={300} />
      <Field name="recipientEmail" label={L.recipientEmail} value={v.recipientEmail} errors={errors} type="email" maxLength={254} />
      <Field
        name="eventText"
        label={L.eventText}
        value={v.eventText}
        errors={errors}
        required
        maxLength={500}
        hint={tr(ctx, 'vd. gia đình xây xong nhà mới; nhà bị cháy', 'e.g. the family finished a new house; a house fire')}
      />
      <Field name="eventDate" label={L.eventDate} value={v.eventDate} errors={errors} type="date" required />
      <Field name="title" label={L.title} value={v.title} errors={errors} required maxLength={200} />
      <TextArea
        name="body"
        label={L.body}
        value={v.body}
        errors={errors}
        rows={12}
        required
        hint={tr(ctx, 'Mỗi đoạn cách nhau một dòng trống.', 'Separate paragraphs with a blank line.')}
      />
      <MergeHelp ctx={ctx} />
      <Field
        name="signerName"
        label={L.signerName}
        value={v.signerName}
        errors={errors}
        maxLength={120}
        hint={tr(ctx, 'Để trống: người duyệt', 'Empty: the approver')}
      />
      <Field
        name="signerTitle"
        label={L.signerTitle}
        value={v.signerTitle}
        errors={errors}
        maxLength={120}
        hint={tr(ctx, 'vd. Chủ tịch, Phó Chủ tịch', 'e.g. Chủ tịch')}
      />
    </>
  );
}

function NewPage(props: { ctx: PageContext; units: UnitRow[]; v: Values; errors: FormErrors }) {
  const { ctx, v, errors } = props;
  const business = v.kind === 'congratulation_business';
  const title = business ? tr(ctx, 'Thư chúc mừng doanh nghiệp', 'Congratulate a business') : tr(ctx, 'Viết thư mới', 'New letter');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="muted">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(v.unit ?? '')}`}>{tr(ctx, '← Sổ thư', '← Register')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {business
          ? tr(
              ctx,
              'Đề xuất thư chúc mừng doanh nghiệp có tin vui (khai trương, khánh thành, nhận giải thưởng…) theo mã số thuế. Mỗi doanh nghiệp chỉ một thư cho một sự kiện trong ngày.',
              'Propose congratulations to a business with good news, by tax code. One letter per business and event date.',
            )
          : tr(
              ctx,
              'Thư do cán bộ viết: thăm hỏi khi gia đình xây nhà mới, gặp hỏa hoạn, tai nạn… Nội dung bắt đầu từ mẫu của đơn vị; sửa tùy ý rồi trình lãnh đạo duyệt.',
              'A letter written by staff (a new house, a fire, an accident…). It starts from the unit’s template; edit it, then submit it for approval.',
            )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} labels={contentLabels(ctx)} />
      <form method="post" action={STAFF_BASE} novalidate>
        <CsrfField ctx={ctx} />
        <UnitSelect ctx={ctx} units={props.units} value={v.unit ?? ''} errors={errors} />
        <ContentFields ctx={ctx} v={v} errors={errors} kindFixed={false} />
        <button type="submit">{tr(ctx, 'Lưu dự thảo', 'Save the draft')}</button>
      </form>
    </Layout>
  );
}

// ---------- one letter ----------

function valuesOf(l: LetterRow): Values {
  return {
    kind: l.kind,
    taxCode: l.tax_code ?? '',
    recipientName: l.recipient_name,
    recipientAddress: l.recipient_address ?? '',
    recipientEmail: l.recipient_email ?? '',
    eventText: l.event_text,
    eventDate: l.event_date,
    title: l.title,
    body: l.body,
    signerName: l.signer_name ?? '',
    signerTitle: l.signer_title ?? '',
    version: String(l.version),
  };
}

function ActionButton(props: { ctx: PageContext; action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField ctx={props.ctx} />
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

function LetterPage(props: {
  ctx: PageContext;
  l: LetterRow;
  text: string;
  v: Values;
  errors: FormErrors;
  sendErrors: FormErrors;
  canWrite: boolean;
  canApprove: boolean;
}) {
  const { ctx, l, v } = props;
  const heading = `${l.title}${l.symbol ? ` số ${l.symbol}` : ''}`;
  const base = letterPath(l.id);
  return (
    <Layout ctx={ctx} title={heading}>
      <p class="muted">
        <a href={`${STAFF_BASE}?unit=${encodeURIComponent(l.unit_code)}`}>{tr(ctx, '← Sổ thư', '← Register')}</a>
      </p>
      <h1>{heading}</h1>
      <dl class="facts">
        <dt>{tr(ctx, 'Loại thư', 'Kind')}</dt>
        <dd>{labelOf(ctx, kindLabels[l.kind])}</dd>
        <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
        <dd>
          <StatusTag ctx={ctx} status={l.status} />
          {l.sent_channel && ` (${l.sent_channel === 'email' ? tr(ctx, 'qua thư điện tử', 'by e-mail') : tr(ctx, 'đã in, trao tận tay', 'printed')})`}
        </dd>
        <dt>{tr(ctx, 'Nguồn', 'Origin')}</dt>
        <dd>
          {l.origin === 'proposal' ? tr(ctx, 'Hệ thống đề xuất', 'Proposed by the system') : tr(ctx, 'Cán bộ viết', 'Written by staff')}
          {l.dossier_code && ` · ${tr(ctx, 'hồ sơ', 'dossier')} ${l.dossier_code}`}
          {l.tax_code && ` · ${tr(ctx, 'MST', 'tax code')} ${l.tax_code}`}
        </dd>
        <dt>{tr(ctx, 'Đơn vị', 'Unit')}</dt>
        <dd>{l.unit_name}</dd>
        <dt>{tr(ctx, 'Người nhận', 'Recipient')}</dt>
        <dd>
          {l.recipient_name}
          {l.recipient_address && <p class="hint">{l.recipient_address}</p>}
        </dd>
        {l.approved_at && (
          <>
            <dt>{tr(ctx, 'Duyệt', 'Approved')}</dt>
            <dd>
              {formatVnShortDate(l.approved_at)}
              {l.approved_by_name && ` · ${l.approved_by_name}`}
            </dd>
          </>
        )}
      </dl>

      <h2>{tr(ctx, 'Nội dung sẽ in', 'The letter as it prints')}</h2>
      <section class="letter-preview" aria-label={tr(ctx, 'Xem trước nội dung thư', 'Preview of the letter')}>
        {paragraphsOf(props.text).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </section>

      <h2>{tr(ctx, 'Thao tác', 'Actions')}</h2>
      <div class="actions">
        {props.canWrite && mayDo('submit', l.status) && (
          <ActionButton ctx={ctx} action={`${base}/trinh`} label={tr(ctx, 'Trình lãnh đạo duyệt', 'Submit for approval')} />
        )}
        {props.canApprove && mayDo('approve', l.status) && (
          <ActionButton ctx={ctx} action={`${base}/duyet`} label={tr(ctx, 'Duyệt và ký', 'Approve and sign')} />
        )}
        {props.canApprove && mayDo('return', l.status) && (
          <ActionButton ctx={ctx} action={`${base}/tra-lai`} label={tr(ctx, 'Trả lại để sửa', 'Return for changes')} secondary />
        )}
        {props.canWrite && mayDo('print', l.status) && (
          <ActionButton ctx={ctx} action={`${base}/in`} label={tr(ctx, 'In bản chính thức (PDF)', 'Print the final letter (PDF)')} />
        )}
        <a class="button secondary" href={`${base}/du-thao.pdf`}>
          {tr(ctx, 'Xem bản dự thảo (PDF)', 'Draft PDF')}
        </a>
        {props.canWrite && mayDo('cancel', l.status) && (
          <ActionButton ctx={ctx} action={`${base}/huy`} label={tr(ctx, 'Hủy thư', 'Cancel the letter')} secondary />
        )}
      </div>
      {!mayDo('print', l.status) && l.status !== 'cancelled' && (
        <p class="hint">
          {tr(
            ctx,
            'Chỉ in bản chính thức hoặc gửi qua thư điện tử sau khi lãnh đạo duyệt; thư được cấp số trong sổ khi duyệt.',
            'The final letter is printed or e-mailed only after a leader approves it; it gets its register number then.',
          )}
        </p>
      )}

      {props.canWrite && mayDo('send', l.status) && (
        <>
          <h2>{tr(ctx, 'Gửi qua thư điện tử', 'Send by e-mail')}</h2>
          <ErrorSummary ctx={ctx} errors={props.sendErrors} />
          <form method="post" action={`${base}/gui`} novalidate>
            <CsrfField ctx={ctx} />
            <Field
              name="email"
              label={tr(ctx, 'Địa chỉ thư điện tử người nhận', 'Recipient’s e-mail')}
              value={v.email ?? l.recipient_email ?? ''}
              errors={props.sendErrors}
              type="email"
              maxLength={254}
            />
            <button type="submit">{tr(ctx, 'Gửi thư kèm tệp PDF', 'Send with the PDF')}</button>
          </form>
        </>
      )}

      {props.canWrite && mayDo('edit', l.status) && (
        <>
          <h2>{tr(ctx, 'Sửa dự thảo', 'Edit the draft')}</h2>
          <ErrorSummary ctx={ctx} errors={props.errors} labels={contentLabels(ctx)} />
          <form method="post" action={base} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={v.version} />
            <ContentFields ctx={ctx} v={v} errors={props.errors} kindFixed={l.origin === 'proposal'} />
            <button type="submit">{tr(ctx, 'Lưu dự thảo', 'Save the draft')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

// ---------- templates ----------

function TemplatesPage(props: {
  ctx: PageContext;
  unit: UnitRow;
  units: UnitRow[];
  own: Map<string, { title: string; body: string }>;
  edit: { kind: string; v: Values; errors: FormErrors } | null;
}) {
  const { ctx, unit } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Mẫu thư · ${unit.name}`, `Templates · ${unit.name}`)}>
      <h1>{tr(ctx, `Mẫu thư: ${unit.name}`, `Letter templates: ${unit.name}`)}</h1>
      <SubNav ctx={ctx} unit={unit} canApprove={true} />
      <p>
        {tr(
          ctx,
          'Mỗi loại thư có một mẫu của đơn vị; chưa lưu thì dùng mẫu mặc định. Thư đề xuất sau khi lưu sẽ dùng mẫu mới; thư đã viết giữ nguyên.',
          'Each kind has the unit’s own template, or the default. Letters proposed after saving use the new one.',
        )}
      </p>
      <MergeHelp ctx={ctx} />
      {letterKinds.map((k) => {
        const editing = props.edit?.kind === k ? props.edit : null;
        const t = props.own.get(k) ?? defaultTemplates[k];
        const v = editing?.v ?? { title: t.title, body: t.body };
        const errors = editing?.errors ?? {};
        return (
          <section key={k} id={`mau-${k}`}>
            <h2>
              {labelOf(ctx, kindLabels[k])}
              {!props.own.has(k) && <span class="muted"> · {tr(ctx, 'mẫu mặc định', 'default')}</span>}
            </h2>
            <ErrorSummary ctx={ctx} errors={errors} />
            <form method="post" action={`${STAFF_BASE}/mau`} novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="unit" value={unit.code} />
              <input type="hidden" name="kind" value={k} />
              <FieldFor ctx={ctx} kind={k} name="title" label={tr(ctx, 'Tên thư', 'Title')} value={v.title ?? ''} errors={errors} />
              <AreaFor ctx={ctx} kind={k} value={v.body ?? ''} errors={errors} />
              <button type="submit">{tr(ctx, 'Lưu mẫu', 'Save the template')}</button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

// Ids must be unique on a page holding one form per kind: the field names carry the kind in their id only.
function FieldFor(props: { ctx: PageContext; kind: string; name: string; label: string; value: string; errors: FormErrors }) {
  const id = `f-${props.kind}-${props.name}`;
  const err = props.errors[props.name];
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      {err && (
        <p class="error" id={`${id}-error`}>
          {err}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type="text"
        value={props.value}
        maxLength={200}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={err ? `${id}-error` : undefined}
      />
    </div>
  );
}

function AreaFor(props: { ctx: PageContext; kind: string; value: string; errors: FormErrors }) {
  const id = `f-${props.kind}-body`;
  const err = props.errors.body;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>{tr(props.ctx, 'Nội dung', 'Body')}</label>
      {err && (
        <p class="error" id={`${id}-error`}>
          {err}
        </p>
      )}
      <textarea id={id} name="body" rows={10} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${id}-error` : undefined}>
        {props.value}
      </textarea>
    </div>
  );
}

// ---------- opt-outs ----------

function StaffOptOutPage(props: { ctx: PageContext; unit: UnitRow; units: UnitRow[]; v: Values; errors: FormErrors; canApprove: boolean }) {
  const { ctx, unit, v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Từ chối nhận thư chúc mừng', 'Opt-outs')}>
      <h1>{tr(ctx, 'Ghi nhận người từ chối nhận thư chúc mừng', 'Record an opt-out from congratulation letters')}</h1>
      <SubNav ctx={ctx} unit={unit} canApprove={props.canApprove} />
      <p>
        {tr(
          ctx,
          'Khi công dân đề nghị không nhận thư chúc mừng, ghi số điện thoại hoặc số định danh cá nhân của họ. Hệ thống chỉ lưu mã băm, không lưu số. Thư chia buồn và thư xin lỗi không bị ảnh hưởng.',
          'When a citizen asks not to receive congratulations, record their phone or ID number. Only a hash is kept. Condolences and apologies are not affected.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${STAFF_BASE}/tu-choi`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="unit" value={unit.code} />
        <Select
          name="kind"
          label={tr(ctx, 'Loại số', 'Kind of number')}
          value={v.kind ?? 'phone'}
          errors={errors}
          options={[
            { value: 'phone', label: tr(ctx, 'Số điện thoại', 'Phone number') },
            { value: 'id_number', label: tr(ctx, 'Số định danh cá nhân (12 số)', 'Personal ID number (12 digits)') },
          ]}
        />
        <Field name="value" label={tr(ctx, 'Số', 'Number')} value={v.value ?? ''} errors={errors} inputmode="numeric" maxLength={30} required />
        <button type="submit">{tr(ctx, 'Ghi nhận', 'Record')}</button>
      </form>
    </Layout>
  );
}

function PublicOptOutPage(props: { ctx: PageContext; v: Values; consent: boolean; errors: FormErrors; done: boolean }) {
  const { ctx, v, errors } = props;
  const title = tr(ctx, 'Không nhận thư chúc mừng', 'Opt out of congratulation letters');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.done ? (
        <p role="status">
          {tr(
            ctx,
            'Đã ghi nhận. Chính quyền sẽ không gửi thư chúc mừng (kết hôn, sinh con) tới số điện thoại này nữa. Cảm ơn ông/bà.',
            'Recorded. The authorities will send no more congratulation letters for this phone number. Thank you.',
          )}
        </p>
      ) : (
        <>
          <p>
            {tr(
              ctx,
              'Khi ông/bà đăng ký kết hôn hay khai sinh cho con, Ủy ban nhân dân có thể gửi thư chúc mừng. Nếu không muốn nhận, hãy nhập số điện thoại đã dùng khi nộp hồ sơ. Chúng tôi chỉ lưu mã băm của số, không lưu số điện thoại.',
              'When you register a marriage or a birth, the people’s committee may send a letter of congratulations. To opt out, enter the phone number you used on the dossier. Only a hash of it is kept.',
            )}
          </p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={OPT_OUT_PATH} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="key" value={v.key} />
            <Field
              name="phone"
              label={tr(ctx, 'Số điện thoại', 'Phone number')}
              hint={tr(ctx, 'vd. 0912 345 678', 'e.g. 0912 345 678')}
              value={v.phone}
              errors={errors}
              type="tel"
              autocomplete="tel"
              maxLength={30}
              required
            />
            <Checkbox
              name="consent"
              checked={props.consent}
              errors={errors}
              label={tr(
                ctx,
                'Tôi là chủ số điện thoại này và đề nghị không nhận thư chúc mừng của chính quyền địa phương.',
                'I hold this phone number and ask not to receive congratulation letters from the local authorities.',
              )}
            />
            <RobotTrap ctx={ctx} />
            <button type="submit">{tr(ctx, 'Gửi đề nghị', 'Send')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

// ---------- routes ----------

function pdfReply(reply: FastifyReply, pdf: Buffer, name: string, disposition: 'inline' | 'attachment'): FastifyReply {
  return reply.type('application/pdf').header('content-disposition', `${disposition}; filename="${name}"`).header('cache-control', 'no-store').send(pdf);
}

/** Registers the staff pages (letters.write / letters.approve on the unit) and the public opt-out page. */
export function registerLettersPages(app: App, p: Platform): void {
  const write = { config: { permission: WRITE } };
  const approve = { config: { permission: APPROVE } };

  const renderLetter = async (
    req: FastifyRequest,
    reply: FastifyReply,
    l: LetterRow,
    state: { v?: Values; errors?: FormErrors; sendErrors?: FormErrors } = {},
    status = 200,
  ) => {
    const issuer = await issuerOf(p.db, l.unit_id);
    return html(
      reply,
      renderPage(
        <LetterPage
          ctx={pageContext(req, reply)}
          l={l}
          text={filledBody(l, issuer)}
          v={state.v ?? valuesOf(l)}
          errors={state.errors ?? {}}
          sendErrors={state.sendErrors ?? {}}
          canWrite={req.can(WRITE, l.unit_path)}
          canApprove={req.can(APPROVE, l.unit_path)}
        />,
      ),
      status,
    );
  };

  app.get(STAFF_BASE, write, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const query: Values = {};
    for (const k of ['unit', 'kind', 'status', 'q']) if (str(raw[k])) query[k] = str(raw[k], 100);
    const units = await unitsWhere(p.db, req, WRITE);
    const unit = await pageUnitOf(p.db, req, query.unit ?? '', units, WRITE);
    const page = pageOf(raw.page);
    const found = await listLetters(p.db, {
      unitPath: unit.path,
      scopes: scopesFor(req.principal!, WRITE),
      kind: letterKinds.find((k) => k === query.kind),
      status: letterStatuses.find((s) => s === query.status),
      text: query.q || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const shown = units.some((u) => u.id === unit.id) ? units : [unit, ...units];
    return html(
      reply,
      renderPage(
        <RegisterPage
          ctx={pageContext(req, reply)}
          unit={unit}
          units={shown}
          query={query}
          items={found.rows}
          total={found.total}
          page={page}
          canApprove={req.can(APPROVE, unit.path)}
        />,
      ),
    );
  });

  app.get(`${STAFF_BASE}/so.xlsx`, write, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const units = await unitsWhere(p.db, req, WRITE);
    const unit = await pageUnitOf(p.db, req, str(raw.unit, 64), units, WRITE);
    const found = await listLetters(p.db, {
      unitPath: unit.path,
      scopes: scopesFor(req.principal!, WRITE),
      kind: letterKinds.find((k) => k === str(raw.kind)),
      status: letterStatuses.find((s) => s === str(raw.status)),
      limit: EXPORT_MAX,
      offset: 0,
    });
    const now = new Date();
    const buf = await tableWorkbookBuffer({
      sheetName: 'Sổ thư',
      titleLines: [
        { text: unit.name.toLocaleUpperCase('vi'), bold: true },
        { text: 'SỔ ĐĂNG KÝ THƯ CHÚC MỪNG, THƯ CHIA BUỒN, THƯ XIN LỖI', bold: true, size: 14 },
        { text: `Xuất ngày ${formatVnShortDate(now)}`, italic: true },
      ],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Số, ký hiệu', width: 16 },
        { header: 'Ngày duyệt', width: 12 },
        { header: 'Loại thư', width: 22 },
        { header: 'Người nhận', width: 28 },
        { header: 'Sự kiện', width: 40 },
        { header: 'Ngày sự kiện', width: 12 },
        { header: 'Người ký', width: 22 },
        { header: 'Trạng thái', width: 14 },
        { header: 'Đơn vị', width: 22 },
      ],
      numberRow: true,
      rows: found.rows.map((l, i) => [
        i + 1,
        l.symbol,
        l.approved_at ? formatVnShortDate(l.approved_at) : null,
        kindLabels[l.kind].vi,
        l.recipient_name,
        l.event_text,
        fmtDay(l.event_date),
        l.signer_name,
        statusLabels[l.status].vi,
        l.unit_name,
      ]),
      created: now,
    });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="so-thu-${unit.code}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(buf);
  });

  app.get(`${STAFF_BASE}/moi`, write, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const units = await unitsWhere(p.db, req, WRITE);
    const unit = await pageUnitOf(p.db, req, str(raw.unit, 64), units, WRITE);
    const kind = letterKinds.find((k) => k === str(raw.kind)) ?? 'other';
    const t = await templateFor(p, unit.id, kind);
    const v: Values = { unit: unit.code, kind, title: t.title, body: t.body, eventDate: todayVn() };
    return html(reply, renderPage(<NewPage ctx={pageContext(req, reply)} units={units} v={v} errors={{}} />));
  });

  app.post(STAFF_BASE, write, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const v: Values = { unit: str(body.unit, 64) };
    for (const k of contentKeys) v[k] = k === 'body' ? long(body[k]) : str(body[k], 600);
    const units = await unitsWhere(p.db, req, WRITE);
    const unit = v.unit ? await findUnitByCode(p.db, v.unit) : null;
    if (unit) req.requireOn(WRITE, unit.path);
    const again = (errors: FormErrors) => html(reply, renderPage(<NewPage ctx={pageContext(req, reply)} units={units} v={v} errors={errors} />), 400);
    const checked = checkLetterContent(v);
    const errors: FormErrors = checked.ok ? {} : formErrors(checked.errors, req.lang);
    if (!unit || unit.merged_into_id !== null) errors.unit = tr(req, 'Hãy chọn đơn vị gửi thư', 'Choose the sending unit');
    if (!checked.ok || !unit || Object.keys(errors).length) return again(errors);
    let id: number;
    try {
      id = await createLetter(p.db, req.actor(), unit, checked.value);
    } catch (err) {
      if (err instanceof AppError && err.errors.length) return again(formErrors(err.errors, req.lang));
      throw err;
    }
    return redirectWithFlash(req, reply, letterPath(id), tr(req, 'Đã lưu dự thảo thư', 'Draft saved'));
  });

  app.get(`${STAFF_BASE}/mau`, approve, async (req, reply) => {
    const units = await unitsWhere(p.db, req, APPROVE);
    const unit = await pageUnitOf(p.db, req, str((req.query as Record<string, unknown>)?.unit, 64), units, APPROVE);
    const own = new Map((await listTemplates(p.db, unit.id)).map((t) => [t.kind as string, { title: t.title, body: t.body }]));
    return html(reply, renderPage(<TemplatesPage ctx={pageContext(req, reply)} unit={unit} units={units} own={own} edit={null} />));
  });

  app.post(`${STAFF_BASE}/mau`, approve, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const units = await unitsWhere(p.db, req, APPROVE);
    const unit = await pageUnitOf(p.db, req, str(body.unit, 64), units, APPROVE);
    const kind = letterKinds.find((k) => k === str(body.kind)) as LetterKind | undefined;
    if (!kind) throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'kind', message: { vi: 'Không có loại thư này', en: 'No such kind' } }] });
    const v: Values = { title: str(body.title, 300), body: long(body.body) };
    try {
      await saveLetterTemplate(p.db, req.actor(), unit, kind, { title: v.title, body: v.body });
    } catch (err) {
      if (!(err instanceof AppError) || !err.errors.length) throw err;
      const own = new Map((await listTemplates(p.db, unit.id)).map((t) => [t.kind as string, { title: t.title, body: t.body }]));
      return html(
        reply,
        renderPage(
          <TemplatesPage ctx={pageContext(req, reply)} unit={unit} units={units} own={own} edit={{ kind, v, errors: formErrors(err.errors, req.lang) }} />,
        ),
        400,
      );
    }
    return redirectWithFlash(req, reply, `${STAFF_BASE}/mau?unit=${encodeURIComponent(unit.code)}#mau-${kind}`, tr(req, 'Đã lưu mẫu thư', 'Template saved'));
  });

  app.get(`${STAFF_BASE}/tu-choi`, write, async (req, reply) => {
    const units = await unitsWhere(p.db, req, WRITE);
    const unit = await pageUnitOf(p.db, req, str((req.query as Record<string, unknown>)?.unit, 64), units, WRITE);
    return html(
      reply,
      renderPage(
        <StaffOptOutPage ctx={pageContext(req, reply)} unit={unit} units={units} v={{ kind: 'phone' }} errors={{}} canApprove={req.can(APPROVE, unit.path)} />,
      ),
    );
  });

  app.post(`${STAFF_BASE}/tu-choi`, write, async (req, reply) => {
    const body = cleanForm(req.body);
    const units = await unitsWhere(p.db, req, WRITE);
    const unit = await pageUnitOf(p.db, req, str(body.unit, 64), units, WRITE);
    const v: Values = { kind: str(body.kind) === 'id_number' ? 'id_number' : 'phone', value: str(body.value, 40) };
    let value: string | null = null;
    const errors: FormErrors = {};
    if (v.kind === 'phone') {
      const c = checkContact(v.value ?? '');
      if (c.ok && c.kind === 'phone') value = c.value;
      else errors.value = tr(req, 'Số điện thoại không đúng (10 chữ số, bắt đầu bằng 0)', 'Not a valid phone number (10 digits from 0)');
    } else {
      const digits = (v.value ?? '').replace(/[\s.]/g, '');
      if (/^[0-9]{12}$/.test(digits)) value = digits;
      else errors.value = tr(req, 'Số định danh cá nhân gồm 12 chữ số', 'A personal ID number has 12 digits');
    }
    if (!value) {
      return html(
        reply,
        renderPage(<StaffOptOutPage ctx={pageContext(req, reply)} unit={unit} units={units} v={v} errors={errors} canApprove={req.can(APPROVE, unit.path)} />),
        400,
      );
    }
    await recordOptOut(p.db, req.actor(), { kind: v.kind as 'phone' | 'id_number', value, source: 'staff', unitId: unit.id });
    return redirectWithFlash(
      req,
      reply,
      `${STAFF_BASE}/tu-choi?unit=${encodeURIComponent(unit.code)}`,
      tr(req, 'Đã ghi nhận: người này sẽ không được đề xuất thư chúc mừng', 'Recorded: no congratulation letters will be proposed for this person'),
    );
  });

  app.get(`${STAFF_BASE}/:id`, write, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id);
    await readLetter(p.db, req.actor(), l);
    return renderLetter(req, reply, l);
  });

  app.post(`${STAFF_BASE}/:id`, write, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const v: Values = { version: str(body.version, 12) };
    for (const k of contentKeys) v[k] = k === 'body' ? long(body[k]) : str(body[k], 600);
    if (l.origin === 'proposal') v.kind = l.kind;
    const checked = checkLetterContent(v, l.origin === 'proposal' ? l.kind : undefined);
    if (!checked.ok) return renderLetter(req, reply, l, { v, errors: formErrors(checked.errors, req.lang) }, 400);
    await updateLetter(p.db, req.actor(), l, Number(v.version) || 0, checked.value);
    return redirectWithFlash(req, reply, letterPath(l.id), tr(req, 'Đã lưu dự thảo', 'Draft saved'));
  });

  app.post(`${STAFF_BASE}/:id/trinh`, write, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id);
    await submitLetter(p.db, req.actor(), l, new Date());
    return redirectWithFlash(req, reply, letterPath(l.id), tr(req, 'Đã trình lãnh đạo duyệt', 'Submitted for approval'));
  });

  app.post(`${STAFF_BASE}/:id/duyet`, approve, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id, APPROVE);
    const number = await approveLetter(p.db, req.actor(), l, new Date(), await signerFor(p, req, l, {}));
    return redirectWithFlash(req, reply, letterPath(l.id), tr(req, `Đã duyệt, thư số ${number}`, `Approved: letter ${number}`));
  });

  app.post(`${STAFF_BASE}/:id/tra-lai`, approve, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id, APPROVE);
    await returnLetter(p.db, req.actor(), l, new Date());
    return redirectWithFlash(req, reply, letterPath(l.id), tr(req, 'Đã trả lại để sửa', 'Returned for changes'));
  });

  app.post(`${STAFF_BASE}/:id/huy`, write, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id);
    await cancelLetter(p.db, req.actor(), l, new Date());
    return redirectWithFlash(req, reply, letterPath(l.id), tr(req, 'Đã hủy thư', 'Letter cancelled'));
  });

  app.post(`${STAFF_BASE}/:id/gui`, write, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id);
    assertMay('send', l);
    const email = str((req.body as Record<string, unknown>)?.email, 300);
    const c = checkContact(email);
    if (!email || !c.ok || c.kind !== 'email') {
      return renderLetter(
        req,
        reply,
        l,
        { v: { ...valuesOf(l), email }, sendErrors: { email: tr(req, 'Hãy nhập địa chỉ thư điện tử, vd. ten@gmail.com', 'Enter an e-mail address') } },
        400,
      );
    }
    await sendLetter(p.db, req.actor(), l, await issuerOf(p.db, l.unit_id), c.value, new Date());
    return redirectWithFlash(req, reply, letterPath(l.id), tr(req, 'Đã xếp thư vào hàng gửi qua thư điện tử', 'The e-mail is queued'));
  });

  app.get(`${STAFF_BASE}/:id/du-thao.pdf`, write, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id);
    const draft: LetterRow = { ...l, status: 'draft', symbol: null, number: null };
    const pdf = await renderLetterPdf(draft, await issuerOf(p.db, l.unit_id), new Date());
    return pdfReply(reply, pdf, `du-thao-thu-${l.id}.pdf`, 'inline');
  });

  app.post(`${STAFF_BASE}/:id/in`, write, async (req, reply) => {
    const l = await loadForStaff(p, req, (req.params as { id: string }).id);
    const pdf = await printLetter(p.db, req.actor(), l, await issuerOf(p.db, l.unit_id), new Date());
    return pdfReply(reply, pdf, pdfNameOf(l), 'attachment');
  });

  // ---------- public ----------

  app.get(OPT_OUT_PATH, { config: { permission: 'public' } }, async (req, reply) => {
    return html(
      reply,
      renderPage(<PublicOptOutPage ctx={pageContext(req, reply)} v={{ phone: '', key: randomUUID() }} consent={false} errors={{}} done={false} />),
    );
  });

  app.post(OPT_OUT_PATH, { config: { permission: 'public', rateLimit: { max: 10, timeWindow: 60 * 60 * 1000 } } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = cleanForm(body);
    const v: Values = { phone: str(form.phone, 40), key: str(form.key, 40) || randomUUID() };
    const consent = form.consent === 'on';
    // The honeypot: a filled trap field means a robot. Answer as if all went well and keep nothing.
    if (typeof body.website === 'string' && body.website.trim() !== '') {
      return html(reply, renderPage(<PublicOptOutPage ctx={pageContext(req, reply)} v={v} consent={consent} errors={{}} done={true} />));
    }
    const errors: FormErrors = {};
    const c = checkContact(v.phone ?? '');
    if (!v.phone || !c.ok || c.kind !== 'phone')
      errors.phone = tr(req, 'Số điện thoại không đúng (10 chữ số, bắt đầu bằng 0, vd. 0912 345 678)', 'Not a valid phone number');
    if (!consent) errors.consent = tr(req, 'Hãy đánh dấu xác nhận đề nghị', 'Tick the box to confirm');
    if (Object.keys(errors).length || !c.ok) {
      return html(reply, renderPage(<PublicOptOutPage ctx={pageContext(req, reply)} v={v} consent={consent} errors={errors} done={false} />), 400);
    }
    // Recording twice is harmless (the same answer): a repeated submission needs no idempotency row of its own.
    await recordOptOut(p.db, req.actor(), { kind: 'phone', value: c.value, source: 'public', unitId: null });
    return html(reply, renderPage(<PublicOptOutPage ctx={pageContext(req, reply)} v={v} consent={consent} errors={{}} done={true} />));
  });
}
