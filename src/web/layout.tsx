import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type PageContext, tr } from './context.ts';

interface NavItem {
  href: string;
  vi: string;
  en: string;
  permission: string;
}

interface NavGroup {
  /** Stable id for the group's heading (`menu-<id>`). */
  id: string;
  vi: string;
  en: string;
  items: NavItem[];
}

/**
 * The staff menu, grouped the way officials think of their work. Each link shows only to those holding its permission
 * somewhere (the route checks the unit); a group with no link left is not shown.
 */
const staffMenu: NavGroup[] = [
  {
    id: 'mot-cua',
    vi: 'Một cửa',
    en: 'One-stop desk',
    items: [
      { href: '/mot-cua', vi: 'Hồ sơ một cửa', en: 'Dossiers', permission: 'dossiers.read' },
      { href: '/mot-cua/to-khai', vi: 'Tờ khai', en: 'Declarations', permission: 'dossiers.receive' },
      { href: '/mot-cua/quet-cccd', vi: 'Quét CCCD', en: 'Scan an ID card', permission: 'dossiers.receive' },
      { href: '/quan-tri/thu-tuc', vi: 'Thủ tục hành chính', en: 'Procedures', permission: 'procedures.read' },
      { href: '/quan-tri/ho-so-mau', vi: 'Hồ sơ mẫu', en: 'Sample dossiers', permission: 'samples.manage' },
      { href: '/quan-tri/huong-dan-qr', vi: 'Phiếu hướng dẫn QR', en: 'QR guide sheets', permission: 'guides.print' },
      { href: '/quan-tri/bang-led', vi: 'Bảng LED', en: 'LED board', permission: 'kiosks.manage' },
    ],
  },
  {
    id: 'phan-anh',
    vi: 'Phản ánh & đối thoại',
    en: 'Feedback & dialogue',
    items: [
      { href: '/quan-tri/phan-anh', vi: 'Phản ánh, kiến nghị', en: 'Feedback', permission: 'feedback.handle' },
      { href: '/quan-tri/phan-anh/tiep-nhan', vi: 'Tiếp nhận 1022', en: '1022 calls', permission: 'feedback.receive' },
      { href: '/quan-tri/hoi-dap', vi: 'Hỏi đáp', en: 'Questions', permission: 'questions.answer' },
      { href: '/quan-tri/doi-thoai', vi: 'Đối thoại', en: 'Dialogues', permission: 'dialogues.manage' },
    ],
  },
  {
    id: 'tan-noi',
    vi: 'Phục vụ tận nơi',
    en: 'Outreach',
    items: [
      { href: '/quan-tri/hen-tai-nha', vi: 'Hẹn tại nhà', en: 'Home visits', permission: 'appointments.manage' },
      { href: '/buu-dien', vi: 'Bưu gửi', en: 'Postal items', permission: 'postal.handle' },
      { href: '/quan-tri/thu', vi: 'Thư chúc mừng, thăm hỏi', en: 'Letters', permission: 'letters.write' },
      { href: '/quan-tri/doi-ho-tro', vi: 'Đội hỗ trợ', en: 'Support teams', permission: 'support-teams.manage' },
      { href: '/quan-tri/doi-ho-tro/ghi-nhan', vi: 'Ghi nhận hỗ trợ', en: 'Record help', permission: 'support-teams.record' },
    ],
  },
  {
    id: 'thu-phi',
    vi: 'Thu phí',
    en: 'Fees',
    items: [
      { href: '/quan-tri/thanh-toan/doi-soat', vi: 'Đối soát thanh toán', en: 'Reconciliation', permission: 'payments.manage' },
      { href: '/quan-tri/thanh-toan/tai-khoan', vi: 'Tài khoản chuyên thu', en: 'Collection accounts', permission: 'payments.manage' },
    ],
  },
  {
    id: 'bao-cao',
    vi: 'Báo cáo & chỉ số',
    en: 'Reports & indicators',
    items: [
      { href: '/bang-dieu-khien', vi: 'Bảng điều khiển', en: 'Dashboard', permission: 'reports.read' },
      { href: '/bao-cao/ho-so', vi: 'Báo cáo hồ sơ', en: 'Dossier report', permission: 'reports.read' },
      { href: '/bao-cao/phan-anh', vi: 'Báo cáo phản ánh', en: 'Feedback report', permission: 'reports.read' },
      { href: '/bao-cao/phuc-vu', vi: 'Báo cáo phục vụ tận nơi', en: 'Outreach report', permission: 'reports.read' },
      { href: '/bao-cao/buu-dien', vi: 'Báo cáo bưu chính', en: 'Postal report', permission: 'reports.read' },
      { href: '/bao-cao/chi-so', vi: 'Bộ chỉ số phục vụ', en: 'Service index', permission: 'reports.read' },
    ],
  },
  {
    id: 'cai-cach',
    vi: 'Cải cách hành chính',
    en: 'Administrative reform',
    items: [
      { href: '/quan-tri/mo-hinh/don-vi', vi: 'Mô hình CCHC', en: 'Reform models', permission: 'reform.register' },
      { href: '/quan-tri/bao-cao-mo-hinh', vi: 'Báo cáo mô hình', en: 'Model reports', permission: 'reform-reports.write' },
      { href: '/quan-tri/kiem-tra', vi: 'Kiểm tra CCHC', en: 'Inspections', permission: 'reform.inspect' },
      { href: '/quan-tri/cam-ket', vi: 'Cam kết thân thiện', en: 'Conduct commitment', permission: 'conduct.read' },
      { href: '/quan-tri/khao-sat', vi: 'Khảo sát hài lòng', en: 'Surveys', permission: 'surveys.manage' },
    ],
  },
  {
    id: 'quan-tri',
    vi: 'Quản trị',
    en: 'Administration',
    items: [
      { href: '/quan-tri/don-vi', vi: 'Đơn vị', en: 'Units', permission: 'units.read' },
      { href: '/quan-tri/nguoi-dung', vi: 'Người dùng', en: 'Users', permission: 'users.read' },
      { href: '/quan-tri/lich', vi: 'Lịch làm việc', en: 'Calendar', permission: 'calendar.read' },
      { href: '/quan-tri/nhat-ky', vi: 'Nhật ký', en: 'Audit log', permission: 'audit.read' },
    ],
  },
];

/** The menu link of the page being viewed: the longest link that is the path or a folder above it (`/mot-cua` for a dossier). */
function currentMenuHref(path: string, hrefs: string[]): string | null {
  const pathname = path.split(/[?#]/)[0] ?? path;
  let best: string | null = null;
  for (const href of hrefs) if ((pathname === href || pathname.startsWith(`${href}/`)) && href.length > (best?.length ?? 0)) best = href;
  return best;
}

/**
 * The signed-in official's menu: one "Menu" disclosure (no script), inside it the groups as headings with their links.
 * Closed on every page load, so it never hides the content; CSS lays the groups out in columns on wide screens.
 */
function StaffMenu(props: { ctx: PageContext }) {
  const { ctx } = props;
  const groups = staffMenu.map((g) => ({ ...g, items: g.items.filter((n) => ctx.can(n.permission)) })).filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  const current = currentMenuHref(
    ctx.path,
    groups.flatMap((g) => g.items.map((n) => n.href)),
  );
  return (
    <nav class="menu" aria-label={tr(ctx, 'Điều hướng chính', 'Main navigation')}>
      <details>
        <summary>Menu</summary>
        <div class="menu-groups">
          {groups.map((g) => (
            <div class="menu-group" key={g.id}>
              <h2 id={`menu-${g.id}`}>{tr(ctx, g.vi, g.en)}</h2>
              <ul aria-labelledby={`menu-${g.id}`}>
                {g.items.map((n) => (
                  <li key={n.href}>
                    <a href={n.href} aria-current={n.href === current ? 'page' : undefined}>
                      {tr(ctx, n.vi, n.en)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </details>
    </nav>
  );
}

/** The same page in another language: the `lang` parameter replaced, the rest kept. */
export function withLang(path: string, lang: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

/** The page frame: skip link, header with navigation, main content, footer. */
export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  const p = ctx.principal;
  const other = ctx.lang === 'vi' ? 'en' : 'vi';
  const switchUrl = withLang(ctx.path, other);
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Gần Dân`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/htmx.min.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {tr(ctx, 'Bỏ qua đến nội dung chính', 'Skip to main content')}
        </a>
        <header class={p?.kind === 'user' ? 'site with-menu' : 'site'}>
          <a class="brand" href="/">
            Gần Dân
          </a>
          {p?.kind === 'user' && <StaffMenu ctx={ctx} />}
          <div class="account">
            <a href={switchUrl} lang={other} hreflang={other}>
              {other === 'en' ? 'English' : 'Tiếng Việt'}
            </a>
            {p?.kind === 'user' ? (
              <form method="post" action="/dang-xuat" class="inline">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <span class="who">{p.label}</span> <a href="/ca-nhan/cam-ket">{tr(ctx, 'Cam kết của tôi', 'My commitment')}</a>{' '}
                <button type="submit" class="link">
                  {tr(ctx, 'Đăng xuất', 'Sign out')}
                </button>
              </form>
            ) : p?.kind === 'citizen' ? (
              <form method="post" action="/cong-dan/dang-xuat" class="inline">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <a href="/cong-dan" class="who">
                  {p.displayName}
                </a>{' '}
                <button type="submit" class="link">
                  {tr(ctx, 'Đăng xuất', 'Sign out')}
                </button>
              </form>
            ) : (
              <>
                <a href="/cong-dan">{tr(ctx, 'Công dân', 'Citizens')}</a>
                <a href="/dang-nhap">{tr(ctx, 'Cán bộ đăng nhập', 'Staff sign-in')}</a>
              </>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {ctx.flash && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site">
          <p>{tr(ctx, 'Gần Dân: chính quyền thân thiện, phục vụ Nhân dân', 'Gần Dân: a friendly government serving the people')}</p>
        </footer>
      </body>
    </html>
  );
}

/** Renders a full HTML document. */
export function renderPage(node: preact.VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}
