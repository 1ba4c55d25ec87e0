import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError, titleOf } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { cleanForm, validate } from '../../platform/http/validate.ts';
import { CsrfField, ErrorSummary, Field, type FormErrors, PageHeading, Pagination, Select, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../units/index.ts';
import { createUser } from './commands/create-user.ts';
import { grantRole, revokeGrant } from './commands/grant-role.ts';
import { signIn } from './commands/sign-in.ts';
import { updateUser } from './commands/update-user.ts';
import { roleLabels, roles } from './permissions.ts';
import { findGrant, findUserByUsername, type GrantRow, grantsOf, listUsers, type UserRow } from './queries.ts';
import { authorizer } from './rules/authorize.ts';
import { mayGrantRole, mayManageUser, mayViewUser, visibleUserScopes } from './rules/manage.ts';
import { CreateUserBody, GrantBody, SignInBody, UpdateUserBody } from './schema.ts';

const BASE = '/quan-tri/nguoi-dung';

/** Field names as people read them, for the error summary. */
function userLabels(ctx: { lang: 'vi' | 'en' }): Record<string, string> {
  return {
    username: tr(ctx, 'Tên đăng nhập', 'Username'),
    password: tr(ctx, 'Mật khẩu', 'Password'),
    fullName: tr(ctx, 'Họ và tên', 'Full name'),
    title: tr(ctx, 'Chức vụ', 'Job title'),
    email: tr(ctx, 'Thư điện tử', 'E-mail'),
    phone: tr(ctx, 'Điện thoại', 'Phone'),
    role: tr(ctx, 'Vai trò', 'Role'),
    unit: tr(ctx, 'Đơn vị', 'Unit'),
  };
}
const PAGE_SIZE = 25;

/**
 * Where to go after signing in: only a path on this site. Printable ASCII without a backslash,
 * starting with one slash and not two (browsers drop tabs and newlines, so "/\t/evil" would
 * become "//evil", another site).
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/.test(next) ? next : '/quan-tri';
}

function roleLabel(ctx: { lang: 'vi' | 'en' }, role: string): string {
  const l = roleLabels[role as keyof typeof roleLabels];
  return l ? tr(ctx, l.vi, l.en) : role;
}

/** Sign-in and sign-out pages and the staff administration pages. */
export function registerStaffPages(app: App, p: Platform): void {
  const renderSignIn = (req: FastifyRequest, reply: FastifyReply, values: { username?: string; next?: string }, errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Đăng nhập', 'Sign in')}>
          <h1>{tr(ctx, 'Đăng nhập dành cho cán bộ', 'Staff sign-in')}</h1>
          <ErrorSummary ctx={ctx} errors={errors} labels={userLabels(ctx)} />
          <form method="post" action="/dang-nhap" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="next" value={safeNext(values.next)} />
            <Field name="username" label={tr(ctx, 'Tên đăng nhập', 'Username')} value={values.username} errors={errors} autocomplete="username" required />
            <Field name="password" type="password" label={tr(ctx, 'Mật khẩu', 'Password')} errors={errors} autocomplete="current-password" required />
            <button type="submit">{tr(ctx, 'Đăng nhập', 'Sign in')}</button>
          </form>
        </Layout>,
      ),
      status,
    );
  };

  app.get('/dang-nhap', { config: { permission: 'public' } }, async (req, reply) => {
    if (req.principal) return reply.redirect(safeNext((req.query as Record<string, string>).next), 303);
    return renderSignIn(req, reply, { next: (req.query as Record<string, string>).next }, {});
  });

  app.post('/dang-nhap', { config: { permission: 'public', rateLimit: { max: 20, timeWindow: 15 * 60 * 1000 } } }, async (req, reply) => {
    const form = cleanForm(req.body);
    const checked = validate(SignInBody, form);
    if (!checked.ok) return renderSignIn(req, reply, form as { username?: string; next?: string }, formErrors(checked.errors, req.lang), 400);
    try {
      const user = await signIn(p.db, req.actor(), checked.value.username, checked.value.password, p.config.production);
      await req.session.regenerate(); // no session fixation: a fresh id after sign-in
      req.session.userId = user.id;
      return reply.redirect(safeNext(checked.value.next), 303);
    } catch (err) {
      if (err instanceof AppError && err.status === 401) {
        return renderSignIn(req, reply, { username: checked.value.username, next: checked.value.next }, { username: titleOf(err.code, req.lang) }, 401);
      }
      throw err;
    }
  });

  app.post('/dang-xuat', { config: { permission: 'public' } }, async (req, reply) => {
    await req.session.destroy();
    return reply.redirect('/dang-nhap', 303);
  });

  app.get('/quan-tri', { config: { permission: 'signed-in' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const pr = req.principal;
    const grants = pr?.kind === 'user' ? await grantsOf(p.db, pr.userId) : [];
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Trang làm việc', 'Workspace')}>
          <h1>{tr(ctx, 'Trang làm việc', 'Workspace')}</h1>
          <h2>{tr(ctx, 'Vai trò của bạn', 'Your roles')}</h2>
          <ul>
            {grants.map((g) => (
              <li key={g.id}>
                {roleLabel(ctx, g.role)} · {g.unit_name}
                {g.subtree ? tr(ctx, ' (và các đơn vị trực thuộc)', ' (and its sub-units)') : ''}
              </li>
            ))}
          </ul>
        </Layout>,
      ),
    );
  });

  app.get(BASE, { config: { permission: 'users.read' } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const query = req.query as Record<string, string>;
    const q = (query.q ?? '').trim().slice(0, 100);
    const page = Math.max(1, Math.min(10000, Number.parseInt(query.page ?? '1', 10) || 1));
    const unit = query.unit ? await findUnitByCode(p.db, query.unit) : null;
    if (unit) req.requireOn('users.read', unit.path);
    const r = await listUsers(p.db, {
      visible: visibleUserScopes(req.principal!),
      unitId: unit?.id,
      q: q || null,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Người dùng', 'Users')}>
          <PageHeading title={unit ? tr(ctx, `Cán bộ: ${unit.name}`, `Staff: ${unit.name}`) : tr(ctx, 'Người dùng', 'Users')}>
            {ctx.can('users.manage') && (
              <a class="button" href={`${BASE}/moi${unit ? `?unit=${unit.code}` : ''}`}>
                {tr(ctx, 'Thêm người dùng', 'Add a user')}
              </a>
            )}
          </PageHeading>
          <form class="search" method="get" action={BASE}>
            {unit && <input type="hidden" name="unit" value={unit.code} />}
            <Field name="q" label={tr(ctx, 'Tìm theo tên (có dấu hoặc không dấu)', 'Search by name')} value={q} />
            <button type="submit">{tr(ctx, 'Tìm', 'Search')}</button>
          </form>
          <TableWrap label={tr(ctx, 'Danh sách người dùng', 'User list')}>
            <table>
              <caption class="muted">{tr(ctx, `${r.total} người dùng`, `${r.total} users`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Họ và tên', 'Full name')}</th>
                  <th scope="col">{tr(ctx, 'Tên đăng nhập', 'Username')}</th>
                  <th scope="col">{tr(ctx, 'Vai trò', 'Roles')}</th>
                  <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <a href={`${BASE}/${u.username}`}>{u.full_name}</a>
                    </td>
                    <td>{u.username}</td>
                    <td>{u.roles.map((r) => `${roleLabel(ctx, r.role)} · ${r.unit}`).join('; ')}</td>
                    <td>{u.active ? tr(ctx, 'Hoạt động', 'Active') : <span class="tag off">{tr(ctx, 'Đã khóa', 'Disabled')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination
            ctx={ctx}
            page={page}
            pageSize={PAGE_SIZE}
            total={r.total}
            base={BASE}
            query={{ ...(q ? { q } : {}), ...(unit ? { unit: unit.code } : {}) }}
          />
        </Layout>,
      ),
    );
  });

  const unitOptions = (units: UnitRow[], req: FastifyRequest) =>
    units.filter((u) => !u.merged_into_id && req.can('users.manage', u.path)).map((u) => ({ value: u.code, label: `${'— '.repeat(u.depth)}${u.name}` }));

  const roleOptions = (ctx: PageContext, req: FastifyRequest) =>
    roles
      .filter((r) => req.principal?.kind === 'user' && req.principal.grants.some((g) => mayGrantRole(authorizer, req.principal!, r, g.unitPath, false)))
      .map((r) => ({ value: r, label: roleLabel(ctx, r) }));

  const renderNew = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string | undefined>, errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    const units = await listUnits(p.db);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={tr(ctx, 'Thêm người dùng', 'Add a user')}>
          <h1>{tr(ctx, 'Thêm người dùng', 'Add a user')}</h1>
          <ErrorSummary ctx={ctx} errors={errors} labels={userLabels(ctx)} />
          <form method="post" action={BASE} novalidate>
            <CsrfField ctx={ctx} />
            <Field name="fullName" label={tr(ctx, 'Họ và tên', 'Full name')} value={values.fullName} errors={errors} required />
            <Field
              name="username"
              label={tr(ctx, 'Tên đăng nhập', 'Username')}
              value={values.username}
              errors={errors}
              required
              hint={tr(ctx, 'Chữ không dấu, số, dấu chấm', 'Letters, digits, dots')}
            />
            <Field name="title" label={tr(ctx, 'Chức vụ', 'Job title')} value={values.title} errors={errors} />
            <Field name="email" type="email" label={tr(ctx, 'Thư điện tử', 'E-mail')} value={values.email} errors={errors} />
            <Field name="phone" type="tel" label={tr(ctx, 'Điện thoại', 'Phone')} value={values.phone} errors={errors} />
            <Field
              name="password"
              type="password"
              label={tr(ctx, 'Mật khẩu ban đầu', 'Initial password')}
              errors={errors}
              required
              hint={tr(ctx, 'Ít nhất 10 ký tự', 'At least 10 characters')}
              autocomplete="new-password"
            />
            <Select name="role" label={tr(ctx, 'Vai trò', 'Role')} value={values.role} errors={errors} options={roleOptions(ctx, req)} />
            <Select name="unit" label={tr(ctx, 'Tại đơn vị', 'At unit')} value={values.unit} errors={errors} options={unitOptions(units, req)} />
            <div class="field">
              <label>
                <input type="checkbox" name="subtree" value="true" checked={values.subtree === 'true'} />{' '}
                {tr(ctx, 'Áp dụng cho cả các đơn vị trực thuộc', 'Also over sub-units')}
              </label>
            </div>
            <button type="submit">{tr(ctx, 'Tạo tài khoản', 'Create account')}</button>
          </form>
        </Layout>,
      ),
      status,
    );
  };

  app.get(`${BASE}/moi`, { config: { permission: 'users.manage' } }, async (req, reply) =>
    renderNew(req, reply, { unit: (req.query as Record<string, string>).unit, role: 'one_stop_clerk' }, {}),
  );

  app.post(BASE, { config: { permission: 'users.manage' } }, async (req, reply) => {
    const form = cleanForm(req.body) as Record<string, string | undefined>;
    const input = {
      username: form.username,
      password: form.password,
      fullName: form.fullName,
      title: form.title,
      email: form.email,
      phone: form.phone,
      grants: [{ role: form.role, unit: form.unit, subtree: form.subtree === 'true' }],
    };
    const checked = validate(CreateUserBody, input);
    const errs = checked.ok ? {} : formErrors(checked.errors, req.lang);
    for (const k of Object.keys(errs)) {
      if (k.startsWith('grants.0.')) errs[k.slice(9)] = errs[k] as string;
    }
    if (!checked.ok) return renderNew(req, reply, form, errs, 400);
    try {
      const user = await inTransaction(p.db, async (tx) => {
        const g = checked.value.grants?.[0];
        const unit = g ? await findUnitByCode(tx, g.unit) : null;
        if (!g || !unit) throw new AppError('UNIT_NOT_FOUND');
        req.requireOn('users.manage', unit.path);
        if (!mayGrantRole(authorizer, req.principal!, g.role, unit.path, g.subtree ?? false)) throw new AppError('FORBIDDEN');
        return createUser(tx, req.actor(), checked.value, [unit]);
      });
      return redirectWithFlash(req, reply, `${BASE}/${user.username}`, tr(req, `Đã tạo tài khoản ${user.username}`, `Account ${user.username} created`));
    } catch (err) {
      if (err instanceof AppError && err.code === 'USERNAME_TAKEN')
        return renderNew(req, reply, form, { username: tr(req, 'Tên đăng nhập đã tồn tại', 'Username already used') }, 409);
      throw err;
    }
  });

  const renderUser = async (req: FastifyRequest, reply: FastifyReply, user: UserRow, grants: GrantRow[], errors: FormErrors, status = 200) => {
    const ctx = pageContext(req, reply);
    const canManage = mayManageUser(authorizer, req.principal!, grants);
    const units = await listUnits(p.db);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={user.full_name}>
          <h1>{user.full_name}</h1>
          <dl class="facts">
            <dt>{tr(ctx, 'Tên đăng nhập', 'Username')}</dt>
            <dd>{user.username}</dd>
            <dt>{tr(ctx, 'Đăng nhập gần nhất', 'Last sign-in')}</dt>
            <dd>{user.last_login_at ? new Date(user.last_login_at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—'}</dd>
          </dl>
          <h2>{tr(ctx, 'Vai trò', 'Roles')}</h2>
          <ul>
            {grants.map((g) => (
              <li key={g.id}>
                {roleLabel(ctx, g.role)} · <a href={`/quan-tri/don-vi/${g.unit_code}`}>{g.unit_name}</a>
                {g.subtree ? tr(ctx, ' (và đơn vị trực thuộc)', ' (and sub-units)') : ''}{' '}
                {mayGrantRole(authorizer, req.principal!, g.role, g.unit_path, g.subtree) && (
                  <form method="post" action={`${BASE}/${user.username}/vai-tro/${g.id}/xoa`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="link">
                      {tr(ctx, 'Thu hồi', 'Revoke')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <ErrorSummary ctx={ctx} errors={errors} labels={userLabels(ctx)} />
          {ctx.can('users.manage') && (
            <form method="post" action={`${BASE}/${user.username}/vai-tro`} novalidate>
              <CsrfField ctx={ctx} />
              <h3>{tr(ctx, 'Giao thêm vai trò', 'Grant a role')}</h3>
              <Select name="role" label={tr(ctx, 'Vai trò', 'Role')} errors={errors} options={roleOptions(ctx, req)} />
              <Select name="unit" label={tr(ctx, 'Tại đơn vị', 'At unit')} errors={errors} options={unitOptions(units, req)} />
              <div class="field">
                <label>
                  <input type="checkbox" name="subtree" value="true" /> {tr(ctx, 'Cả các đơn vị trực thuộc', 'Also over sub-units')}
                </label>
              </div>
              <button type="submit" class="secondary">
                {tr(ctx, 'Giao vai trò', 'Grant')}
              </button>
            </form>
          )}
          {canManage && (
            <>
              <h2>{tr(ctx, 'Sửa thông tin', 'Edit')}</h2>
              <form method="post" action={`${BASE}/${user.username}`} novalidate>
                <CsrfField ctx={ctx} />
                <Field name="fullName" label={tr(ctx, 'Họ và tên', 'Full name')} value={user.full_name} errors={errors} required />
                <Field name="title" label={tr(ctx, 'Chức vụ', 'Job title')} value={user.title} errors={errors} />
                <Field name="email" type="email" label={tr(ctx, 'Thư điện tử', 'E-mail')} value={user.email} errors={errors} />
                <Field name="phone" type="tel" label={tr(ctx, 'Điện thoại', 'Phone')} value={user.phone} errors={errors} />
                <Field
                  name="password"
                  type="password"
                  label={tr(ctx, 'Mật khẩu mới (để trống nếu không đổi)', 'New password (leave empty to keep)')}
                  errors={errors}
                  autocomplete="new-password"
                />
                <div class="field">
                  <label>
                    <input type="checkbox" name="active" value="true" checked={user.active} /> {tr(ctx, 'Tài khoản đang hoạt động', 'Account active')}
                  </label>
                </div>
                <button type="submit">{tr(ctx, 'Lưu thay đổi', 'Save changes')}</button>
              </form>
            </>
          )}
        </Layout>,
      ),
      status,
    );
  };

  const loadVisibleUser = async (req: FastifyRequest) => {
    const user = await findUserByUsername(p.db, (req.params as { username: string }).username);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const grants = await grantsOf(p.db, user.id);
    if (!mayViewUser(req.principal!, grants)) throw new AppError('FORBIDDEN');
    return { user, grants };
  };

  app.get(`${BASE}/:username`, { config: { permission: 'users.read' } }, async (req, reply) => {
    const { user, grants } = await loadVisibleUser(req);
    await recordAudit(p.db, req.actor(), { action: 'user.read', entityType: 'user', entityId: user.username, unitId: grants[0]?.unit_id ?? null });
    return renderUser(req, reply, user, grants, {});
  });

  app.post(`${BASE}/:username`, { config: { permission: 'users.manage' } }, async (req, reply) => {
    const { user, grants } = await loadVisibleUser(req);
    if (!mayManageUser(authorizer, req.principal!, grants)) throw new AppError('FORBIDDEN');
    const form = cleanForm(req.body) as Record<string, string | undefined>;
    // Every field is on the form: one left empty is cleared.
    const checked = validate(UpdateUserBody, {
      fullName: form.fullName,
      title: form.title ?? null,
      email: form.email ?? null,
      phone: form.phone ?? null,
      password: form.password,
      active: form.active === 'true',
    });
    if (!checked.ok) return renderUser(req, reply, user, grants, formErrors(checked.errors, req.lang), 400);
    await inTransaction(p.db, (tx) => updateUser(tx, req.actor(), user, checked.value, grants[0]?.unit_id ?? null));
    return redirectWithFlash(req, reply, `${BASE}/${user.username}`, tr(req, 'Đã lưu thay đổi', 'Changes saved'));
  });

  app.post(`${BASE}/:username/vai-tro`, { config: { permission: 'users.manage' } }, async (req, reply) => {
    const { user, grants } = await loadVisibleUser(req);
    const form = cleanForm(req.body) as Record<string, string | undefined>;
    const checked = validate(GrantBody, { role: form.role, unit: form.unit, subtree: form.subtree === 'true' });
    if (!checked.ok) return renderUser(req, reply, user, grants, formErrors(checked.errors, req.lang), 400);
    await inTransaction(p.db, async (tx) => {
      const unit = await findUnitByCode(tx, checked.value.unit);
      if (!unit) throw new AppError('UNIT_NOT_FOUND');
      req.requireOn('users.manage', unit.path);
      if (!mayGrantRole(authorizer, req.principal!, checked.value.role, unit.path, checked.value.subtree ?? false)) throw new AppError('FORBIDDEN');
      if (grants.length > 0 && !mayManageUser(authorizer, req.principal!, grants)) throw new AppError('FORBIDDEN');
      await grantRole(tx, req.actor(), user, checked.value.role, unit, checked.value.subtree ?? false);
    });
    return redirectWithFlash(req, reply, `${BASE}/${user.username}`, tr(req, 'Đã giao vai trò', 'Role granted'));
  });

  app.post(`${BASE}/:username/vai-tro/:grantId/xoa`, { config: { permission: 'users.manage' } }, async (req, reply) => {
    const { user } = await loadVisibleUser(req);
    const grantId = Number((req.params as { grantId: string }).grantId);
    await inTransaction(p.db, async (tx) => {
      const grant = Number.isInteger(grantId) ? await findGrant(tx, grantId) : null;
      if (!grant || grant.user_id !== user.id) throw new AppError('NOT_FOUND');
      req.requireOn('users.manage', grant.unit_path);
      if (!mayGrantRole(authorizer, req.principal!, grant.role, grant.unit_path, grant.subtree)) throw new AppError('FORBIDDEN');
      await revokeGrant(tx, req.actor(), user, grant);
    });
    return redirectWithFlash(req, reply, `${BASE}/${user.username}`, tr(req, 'Đã thu hồi vai trò', 'Role revoked'));
  });
}
