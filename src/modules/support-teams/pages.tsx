/**
 * Public pages of the support teams (Đội hỗ trợ dịch vụ công miễn phí): who is on duty now at each unit, per duty
 * (desk, hotline, online chat, home visits), how to reach them, and the shifts still to come today. A member's phone
 * shows only while on duty and only with their consent; otherwise the unit's phone. Works without JavaScript and at 320 px.
 */
import type { Static } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { Select } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { findUnitByCode } from '../units/index.ts';
import { onDutyNow } from './api.ts';
import { PUBLIC_BASE, unitPagePath } from './present.ts';
import { unitsWithTeams } from './queries.ts';
import type { UnitOnDutyOut } from './schema.ts';
import { dutyLabels } from './schema.ts';
import { hm, labelOf, Phone } from './views.tsx';

type UnitDuty = Static<typeof UnitOnDutyOut>;
const str = (v: unknown, max = 64): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');

function DutyCard(props: { ctx: PageContext; d: UnitDuty['duties'][number] }) {
  const { ctx, d } = props;
  return (
    <li class={`duty-card${d.onDuty ? ' on' : ''}`}>
      <h3 class="duty-title">{labelOf(ctx, dutyLabels[d.duty])}</h3>
      {d.onDuty ? (
        <p>
          <span class="tag published">{tr(ctx, 'Đang trực', 'On duty')}</span> {d.until && tr(ctx, `đến ${hm(d.until)}`, `until ${hm(d.until)}`)}
        </p>
      ) : (
        <p>
          <span class="tag off">{tr(ctx, 'Chưa có người trực', 'Nobody on duty')}</span>
        </p>
      )}
      {d.members.length > 0 && (
        <ul class="duty-people">
          {d.members.map((m) => (
            <li key={m.name}>
              {m.name}
              {m.phone && (
                <>
                  {' · '}
                  <Phone phone={m.phone} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.duty === 'desk' ? (
        <p class="muted">
          {d.reach.address
            ? tr(ctx, `Tại Bộ phận Một cửa: ${d.reach.address}`, `At the one-stop desk: ${d.reach.address}`)
            : tr(ctx, 'Đến Bộ phận Một cửa của đơn vị', 'Come to the unit’s one-stop desk')}
          {d.reach.officeHours && (
            <>
              <br />
              {tr(ctx, `Giờ làm việc: ${d.reach.officeHours}`, `Office hours: ${d.reach.officeHours}`)}
            </>
          )}
        </p>
      ) : d.members.some((m) => m.phone) ? null : d.reach.phone ? (
        <p class="muted">
          {tr(ctx, 'Gọi đơn vị: ', 'Call the unit: ')}
          <Phone phone={d.reach.phone} />
        </p>
      ) : (
        <p class="muted">{tr(ctx, 'Liên hệ Bộ phận Một cửa của đơn vị trong giờ làm việc.', 'Ask at the unit’s one-stop desk during office hours.')}</p>
      )}
    </li>
  );
}

function UnitSection(props: { ctx: PageContext; u: UnitDuty; single: boolean }) {
  const { ctx, u, single } = props;
  return (
    <section class="duty-unit" aria-labelledby={`u-${u.unit.code}`}>
      {single ? (
        <h2 id={`u-${u.unit.code}`}>{tr(ctx, 'Hiện đang trực', 'On duty now')}</h2>
      ) : (
        <h2 id={`u-${u.unit.code}`}>
          <a href={u.unit.url}>{u.unit.name}</a>
        </h2>
      )}
      <ul class="duty-grid">
        {u.duties.map((d) => (
          <DutyCard key={d.duty} ctx={ctx} d={d} />
        ))}
      </ul>
      {single && (
        <>
          <h2>{tr(ctx, 'Ca trực tiếp theo hôm nay', 'Later today')}</h2>
          {u.laterToday.length === 0 ? (
            <p>{tr(ctx, 'Hôm nay không còn ca trực nào.', 'No more shifts today.')}</p>
          ) : (
            <ul class="qa-list">
              {u.laterToday.map((s) => (
                <li key={`${s.duty}-${s.startsAt}`}>
                  <strong>
                    {hm(s.startsAt)}–{hm(s.endsAt)}
                  </strong>{' '}
                  · {labelOf(ctx, dutyLabels[s.duty])}
                  <br />
                  <span class="muted">{s.names.join(', ')}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Intro(props: { ctx: PageContext; at: Date }) {
  const { ctx } = props;
  return (
    <p>
      {tr(
        ctx,
        `Đoàn viên, hội viên hỗ trợ miễn phí người dân tạo tài khoản VNeID, nộp hồ sơ và thanh toán trực tuyến. Cập nhật lúc ${hm(props.at)}.`,
        `Union members and volunteers help people for free to create a VNeID account, file dossiers and pay online. As of ${hm(props.at)}.`,
      )}
    </p>
  );
}

function ListPage(props: { ctx: PageContext; units: UnitDuty[]; choices: { code: string; name: string }[]; chosen: string; at: Date }) {
  const { ctx } = props;
  const title = tr(ctx, 'Đội hỗ trợ dịch vụ công miễn phí', 'Free public-service support teams');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Intro ctx={ctx} at={props.at} />
      <form class="search" method="get" action={PUBLIC_BASE}>
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={props.chosen}
          options={[{ value: '', label: tr(ctx, 'Tất cả đơn vị', 'All units') }, ...props.choices.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <button type="submit">{tr(ctx, 'Xem', 'Show')}</button>
      </form>
      {props.units.length === 0 ? (
        <p>{tr(ctx, 'Chưa có đội hỗ trợ nào.', 'No support teams yet.')}</p>
      ) : (
        props.units.map((u) => <UnitSection key={u.unit.code} ctx={ctx} u={u} single={false} />)
      )}
    </Layout>
  );
}

function UnitPage(props: { ctx: PageContext; name: string; u: UnitDuty | null; at: Date }) {
  const { ctx } = props;
  const title = tr(ctx, `Đội hỗ trợ: ${props.name}`, `Support team: ${props.name}`);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="muted">
        <a href={PUBLIC_BASE}>{tr(ctx, '← Tất cả đơn vị', '← All units')}</a>
      </p>
      <h1>{title}</h1>
      <Intro ctx={ctx} at={props.at} />
      {props.u ? <UnitSection ctx={ctx} u={props.u} single={true} /> : <p>{tr(ctx, 'Đơn vị chưa có đội hỗ trợ.', 'This unit has no support team yet.')}</p>}
    </Layout>
  );
}

export function registerSupportTeamsPages(app: App, p: Platform): void {
  const cfg = { config: { permission: 'public', rateLimit: { max: 120, timeWindow: 60 * 1000 } } };

  app.get(PUBLIC_BASE, cfg, async (req, reply) => {
    const chosen = str((req.query as Record<string, unknown>)?.unit);
    const at = new Date();
    const all = await unitsWithTeams(p.db, null);
    const known = all.some((u) => u.code === chosen) ? chosen : '';
    const units = await onDutyNow(p, known || null, at, req.lang);
    return html(
      reply,
      renderPage(<ListPage ctx={pageContext(req, reply)} units={units} choices={all.map((u) => ({ code: u.code, name: u.name }))} chosen={known} at={at} />),
    );
  });

  app.get(`${PUBLIC_BASE}/:unit`, cfg, async (req, reply) => {
    const code = str((req.params as { unit: string }).unit);
    const unit = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findUnitByCode(p.db, code) : null;
    if (!unit || unit.merged_into_id !== null) throw new AppError('UNIT_NOT_FOUND');
    const at = new Date();
    const [u] = await onDutyNow(p, unit.code, at, req.lang);
    return html(reply, renderPage(<UnitPage ctx={pageContext(req, reply)} name={unit.name} u={u ?? null} at={at} />));
  });
}

export { unitPagePath };
