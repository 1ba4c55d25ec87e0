import type { App } from '../platform/http/server.ts';
import { tr } from './context.ts';
import { Layout, renderPage } from './layout.tsx';
import { html, pageContext } from './page.ts';

/** The landing page: what Gần Dân is and where to go. */
export function registerHomePage(app: App): void {
  app.get('/', { config: { permission: 'public' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Trang chủ', 'Home')}>
          <h1>{tr(ctx, 'Gần Dân: chính quyền thân thiện, phục vụ Nhân dân', 'Gần Dân: a friendly government serving the people')}</h1>
          <p>
            {tr(
              ctx,
              'Hệ thống tiếp nhận và giải quyết thủ tục hành chính theo cơ chế một cửa, danh mục thủ tục, lịch làm việc và các mô hình cải cách hành chính của địa phương.',
              'The one-stop system for administrative procedures, the procedure catalogue, the working calendar and the local reform models.',
            )}
          </p>
          <ul>
            <li>
              <a href="/thu-tuc">{tr(ctx, 'Tra cứu thủ tục hành chính', 'Find an administrative procedure')}</a>
            </li>
            <li>
              <a href="/tra-cuu">{tr(ctx, 'Tra cứu hồ sơ', 'Track a dossier')}</a>
            </li>
            <li>
              <a href="/hoi-dap">{tr(ctx, 'Hỏi đáp “Chạm để biết”', 'Questions and answers')}</a>
            </li>
            <li>
              <a href="/phan-anh">{tr(ctx, 'Phản ánh, kiến nghị: gửi, theo dõi, xem câu trả lời', 'Feedback: send, follow, read the answers')}</a>
            </li>
            <li>
              <a href="/duong-day-nong">{tr(ctx, 'Đường dây nóng của lãnh đạo và hộp thư góp ý', 'Leaders’ hotline numbers and the suggestion box')}</a>
            </li>
            <li>
              <a href="/doi-thoai">
                {tr(ctx, 'Đối thoại với Nhân dân và doanh nghiệp: lịch, gửi câu hỏi, cam kết', 'Dialogues with the public and businesses')}
              </a>
            </li>
            <li>
              <a href="/cong-dan">
                {tr(ctx, 'Công dân đăng nhập bằng VNeID: hồ sơ của tôi, tờ khai điền sẵn', 'Citizens (VNeID): my dossiers, pre-filled forms')}
              </a>
            </li>
            <li>
              <a href={ctx.principal ? '/quan-tri' : '/dang-nhap'}>{tr(ctx, 'Dành cho cán bộ', 'For staff')}</a>
            </li>
          </ul>
        </Layout>,
      ),
    );
  });
}
