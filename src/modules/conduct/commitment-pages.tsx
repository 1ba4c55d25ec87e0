/**
 * The commitment "4 xin, 4 luôn, 5 không" (bản cam kết thực hiện, seed 004): each official reads the version in force
 * and signs it online (/ca-nhan/cam-ket); leaders and Home Affairs see who in their unit and the units below has not
 * signed it (/quan-tri/cam-ket, conduct.read); Home Affairs at the province publishes new versions (conduct.manage).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { formatVnDate, formatVnDateTime } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm } from '../../platform/http/validate.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { holdsGlobally } from '../staff/index.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import { MANAGE, READ, today } from './access.ts';
import { createCommitmentVersion } from './commands/create-commitment-version.ts';
import { signCommitment } from './commands/sign-commitment.ts';
import { type OfficialSignatureRow, officialSignatures } from './officials.ts';
import { listVersions, type SignatureRow, signaturesOf, type VersionRow } from './queries.ts';
import { checkVersionDraft, versionInForce } from './rules/commitment.ts';

export const SIGN_PATH = '/ca-nhan/cam-ket';
export const STAFF_PATH = '/quan-tri/cam-ket';
export const VERSIONS_PATH = '/quan-tri/cam-ket/phien-ban';

const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');

/** The commitment text as paragraphs, one per line (escaped like any text). */
function CommitmentText(props: { body: string }) {
  return (
    <div class="commitment-text">
      {props.body.split('\n').map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

// ---------- signing ----------

function SignPage(props: { ctx: PageContext; current: VersionRow | null; signatures: SignatureRow[]; errors: FormErrors }) {
  const { ctx, current } = props;
  const signed = current ? props.signatures.find((s) => s.version === current.version) : undefined;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Cam kết “4 xin, 4 luôn, 5 không”', 'The friendly-conduct commitment')}>
      <h1>{tr(ctx, 'Cam kết thực hiện “4 xin, 4 luôn, 5 không”', 'Commitment to “4 pleases, 4 always, 5 nevers”')}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {!current ? (
        <p>{tr(ctx, 'Chưa có bản cam kết nào có hiệu lực.', 'No commitment is in force yet.')}</p>
      ) : (
        <section aria-labelledby="ban-cam-ket">
          <h2 id="ban-cam-ket">{current.title}</h2>
          <p class="muted">
            {tr(
              ctx,
              `Phiên bản ${current.version}, hiệu lực từ ${formatVnDate(current.effective_on)}`,
              `Version ${current.version}, in force from ${current.effective_on}`,
            )}
          </p>
          <CommitmentText body={current.body} />
          {signed ? (
            <p class="flash" role="status">
              {tr(
                ctx,
                `Đồng chí đã ký cam kết phiên bản ${current.version} lúc ${formatVnDateTime(signed.signed_at)}.`,
                `You signed version ${current.version} on ${formatVnDateTime(signed.signed_at)}.`,
              )}
            </p>
          ) : (
            <form method="post" action={SIGN_PATH}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(current.version)} />
              <button type="submit" class="large">
                {tr(ctx, 'Tôi cam kết thực hiện', 'I commit to it')}
              </button>
            </form>
          )}
        </section>
      )}
      {props.signatures.length > 0 && (
        <section aria-labelledby="da-ky">
          <h2 id="da-ky">{tr(ctx, 'Các lần đã ký', 'Signed so far')}</h2>
          <ul>
            {props.signatures.map((s) => (
              <li key={s.version}>
                {tr(ctx, `Phiên bản ${s.version}`, `Version ${s.version}`)}: {formatVnDateTime(s.signed_at)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

function mustBeUser(req: FastifyRequest): number {
  const p = req.principal;
  if (p?.kind !== 'user') throw new AppError('FORBIDDEN');
  return p.userId;
}

async function renderSign(p: Platform, req: FastifyRequest, reply: FastifyReply, userId: number, errors: FormErrors, status = 200) {
  const [versions, signatures] = await Promise.all([listVersions(p.db), signaturesOf(p.db, userId)]);
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<SignPage ctx={ctx} current={versionInForce(versions, today())} signatures={signatures} errors={errors} />), status);
}

// ---------- who has not signed ----------

interface UnitLine {
  unit: UnitRow;
  people: OfficialSignatureRow[];
}

function StatusPage(props: { ctx: PageContext; units: UnitRow[]; unit: UnitRow; subtree: boolean; current: VersionRow | null; lines: UnitLine[] }) {
  const { ctx, current } = props;
  const unsigned = props.lines.flatMap((l) => l.people.filter((x) => !x.signed_at).map((x) => ({ ...x, unitName: l.unit.name })));
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Ký cam kết “4 xin, 4 luôn, 5 không”', 'Commitment signatures')}>
      <PageHeading title={tr(ctx, 'Ký cam kết “4 xin, 4 luôn, 5 không”', 'Commitment signatures')}>
        {ctx.can(MANAGE) && (
          <a class="button secondary" href={VERSIONS_PATH}>
            {tr(ctx, 'Các phiên bản cam kết', 'Commitment versions')}
          </a>
        )}
      </PageHeading>
      <p class="register-links">
        <a href={SIGN_PATH}>{tr(ctx, 'Bản cam kết của tôi', 'My commitment')}</a> ·{' '}
        <a href={`/quan-tri/khao-sat/ket-qua?unit=${encodeURIComponent(props.unit.code)}`}>{tr(ctx, 'Kết quả khảo sát sự hài lòng', 'Survey results')}</a>
      </p>
      <form class="search" method="get" action={STAFF_PATH}>
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={props.unit.code}
          options={props.units.map((u) => ({ value: u.code, label: `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
        />
        <Checkbox name="subtree" checked={props.subtree} label={tr(ctx, 'Gồm cả các đơn vị trực thuộc', 'Include the units below')} />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      {!current ? (
        <p>{tr(ctx, 'Chưa có bản cam kết nào có hiệu lực.', 'No commitment is in force yet.')}</p>
      ) : (
        <>
          <p>
            {tr(
              ctx,
              `Phiên bản đang có hiệu lực: ${current.version} (từ ${formatVnDate(current.effective_on)}).`,
              `Version in force: ${current.version} (from ${current.effective_on}).`,
            )}
          </p>
          <p class="hint">{tr(ctx, 'Chỉ liệt kê đơn vị có cán bộ trên hệ thống.', 'Only units with officials on the system are listed.')}</p>
          <TableWrap label={tr(ctx, 'Theo đơn vị', 'By unit')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
                  <th scope="col">{tr(ctx, 'Số cán bộ', 'Officials')}</th>
                  <th scope="col">{tr(ctx, 'Đã ký', 'Signed')}</th>
                  <th scope="col">{tr(ctx, 'Chưa ký', 'Not signed')}</th>
                </tr>
              </thead>
              <tbody>
                {props.lines
                  .filter((l) => l.people.length > 0)
                  .map((l) => (
                    <tr key={l.unit.id}>
                      <th scope="row">{l.unit.name}</th>
                      <td>{l.people.length}</td>
                      <td>{l.people.filter((x) => x.signed_at).length}</td>
                      <td>{l.people.filter((x) => !x.signed_at).length}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
          <h2>{tr(ctx, `Chưa ký phiên bản ${current.version}`, `Not signed version ${current.version}`)}</h2>
          {unsigned.length === 0 ? (
            <p>{tr(ctx, 'Tất cả cán bộ đã ký.', 'Every official has signed.')}</p>
          ) : (
            <ul class="unsigned-list">
              {unsigned.map((x) => (
                <li key={`${x.unit_id}-${x.user_id}`}>
                  {x.full_name}
                  {x.title ? `, ${x.title}` : ''} <span class="muted">· {x.unitName}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
}

// ---------- versions ----------

function VersionsPage(props: { ctx: PageContext; versions: VersionRow[]; current: VersionRow | null; values: Record<string, string>; errors: FormErrors }) {
  const { ctx, values: v, errors } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Các phiên bản bản cam kết', 'Commitment versions')}>
      <p class="muted">
        <a href={STAFF_PATH}>{tr(ctx, '← Ký cam kết', '← Signatures')}</a>
      </p>
      <h1>{tr(ctx, 'Các phiên bản bản cam kết', 'Commitment versions')}</h1>
      {props.versions.map((x) => (
        <section key={x.version} aria-labelledby={`v-${x.version}`}>
          <h2 id={`v-${x.version}`}>
            {tr(ctx, `Phiên bản ${x.version}`, `Version ${x.version}`)}: {x.title}
          </h2>
          <p class="muted">
            {tr(ctx, 'Hiệu lực từ', 'In force from')} {formatVnDate(x.effective_on)}
            {props.current?.version === x.version && <span class="tag published"> {tr(ctx, 'đang có hiệu lực', 'in force')}</span>}
          </p>
          <CommitmentText body={x.body} />
        </section>
      ))}
      <h2 id="phien-ban-moi">{tr(ctx, 'Ban hành phiên bản mới', 'Publish a new version')}</h2>
      <p class="hint">
        {tr(
          ctx,
          'Từ ngày hiệu lực, mọi cán bộ phải ký lại phiên bản mới. Phiên bản đã ban hành không sửa được.',
          'From its effective date every official must sign the new version. Published versions cannot be edited.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={VERSIONS_PATH} novalidate aria-labelledby="phien-ban-moi">
        <CsrfField ctx={ctx} />
        <Field name="title" label={tr(ctx, 'Tiêu đề', 'Title')} value={v.title ?? ''} errors={errors} required maxLength={300} />
        <Field name="effectiveOn" type="date" label={tr(ctx, 'Ngày hiệu lực', 'Effective date')} value={v.effectiveOn ?? ''} errors={errors} required />
        <TextArea name="body" label={tr(ctx, 'Nội dung cam kết', 'Text')} value={v.body ?? ''} errors={errors} rows={10} required />
        <button type="submit">{tr(ctx, 'Ban hành', 'Publish')}</button>
      </form>
    </Layout>
  );
}

function requireGlobalManage(req: FastifyRequest): void {
  if (!req.principal || !holdsGlobally(req.principal, MANAGE)) throw new AppError('FORBIDDEN');
}

/** Routes of the commitment: signing (any signed-in official), the unsigned list, the versions. */
export function registerCommitmentPages(app: App, p: Platform): void {
  app.get(SIGN_PATH, { config: { permission: 'signed-in' } }, async (req, reply) => renderSign(p, req, reply, mustBeUser(req), {}));

  app.post(SIGN_PATH, { config: { permission: 'signed-in' } }, async (req, reply) => {
    const userId = mustBeUser(req);
    const form = cleanForm(req.body);
    const version = /^[1-9][0-9]{0,8}$/.test(str(form.version)) ? Number(form.version) : 0;
    try {
      const { created } = await signCommitment(p.db, req.actor(), userId, version, today());
      return redirectWithFlash(
        req,
        reply,
        SIGN_PATH,
        created
          ? tr(req, `Đã ký cam kết phiên bản ${version}. Cảm ơn đồng chí.`, `Signed version ${version}. Thank you.`)
          : tr(req, `Đồng chí đã ký phiên bản ${version} trước đó.`, `You had already signed version ${version}.`),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'COMMITMENT_VERSION_CHANGED' && err.detail) {
        return renderSign(p, req, reply, userId, { version: err.detail[req.lang] }, 409);
      }
      throw err;
    }
  });

  app.get(STAFF_PATH, { config: { permission: READ } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const all = await listUnits(p.db);
    const units = all.filter((u) => u.merged_into_id === null && req.can(READ, u.path));
    const code = str(raw.unit, 64);
    let unit: UnitRow | undefined;
    if (code) {
      const found = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findUnitByCode(p.db, code) : null;
      if (!found) throw new AppError('UNIT_NOT_FOUND');
      req.requireOn(READ, found.path);
      unit = found;
    } else unit = units[0];
    if (!unit) throw new AppError('FORBIDDEN');
    const subtree = raw.subtree === '1' || raw.subtree === 'on';
    const covered = subtree ? units.filter((u) => u.path.startsWith((unit as UnitRow).path)) : [unit];
    const current = versionInForce(await listVersions(p.db), today());
    const people = current
      ? await officialSignatures(
          p.db,
          covered.map((u) => u.id),
          current.version,
        )
      : [];
    const lines = covered.map((u) => ({ unit: u, people: people.filter((x) => Number(x.unit_id) === u.id) }));
    return html(reply, renderPage(<StatusPage ctx={pageContext(req, reply)} units={units} unit={unit} subtree={subtree} current={current} lines={lines} />));
  });

  app.get(VERSIONS_PATH, { config: { permission: MANAGE } }, async (req, reply) => {
    requireGlobalManage(req);
    const versions = await listVersions(p.db);
    const day = today();
    return html(
      reply,
      renderPage(
        <VersionsPage ctx={pageContext(req, reply)} versions={versions} current={versionInForce(versions, day)} values={{ effectiveOn: day }} errors={{}} />,
      ),
    );
  });

  app.post(VERSIONS_PATH, { config: { permission: MANAGE } }, async (req, reply) => {
    requireGlobalManage(req);
    const form = cleanForm(req.body);
    const versions = await listVersions(p.db);
    const day = today();
    const checked = checkVersionDraft(form, versions[0] ?? null, day);
    if (!checked.ok) {
      const values: Record<string, string> = {};
      for (const k of ['title', 'effectiveOn', 'body']) if (typeof form[k] === 'string') values[k] = (form[k] as string).slice(0, 20100);
      return html(
        reply,
        renderPage(
          <VersionsPage
            ctx={pageContext(req, reply)}
            versions={versions}
            current={versionInForce(versions, day)}
            values={values}
            errors={formErrors(checked.errors, req.lang)}
          />,
        ),
        400,
      );
    }
    const version = await createCommitmentVersion(p.db, req.actor(), checked.value);
    return redirectWithFlash(req, reply, VERSIONS_PATH, tr(req, `Đã ban hành phiên bản ${version}.`, `Version ${version} published.`));
  });
}
