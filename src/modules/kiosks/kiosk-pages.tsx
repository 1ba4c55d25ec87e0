/**
 * The public screens of a desk (issue 6 items 3 and 7): the electronic listing kiosk (niêm yết thủ tục hành chính
 * điện tử, `/kiosk/<unit>`) on a touch screen, and the LED board feed (`/kiosk/<unit>/bang-led`). No sign-in, their own
 * full-screen layout, every screen a plain page of links that works without JavaScript; /static/kiosk.js adds the
 * idle return, the 30-second version poll that reloads after a publication, the offline notice and the board's
 * rotation.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { tr } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import { html } from '../../web/page.ts';
import { countDeskFigures, type DeskFigures, dossierClock } from '../dossiers/index.ts';
import { todayInVietnam } from '../procedures/index.ts';
import { findUnitByCode, findUnitById, type UnitRow } from '../units/index.ts';
import {
  boardVersion,
  findKioskProcedure,
  type KioskProcedureDetail,
  type KioskProcedureRow,
  kioskVersion,
  listKioskProcedures,
  listMessages,
} from './queries.ts';
import { fieldSlugs, type KioskTiming, messagesShownOn, officeHoursLines, timingFrom, timingQuery } from './rules/board.ts';
import { VersionOut } from './schema.ts';

const BASE = '/kiosk';
const UNIT_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const PROCEDURE_CODE = /^[0-9]{1,2}\.[0-9]{5,6}$/;

/**
 * "Now" for the kiosk and the board: the dossier module's clock, so the board's "today" is the day the desk counts
 * dossiers in (tests freeze it); the system clock in production.
 */
const now = () => dossierClock.now();

interface Ctx {
  lang: Lang;
}

type Labels = Record<string, { vi: string; en: string }>;
const pick = (ctx: Ctx, labels: Labels, key: string) => (labels[key] ? tr(ctx, (labels[key] as { vi: string }).vi, (labels[key] as { en: string }).en) : key);

const onlineLabels: Labels = {
  full: { vi: 'Nộp trực tuyến toàn trình trên Cổng Dịch vụ công', en: 'Fully online on the public-service portal' },
  partial: { vi: 'Nộp trực tuyến một phần trên Cổng Dịch vụ công', en: 'Partly online on the public-service portal' },
  none: { vi: 'Nộp trực tiếp tại Bộ phận Một cửa hoặc qua bưu chính', en: 'In person at the one-stop desk or by post' },
};
const timeUnitLabels: Labels = {
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  working_hours: { vi: 'giờ làm việc', en: 'working hours' },
};
const documentKindLabels: Labels = {
  original: { vi: 'bản chính', en: 'original' },
  copy: { vi: 'bản sao', en: 'copy' },
  certified_copy: { vi: 'bản sao có chứng thực', en: 'certified copy' },
  present_original: { vi: 'xuất trình bản chính', en: 'show the original' },
};

const timeLimit = (ctx: Ctx, p: KioskProcedureRow) => `${String(Number(p.time_limit_value)).replace('.', ',')} ${pick(ctx, timeUnitLabels, p.time_limit_unit)}`;
const money = (ctx: Ctx, vnd: number) => (vnd === 0 ? tr(ctx, 'Không thu', 'Free') : `${new Intl.NumberFormat('vi-VN').format(vnd)} đồng`);
const fmtDate = (iso: string) => iso.split('-').reverse().join('/');

// Layout -------------------------------------------------------------------------------------------------------

interface Frame {
  ctx: Ctx;
  title: string;
  mode: 'kiosk' | 'led';
  unit: UnitRow | null;
  timing: KioskTiming;
  /** The hash the page was built from, and where to poll for the current one (absent on a page without a unit). */
  version?: string;
  versionUrl?: string;
  /** Whether to show the Back and Home buttons (not on the start screen), and where Back goes. */
  nav?: boolean;
  back?: string;
  children: ComponentChildren;
}

/** The kiosk's own full-screen frame: no site header or footer, two big buttons, the offline notice. */
function KioskFrame(props: Frame) {
  const { ctx, unit, timing } = props;
  const q = timingQuery(timing);
  const home = unit ? `${BASE}/${unit.code}${props.mode === 'led' ? '/bang-led' : ''}${q}` : undefined;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Gần Dân`}</title>
        <link rel="stylesheet" href="/static/kiosk.css" />
        <script src="/static/kiosk.js" defer />
      </head>
      <body
        class={`k-${props.mode}`}
        data-kiosk={props.mode}
        data-version={props.version}
        data-version-url={props.versionUrl}
        data-home={home}
        data-idle={String(timing.idle)}
        data-poll={String(timing.poll)}
        data-rotate={String(timing.rotate)}
        data-offline-text={tr(ctx, 'Mất kết nối mạng — đang thử lại…', 'Network connection lost — retrying…')}
      >
        {props.mode === 'kiosk' && (
          <header class="k-top">
            <p class="k-brand">{tr(ctx, 'Niêm yết thủ tục hành chính', 'Administrative procedures')}</p>
            {unit && <p class="k-unit">{unit.name}</p>}
          </header>
        )}
        {props.mode === 'kiosk' && home && props.nav && <KioskNav ctx={ctx} home={home} back={props.back} />}
        <main id="main">{props.children}</main>
        <div id="k-offline" class="k-offline" aria-live="assertive" aria-atomic="true" />
      </body>
    </html>
  );
}

// Data ---------------------------------------------------------------------------------------------------------

interface Listing {
  procedures: KioskProcedureRow[];
  /** Each field the unit's procedures belong to, in order, with its URL segment and count. */
  fields: { name: string; slug: string; count: number }[];
}

function listingOf(procedures: KioskProcedureRow[]): Listing {
  const counts = new Map<string, number>();
  for (const p of procedures) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
  const slugs = fieldSlugs([...counts.keys()]);
  return { procedures, fields: [...counts].map(([name, count]) => ({ name, slug: slugs.get(name) as string, count })) };
}

type UnitLookup = { kind: 'found'; unit: UnitRow } | { kind: 'merged'; into: UnitRow } | { kind: 'missing' };

/** The unit a kiosk URL names; a unit merged into another sends its kiosks to the successor's screens. */
async function lookUpUnit(p: Platform, code: string): Promise<UnitLookup> {
  const unit = UNIT_CODE.test(code) ? await findUnitByCode(p.db, code) : null;
  if (!unit) return { kind: 'missing' };
  if (unit.merged_into_id !== null) {
    const into = await findUnitById(p.db, Number(unit.merged_into_id));
    if (into) return { kind: 'merged', into };
  }
  return { kind: 'found', unit };
}

/** The board's figure line, hashed into its version so a new dossier reloads the board. */
const figuresKey = (f: DeskFigures) => `${f.received},${f.settled},${f.inProgress},${f.resultReady},${f.returnedNotClosed}`;

// Screens ------------------------------------------------------------------------------------------------------

function NotFoundScreen(props: { ctx: Ctx; unit: UnitRow | null; timing: KioskTiming; code: string; what: 'unit' | 'field' | 'procedure' }) {
  const { ctx, unit } = props;
  const title =
    props.what === 'unit'
      ? tr(ctx, 'Không tìm thấy đơn vị', 'Unit not found')
      : props.what === 'field'
        ? tr(ctx, 'Không tìm thấy lĩnh vực', 'Field not found')
        : tr(ctx, 'Thủ tục không được niêm yết tại đây', 'Procedure not listed here');
  return (
    <KioskFrame ctx={ctx} title={title} mode="kiosk" unit={unit} timing={props.timing} nav>
      <section class="k-panel">
        <h1>{title}</h1>
        {props.what === 'unit' ? (
          <p class="k-lead">
            {tr(
              ctx,
              `Không có đơn vị mã “${props.code}”. Màn hình này chưa được cài đặt đúng địa chỉ: xin báo cán bộ Bộ phận Một cửa.`,
              `There is no unit with code “${props.code}”. This screen is set to a wrong address: please tell the one-stop desk staff.`,
            )}
          </p>
        ) : (
          <p class="k-lead">
            {tr(
              ctx,
              'Nội dung này hiện không còn được niêm yết tại đơn vị (có thể vừa được cập nhật). Xin chạm “Trang đầu” để xem danh sách mới nhất.',
              'This is no longer listed at this unit (it may just have been updated). Touch “Home” for the current list.',
            )}
          </p>
        )}
      </section>
    </KioskFrame>
  );
}

function StartScreen(props: { ctx: Ctx; unit: UnitRow; timing: KioskTiming; version: string; listing: Listing; messages: string[] }) {
  const { ctx, unit, timing, listing } = props;
  const q = timingQuery(timing);
  const hours = officeHoursLines(unit.office_hours ?? [], ctx.lang);
  return (
    <KioskFrame ctx={ctx} title={unit.name} mode="kiosk" unit={unit} timing={timing} version={props.version} versionUrl={`${BASE}/${unit.code}/version`}>
      <h1 class="k-title">{tr(ctx, 'Chạm vào lĩnh vực để xem thủ tục', 'Touch a field to see its procedures')}</h1>
      {listing.fields.length === 0 ? (
        <p class="k-lead">
          {tr(ctx, 'Đơn vị chưa niêm yết thủ tục nào. Xin hỏi cán bộ tại quầy.', 'No procedures are listed here yet. Please ask at the desk.')}
        </p>
      ) : (
        <ul class="k-tiles">
          {listing.fields.map((f) => (
            <li key={f.slug}>
              <a class="k-tile" href={`${BASE}/${unit.code}/linh-vuc/${f.slug}${q}`}>
                <span class="k-tile-name">{f.name}</span>
                <span class="k-tile-count">{tr(ctx, `${f.count} thủ tục`, `${f.count} procedure${f.count === 1 ? '' : 's'}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <section class="k-panel" aria-labelledby="k-where">
        <h2 id="k-where">{tr(ctx, 'Nơi tiếp nhận hồ sơ', 'Where to apply')}</h2>
        <p>
          {tr(ctx, 'Bộ phận Một cửa', 'One-stop desk')} · {unit.name}
          {unit.address && <span> · {unit.address}</span>}
          {unit.phone && (
            <span>
              {' '}
              · {tr(ctx, 'Điện thoại', 'Phone')} {unit.phone}
            </span>
          )}
        </p>
        {hours.length > 0 && (
          <ul class="k-hours">
            {hours.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        )}
      </section>
      {props.messages.length > 0 && (
        <section class="k-panel k-commitments" aria-labelledby="k-commit">
          <h2 id="k-commit">{tr(ctx, 'Cam kết phục vụ', 'Our commitments')}</h2>
          <ul>
            {props.messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </section>
      )}
    </KioskFrame>
  );
}

function FieldScreen(props: { ctx: Ctx; unit: UnitRow; timing: KioskTiming; version: string; field: string; procedures: KioskProcedureRow[] }) {
  const { ctx, unit, timing } = props;
  const q = timingQuery(timing);
  return (
    <KioskFrame
      ctx={ctx}
      title={props.field}
      mode="kiosk"
      unit={unit}
      timing={timing}
      version={props.version}
      versionUrl={`${BASE}/${unit.code}/version`}
      nav
      back={`${BASE}/${unit.code}${q}`}
    >
      <h1 class="k-title">
        {tr(ctx, 'Lĩnh vực', 'Field')}: {props.field}
      </h1>
      <p class="k-lead">
        {tr(ctx, 'Chạm vào thủ tục để xem giấy tờ cần mang theo, thời hạn và lệ phí.', 'Touch a procedure for its documents, time limit and fees.')}
      </p>
      <ul class="k-list">
        {props.procedures.map((p) => (
          <li key={p.code}>
            <a class="k-item" href={`${BASE}/${unit.code}/thu-tuc/${p.code}${q}`}>
              <span class="k-item-name">{p.name}</span>
              <span class="k-item-meta">
                {tr(ctx, 'Thời hạn', 'Time limit')}: {timeLimit(ctx, p)}
                {p.same_day && ` · ${tr(ctx, 'có thể giải quyết trong ngày', 'may be settled the same day')}`}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </KioskFrame>
  );
}

function ProcedureScreen(props: { ctx: Ctx; unit: UnitRow; timing: KioskTiming; version: string; p: KioskProcedureDetail; fieldSlug: string }) {
  const { ctx, unit, timing, p } = props;
  const q = timingQuery(timing);
  const documents = p.data.documents ?? [];
  const fees = p.data.fees ?? [];
  const hours = officeHoursLines(unit.office_hours ?? [], ctx.lang);
  return (
    <KioskFrame
      ctx={ctx}
      title={p.name}
      mode="kiosk"
      unit={unit}
      timing={timing}
      version={props.version}
      versionUrl={`${BASE}/${unit.code}/version`}
      nav
      back={`${BASE}/${unit.code}/linh-vuc/${props.fieldSlug}${q}`}
    >
      <h1 class="k-title">{p.name}</h1>
      <p class="k-code">
        {tr(ctx, 'Lĩnh vực', 'Field')}: {p.field} · {tr(ctx, 'Mã thủ tục', 'Code')} {p.code}
      </p>
      <section class="k-panel" aria-labelledby="k-docs">
        <h2 id="k-docs">{tr(ctx, 'Giấy tờ cần mang theo', 'Documents to bring')}</h2>
        {documents.length === 0 ? (
          <p>{tr(ctx, 'Không yêu cầu giấy tờ; xin hỏi cán bộ tại quầy.', 'No documents required; ask at the desk.')}</p>
        ) : (
          <ol class="k-docs">
            {documents.map((d, i) => (
              <li key={i}>
                {d.name}{' '}
                <span class="k-muted">
                  ({pick(ctx, documentKindLabels, d.kind)}
                  {d.copies > 0 && `, ${tr(ctx, `${d.copies} bản`, `${d.copies} ${d.copies === 1 ? 'copy' : 'copies'}`)}`})
                </span>
                {d.formTemplate && <span class="k-muted"> · {d.formTemplate}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="k-panel" aria-labelledby="k-time">
        <h2 id="k-time">{tr(ctx, 'Thời hạn giải quyết', 'Time limit')}</h2>
        <p class="k-big">{timeLimit(ctx, p)}</p>
        {p.data.timeLimitNote && <p>{p.data.timeLimitNote}</p>}
        {p.same_day && <p>{tr(ctx, 'Hồ sơ đầy đủ có thể được giải quyết trong ngày.', 'A complete dossier may be settled the same day.')}</p>}
        {p.cutoff_hour && (
          <p>
            {tr(
              ctx,
              `Hồ sơ nộp sau ${p.cutoff_hour} được tính từ ngày làm việc tiếp theo.`,
              `Dossiers received after ${p.cutoff_hour} count from the next working day.`,
            )}
          </p>
        )}
      </section>
      <section class="k-panel" aria-labelledby="k-fees">
        <h2 id="k-fees">{tr(ctx, 'Phí, lệ phí', 'Fees')}</h2>
        {fees.length === 0 ? (
          <p class="k-big">{tr(ctx, 'Không thu phí, lệ phí', 'No fees')}</p>
        ) : (
          <ul>
            {fees.map((f, i) => (
              <li key={i}>
                {f.name}: <strong>{money(ctx, f.amountVnd)}</strong>
                {f.note && <span class="k-muted"> · {f.note}</span>}
                {f.exemptions.length > 0 && (
                  <span class="k-muted">
                    {' '}
                    · {tr(ctx, 'Miễn cho', 'Exempt')}: {f.exemptions.join('; ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="k-panel" aria-labelledby="k-where">
        <h2 id="k-where">{tr(ctx, 'Nộp hồ sơ ở đâu, khi nào', 'Where and when to apply')}</h2>
        <p>
          {tr(ctx, 'Bộ phận Một cửa', 'One-stop desk')} · {unit.name}
          {unit.address && <span> · {unit.address}</span>}
        </p>
        {hours.length > 0 && (
          <ul class="k-hours">
            {hours.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        )}
      </section>
      <section class="k-panel" aria-labelledby="k-online">
        <h2 id="k-online">{tr(ctx, 'Nộp trực tuyến', 'Apply online')}</h2>
        <p class="k-big">{pick(ctx, onlineLabels, p.online_level)}</p>
      </section>
      {p.data.result && (
        <section class="k-panel" aria-labelledby="k-result">
          <h2 id="k-result">{tr(ctx, 'Kết quả nhận được', 'What you receive')}</h2>
          <p>{p.data.result}</p>
        </section>
      )}
    </KioskFrame>
  );
}

interface Slide {
  key: string;
  kind: 'message' | 'figures' | 'reminder';
  children: ComponentChildren;
}

function BoardScreen(props: { ctx: Ctx; unit: UnitRow; timing: KioskTiming; version: string; day: string; messages: string[]; figures: DeskFigures }) {
  const { ctx, unit, figures: f } = props;
  const slides: Slide[] = props.messages.map((m, i) => ({ key: `m${i}`, kind: 'message', children: <p class="led-text">{m}</p> }));
  slides.push({
    key: 'figures',
    kind: 'figures',
    children: (
      <>
        <h2 class="led-heading">
          {tr(ctx, 'Hôm nay', 'Today')} {fmtDate(props.day)}
        </h2>
        <dl class="led-figures">
          <div>
            <dt>{tr(ctx, 'Đã tiếp nhận', 'Received')}</dt>
            <dd data-figure="received">{f.received}</dd>
          </div>
          <div>
            <dt>{tr(ctx, 'Đã giải quyết', 'Settled')}</dt>
            <dd data-figure="settled">{f.settled}</dd>
          </div>
          <div>
            <dt>{tr(ctx, 'Đang giải quyết', 'In progress')}</dt>
            <dd data-figure="in-progress">{f.inProgress}</dd>
          </div>
        </dl>
      </>
    ),
  });
  if (f.resultReady > 0) {
    slides.push({
      key: 'result-ready',
      kind: 'reminder',
      children: (
        <p class="led-text">
          {tr(
            ctx,
            `Có ${f.resultReady} hồ sơ đã có kết quả, mời công dân đến nhận tại quầy trả kết quả.`,
            `${f.resultReady} results are ready for collection at the desk.`,
          )}
        </p>
      ),
    });
  }
  if (f.returnedNotClosed > 0) {
    slides.push({
      key: 'not-closed',
      kind: 'reminder',
      children: (
        <p class="led-text" data-reminder="returned-not-closed">
          {tr(
            ctx,
            `Nhắc cán bộ: ${f.returnedNotClosed} hồ sơ đã trả kết quả nhưng chưa bấm kết thúc. Hãy kết thúc hồ sơ ngay sau khi trả kết quả.`,
            `Reminder to staff: ${f.returnedNotClosed} dossiers were returned but not closed. Close each dossier as soon as its result is returned.`,
          )}
        </p>
      ),
    });
  }
  return (
    <KioskFrame
      ctx={ctx}
      title={tr(ctx, `Bảng thông tin · ${unit.name}`, `Board · ${unit.name}`)}
      mode="led"
      unit={unit}
      timing={props.timing}
      version={props.version}
      versionUrl={`${BASE}/${unit.code}/bang-led/version`}
    >
      <h1 class="led-unit">{unit.name}</h1>
      <div class="led-slides" id="led-slides" aria-live="off" data-pause-label={tr(ctx, 'Tạm dừng', 'Pause')} data-play-label={tr(ctx, 'Tiếp tục', 'Resume')}>
        {slides.map((s) => (
          <section key={s.key} class={`led-slide led-slide-${s.kind}`} data-slide={s.key}>
            {s.children}
          </section>
        ))}
      </div>
    </KioskFrame>
  );
}

// Routes -------------------------------------------------------------------------------------------------------

export function registerKioskPages(app: App, p: Platform): void {
  const load = async (unit: UnitRow, day: string) => {
    const [procedures, messages, version] = await Promise.all([
      listKioskProcedures(p.db, unit.id, day),
      listMessages(p.db, unit.id),
      kioskVersion(p.db, unit.id, day),
    ]);
    return { listing: listingOf(procedures), messages: messagesShownOn(slotsOf(messages), day).map((m) => m.body), version };
  };

  /** Resolves the unit of a kiosk URL, or answers: a redirect for a merged unit, the 404 screen for an unknown one. */
  const withUnit = async (req: FastifyRequest, reply: FastifyReply, rest: string, render: (unit: UnitRow, timing: KioskTiming) => Promise<unknown>) => {
    const code = (req.params as { unit: string }).unit;
    const timing = timingFrom(req.query as Record<string, unknown>);
    const found = await lookUpUnit(p, code);
    if (found.kind === 'merged') return reply.redirect(`${BASE}/${found.into.code}${rest}${timingQuery(timing)}`, 302);
    if (found.kind === 'missing') {
      return html(reply, renderPage(<NotFoundScreen ctx={{ lang: req.lang }} unit={null} timing={timing} code={code} what="unit" />), 404);
    }
    return render(found.unit, timing);
  };

  app.get(`${BASE}/:unit`, { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, '', async (unit, timing) => {
      const day = todayInVietnam(now());
      const { listing, messages, version } = await load(unit, day);
      return html(
        reply,
        renderPage(<StartScreen ctx={{ lang: req.lang }} unit={unit} timing={timing} version={version} listing={listing} messages={messages} />),
      );
    }),
  );

  app.get(`${BASE}/:unit/linh-vuc/:field`, { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, '', async (unit, timing) => {
      const day = todayInVietnam(now());
      const slug = (req.params as { field: string }).field;
      const { listing, version } = await load(unit, day);
      const field = listing.fields.find((f) => f.slug === slug);
      if (!field) return html(reply, renderPage(<NotFoundScreen ctx={{ lang: req.lang }} unit={unit} timing={timing} code={slug} what="field" />), 404);
      const procedures = listing.procedures.filter((x) => x.field === field.name);
      return html(
        reply,
        renderPage(<FieldScreen ctx={{ lang: req.lang }} unit={unit} timing={timing} version={version} field={field.name} procedures={procedures} />),
      );
    }),
  );

  app.get(`${BASE}/:unit/thu-tuc/:code`, { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, '', async (unit, timing) => {
      const day = todayInVietnam(now());
      const code = (req.params as { code: string }).code;
      const [procedure, { listing, version }] = await Promise.all([
        PROCEDURE_CODE.test(code) ? findKioskProcedure(p.db, unit.id, code, day) : Promise.resolve(null),
        load(unit, day),
      ]);
      const field = procedure ? listing.fields.find((f) => f.name === procedure.field) : undefined;
      if (!procedure || !field) {
        return html(reply, renderPage(<NotFoundScreen ctx={{ lang: req.lang }} unit={unit} timing={timing} code={code} what="procedure" />), 404);
      }
      return html(
        reply,
        renderPage(<ProcedureScreen ctx={{ lang: req.lang }} unit={unit} timing={timing} version={version} p={procedure} fieldSlug={field.slug} />),
      );
    }),
  );

  app.get(`${BASE}/:unit/bang-led`, { config: { permission: 'public' } }, async (req, reply) =>
    withUnit(req, reply, '/bang-led', async (unit, timing) => {
      const day = todayInVietnam(now());
      const [messages, figures] = await Promise.all([listMessages(p.db, unit.id), countDeskFigures(p.db, unit.id, day)]);
      const version = await boardVersion(p.db, unit.id, day, figuresKey(figures));
      return html(
        reply,
        renderPage(
          <BoardScreen
            ctx={{ lang: req.lang }}
            unit={unit}
            timing={timing}
            version={version}
            day={day}
            messages={messagesShownOn(slotsOf(messages), day).map((m) => m.body)}
            figures={figures}
          />,
        ),
      );
    }),
  );

  // The cheap checks the screens poll every 30 s: a hash that changes when what the screen shows changes.
  const versionSchema = (summary: string) => ({
    tags: ['Niêm yết điện tử (kiosks)'],
    summary,
    params: Type.Object({ unit: Type.String({ maxLength: 100 }) }),
    response: { 200: VersionOut },
  });
  const sendVersion = (req: FastifyRequest, reply: FastifyReply, version: string) => {
    const etag = `"${version}"`;
    reply.header('cache-control', 'no-cache').header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.send({ version });
  };
  const unitOrThrow = async (code: string) => {
    const found = await lookUpUnit(p, code);
    // A merged unit's kiosk still polls its old address: answer with the successor's version, which differs, so it reloads.
    if (found.kind === 'missing') {
      throw new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã ${code}`, en: `No unit with code ${code}` } });
    }
    return found.kind === 'merged' ? found.into : found.unit;
  };

  app.get(
    `${BASE}/:unit/version`,
    { schema: versionSchema('Phiên bản nội dung màn hình niêm yết (the kiosk screens’ content hash)'), config: { permission: 'public' } },
    async (req, reply) => {
      const unit = await unitOrThrow((req.params as { unit: string }).unit);
      return sendVersion(req, reply, await kioskVersion(p.db, unit.id, todayInVietnam(now())));
    },
  );

  app.get(
    `${BASE}/:unit/bang-led/version`,
    { schema: versionSchema('Phiên bản nội dung bảng LED (the LED board’s content hash, with today’s figures)'), config: { permission: 'public' } },
    async (req, reply) => {
      const unit = await unitOrThrow((req.params as { unit: string }).unit);
      const day = todayInVietnam(now());
      const figures = await countDeskFigures(p.db, unit.id, day);
      return sendVersion(req, reply, await boardVersion(p.db, unit.id, day, figuresKey(figures)));
    },
  );
}

/** Stored rows as the board rules' slots, keeping the text. */
export function slotsOf(rows: Awaited<ReturnType<typeof listMessages>>) {
  return rows.map((r) => ({ id: r.id, position: r.position, enabled: r.enabled, validFrom: r.valid_from, validTo: r.valid_to, body: r.body }));
}

/** The kiosk's Back and Home buttons (large touch targets), shared by the listing kiosk and the APS machine. */
export function KioskNav(props: { ctx: { lang: Lang }; home: string; back?: string | null }) {
  const { ctx } = props;
  return (
    <nav class="k-nav" aria-label={tr(ctx, 'Điều hướng', 'Navigation')}>
      {props.back && (
        <a class="k-button" href={props.back}>
          <span aria-hidden="true">‹</span>
          {tr(ctx, 'Quay lại', 'Back')}
        </a>
      )}
      <a class="k-button k-home" href={props.home}>
        <span aria-hidden="true">⌂</span>
        {tr(ctx, 'Trang đầu', 'Home')}
      </a>
    </nav>
  );
}
