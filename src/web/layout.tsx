import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type PageContext, tr } from './context.ts';

interface NavItem {
  href: string;
  vi: string;
  en: string;
  permission: string;
}

// Staff navigation; each link shows only to those holding its permission somewhere.
const staffNav: NavItem[] = [
  { href: '/bang-dieu-khien', vi: 'Bảng điều khiển', en: 'Dashboard', permission: 'reports.read' },
  { href: '/mot-cua', vi: 'Một cửa', en: 'One-stop desk', permission: 'dossiers.read' },
  { href: '/mot-cua/to-khai', vi: 'Tờ khai', en: 'Declarations', permission: 'dossiers.receive' },
  { href: '/quan-tri/don-vi', vi: 'Đơn vị', en: 'Units', permission: 'units.read' },
  { href: '/quan-tri/nguoi-dung', vi: 'Người dùng', en: 'Users', permission: 'users.read' },
  { href: '/quan-tri/thu-tuc', vi: 'Thủ tục hành chính', en: 'Procedures', permission: 'procedures.read' },
  { href: '/quan-tri/huong-dan-qr', vi: 'Phiếu hướng dẫn QR', en: 'QR guide sheets', permission: 'guides.print' },
  { href: '/quan-tri/lich', vi: 'Lịch làm việc', en: 'Calendar', permission: 'calendar.read' },
  { href: '/quan-tri/bang-led', vi: 'Bảng LED', en: 'LED board', permission: 'kiosks.manage' },
  { href: '/quan-tri/hoi-dap', vi: 'Hỏi đáp', en: 'Questions', permission: 'questions.answer' },
  { href: '/quan-tri/phan-anh', vi: 'Phản ánh', en: 'Feedback', permission: 'feedback.handle' },
  { href: '/quan-tri/phan-anh/tiep-nhan', vi: 'Tiếp nhận 1022', en: '1022 calls', permission: 'feedback.receive' },
  { href: '/quan-tri/doi-thoai', vi: 'Đối thoại', en: 'Dialogues', permission: 'dialogues.manage' },
  { href: '/quan-tri/mo-hinh/don-vi', vi: 'Mô hình CCHC', en: 'Reform models', permission: 'reform.register' },
  { href: '/quan-tri/bao-cao-mo-hinh', vi: 'Báo cáo mô hình', en: 'Model reports', permission: 'reform-reports.write' },
  { href: '/quan-tri/kiem-tra', vi: 'Kiểm tra CCHC', en: 'Inspections', permission: 'reform.inspect' },
  { href: '/quan-tri/khao-sat', vi: 'Khảo sát hài lòng', en: 'Surveys', permission: 'surveys.manage' },
  { href: '/quan-tri/cam-ket', vi: 'Cam kết thân thiện', en: 'Conduct commitment', permission: 'conduct.read' },
  { href: '/quan-tri/hen-tai-nha', vi: 'Hẹn tại nhà', en: 'Home visits', permission: 'appointments.manage' },
  { href: '/quan-tri/doi-ho-tro', vi: 'Đội hỗ trợ', en: 'Support teams', permission: 'support-teams.manage' },
  { href: '/quan-tri/doi-ho-tro/ghi-nhan', vi: 'Ghi nhận hỗ trợ', en: 'Record help', permission: 'support-teams.record' },
  { href: '/quan-tri/thu', vi: 'Thư chúc mừng, thăm hỏi', en: 'Letters', permission: 'letters.write' },
  { href: '/quan-tri/ho-so-mau', vi: 'Hồ sơ mẫu', en: 'Sample dossiers', permission: 'samples.manage' },
  { href: '/quan-tri/thanh-toan/doi-soat', vi: 'Đối soát thanh toán', en: 'Reconciliation', permission: 'payments.manage' },
  { href: '/quan-tri/nhat-ky', vi: 'Nhật ký', en: 'Audit log', permission: 'audit.read' },
  { href: '/bao-cao/ho-so', vi: 'Báo cáo', en: 'Reports', permission: 'reports.read' },
  { href: '/buu-dien', vi: 'Bưu gửi', en: 'Postal items', permission: 'postal.handle' },
];

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
        <header class="site">
          <a class="brand" href="/">
            Gần Dân
          </a>
          <nav aria-label={tr(ctx, 'Điều hướng chính', 'Main navigation')}>
            <ul>
              {p?.kind === 'user' &&
                staffNav
                  .filter((n) => ctx.can(n.permission))
                  .map((n) => (
                    <li key={n.href}>
                      <a href={n.href} aria-current={ctx.path.startsWith(n.href) ? 'page' : undefined}>
                        {tr(ctx, n.vi, n.en)}
                      </a>
                    </li>
                  ))}
            </ul>
          </nav>
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
