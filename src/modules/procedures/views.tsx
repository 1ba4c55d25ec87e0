/** View pieces shared by the staff and public procedure pages. Every text is escaped by preact. */
import { TableWrap } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { unitKindLabels } from '../units/index.ts';
import type { CarryingUnit } from './queries.ts';
import {
  documentKindLabels,
  feeKindLabels,
  levelLabels,
  onlineLabels,
  type ProcedureSpec,
  statusLabels,
  timeUnitLabels,
  type VersionStatus,
} from './schema.ts';

type Labels = Record<string, { vi: string; en: string }>;
export const label = (ctx: PageContext, labels: Labels, key: string): string =>
  labels[key] ? tr(ctx, (labels[key] as { vi: string }).vi, (labels[key] as { en: string }).en) : key;

export function money(ctx: PageContext, vnd: number): string {
  if (vnd === 0) return tr(ctx, 'Không thu (0 đồng)', 'Free (0 đồng)');
  return `${new Intl.NumberFormat('vi-VN').format(vnd)} ${tr(ctx, 'đồng', 'đồng (VND)')}`;
}

export function timeLimitText(ctx: PageContext, t: { value: number; unit: string }): string {
  return `${String(t.value).replace('.', ',')} ${label(ctx, timeUnitLabels, t.unit)}`;
}

export function StatusTag(props: { ctx: PageContext; status: VersionStatus; current?: boolean }) {
  const cls = props.status === 'draft' ? 'draft' : props.status === 'withdrawn' ? 'off' : 'published';
  return (
    <span class={`tag ${cls}`}>
      {label(props.ctx, statusLabels, props.status)}
      {props.current ? ` · ${tr(props.ctx, 'đang hiệu lực', 'in force')}` : ''}
    </span>
  );
}

/** The full description of one procedure version: what to bring, how long, how much, on what legal basis. */
export function ProcedureDetails(props: { ctx: PageContext; spec: ProcedureSpec; units?: CarryingUnit[]; headingLevel?: 2 | 3 }) {
  const { ctx, spec } = props;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <>
      <dl class="facts">
        <dt>{tr(ctx, 'Mã thủ tục', 'Procedure code')}</dt>
        <dd>{spec.code}</dd>
        <dt>{tr(ctx, 'Lĩnh vực', 'Field')}</dt>
        <dd>{spec.field}</dd>
        <dt>{tr(ctx, 'Cấp thực hiện', 'Level')}</dt>
        <dd>{label(ctx, levelLabels, spec.level)}</dd>
        <dt>{tr(ctx, 'Cơ quan thực hiện', 'Agency')}</dt>
        <dd>{spec.agency ?? '—'}</dd>
        <dt>{tr(ctx, 'Thời hạn giải quyết', 'Time limit')}</dt>
        <dd>
          {timeLimitText(ctx, spec.timeLimit)}
          {spec.timeLimit.note && <p class="hint">{spec.timeLimit.note}</p>}
        </dd>
        {spec.cutoffHour && (
          <>
            <dt>{tr(ctx, 'Giờ tiếp nhận cuối trong ngày', 'Daily cut-off hour')}</dt>
            <dd>
              {spec.cutoffHour} {tr(ctx, '(nhận sau giờ này tính từ ngày làm việc tiếp theo)', '(received later counts from the next working day)')}
            </dd>
          </>
        )}
        <dt>{tr(ctx, 'Dịch vụ công trực tuyến', 'Online service')}</dt>
        <dd>{label(ctx, onlineLabels, spec.onlineLevel)}</dd>
        <dt>{tr(ctx, 'Giải quyết trong ngày', 'Settled the same day')}</dt>
        <dd>{spec.sameDayEligible ? tr(ctx, 'Có thể', 'Possible') : tr(ctx, 'Không', 'No')}</dd>
        <dt>{tr(ctx, 'Kết quả', 'Result')}</dt>
        <dd>{spec.result ?? '—'}</dd>
        {spec.unitTypes.length > 0 && (
          <>
            <dt>{tr(ctx, 'Loại đơn vị thực hiện', 'Unit kinds')}</dt>
            <dd>{spec.unitTypes.map((k) => label(ctx, unitKindLabels, k)).join(', ')}</dd>
          </>
        )}
      </dl>
      {spec.unverified.length > 0 && (
        <p class="hint">
          {tr(ctx, 'Chưa đối chiếu được với nguồn chính thức: ', 'Not yet checked against an official source: ')}
          {spec.unverified.join(', ')}
        </p>
      )}
      {props.units && (
        <>
          <H>{tr(ctx, 'Nơi tiếp nhận hồ sơ', 'Where to apply')}</H>
          {props.units.length === 0 ? (
            <p>{spec.agency ?? tr(ctx, 'Liên hệ Bộ phận Một cửa nơi gần nhất.', 'Ask at the nearest one-stop desk.')}</p>
          ) : (
            <ul>
              {props.units.map((u) => (
                <li key={u.code}>
                  {u.name}
                  {u.parent_name && <span class="muted"> ({u.parent_name})</span>}
                  {u.address && <span class="muted"> · {u.address}</span>}
                  {u.phone && <span class="muted"> · {u.phone}</span>}
                  {u.same_day && <span class="tag published">{tr(ctx, 'Trong ngày', 'Same day')}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <H>{tr(ctx, 'Thành phần hồ sơ', 'Documents to bring')}</H>
      {spec.documents.length === 0 ? (
        <p>—</p>
      ) : (
        <TableWrap label={tr(ctx, 'Thành phần hồ sơ', 'Documents to bring')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(ctx, 'Giấy tờ', 'Document')}</th>
                <th scope="col">{tr(ctx, 'Loại', 'Kind')}</th>
                <th scope="col">{tr(ctx, 'Số bản', 'Copies')}</th>
              </tr>
            </thead>
            <tbody>
              {spec.documents.map((d, i) => (
                <tr key={i}>
                  <td>
                    {d.name}
                    {d.formTemplate && <p class="hint">{d.formTemplate}</p>}
                  </td>
                  <td>{label(ctx, documentKindLabels, d.kind)}</td>
                  <td>{d.copies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <H>{tr(ctx, 'Phí, lệ phí', 'Fees')}</H>
      {spec.fees.length === 0 ? (
        <p>{tr(ctx, 'Không thu phí, lệ phí', 'No fees')}</p>
      ) : (
        <ul>
          {spec.fees.map((f, i) => (
            <li key={i}>
              <strong>{f.name}</strong> ({label(ctx, feeKindLabels, f.kind)}): {money(ctx, f.amountVnd)}
              {f.note && <p class="hint">{f.note}</p>}
              {f.exemptions.length > 0 && (
                <p class="hint">
                  {tr(ctx, 'Miễn cho: ', 'Exempt: ')}
                  {f.exemptions.join('; ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {spec.steps.length > 0 && (
        <>
          <H>{tr(ctx, 'Trình tự thực hiện', 'Steps')}</H>
          <ol>
            {spec.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </>
      )}
      {spec.legalBasis.length > 0 && (
        <>
          <H>{tr(ctx, 'Căn cứ pháp lý', 'Legal basis')}</H>
          <ul>
            {spec.legalBasis.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
