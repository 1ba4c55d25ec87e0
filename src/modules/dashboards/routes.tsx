/**
 * The leader's dashboard (bảng điều khiển, issue 9 item 5): the unit and its subtree at a glance — what needs attention
 * today, received / settled / late month by month, the same-day, cashless, satisfaction and feedback-on-time rates,
 * the service index quarter by quarter, the children ranked, and every unit of the subtree in a table (the province's
 * view). Charts are SVG drawn here (web/charts.tsx), each with its numbers in a table beside it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import type { App } from '../../platform/http/server.ts';
import { rate, startOfVietnamDay, vietnamDate } from '../../platform/period.ts';
import { BarChart, ChartTable, LineChart, type Series } from '../../web/charts.tsx';
import { PageHeading, Pagination, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { dossierFiguresByUnit, monthlyDossierSeries, type UnitFiguresRow } from '../dossiers/index.ts';
import { monthlyFeedbackSeries } from '../feedback/index.ts';
import { cashlessActivity } from '../payments/index.ts';
import { serviceIndexOf } from '../service-index/index.ts';
import { listUnits, reportPageUnit, reportUnitIds, type UnitRow } from '../units/index.ts';
import { type Attention, attentionToday } from './attention.ts';
import { lastMonths, lastQuarters, monthAfter, monthLabel } from './rules/periods.ts';

const PERMISSION = 'reports.read';
const MONTHS = 12;
const QUARTERS = 4;
const PAGE_SIZE = 50;

interface UnitLine {
  unit: UnitRow;
  figures: UnitFiguresRow | undefined;
}

interface Dashboard {
  unit: UnitRow;
  today: string;
  units: number;
  attention: Attention;
  months: string[];
  volume: Series[];
  rates: Series[];
  quarters: string[];
  indexTotals: (number | null)[];
  quarterLabel: string;
  children: UnitLine[];
  all: { lines: UnitLine[]; total: number; page: number };
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);

async function buildDashboard(p: Platform, req: FastifyRequest, unit: UnitRow, page: number, lang: 'vi' | 'en'): Promise<Dashboard> {
  const now = new Date();
  const today = vietnamDate(now);
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const unitIds = await reportUnitIds(p.db, req, unit, true, PERMISSION);
  const months = lastMonths(today, MONTHS);
  const from = months[0] as string;
  const to = months.at(-1) as string;
  const quarters = lastQuarters(today, QUARTERS);
  const current = quarters.at(-1) as (typeof quarters)[number];
  const allUnits = (await listUnits(p.db)).filter((u) => unitIds.includes(u.id));
  const children = allUnits.filter((u) => u.parent_id === unit.id);
  const others = allUnits.filter((u) => u.id !== unit.id).sort((a, b) => a.path.localeCompare(b.path));
  const pageUnits = others.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const [attention, dossierMonths, feedbackMonths, payments, indexes, childFigures, unitFigures] = await Promise.all([
    attentionToday(p.readDb, unitIds, now, today),
    monthlyDossierSeries(p.readDb, unitIds, from, to),
    monthlyFeedbackSeries(p.readDb, unitIds, from, to),
    cashlessActivity(p.readDb, { unitIds, start: startOfVietnamDay(from), end: startOfVietnamDay(monthAfter(to)) }),
    Promise.all(quarters.map((q) => serviceIndexOf(p.readDb, { unitIds, reportUnitId: unit.id, from: q.from, to: q.to, now }))),
    dossierFiguresByUnit(
      p.readDb,
      children.map((c) => ({ unitId: c.id, path: c.path, subtree: true })),
      current.from,
      current.to,
    ),
    dossierFiguresByUnit(
      p.readDb,
      pageUnits.map((u) => ({ unitId: u.id, path: u.path, subtree: false })),
      current.from,
      current.to,
    ),
  ]);
  const byMonth = <T extends { month: string }>(list: T[]) => new Map(list.map((r) => [r.month, r]));
  const dm = byMonth(dossierMonths);
  const fm = byMonth(feedbackMonths);
  const cm = new Map<string, { paid: number; transfer: number }>();
  for (const f of payments.paid) {
    const m = cm.get(f.month) ?? { paid: 0, transfer: 0 };
    cm.set(f.month, { paid: m.paid + f.transferCount + f.cashCount, transfer: m.transfer + f.transferCount });
  }
  const volume: Series[] = [
    { name: t('Tiếp nhận', 'Received'), values: months.map((m) => dm.get(m)?.received ?? 0) },
    { name: t('Đã giải quyết', 'Settled'), values: months.map((m) => dm.get(m)?.settled ?? 0) },
    { name: t('Giải quyết quá hạn', 'Settled late'), values: months.map((m) => dm.get(m)?.late ?? 0) },
  ];
  const rates: Series[] = [
    { name: t('Giải quyết trong ngày', 'Same-day'), values: months.map((m) => rate(dm.get(m)?.sameDaySettled ?? 0, dm.get(m)?.sameDay ?? 0)) },
    { name: t('Thanh toán không dùng tiền mặt', 'Cashless fees'), values: months.map((m) => rate(cm.get(m)?.transfer ?? 0, cm.get(m)?.paid ?? 0)) },
    { name: t('Hài lòng', 'Satisfied'), values: months.map((m) => rate(dm.get(m)?.satisfied ?? 0, dm.get(m)?.ratings ?? 0)) },
    { name: t('Phản ánh trả lời đúng hạn', 'Feedback on time'), values: months.map((m) => rate(fm.get(m)?.onTime ?? 0, fm.get(m)?.answered ?? 0)) },
  ];
  const figuresOf = (list: UnitFiguresRow[]) => new Map(list.map((f) => [Number(f.unit_id), f]));
  const cf = figuresOf(childFigures);
  const uf = figuresOf(unitFigures);
  const onTime = (f: UnitFiguresRow | undefined) => (f ? rate(f.on_time, f.settled) : null);
  const ranked = children
    .map((c) => ({ unit: c, figures: cf.get(c.id) }))
    .sort((a, b) => (onTime(b.figures) ?? -1) - (onTime(a.figures) ?? -1) || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return {
    unit,
    today,
    units: unitIds.length,
    attention: { ...attention, paymentsToResolve: payments.transfersToResolve },
    months,
    volume,
    rates,
    quarters: quarters.map((q) => q.label),
    indexTotals: indexes.map((r) => (r.maxWithData > 0 ? r.total : null)),
    quarterLabel: current.label,
    children: ranked,
    all: { lines: pageUnits.map((u) => ({ unit: u, figures: uf.get(u.id) })), total: others.length, page },
  };
}

function UnitTable(props: { ctx: PageContext; caption: string; lines: UnitLine[]; rank?: boolean }) {
  const { ctx } = props;
  const noData = tr(ctx, 'Không có dữ liệu', 'No data');
  const cell = (v: string | null) => (v === null ? <abbr title={noData}>—</abbr> : v);
  return (
    <TableWrap label={props.caption}>
      <table class="report">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.rank && <th scope="col">{tr(ctx, 'Hạng', 'Rank')}</th>}
            <th scope="col">{tr(ctx, 'Đơn vị', 'Unit')}</th>
            <th scope="col">{tr(ctx, 'Tiếp nhận', 'Received')}</th>
            <th scope="col">{tr(ctx, 'Đúng hạn', 'On time')}</th>
            <th scope="col">{tr(ctx, 'Trực tuyến', 'Online')}</th>
            <th scope="col">{tr(ctx, 'Hài lòng', 'Satisfied')}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l, i) => {
            const f = l.figures;
            return (
              <tr key={l.unit.id}>
                {props.rank && <td class="num">{i + 1}</td>}
                <th scope="row">
                  <a href={`/bang-dieu-khien?unit=${l.unit.code}`}>{l.unit.name}</a>
                </th>
                <td class="num">{(f?.received ?? 0).toLocaleString('vi-VN')}</td>
                <td class="num">{cell(pct(f ? rate(f.on_time, f.settled) : null))}</td>
                <td class="num">{cell(pct(f ? rate(f.online, f.received) : null))}</td>
                <td class="num">{cell(pct(f ? rate(f.satisfied, f.ratings) : null))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DashboardPage(props: { ctx: PageContext; d: Dashboard }) {
  const { ctx, d } = props;
  const a = d.attention;
  const labels = d.months.map(monthLabel);
  const noData = tr(ctx, 'Không có dữ liệu', 'No data');
  const title = tr(ctx, 'Bảng điều khiển', 'Dashboard');
  const attention: [string, number, string][] = [
    [tr(ctx, 'Hồ sơ đang quá hạn', 'Dossiers overdue'), a.overdueDossiers, '/mot-cua/qua-han'],
    [tr(ctx, 'Hồ sơ đến hạn hôm nay', 'Dossiers due today'), a.dueToday, '/mot-cua'],
    [tr(ctx, 'Đã trả kết quả, chưa kết thúc', 'Returned, not closed'), a.returnedNotClosed, '/mot-cua'],
    [tr(ctx, 'Phản ánh quá hạn trả lời', 'Feedback overdue'), a.overdueFeedback, '/quan-tri/phan-anh'],
    [tr(ctx, 'Cam kết đối thoại quá hạn', 'Dialogue commitments overdue'), a.overdueCommitments, '/quan-tri/doi-thoai/cam-ket'],
    [tr(ctx, 'Khoản thanh toán cần đối soát', 'Payments to resolve'), a.paymentsToResolve, '/quan-tri/thanh-toan/doi-soat'],
  ];
  return (
    <Layout ctx={ctx} title={`${title} · ${d.unit.name}`}>
      <PageHeading title={`${title} · ${d.unit.name}`} />
      <p>
        {tr(ctx, `Đến ngày ${d.today.split('-').reverse().join('/')} · gồm ${d.units} đơn vị`, `As of ${d.today} · ${d.units} units`)} ·{' '}
        <a href={`/bao-cao/chi-so?unit=${d.unit.code}`}>{tr(ctx, 'Bộ chỉ số 766', 'Service index')}</a> ·{' '}
        <a href={`/bao-cao/ho-so?unit=${d.unit.code}`}>{tr(ctx, 'Báo cáo hồ sơ', 'Dossier report')}</a> ·{' '}
        <a href={`/bao-cao/phan-anh?unit=${d.unit.code}`}>{tr(ctx, 'Báo cáo phản ánh', 'Feedback report')}</a>
      </p>
      <section aria-labelledby="attention">
        <h2 id="attention">{tr(ctx, 'Cần chú ý hôm nay', 'Needs attention today')}</h2>
        <ul class="attention">
          {attention.map(([label, n, href]) => (
            <li key={label} class={n > 0 ? 'warn' : undefined}>
              <a href={href}>
                <strong>{n.toLocaleString('vi-VN')}</strong> {label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="volume" class="chart-block">
        <h2 id="volume">{tr(ctx, 'Hồ sơ theo tháng', 'Dossiers by month')}</h2>
        <LineChart
          id="c-volume"
          title={tr(ctx, 'Hồ sơ tiếp nhận, đã giải quyết và giải quyết quá hạn, 12 tháng', 'Dossiers received, settled and settled late, 12 months')}
          desc={tr(ctx, 'Số liệu chi tiết ở bảng ngay sau biểu đồ.', 'The numbers are in the table right after the chart.')}
          labels={labels}
          series={d.volume}
        />
        <ChartTable
          caption={tr(ctx, 'Hồ sơ theo tháng (số liệu)', 'Dossiers by month (numbers)')}
          labelHeader={tr(ctx, 'Tháng', 'Month')}
          labels={labels}
          series={d.volume}
          noData={noData}
        />
      </section>
      <section aria-labelledby="rates" class="chart-block">
        <h2 id="rates">{tr(ctx, 'Các tỷ lệ theo tháng', 'Rates by month')}</h2>
        <LineChart
          id="c-rates"
          title={tr(
            ctx,
            'Tỷ lệ giải quyết trong ngày, không dùng tiền mặt, hài lòng, phản ánh đúng hạn',
            'Same-day, cashless, satisfied and feedback-on-time rates',
          )}
          desc={tr(
            ctx,
            'Tháng không có dữ liệu để trống, không tính là 0 %. Số liệu ở bảng sau biểu đồ.',
            'Months without data are left empty, not 0 %. Numbers in the table after the chart.',
          )}
          labels={labels}
          series={d.rates}
          percent
        />
        <ChartTable
          caption={tr(ctx, 'Các tỷ lệ theo tháng (số liệu)', 'Rates by month (numbers)')}
          labelHeader={tr(ctx, 'Tháng', 'Month')}
          labels={labels}
          series={d.rates}
          percent
          noData={noData}
        />
      </section>
      <section aria-labelledby="index" class="chart-block">
        <h2 id="index">{tr(ctx, 'Bộ chỉ số 766 theo quý', 'Service index by quarter')}</h2>
        <BarChart
          id="c-index"
          title={tr(ctx, 'Tổng điểm Bộ chỉ số (trên 100) theo quý', 'Service index total (of 100) by quarter')}
          desc={tr(ctx, 'Quý hiện tại tính đến hôm nay.', 'The current quarter to date.')}
          labels={d.quarters}
          values={d.indexTotals}
          max={100}
        />
        <ChartTable
          caption={tr(ctx, 'Bộ chỉ số theo quý (số liệu)', 'Service index by quarter (numbers)')}
          labelHeader={tr(ctx, 'Quý', 'Quarter')}
          labels={d.quarters}
          series={[{ name: tr(ctx, 'Tổng điểm', 'Total'), values: d.indexTotals }]}
          noData={noData}
        />
      </section>
      {d.children.length > 0 && (
        <section aria-labelledby="ranked">
          <h2 id="ranked">{tr(ctx, `Xếp hạng đơn vị trực thuộc, ${d.quarterLabel}`, `Units below ranked, ${d.quarterLabel}`)}</h2>
          <UnitTable
            ctx={ctx}
            caption={tr(ctx, 'Xếp theo tỷ lệ giải quyết đúng hạn (mỗi đơn vị gồm cả cấp dưới)', 'By on-time rate (each with its own subtree)')}
            lines={d.children}
            rank
          />
        </section>
      )}
      {d.all.total > d.children.length && (
        <section aria-labelledby="all">
          <h2 id="all">{tr(ctx, `Tất cả đơn vị, ${d.quarterLabel}`, `All units, ${d.quarterLabel}`)}</h2>
          <UnitTable ctx={ctx} caption={tr(ctx, 'Số liệu của riêng từng đơn vị', 'Each unit on its own')} lines={d.all.lines} />
          <Pagination ctx={ctx} page={d.all.page} pageSize={PAGE_SIZE} total={d.all.total} base="/bang-dieu-khien" query={{ unit: d.unit.code }} />
        </section>
      )}
    </Layout>
  );
}

export function registerDashboardRoutes(app: App, p: Platform): void {
  app.get('/bang-dieu-khien', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    req.requireOn(PERMISSION, unit.path);
    const page = Math.max(1, Math.min(1000, Number.parseInt(query.page ?? '1', 10) || 1));
    const ctx = pageContext(req, reply);
    const d = await buildDashboard(p, req, unit, page, ctx.lang);
    return html(reply, renderPage(<DashboardPage ctx={ctx} d={d} />));
  });
}
