/** The postal report page (/bao-cao/buu-dien): dossiers received and returned by post, postal legs by status, fees. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import type { App } from '../../platform/http/server.ts';
import { PageHeading, TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { html, pageContext } from '../../web/page.ts';
import { type ReportFormValues, ReportPeriodForm, ReportPeriodLine, reportFormErrors, reportFormValues } from '../../web/report-frame.tsx';
import { reportPageUnit, reportUnitIds } from '../units/index.ts';
import { type PostalActivity, postalActivityOf } from './queries.ts';
import { directionLabels, directions, shipmentStatuses, statusLabels } from './rules/legs.ts';
import { fmtVnd, label } from './views.tsx';

const PERMISSION = 'reports.read';

function ReportPage(props: {
  ctx: PageContext;
  values: ReportFormValues;
  errors: Record<string, string>;
  report: (PostalActivity & { units: number }) | null;
}) {
  const { ctx, values, report } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Báo cáo hồ sơ qua bưu điện', 'Postal report')}>
      <PageHeading title={tr(ctx, 'Hồ sơ tiếp nhận, trả kết quả qua bưu điện', 'Dossiers by post')} />
      {report && <ReportPeriodLine ctx={ctx} from={values.from} to={values.to} subtree={values.subtree === '1'} units={report.units} />}
      <ReportPeriodForm ctx={ctx} action="/bao-cao/buu-dien" values={values} errors={props.errors} />
      {report && (
        <>
          <dl class="facts">
            <dt>{tr(ctx, 'Hồ sơ tiếp nhận qua bưu điện', 'Dossiers received by post')}</dt>
            <dd>{report.receivedByPost}</dd>
            <dt>{tr(ctx, 'Hồ sơ trả kết quả qua bưu điện', 'Results returned by post')}</dt>
            <dd>{report.returnedByPost}</dd>
            <dt>{tr(ctx, 'Tổng cước bưu chính', 'Postal fees')}</dt>
            <dd>{fmtVnd(report.feesVnd)}</dd>
          </dl>
          <h2>{tr(ctx, 'Bưu gửi tạo trong kỳ, theo trạng thái', 'Items created in the period, by status')}</h2>
          <TableWrap label={tr(ctx, 'Bưu gửi theo trạng thái', 'Items by status')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(ctx, 'Trạng thái', 'Status')}</th>
                  {directions.map((d) => (
                    <th scope="col" key={d}>
                      {d === 'inbound' ? tr(ctx, 'Nhận hồ sơ', 'Inbound') : tr(ctx, 'Trả kết quả', 'Outbound')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shipmentStatuses.map((s) => (
                  <tr key={s}>
                    <th scope="row">{label(ctx, statusLabels[s])}</th>
                    {directions.map((d) => (
                      <td key={d}>{report.legs[d][s]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="muted">{directions.map((d) => label(ctx, directionLabels[d])).join('; ')}</p>
        </>
      )}
    </Layout>
  );
}

/** The postal report page for holders of reports.read. */
export function registerPostalReportPages(app: App, p: Platform): void {
  app.get('/bao-cao/buu-dien', { config: { permission: PERMISSION } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, string | undefined>;
    const unit = await reportPageUnit(p.db, req, query.unit?.trim() || undefined, PERMISSION);
    req.requireOn(PERMISSION, unit.path);
    const values = reportFormValues(query, unit.code, new Date());
    const ctx = pageContext(req, reply);
    const errors = reportFormErrors(ctx, values);
    if (Object.keys(errors).length > 0) return html(reply, renderPage(<ReportPage ctx={ctx} values={values} errors={errors} report={null} />), 400);
    const unitIds = await reportUnitIds(p.db, req, unit, values.subtree === '1', PERMISSION);
    const activity = await postalActivityOf(p.db, { unitIds, from: values.from, to: values.to });
    return html(reply, renderPage(<ReportPage ctx={ctx} values={values} errors={errors} report={{ ...activity, units: unitIds.length }} />));
  });
}
