/**
 * Charts drawn on the server as SVG (issue 9 item 5): they show on a cheap phone without JavaScript and print as they
 * look. Each chart is a <figure> with an accessible name and description, series told apart by line style and marker
 * shape as well as colour, and the same numbers always in a table beside it (ChartTable) — the chart is a picture of
 * the table, never the only place a number lives.
 */
import type { ComponentChildren } from 'preact';
import { TableWrap } from './components.tsx';

export interface Series {
  name: string;
  /** One value per label; null where there is no data (a gap, not a zero). */
  values: (number | null)[];
}

// Colours with at least 3:1 contrast on white, and a dash pattern and marker per series (WCAG 1.4.1).
const STYLES = [
  { color: '#1d70b8', dash: '', marker: 'circle' },
  { color: '#d4351c', dash: '6 3', marker: 'square' },
  { color: '#00703c', dash: '2 3', marker: 'triangle' },
  { color: '#6f3c97', dash: '10 3 2 3', marker: 'diamond' },
] as const;

const W = 480;
const H = 250;
const PAD = { left: 52, right: 12, top: 16, bottom: 36 };

const fmt = (v: number, percent: boolean) =>
  percent ? `${Math.round(v * 1000) / 10} %` : v >= 10_000 ? `${Math.round(v / 1000)} N` : String(Math.round(v * 100) / 100);

/** A round upper bound for the axis. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

function Marker(props: { kind: string; x: number; y: number; color: string }) {
  const { x, y, color } = props;
  switch (props.kind) {
    case 'square':
      return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={color} />;
    case 'triangle':
      return <path d={`M${x} ${y - 4.5}L${x + 4.5} ${y + 3.5}L${x - 4.5} ${y + 3.5}Z`} fill={color} />;
    case 'diamond':
      return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={color} />;
    default:
      return <circle cx={x} cy={y} r={3.5} fill={color} />;
  }
}

function Frame(props: { id: string; title: string; desc: string; children: ComponentChildren; legend: Series[] }) {
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} preserveAspectRatio="xMidYMid meet">
        <title id={`${props.id}-t`}>{props.title}</title>
        <desc id={`${props.id}-d`}>{props.desc}</desc>
        {props.children}
      </svg>
      <figcaption>
        <strong>{props.title}</strong>
        {props.legend.length > 1 && (
          <ul class="chart-legend">
            {props.legend.map((s, i) => {
              const st = STYLES[i % STYLES.length] ?? STYLES[0];
              return (
                <li key={s.name}>
                  <svg width="28" height="12" aria-hidden="true">
                    <line x1="0" y1="6" x2="28" y2="6" stroke={st.color} stroke-width="2.5" stroke-dasharray={st.dash || undefined} />
                    <Marker kind={st.marker} x={14} y={6} color={st.color} />
                  </svg>{' '}
                  {s.name}
                </li>
              );
            })}
          </ul>
        )}
      </figcaption>
    </figure>
  );
}

function Axes(props: { labels: string[]; max: number; percent: boolean }) {
  const { labels, max, percent } = props;
  const plotH = H - PAD.top - PAD.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const step = (W - PAD.left - PAD.right) / Math.max(1, labels.length);
  const every = Math.ceil(labels.length / 6);
  return (
    <g font-size="13" fill="#0b0c0c">
      {ticks.map((t) => {
        const y = PAD.top + plotH * (1 - t);
        return (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="#b1b4b6" stroke-width="0.5" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {fmt(max * t, percent)}
            </text>
          </g>
        );
      })}
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text key={l} x={PAD.left + step * (i + 0.5)} y={H - PAD.bottom + 16} text-anchor="middle">
            {l}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Lines over time (counts, or rates 0–1 with `percent`). */
export function LineChart(props: { id: string; title: string; desc: string; labels: string[]; series: Series[]; percent?: boolean }) {
  const percent = props.percent ?? false;
  const all = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = percent ? 1 : niceMax(Math.max(0, ...all));
  const plotH = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, props.labels.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => PAD.top + plotH * (1 - Math.min(v, max) / max);
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} legend={props.series}>
      <Axes labels={props.labels} max={max} percent={percent} />
      {props.series.map((s, si) => {
        const st = STYLES[si % STYLES.length] ?? STYLES[0];
        // A gap where there is no data: each run of values is its own path.
        const runs: string[] = [];
        let current = '';
        s.values.forEach((v, i) => {
          if (v === null) {
            if (current) runs.push(current);
            current = '';
          } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
        });
        if (current) runs.push(current);
        return (
          <g key={s.name}>
            {runs.map((d) => (
              <path key={d} d={d} fill="none" stroke={st.color} stroke-width="2.5" stroke-dasharray={st.dash || undefined} />
            ))}
            {s.values.map((v, i) => (v === null ? null : <Marker key={`${s.name}-${props.labels[i]}`} kind={st.marker} x={x(i)} y={y(v)} color={st.color} />))}
          </g>
        );
      })}
    </Frame>
  );
}

/** Bars per label (one series), e.g. the index total per quarter; no data is shown as "—" above an empty slot. */
export function BarChart(props: { id: string; title: string; desc: string; labels: string[]; values: (number | null)[]; max?: number; percent?: boolean }) {
  const percent = props.percent ?? false;
  const max = props.max ?? (percent ? 1 : niceMax(Math.max(0, ...props.values.filter((v): v is number => v !== null))));
  const plotH = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, props.labels.length);
  const barW = Math.min(48, step * 0.6);
  return (
    <Frame id={props.id} title={props.title} desc={props.desc} legend={[]}>
      <Axes labels={props.labels} max={max} percent={percent} />
      {props.values.map((v, i) => {
        const cx = PAD.left + step * (i + 0.5);
        if (v === null) {
          return (
            <text key={props.labels[i]} x={cx} y={PAD.top + plotH - 6} text-anchor="middle" font-size="13">
              —
            </text>
          );
        }
        const h = (plotH * Math.min(v, max)) / max;
        return (
          <g key={props.labels[i]}>
            <rect x={cx - barW / 2} y={PAD.top + plotH - h} width={barW} height={h} fill="#1d70b8" />
            <text x={cx} y={PAD.top + plotH - h - 4} text-anchor="middle" font-size="13">
              {fmt(v, percent)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** The chart's numbers as a table: labels down, series across; "—" where there is no data. */
export function ChartTable(props: { caption: string; labelHeader: string; labels: string[]; series: Series[]; percent?: boolean; noData: string }) {
  const percent = props.percent ?? false;
  return (
    <TableWrap label={props.caption}>
      <table class="chart-data">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.labelHeader}</th>
            {props.series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.labels.map((l, i) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              {props.series.map((s) => {
                const v = s.values[i];
                return (
                  <td class="num" key={s.name}>
                    {v === null || v === undefined ? <abbr title={props.noData}>—</abbr> : percent ? fmt(v, true) : v.toLocaleString('vi-VN')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
