import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { holdsGlobally } from '../staff/index.ts';
import { unitKindLabels, unitKinds } from '../units/index.ts';
import { createProcedure } from './commands/create-procedure.ts';
import { importParsedFile } from './commands/import-procedures.ts';
import { publishDraft } from './commands/publish-draft.ts';
import { saveDraft } from './commands/save-draft.ts';
import { withdrawProcedure } from './commands/withdraw-procedure.ts';
import { contentOfRow, specOfRow } from './present.ts';
import { findProcedureByCode, findVersionInForce, listFields, listVersions, searchProcedures, unitsCarrying, type VersionRow } from './queries.ts';
import type { Problem } from './rules/check.ts';
import { checkSpec, contentOf, type RowProblem } from './rules/import-row.ts';
import { normaliseSearch } from './rules/search.ts';
import { formatDocumentLines, formatFeeLines, parseDocumentLines, parseFeeLines, parseLines } from './rules/text-lists.ts';
import { inForceOn, todayInVietnam } from './rules/versions.ts';
import {
  levelLabels,
  onlineLabels,
  onlineLevels,
  type ProcedureContent,
  type ProcedureSpec,
  procedureLevels,
  timeLimitUnits,
  timeUnitLabels,
} from './schema.ts';
import { readImportRequest } from './upload.ts';
import { label, ProcedureDetails, StatusTag, timeLimitText } from './views.tsx';

const BASE = '/quan-tri/thu-tuc';
const PUBLIC = '/thu-tuc';
const PAGE_SIZE = 20;

type Query = Record<string, string | undefined>;
type FormValues = Record<string, string | string[] | undefined>;

const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));
const isManager = (req: FastifyRequest) => !!req.principal && holdsGlobally(req.principal, 'procedures.manage');
const today = () => todayInVietnam(new Date());

function requireManager(req: FastifyRequest): void {
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  if (!holdsGlobally(req.principal, 'procedures.manage')) throw new AppError('FORBIDDEN');
}

async function loadProcedure(db: Platform['db'], code: string) {
  const procedure = await findProcedureByCode(db, code);
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND');
  return procedure;
}

// ---------- the edit form: a procedure as plain form fields and back ----------

function formFromContent(c: ProcedureContent, code = ''): FormValues {
  return {
    code,
    name: c.name,
    field: c.field,
    level: c.level,
    unitTypes: c.unitTypes,
    agency: c.agency ?? '',
    timeLimitValue: String(c.timeLimit.value),
    timeLimitUnit: c.timeLimit.unit,
    timeLimitNote: c.timeLimit.note ?? '',
    cutoffHour: c.cutoffHour ?? '',
    onlineLevel: c.onlineLevel,
    sameDayEligible: c.sameDayEligible ? 'on' : '',
    result: c.result ?? '',
    fees: formatFeeLines(c.fees),
    documents: formatDocumentLines(c.documents),
    steps: c.steps.join('\n'),
    legalBasis: c.legalBasis.join('\n'),
    unverified: c.unverified.join(', '),
  };
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);
const asText = (v: unknown): string => (typeof v === 'string' ? v : '');

function rawFromForm(form: Record<string, unknown>, withCode: boolean): Record<string, unknown> {
  const value = asText(form.timeLimitValue).replace(',', '.');
  return {
    ...(withCode ? { code: asText(form.code) } : {}),
    name: form.name,
    field: form.field,
    level: form.level,
    unitTypes: asList(form.unitTypes),
    agency: form.agency ?? null,
    timeLimit: { value: /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : value, unit: form.timeLimitUnit, note: form.timeLimitNote ?? null },
    cutoffHour: form.cutoffHour ?? null,
    fees: parseFeeLines(asText(form.fees)),
    documents: parseDocumentLines(asText(form.documents)),
    steps: parseLines(asText(form.steps)),
    legalBasis: parseLines(asText(form.legalBasis)),
    result: form.result ?? null,
    onlineLevel: form.onlineLevel,
    sameDayEligible: form.sameDayEligible === 'on' || form.sameDayEligible === 'true',
    unverified: asText(form.unverified)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Problem paths → form fields; a problem inside a list names its line. */
function problemsToForm(problems: Problem[], lang: 'vi' | 'en'): FormErrors {
  const out: FormErrors = {};
  for (const p of problems) {
    const m = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(p.path);
    const root = m?.[1] ?? 'form';
    const field = root === 'timeLimit' ? `timeLimit${(m?.[3] ?? 'value').replace(/^./, (c) => c.toUpperCase())}` : root;
    const line = m?.[2] !== undefined ? (lang === 'vi' ? `Dòng ${Number(m[2]) + 1}: ` : `Line ${Number(m[2]) + 1}: `) : '';
    out[field] ??= `${line}${p.message[lang]}`;
  }
  return out;
}

function ProcedureFields(props: { ctx: PageContext; values: FormValues; errors: FormErrors; isNew: boolean }) {
  const { ctx, values: v, errors } = props;
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const chosen = asList(v.unitTypes);
  const unitErr = errors.unitTypes;
  return (
    <>
      {props.isNew && (
        <Field
          name="code"
          label={tr(ctx, 'Mã thủ tục (CSDL quốc gia)', 'National procedure code')}
          value={s('code')}
          errors={errors}
          required
          hint="vd. 1.001193"
        />
      )}
      <Field name="name" label={tr(ctx, 'Tên thủ tục', 'Name')} value={s('name')} errors={errors} required maxLength={500} />
      <Field name="field" label={tr(ctx, 'Lĩnh vực', 'Field')} value={s('field')} errors={errors} required maxLength={200} />
      <Select
        name="level"
        label={tr(ctx, 'Cấp thực hiện', 'Level')}
        value={s('level')}
        errors={errors}
        options={procedureLevels.map((l) => ({ value: l, label: label(ctx, levelLabels, l) }))}
      />
      <fieldset class={`field${unitErr ? ' has-error' : ''}`} id="f-unitTypes">
        <legend>{tr(ctx, 'Loại đơn vị thực hiện', 'Unit kinds that carry it out')}</legend>
        {unitErr && <p class="error">{unitErr}</p>}
        {unitKinds.map((k) => (
          <div key={k}>
            <label>
              <input type="checkbox" name="unitTypes" value={k} checked={chosen.includes(k)} /> {label(ctx, unitKindLabels, k)}
            </label>
          </div>
        ))}
      </fieldset>
      <Field name="agency" label={tr(ctx, 'Cơ quan thực hiện', 'Agency')} value={s('agency')} errors={errors} maxLength={1000} />
      <Field
        name="timeLimitValue"
        label={tr(ctx, 'Thời hạn giải quyết', 'Time limit')}
        value={s('timeLimitValue')}
        errors={errors}
        required
        inputmode="decimal"
      />
      <Select
        name="timeLimitUnit"
        label={tr(ctx, 'Đơn vị thời hạn', 'Time-limit unit')}
        value={s('timeLimitUnit')}
        errors={errors}
        options={timeLimitUnits.map((u) => ({ value: u, label: label(ctx, timeUnitLabels, u) }))}
      />
      <TextArea name="timeLimitNote" label={tr(ctx, 'Ghi chú thời hạn', 'Time-limit note')} value={s('timeLimitNote')} errors={errors} rows={2} />
      <Field
        name="cutoffHour"
        label={tr(ctx, 'Giờ tiếp nhận cuối (HH:MM, nếu có)', 'Cut-off hour (HH:MM, if any)')}
        value={s('cutoffHour')}
        errors={errors}
        hint="vd. 15:00"
      />
      <Select
        name="onlineLevel"
        label={tr(ctx, 'Mức độ trực tuyến', 'Online level')}
        value={s('onlineLevel')}
        errors={errors}
        options={onlineLevels.map((o) => ({ value: o, label: label(ctx, onlineLabels, o) }))}
      />
      <div class="field">
        <label>
          <input type="checkbox" name="sameDayEligible" value="on" checked={s('sameDayEligible') === 'on'} />{' '}
          {tr(ctx, 'Có thể giải quyết trong ngày', 'Can be settled the same day')}
        </label>
      </div>
      <TextArea name="result" label={tr(ctx, 'Kết quả giải quyết', 'Result')} value={s('result')} errors={errors} rows={2} />
      <TextArea
        name="fees"
        label={tr(ctx, 'Phí, lệ phí (mỗi khoản một dòng)', 'Fees (one per line)')}
        hint={tr(
          ctx,
          'Tên | Số tiền (đồng) | Ghi chú | Đối tượng miễn (ngăn bởi ;) | phí hoặc lệ phí. Vd.: Lệ phí đăng ký khai sinh | 8.000 | Miễn khi đúng hạn',
          'Name | Amount (đồng) | Note | Exemptions (separated by ;) | phí or lệ phí',
        )}
        value={s('fees')}
        errors={errors}
      />
      <TextArea
        name="documents"
        label={tr(ctx, 'Thành phần hồ sơ (mỗi giấy tờ một dòng)', 'Documents (one per line)')}
        hint={tr(
          ctx,
          'Tên giấy tờ | Số bản | bản chính, bản sao, bản sao có chứng thực hoặc xuất trình | Mẫu đơn, tờ khai',
          'Name | Copies | bản chính, bản sao, bản sao có chứng thực or xuất trình | Form template',
        )}
        value={s('documents')}
        errors={errors}
        rows={8}
      />
      <TextArea name="steps" label={tr(ctx, 'Trình tự thực hiện (mỗi bước một dòng)', 'Steps (one per line)')} value={s('steps')} errors={errors} rows={6} />
      <TextArea
        name="legalBasis"
        label={tr(ctx, 'Căn cứ pháp lý (mỗi văn bản một dòng)', 'Legal basis (one per line)')}
        value={s('legalBasis')}
        errors={errors}
        rows={5}
      />
      <Field
        name="unverified"
        label={tr(ctx, 'Trường chưa xác minh (ngăn bởi dấu phẩy)', 'Unverified fields (comma-separated)')}
        value={s('unverified')}
        errors={errors}
        hint="vd. fees, timeLimit"
      />
    </>
  );
}

// ---------- the list ----------

function SearchForm(props: { ctx: PageContext; action: string; query: Query; fields: string[]; staff: boolean }) {
  const { ctx, query } = props;
  return (
    <form class="search" method="get" action={props.action}>
      <Field
        name="q"
        label={tr(ctx, 'Tìm thủ tục (gõ có dấu hoặc không dấu, hoặc mã)', 'Find a procedure (with or without diacritics, or by code)')}
        value={query.q ?? ''}
      />
      <Select
        name="field"
        label={tr(ctx, 'Lĩnh vực', 'Field')}
        value={query.field ?? ''}
        options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...props.fields.map((f) => ({ value: f, label: f }))]}
      />
      <Select
        name="level"
        label={tr(ctx, 'Cấp', 'Level')}
        value={query.level ?? ''}
        options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...procedureLevels.map((l) => ({ value: l, label: label(ctx, levelLabels, l) }))]}
      />
      {props.staff && (
        <Select
          name="status"
          label={tr(ctx, 'Trạng thái', 'Status')}
          value={query.status ?? 'current'}
          options={[
            { value: 'current', label: tr(ctx, 'Đang hiệu lực', 'In force') },
            { value: 'draft', label: tr(ctx, 'Có bản nháp', 'With a draft') },
            { value: 'all', label: tr(ctx, 'Tất cả (phiên bản mới nhất)', 'All (newest version)') },
          ]}
        />
      )}
      <button type="submit">{tr(ctx, 'Tìm', 'Search')}</button>
    </form>
  );
}

async function runSearch(p: Platform, query: Query, status: 'current' | 'draft' | 'all', page: number) {
  const terms = normaliseSearch(query.q);
  const level = procedureLevels.find((l) => l === query.level);
  return searchProcedures(p.db, {
    text: terms?.text,
    codePrefix: terms?.codePrefix,
    field: query.field || undefined,
    level,
    status,
    today: today(),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
}

function cleanQuery(raw: unknown, keys: string[]): Query {
  const q = (raw ?? {}) as Record<string, unknown>;
  const out: Query = {};
  for (const k of keys) {
    const v = str(q[k]);
    if (v) out[k] = v.normalize('NFC');
  }
  return out;
}

// ---------- import ----------

function ImportForm(props: { ctx: PageContext; errors: FormErrors; values: Record<string, string> }) {
  const { ctx, errors } = props;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      {/* Multipart bodies are read after the CSRF check, so the token travels in the query string. */}
      <form method="post" action={`${BASE}/nhap?_csrf=${encodeURIComponent(ctx.csrf)}`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="effectiveFrom"
          type="date"
          label={tr(ctx, 'Có hiệu lực từ ngày', 'In force from')}
          value={props.values.effectiveFrom ?? today()}
          errors={errors}
        />
        <div class="field">
          <label>
            <input type="checkbox" name="dryRun" value="true" checked={props.values.dryRun === 'true'} />{' '}
            {tr(ctx, 'Chỉ kiểm tra, chưa ghi', 'Check only, do not apply')}
          </label>
        </div>
        <div class={`field${errors.file ? ' has-error' : ''}`}>
          <label for="f-file">{tr(ctx, 'Tệp .xlsx hoặc .json (tối đa 5 MB)', '.xlsx or .json file (at most 5 MB)')}</label>
          {errors.file && (
            <p class="error" id="f-file-error">
              {errors.file}
            </p>
          )}
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
          />
        </div>
        <button type="submit">{tr(ctx, 'Nhập', 'Import')}</button>
      </form>
      <p class="hint">
        {tr(
          ctx,
          'Mẫu tệp: tải tệp xuất bên dưới, sửa rồi nhập lại. Mọi dòng được kiểm tra; có dòng lỗi thì không ghi gì.',
          'Template: download an export below, edit it and import it back. Every row is checked; if any is wrong nothing is applied.',
        )}{' '}
        <a href="/api/v1/procedures/export.xlsx">{tr(ctx, 'Tải Excel', 'Download Excel')}</a> ·{' '}
        <a href="/api/v1/procedures/export.json">{tr(ctx, 'Tải JSON', 'Download JSON')}</a>
      </p>
    </>
  );
}

function ProblemTable(props: { ctx: PageContext; rows: RowProblem[] }) {
  const { ctx } = props;
  return (
    <TableWrap label={tr(ctx, 'Lỗi trong tệp nhập', 'Problems in the import file')}>
      <table>
        <caption>{tr(ctx, `${props.rows.length} lỗi`, `${props.rows.length} problems`)}</caption>
        <thead>
          <tr>
            <th scope="col">{tr(ctx, 'Dòng', 'Row')}</th>
            <th scope="col">{tr(ctx, 'Cột', 'Column')}</th>
            <th scope="col">{tr(ctx, 'Lỗi', 'Problem')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              <td>{r.row === 0 ? tr(ctx, '(tệp)', '(file)') : r.row}</td>
              <td>{r.column}</td>
              <td>{r.message[ctx.lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Staff pages (catalogue search, details, versions, drafts, import) and the public catalogue. */
export function registerProceduresPages(app: App, p: Platform): void {
  // ----- staff: list -----
  app.get(BASE, { config: { permission: 'procedures.read' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const query = cleanQuery(req.query, ['q', 'field', 'level', 'status']);
    const status = query.status === 'draft' || query.status === 'all' ? query.status : 'current';
    const page = pageOf((req.query as Query).page);
    const [found, fields] = await Promise.all([runSearch(p, query, status, page), listFields(p.db, today())]);
    const manager = isManager(req);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Thủ tục hành chính', 'Procedures')}>
          <PageHeading title={tr(ctx, 'Danh mục thủ tục hành chính', 'Procedure catalogue')}>
            {manager && (
              <>
                <a class="button" href={`${BASE}/moi`}>
                  {tr(ctx, 'Thêm thủ tục', 'Add a procedure')}
                </a>
                <a class="button secondary" href={`${BASE}/nhap`}>
                  {tr(ctx, 'Nhập từ tệp', 'Import a file')}
                </a>
              </>
            )}
            <a class="button secondary" href="/api/v1/procedures/export.xlsx">
              {tr(ctx, 'Xuất Excel', 'Export Excel')}
            </a>
            <a class="button secondary" href="/api/v1/procedures/export.json">
              {tr(ctx, 'Xuất JSON', 'Export JSON')}
            </a>
          </PageHeading>
          <SearchForm ctx={ctx} action={BASE} query={query} fields={fields} staff />
          <p role="status">{tr(ctx, `${found.total} thủ tục`, `${found.total} procedure${found.total === 1 ? '' : 's'}`)}</p>
          <TableWrap label={tr(ctx, 'Danh sách thủ tục', 'Procedures')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Mã', 'Code')}</th>
                  <th scope="col">{tr(ctx, 'Tên thủ tục', 'Name')}</th>
                  <th scope="col">{tr(ctx, 'Lĩnh vực', 'Field')}</th>
                  <th scope="col">{tr(ctx, 'Thời hạn', 'Time limit')}</th>
                  <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
                </tr>
              </thead>
              <tbody>
                {found.rows.map((v) => (
                  <tr key={v.id}>
                    <td>{v.code}</td>
                    <td>
                      <a href={`${BASE}/${v.code}`}>{v.name}</a>
                    </td>
                    <td>{v.field}</td>
                    <td>{timeLimitText(ctx, { value: Number(v.time_limit_value), unit: v.time_limit_unit })}</td>
                    <td>
                      <StatusTag ctx={ctx} status={v.status} current={inForceOn({ ...slot(v) }, today())} /> <span class="muted">v{v.version}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination ctx={ctx} page={page} pageSize={PAGE_SIZE} total={found.total} base={BASE} query={query as Record<string, string>} />
        </Layout>,
      ),
    );
  });

  // ----- staff: create -----
  const renderNew = (req: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Thêm thủ tục', 'Add a procedure')}>
          <h1>{tr(ctx, 'Thêm thủ tục', 'Add a procedure')}</h1>
          <p class="hint">
            {tr(ctx, 'Thủ tục mới được lưu thành bản nháp; công bố để người dân thấy.', 'A new procedure is saved as a draft; publish it to make it public.')}
          </p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={BASE} novalidate>
            <CsrfField ctx={ctx} />
            <ProcedureFields ctx={ctx} values={values} errors={errors} isNew />
            <button type="submit">{tr(ctx, 'Lưu bản nháp', 'Save draft')}</button>
          </form>
        </Layout>,
      ),
      status,
    );
  };

  app.get(`${BASE}/moi`, { config: { permission: 'procedures.manage' } }, async (req, reply) => {
    requireManager(req);
    return renderNew(req, reply, { level: 'commune', timeLimitUnit: 'working_days', onlineLevel: 'partial', unitTypes: ['commune', 'ward'] }, {});
  });

  app.post(BASE, { config: { permission: 'procedures.manage' } }, async (req, reply) => {
    requireManager(req);
    const form = cleanForm(req.body);
    const checked = checkSpec(rawFromForm(form, true), { withCode: true });
    if (!checked.ok) return renderNew(req, reply, form as FormValues, problemsToForm(checked.problems, req.lang), 400);
    try {
      await inTransaction(p.db, (tx) => createProcedure(tx, req.actor(), checked.value));
    } catch (err) {
      if (err instanceof AppError && err.code === 'PROCEDURE_CODE_TAKEN')
        return renderNew(req, reply, form as FormValues, { code: tr(req, 'Mã thủ tục đã tồn tại', 'This code is already used') }, 409);
      throw err;
    }
    return redirectWithFlash(req, reply, `${BASE}/${checked.value.code}`, tr(req, 'Đã lưu bản nháp', 'Draft saved'));
  });

  // ----- staff: import -----
  const renderImport = (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { errors?: FormErrors; values?: Record<string, string>; problems?: RowProblem[]; done?: string },
    status = 200,
  ) => {
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Nhập danh mục thủ tục', 'Import procedures')}>
          <h1>{tr(ctx, 'Nhập danh mục thủ tục', 'Import procedures')}</h1>
          {opts.done && (
            <p class="flash" role="status">
              {opts.done}
            </p>
          )}
          {opts.problems && (
            <div class="error-summary" role="alert" tabIndex={-1}>
              <h2>{tr(ctx, 'Tệp có dòng không hợp lệ; chưa có gì được ghi', 'The file has invalid rows; nothing was applied')}</h2>
              <ProblemTable ctx={ctx} rows={opts.problems} />
            </div>
          )}
          <ImportForm ctx={ctx} errors={opts.errors ?? {}} values={opts.values ?? {}} />
          <p>
            <a href={BASE}>{tr(ctx, '← Danh mục thủ tục', '← Procedure catalogue')}</a>
          </p>
        </Layout>,
      ),
      status,
    );
  };

  app.get(`${BASE}/nhap`, { config: { permission: 'procedures.manage' } }, async (req, reply) => {
    requireManager(req);
    return renderImport(req, reply, {});
  });

  app.post(`${BASE}/nhap`, { config: { permission: 'procedures.manage' } }, async (req, reply) => {
    requireManager(req);
    let upload: Awaited<ReturnType<typeof readImportRequest>>;
    try {
      upload = await readImportRequest(req);
    } catch (err) {
      const code = err instanceof AppError ? err.code : (err as { code?: string }).code;
      const message =
        code === 'PAYLOAD_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE'
          ? tr(req, 'Tệp lớn hơn 5 MB', 'The file is larger than 5 MB')
          : code === 'UNSUPPORTED_MEDIA_TYPE'
            ? tr(req, 'Chỉ nhận tệp .xlsx hoặc .json', 'Only .xlsx or .json files are accepted')
            : err instanceof AppError && err.code === 'VALIDATION_FAILED'
              ? (err.errors[0]?.message[req.lang] ?? tr(req, 'Hãy chọn tệp', 'Choose a file'))
              : null;
      if (message === null) throw err;
      const status = code === 'UNSUPPORTED_MEDIA_TYPE' ? 415 : code === 'VALIDATION_FAILED' ? 400 : 413;
      return renderImport(req, reply, { errors: { file: message } }, status);
    }
    const values = { effectiveFrom: str(upload.fields.effectiveFrom, 10), dryRun: upload.fields.dryRun === 'true' ? 'true' : '' };
    const effectiveFrom = values.effectiveFrom || today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom))) {
      return renderImport(req, reply, { values, errors: { effectiveFrom: tr(req, 'Ngày không hợp lệ', 'Invalid date') } }, 400);
    }
    const result = await inTransaction(p.db, (tx) =>
      importParsedFile(tx, req.actor(), upload.parsed, { effectiveFrom, dryRun: values.dryRun === 'true', source: upload.source }),
    );
    if (!result.ok) return renderImport(req, reply, { values, problems: result.problems }, 422);
    const s = result.summary;
    const done = s.dryRun
      ? tr(
          req,
          `Tệp hợp lệ: ${s.total} thủ tục (${s.created} mới, ${s.updated} thay đổi, ${s.unchanged} không đổi). Chưa ghi gì.`,
          `The file is valid: ${s.total} procedures (${s.created} new, ${s.updated} changed, ${s.unchanged} unchanged). Nothing applied.`,
        )
      : tr(
          req,
          `Đã nhập ${s.total} thủ tục: ${s.created} mới, ${s.updated} có phiên bản mới từ ${s.effectiveFrom}, ${s.unchanged} không đổi.`,
          `Imported ${s.total} procedures: ${s.created} new, ${s.updated} with a new version from ${s.effectiveFrom}, ${s.unchanged} unchanged.`,
        );
    return renderImport(req, reply, { done, values });
  });

  // ----- staff: details, history, draft, publish, withdraw -----
  const renderDetail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    opts: { values?: FormValues; errors?: FormErrors; publishErrors?: FormErrors; withdrawErrors?: FormErrors; status?: number } = {},
  ) => {
    const ctx = pageContext(req, reply);
    const procedure = await loadProcedure(p.db, code);
    const versions = await listVersions(p.db, procedure.id);
    const day = today();
    const current = versions.find((v) => inForceOn(slot(v), day)) ?? null;
    const draft = versions.find((v) => v.status === 'draft') ?? null;
    const askedVersion = Number.parseInt(str((req.query as Query).version), 10);
    const shown = versions.find((v) => v.version === askedVersion) ?? current ?? draft ?? versions[versions.length - 1];
    if (!shown) throw new AppError('PROCEDURE_NOT_FOUND');
    const manager = isManager(req);
    const base = draft ?? current ?? shown;
    const latestLive = [...versions].reverse().find((v) => v.status !== 'draft');
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={shown.name}>
          <p>
            <a href={BASE}>{tr(ctx, '← Danh mục thủ tục', '← Procedure catalogue')}</a>
          </p>
          <PageHeading title={shown.name} />
          <p>
            <StatusTag ctx={ctx} status={shown.status} current={shown === current} />{' '}
            <span class="muted">
              {tr(ctx, 'Phiên bản', 'Version')} {shown.version}
              {shown.effective_from ? ` · ${tr(ctx, 'từ', 'from')} ${shown.effective_from}` : ''}
              {shown.effective_to ? ` ${tr(ctx, 'đến', 'until')} ${shown.effective_to}` : ''}
            </span>
          </p>
          <ProcedureDetails ctx={ctx} spec={specOfRow(shown)} />
          <h2>{tr(ctx, 'Lịch sử phiên bản', 'Version history')}</h2>
          <TableWrap label={tr(ctx, 'Lịch sử phiên bản', 'Version history')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Phiên bản', 'Version')}</th>
                  <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
                  <th scope="col">{tr(ctx, 'Hiệu lực từ', 'From')}</th>
                  <th scope="col">{tr(ctx, 'Đến (không kể)', 'Until (exclusive)')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <td>
                      <a href={`${BASE}/${procedure.code}?version=${v.version}`}>{v.version}</a>
                    </td>
                    <td>
                      <StatusTag ctx={ctx} status={v.status} current={v === current} />
                    </td>
                    <td>{v.effective_from ?? '—'}</td>
                    <td>{v.effective_to ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {manager && (
            <>
              <h2>
                {draft
                  ? tr(ctx, `Sửa bản nháp (phiên bản ${draft.version})`, `Edit the draft (version ${draft.version})`)
                  : tr(ctx, 'Tạo bản nháp mới', 'Start a new draft')}
              </h2>
              <p class="hint">
                {tr(
                  ctx,
                  'Phiên bản đã công bố không sửa được: thay đổi được lưu thành bản nháp và có hiệu lực khi công bố.',
                  'Published versions never change: edits are saved as a draft and take effect when published.',
                )}
              </p>
              <ErrorSummary ctx={ctx} errors={opts.errors ?? {}} />
              <form method="post" action={`${BASE}/${procedure.code}/ban-nhap`} novalidate>
                <CsrfField ctx={ctx} />
                <ProcedureFields ctx={ctx} values={opts.values ?? formFromContent(contentOfRow(base))} errors={opts.errors ?? {}} isNew={false} />
                <button type="submit">{tr(ctx, 'Lưu bản nháp', 'Save draft')}</button>
              </form>
              {draft && (
                <>
                  <h2>{tr(ctx, 'Công bố bản nháp', 'Publish the draft')}</h2>
                  <ErrorSummary ctx={ctx} errors={opts.publishErrors ?? {}} />
                  <form method="post" action={`${BASE}/${procedure.code}/cong-bo`} novalidate>
                    <CsrfField ctx={ctx} />
                    <Field
                      name="effectiveFrom"
                      type="date"
                      label={tr(ctx, 'Có hiệu lực từ ngày', 'In force from')}
                      value={day}
                      errors={opts.publishErrors}
                      required
                    />
                    <button type="submit">{tr(ctx, 'Công bố', 'Publish')}</button>
                  </form>
                </>
              )}
              {latestLive?.status === 'published' && (
                <>
                  <h2>{tr(ctx, 'Bãi bỏ thủ tục', 'Withdraw the procedure')}</h2>
                  <ErrorSummary ctx={ctx} errors={opts.withdrawErrors ?? {}} />
                  <form method="post" action={`${BASE}/${procedure.code}/bai-bo`} novalidate>
                    <CsrfField ctx={ctx} />
                    <Field name="effectiveTo" type="date" label={tr(ctx, 'Bãi bỏ từ ngày', 'Withdrawn from')} errors={opts.withdrawErrors} required />
                    <button type="submit" class="danger">
                      {tr(ctx, 'Bãi bỏ', 'Withdraw')}
                    </button>
                  </form>
                </>
              )}
            </>
          )}
        </Layout>,
      ),
      opts.status ?? 200,
    );
  };

  app.get(`${BASE}/:code`, { config: { permission: 'procedures.read' } }, async (req, reply) =>
    renderDetail(req, reply, str((req.params as { code: string }).code, 20)),
  );

  app.post(`${BASE}/:code/ban-nhap`, { config: { permission: 'procedures.manage' } }, async (req, reply) => {
    requireManager(req);
    const code = str((req.params as { code: string }).code, 20);
    const procedure = await loadProcedure(p.db, code);
    const form = cleanForm(req.body);
    const checked = checkSpec(rawFromForm(form, false), { withCode: false });
    if (!checked.ok) return renderDetail(req, reply, code, { values: form as FormValues, errors: problemsToForm(checked.problems, req.lang), status: 400 });
    await inTransaction(p.db, (tx) => saveDraft(tx, req.actor(), procedure, contentOf(checked.value)));
    return redirectWithFlash(req, reply, `${BASE}/${code}`, tr(req, 'Đã lưu bản nháp', 'Draft saved'));
  });

  const dateAction = (
    path: string,
    fieldName: 'effectiveFrom' | 'effectiveTo',
    run: (tx: Platform['db'], req: FastifyRequest, code: string, day: string) => Promise<unknown>,
    done: { vi: string; en: string },
  ) => {
    app.post(`${BASE}/:code/${path}`, { config: { permission: 'procedures.manage' } }, async (req, reply) => {
      requireManager(req);
      const code = str((req.params as { code: string }).code, 20);
      await loadProcedure(p.db, code);
      const day = str(cleanForm(req.body)[fieldName], 10);
      const errorsKey = fieldName === 'effectiveFrom' ? 'publishErrors' : 'withdrawErrors';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
        return renderDetail(req, reply, code, {
          [errorsKey]: { [fieldName]: tr(req, 'Ngày không hợp lệ (YYYY-MM-DD)', 'Invalid date (YYYY-MM-DD)') },
          status: 400,
        });
      }
      try {
        await inTransaction(p.db, (tx) => run(tx, req, code, day));
      } catch (err) {
        if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'CONFLICT')) {
          const msg = err.errors[0]?.message[req.lang] ?? err.detail?.[req.lang] ?? tr(req, 'Không thực hiện được', 'Not possible');
          return renderDetail(req, reply, code, { [errorsKey]: { [fieldName]: msg }, status: err.status });
        }
        throw err;
      }
      return redirectWithFlash(req, reply, `${BASE}/${code}`, tr(req, done.vi, done.en));
    });
  };
  dateAction('cong-bo', 'effectiveFrom', async (tx, req, code, day) => publishDraft(tx, req.actor(), await loadProcedure(tx, code), day), {
    vi: 'Đã công bố',
    en: 'Published',
  });
  dateAction('bai-bo', 'effectiveTo', async (tx, req, code, day) => withdrawProcedure(tx, req.actor(), await loadProcedure(tx, code), day), {
    vi: 'Đã bãi bỏ thủ tục',
    en: 'Procedure withdrawn',
  });

  // ----- public catalogue -----
  app.get(PUBLIC, { config: { permission: 'public' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const query = cleanQuery(req.query, ['q', 'field', 'level']);
    const page = pageOf((req.query as Query).page);
    const [found, fields] = await Promise.all([runSearch(p, query, 'current', page), listFields(p.db, today())]);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Tra cứu thủ tục hành chính', 'Find a procedure')}>
          <h1>{tr(ctx, 'Tra cứu thủ tục hành chính', 'Find an administrative procedure')}</h1>
          <SearchForm ctx={ctx} action={PUBLIC} query={query} fields={fields} staff={false} />
          <p role="status">{tr(ctx, `Tìm thấy ${found.total} thủ tục`, `${found.total} procedures found`)}</p>
          <ul class="results">
            {found.rows.map((v: VersionRow) => (
              <li key={v.id}>
                <a href={`${PUBLIC}/${v.code}`}>{v.name}</a>
                <br />
                <span class="muted">
                  {v.field} · {timeLimitText(ctx, { value: Number(v.time_limit_value), unit: v.time_limit_unit })} · {label(ctx, onlineLabels, v.online_level)}
                </span>
              </li>
            ))}
          </ul>
          <Pagination ctx={ctx} page={page} pageSize={PAGE_SIZE} total={found.total} base={PUBLIC} query={query as Record<string, string>} />
        </Layout>,
      ),
    );
  });

  app.get(`${PUBLIC}/:code`, { config: { permission: 'public' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const code = str((req.params as { code: string }).code, 20);
    const v = await findVersionInForce(p.db, code, today());
    if (!v) throw new AppError('PROCEDURE_NOT_FOUND');
    const units = await unitsCarrying(p.db, v.procedure_id);
    const spec: ProcedureSpec = specOfRow(v);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={spec.name}>
          <p>
            <a href={PUBLIC}>{tr(ctx, '← Tra cứu thủ tục', '← Find a procedure')}</a>
          </p>
          <h1>{spec.name}</h1>
          <p class="muted">
            {tr(ctx, 'Áp dụng từ ngày', 'In force from')} {v.effective_from}
            {v.effective_to ? ` ${tr(ctx, 'đến hết ngày trước', 'until the day before')} ${v.effective_to}` : ''}
          </p>
          <ProcedureDetails ctx={ctx} spec={spec} units={units} />
          {/* Full and partial online services take an online dossier (Nghị định 42/2022/NĐ-CP); the form is the submissions module's. */}
          {spec.onlineLevel !== 'none' && units.length > 0 && (
            <>
              <h2>{tr(ctx, 'Nộp hồ sơ trực tuyến', 'File online')}</h2>
              <p>
                <a href={`/nop-truc-tuyen/${encodeURIComponent(code)}`}>
                  {tr(ctx, 'Nộp hồ sơ trực tuyến cho thủ tục này', 'File a dossier for this procedure online')}
                </a>
              </p>
            </>
          )}
          <h2>{tr(ctx, 'Hỏi đáp', 'Questions and answers')}</h2>
          <p>
            <a href={`/hoi-dap/thu-tuc/${encodeURIComponent(code)}`}>
              {tr(ctx, 'Câu hỏi đã được trả lời về thủ tục này', 'Answered questions about this procedure')}
            </a>
            {' · '}
            <a href={`/hoi-dap/hoi?thu-tuc=${encodeURIComponent(code)}`}>{tr(ctx, 'Đặt câu hỏi', 'Ask a question')}</a>
          </p>
          <h2>{tr(ctx, 'Mẫu đơn, tờ khai và hồ sơ mẫu', 'Forms and sample dossiers')}</h2>
          <p>
            <a href={`${PUBLIC}/${encodeURIComponent(code)}/ho-so-mau`}>
              {tr(ctx, 'Tải mẫu đơn, tờ khai và xem hồ sơ mẫu đã điền', 'Download the forms and see sample filled dossiers')}
            </a>
          </p>
        </Layout>,
      ),
    );
  });
}

function slot(v: VersionRow) {
  return { id: v.id, version: v.version, status: v.status, effectiveFrom: v.effective_from, effectiveTo: v.effective_to };
}
