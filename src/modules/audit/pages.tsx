import type { Platform } from '../../platform/context.ts';
import type { App } from '../../platform/http/server.ts';
import { validate } from '../../platform/http/validate.ts';
import { ErrorSummary, Field, PageHeading, Pagination, TableWrap } from '../../web/components.tsx';
import { tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext } from '../../web/page.ts';
import { browseAudit } from './browse.ts';
import { AuditQuery } from './schema.ts';

const BASE = '/quan-tri/nhat-ky';

function summarise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The audit log browser with filters by unit, person, action and dates. */
export function registerAuditPages(app: App, p: Platform): void {
  app.get(BASE, { config: { permission: 'audit.read' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(req.query as Record<string, string>)) if (typeof v === 'string' && v.trim() !== '' && k !== 'lang') raw[k] = v.trim();
    const checked = validate(AuditQuery, raw);
    const errors = checked.ok ? {} : formErrors(checked.errors, req.lang);
    const q = checked.ok ? checked.value : { page: 1, pageSize: 50 };
    const r = checked.ok ? await browseAudit(p, req, checked.value) : { items: [], total: 0 };
    const keep: Record<string, string> = {};
    for (const k of ['unit', 'actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const)
      if (checked.ok && checked.value[k]) keep[k] = String(checked.value[k]);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Nhật ký thay đổi', 'Audit log')}>
          <PageHeading title={tr(ctx, 'Nhật ký thay đổi', 'Audit log')} />
          <ErrorSummary ctx={ctx} errors={errors} />
          <form class="search" method="get" action={BASE}>
            <Field name="unit" label={tr(ctx, 'Mã đơn vị', 'Unit code')} value={keep.unit} errors={errors} />
            <Field name="actor" label={tr(ctx, 'Người thực hiện', 'Who')} value={keep.actor} errors={errors} />
            <Field name="action" label={tr(ctx, 'Thao tác', 'Action')} value={keep.action} errors={errors} hint="vd. unit., user.sign_in" />
            <Field name="from" type="date" label={tr(ctx, 'Từ ngày', 'From')} value={keep.from} errors={errors} />
            <Field name="to" type="date" label={tr(ctx, 'Đến ngày', 'To')} value={keep.to} errors={errors} />
            <button type="submit">{tr(ctx, 'Lọc', 'Filter')}</button>
          </form>
          <TableWrap label={tr(ctx, 'Nhật ký thay đổi', 'Audit log')}>
            <table>
              <caption class="muted">{tr(ctx, `${r.total} bản ghi`, `${r.total} entries`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Thời điểm', 'When')}</th>
                  <th scope="col">{tr(ctx, 'Người thực hiện', 'Who')}</th>
                  <th scope="col">{tr(ctx, 'Từ địa chỉ', 'From')}</th>
                  <th scope="col">{tr(ctx, 'Thao tác', 'Action')}</th>
                  <th scope="col">{tr(ctx, 'Đối tượng', 'Object')}</th>
                  <th scope="col">{tr(ctx, 'Trước / sau', 'Before / after')}</th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((a) => (
                  <tr key={a.id}>
                    <td>{new Date(a.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}</td>
                    <td>{a.actor_label}</td>
                    <td>{a.ip ?? ''}</td>
                    <td>
                      <code>{a.action}</code>
                    </td>
                    <td>
                      {a.entity_type} {a.entity_id}
                      {a.unit_code ? ` · ${a.unit_code}` : ''}
                    </td>
                    <td>
                      {a.before ? (
                        <div>
                          <span class="muted">{tr(ctx, 'Trước: ', 'Before: ')}</span>
                          <code>{summarise(a.before)}</code>
                        </div>
                      ) : null}
                      {a.after ? (
                        <div>
                          <span class="muted">{tr(ctx, 'Sau: ', 'After: ')}</span>
                          <code>{summarise(a.after)}</code>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination ctx={ctx} page={q.page} pageSize={q.pageSize} total={r.total} base={BASE} query={keep} />
        </Layout>,
      ),
      checked.ok ? 200 : 400,
    );
  });
}
