import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CitizenPrincipal } from '../../platform/auth/principal.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError, type ErrorCode, errorCatalogue, titleOf } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import type { Text } from '../../platform/i18n/index.ts';
import { CsrfField, Pagination } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { listMyDossiers } from './commands/list-my-dossiers.ts';
import { signInCitizen } from './commands/sign-in-citizen.ts';
import { signOutCitizen } from './commands/sign-out-citizen.ts';
import { CITIZEN_FORMS, registerCitizenDeclarationPages } from './declaration-pages.tsx';
import { presentMyDetails, presentMyDossier } from './present.ts';
import { addFlow, type PendingFlow, takeFlow } from './rules/sign-in-flow.ts';
import { VneidClient } from './vneid.ts';

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** VNeID sign-ins started in this browser session and not yet come back (rules/sign-in-flow.ts). */
    vneidFlows?: PendingFlow[];
  }
}

export const CITIZEN_HOME = '/cong-dan';
const START = '/cong-dan/dang-nhap/vneid';
const CALLBACK = '/cong-dan/dang-nhap/vneid/callback';
const PAGE_SIZE = 20;
const HOME_DOSSIERS = 5;

/** What to tell the citizen after each way a VNeID sign-in can fail (the title is the error code's). */
const problemHelp: Partial<Record<ErrorCode, Text>> = {
  VNEID_NOT_CONFIGURED: {
    vi: 'Hệ thống này chưa được kết nối với VNeID. Ông/bà vẫn tra cứu được hồ sơ bằng mã hồ sơ in trên giấy tiếp nhận.',
    en: 'This system is not connected to VNeID yet. You can still track a dossier with the code printed on your receipt.',
  },
  VNEID_UNAVAILABLE: {
    vi: 'Hệ thống VNeID không phản hồi. Ông/bà chưa bị đăng nhập; hãy thử lại sau ít phút.',
    en: 'VNeID did not answer. You are not signed in; please try again in a few minutes.',
  },
  VNEID_SIGN_IN_INVALID: {
    vi: 'Đường dẫn trở về từ VNeID không khớp với lần đăng nhập nào đang chờ trên trình duyệt này, hoặc đã được dùng một lần. Hãy bắt đầu đăng nhập lại.',
    en: 'The link back from VNeID matches no sign-in waiting in this browser, or it was already used. Please start again.',
  },
  VNEID_SIGN_IN_EXPIRED: {
    vi: 'Mỗi lần đăng nhập cần hoàn tất trong vòng 10 phút. Hãy bắt đầu đăng nhập lại.',
    en: 'Each sign-in must be completed within 10 minutes. Please start again.',
  },
  VNEID_SIGN_IN_CANCELLED: {
    vi: 'Ông/bà đã hủy đăng nhập hoặc không đồng ý chia sẻ thông tin trên VNeID.',
    en: 'You cancelled the sign-in or did not agree to share your details on VNeID.',
  },
  VNEID_SIGN_IN_FAILED: {
    vi: 'Kết quả xác thực từ VNeID không qua được bước kiểm tra an toàn. Hãy thử lại; nếu vẫn không được, xin liên hệ Bộ phận Một cửa.',
    en: 'The answer from VNeID failed our security checks. Please try again; if it keeps failing, contact the one-stop desk.',
  },
  VNEID_LEVEL_TOO_LOW: {
    vi: 'Tài khoản VNeID của ông/bà chưa ở mức độ 2. Hãy đề nghị cơ quan Công an nâng cấp tài khoản định danh điện tử lên mức độ 2, rồi đăng nhập lại.',
    en: 'Your VNeID account is not level 2. Ask the police to upgrade your electronic identification account to level 2, then sign in again.',
  },
  VNEID_IDENTITY_INCOMPLETE: {
    vi: 'VNeID không gửi họ tên hoặc số định danh cá nhân của ông/bà nên chưa thể đăng nhập. Xin liên hệ Bộ phận Một cửa.',
    en: 'VNeID did not send your full name or personal ID number, so you cannot be signed in. Please contact the one-stop desk.',
  },
};

function SignInButton(props: { ctx: PageContext }) {
  return (
    <p>
      <a class="button" href={START}>
        {tr(props.ctx, 'Đăng nhập bằng tài khoản định danh điện tử VNeID', 'Sign in with your VNeID electronic identity')}
      </a>
    </p>
  );
}

function ProblemPage(props: { ctx: PageContext; code: ErrorCode; configured: boolean }) {
  const { ctx, code } = props;
  const help = problemHelp[code];
  const title = titleOf(code, ctx.lang);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {help && <p>{tr(ctx, help.vi, help.en)}</p>}
      {props.configured && code !== 'VNEID_IDENTITY_INCOMPLETE' && <SignInButton ctx={ctx} />}
      <ul>
        <li>
          <a href={CITIZEN_HOME}>{tr(ctx, 'Về trang dành cho công dân', 'Back to the citizen page')}</a>
        </li>
        <li>
          <a href="/tra-cuu">{tr(ctx, 'Tra cứu hồ sơ bằng mã hồ sơ', 'Track a dossier by its code')}</a>
        </li>
      </ul>
    </Layout>
  );
}

function DossierList(props: { ctx: PageContext; items: ReturnType<typeof presentMyDossier>[] }) {
  const { ctx } = props;
  return (
    <ol class="citizen-dossiers">
      {props.items.map((d) => (
        <li key={d.code}>
          <p>
            <a href={d.trackingUrl}>
              <strong>{d.code}</strong>
            </a>{' '}
            · {d.procedure}
          </p>
          <dl class="facts">
            <dt>{tr(ctx, 'Trạng thái', 'Status')}</dt>
            <dd>{d.statusLabel}</dd>
            <dt>{tr(ctx, 'Nơi tiếp nhận', 'Received at')}</dt>
            <dd>{d.unit}</dd>
            <dt>{tr(ctx, 'Ngày nộp', 'Submitted')}</dt>
            <dd>{d.receivedOn}</dd>
            <dt>{tr(ctx, 'Ngày hẹn trả', 'Appointment')}</dt>
            <dd>{d.dueOn}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}

function MyDetails(props: { ctx: PageContext; details: ReturnType<typeof presentMyDetails> }) {
  const { ctx, details: d } = props;
  const none = tr(ctx, 'VNeID không cung cấp', 'Not provided by VNeID');
  return (
    <section aria-labelledby="thong-tin">
      <h2 id="thong-tin">{tr(ctx, 'Thông tin của tôi (từ VNeID)', 'My details (from VNeID)')}</h2>
      <dl class="facts">
        <dt>{tr(ctx, 'Họ và tên', 'Full name')}</dt>
        <dd>{d.fullName}</dd>
        <dt>{tr(ctx, 'Số định danh cá nhân', 'Personal ID number')}</dt>
        <dd>{d.idNumber}</dd>
        <dt>{tr(ctx, 'Ngày sinh', 'Date of birth')}</dt>
        <dd>{d.dateOfBirth ?? none}</dd>
        <dt>{tr(ctx, 'Giới tính', 'Sex')}</dt>
        <dd>{d.sex ? (ctx.lang === 'en' ? (d.sex === 'Nam' ? 'Male' : 'Female') : d.sex) : none}</dd>
        <dt>{tr(ctx, 'Nơi cư trú', 'Address')}</dt>
        <dd>{d.address ?? none}</dd>
        <dt>{tr(ctx, 'Số điện thoại', 'Phone')}</dt>
        <dd>{d.phone ?? none}</dd>
        <dt>{tr(ctx, 'Thư điện tử', 'E-mail')}</dt>
        <dd>{d.email ?? none}</dd>
      </dl>
      <p class="hint">
        {tr(
          ctx,
          'Thông tin này do VNeID cung cấp mỗi lần ông/bà đăng nhập. Nếu có sai sót, xin cập nhật trên VNeID hoặc tại cơ quan Công an.',
          'VNeID provides these details at each sign-in. If something is wrong, correct it in VNeID or with the police.',
        )}
      </p>
    </section>
  );
}

/** The citizen's area: the start page, VNeID sign-in and its callback, sign-out, and the list of their own dossiers. */
export function registerCitizenPages(app: App, p: Platform): void {
  const vneid = p.config.vneid ? new VneidClient(p.config.vneid, app.log) : null;

  const problem = (req: FastifyRequest, reply: FastifyReply, code: ErrorCode) =>
    html(reply, renderPage(<ProblemPage ctx={pageContext(req, reply)} code={code} configured={vneid !== null} />), errorCatalogue[code].status);

  app.get(CITIZEN_HOME, { config: { permission: 'public' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const pr = req.principal;
    if (pr?.kind === 'citizen') {
      const { citizen, rows, total } = await listMyDossiers(p.db, pr, { limit: HOME_DOSSIERS, offset: 0 });
      const items = rows.map((r) => presentMyDossier(r, citizen.id_number, ctx.lang));
      return html(
        reply,
        renderPage(
          <Layout ctx={ctx} title={tr(ctx, 'Trang của tôi', 'My page')}>
            <h1>{tr(ctx, `Xin chào, ${citizen.full_name}`, `Hello, ${citizen.full_name}`)}</h1>
            <MyDetails ctx={ctx} details={presentMyDetails(citizen)} />
            <section aria-labelledby="ho-so">
              <h2 id="ho-so">{tr(ctx, 'Hồ sơ của tôi', 'My dossiers')}</h2>
              {items.length === 0 ? (
                <p>{tr(ctx, 'Chưa có hồ sơ nào mang số định danh cá nhân của ông/bà.', 'No dossier carries your personal ID number yet.')}</p>
              ) : (
                <DossierList ctx={ctx} items={items} />
              )}
              {total > HOME_DOSSIERS && (
                <p>
                  <a href="/cong-dan/ho-so">{tr(ctx, `Xem tất cả ${total} hồ sơ`, `See all ${total} dossiers`)}</a>
                </p>
              )}
            </section>
            <section aria-labelledby="to-khai">
              <h2 id="to-khai">{tr(ctx, 'Tờ khai', 'Forms')}</h2>
              <p>
                {tr(
                  ctx,
                  'Điền và in tờ khai (khai sinh, kết hôn, khai tử, xác nhận tình trạng hôn nhân…) với các ô về ông/bà đã điền sẵn từ VNeID.',
                  'Fill in and print forms (birth, marriage, death registration, marital status…) with the boxes about you already filled from VNeID.',
                )}
              </p>
              <p>
                <a href={CITIZEN_FORMS}>{tr(ctx, 'Điền và in tờ khai', 'Fill in and print a form')}</a>
              </p>
            </section>
            <form method="post" action="/cong-dan/dang-xuat">
              <CsrfField ctx={ctx} />
              <button type="submit" class="secondary">
                {tr(ctx, 'Đăng xuất', 'Sign out')}
              </button>
            </form>
          </Layout>,
        ),
      );
    }
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Dành cho công dân', 'For citizens')}>
          <h1>{tr(ctx, 'Dành cho công dân', 'For citizens')}</h1>
          <p>
            {tr(
              ctx,
              'Đăng nhập để xem thông tin của ông/bà và theo dõi tất cả hồ sơ đã nộp bằng số định danh cá nhân, không cần nhớ mã hồ sơ.',
              'Sign in to see your details and follow every dossier filed under your personal ID number, without the dossier codes.',
            )}
          </p>
          {vneid ? (
            <>
              <SignInButton ctx={ctx} />
              {vneid.settings.requiredAcr.length > 0 && (
                <p class="hint">{tr(ctx, 'Cần tài khoản định danh điện tử mức độ 2.', 'A level 2 electronic identification account is needed.')}</p>
              )}
              {pr?.kind === 'user' && (
                <p class="hint">
                  {tr(
                    ctx,
                    'Ông/bà đang đăng nhập bằng tài khoản cán bộ; đăng nhập bằng VNeID sẽ kết thúc phiên làm việc đó.',
                    'You are signed in as staff; signing in with VNeID ends that session.',
                  )}
                </p>
              )}
            </>
          ) : (
            <p role="status">
              {tr(
                ctx,
                'Đăng nhập bằng VNeID chưa được cấu hình trên hệ thống này. Ông/bà vẫn tra cứu được hồ sơ bằng mã hồ sơ in trên giấy tiếp nhận.',
                'Sign-in with VNeID is not configured on this system. You can still track a dossier with the code printed on your receipt.',
              )}
            </p>
          )}
          <p>
            <a href="/tra-cuu">{tr(ctx, 'Tra cứu hồ sơ bằng mã hồ sơ', 'Track a dossier by its code')}</a>
          </p>
        </Layout>,
      ),
    );
  });

  // Starting a sign-in only creates a session row: limited per address so it cannot be used to fill the table.
  app.get(START, { config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    if (!vneid) return problem(req, reply, 'VNEID_NOT_CONFIGURED');
    const now = Date.now();
    try {
      const { flow, url } = await vneid.start(now);
      req.session.vneidFlows = addFlow(req.session.vneidFlows, flow, now);
      return reply.header('cache-control', 'no-store').redirect(url, 303);
    } catch (err) {
      if (err instanceof AppError && err.code.startsWith('VNEID_')) return problem(req, reply, err.code);
      throw err;
    }
  });

  app.get(CALLBACK, { config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60 * 1000 } } }, async (req, reply) => {
    if (!vneid) return problem(req, reply, 'VNEID_NOT_CONFIGURED');
    const now = Date.now();
    const query = req.query as Record<string, unknown>;
    // One-time use: the flow leaves the session before anything else can fail.
    const { taken, rest } = takeFlow(req.session.vneidFlows, query.state, now);
    if (req.session.vneidFlows) req.session.vneidFlows = rest.length ? rest : undefined;
    if (taken.outcome === 'unknown') return problem(req, reply, 'VNEID_SIGN_IN_INVALID');
    if (taken.outcome === 'expired') return problem(req, reply, 'VNEID_SIGN_IN_EXPIRED');
    if (query.error !== undefined) return problem(req, reply, 'VNEID_SIGN_IN_CANCELLED');
    try {
      const identity = await vneid.complete(req.url.split('?')[1] ?? '', taken.flow, now);
      const settings = vneid.settings;
      const citizen = await inTransaction(p.db, (tx) =>
        signInCitizen(tx, req.actor(), identity, { idClaim: settings.idClaim, requiredAcr: settings.requiredAcr }),
      );
      await req.session.regenerate(); // no session fixation: a fresh id after sign-in
      req.session.citizenId = citizen.id;
      req.session.citizenSince = now;
      return redirectWithFlash(req, reply, CITIZEN_HOME, tr(req, 'Đã đăng nhập bằng VNeID', 'Signed in with VNeID'));
    } catch (err) {
      if (err instanceof AppError && err.code.startsWith('VNEID_')) return problem(req, reply, err.code);
      throw err;
    }
  });

  // Public, so an expired session can still press the button; the CSRF check applies as to every form post.
  app.post('/cong-dan/dang-xuat', { config: { permission: 'public' } }, async (req, reply) => {
    const pr = req.principal;
    if (pr?.kind === 'citizen') {
      await inTransaction(p.db, (tx) => signOutCitizen(tx, req.actor(), pr.citizenId));
      await req.session.regenerate();
      return redirectWithFlash(req, reply, CITIZEN_HOME, tr(req, 'Đã đăng xuất', 'Signed out'));
    }
    return reply.redirect(CITIZEN_HOME, 303);
  });

  app.get('/cong-dan/ho-so', { config: { permission: 'citizen' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const pageNo = Math.max(1, Math.min(10_000, Number.parseInt(String((req.query as Record<string, unknown>).page ?? '1'), 10) || 1));
    const { citizen, rows, total } = await listMyDossiers(p.db, req.principal as CitizenPrincipal, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE });
    const items = rows.map((r) => presentMyDossier(r, citizen.id_number, ctx.lang));
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Hồ sơ của tôi', 'My dossiers')}>
          <h1>{tr(ctx, 'Hồ sơ của tôi', 'My dossiers')}</h1>
          <p>
            {tr(
              ctx,
              'Các hồ sơ nộp bằng số định danh cá nhân của ông/bà, mới nhất trước. Chọn mã hồ sơ để xem quá trình giải quyết.',
              'Dossiers filed under your personal ID number, newest first. Choose a code to see its progress.',
            )}
          </p>
          {items.length === 0 ? (
            <p>{tr(ctx, 'Chưa có hồ sơ nào mang số định danh cá nhân của ông/bà.', 'No dossier carries your personal ID number yet.')}</p>
          ) : (
            <DossierList ctx={ctx} items={items} />
          )}
          <Pagination ctx={ctx} page={pageNo} pageSize={PAGE_SIZE} total={total} base="/cong-dan/ho-so" query={{}} />
          <p>
            <a href={CITIZEN_HOME}>{tr(ctx, 'Về trang của tôi', 'Back to my page')}</a>
          </p>
        </Layout>,
      ),
    );
  });

  registerCitizenDeclarationPages(app, p);
}
