import { type PageContext, tr } from '../../web/context.ts';
import type { DossierDetails } from './present.ts';
import type { DossierRow } from './queries.ts';
import { vietnamDay } from './rules/pauses.ts';
import { applicableSlips } from './slips.ts';

/** "In phiếu": links to the official slips that apply to the dossier now (each opens the PDF). */
export function SlipLinks(props: { ctx: PageContext; d: DossierRow; x: Pick<DossierDetails, 'events' | 'extensions'> }) {
  const { ctx, d } = props;
  const slips = applicableSlips(d, props.x);
  return (
    <section class="slips" aria-labelledby="in-phieu">
      <h2 id="in-phieu">{tr(ctx, 'In phiếu', 'Print slips')}</h2>
      <ul>
        {slips.map((s) => (
          <li key={s.slug}>
            <a href={`/api/v1/dossiers/${d.code}/slips/${s.slug}.pdf`}>{tr(ctx, s.label.vi, s.label.en)}</a> <span class="muted">(PDF)</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Links to the unit's register book (Sổ theo dõi hồ sơ) for the current month, as PDF and Excel. */
export function RegisterLinks(props: { ctx: PageContext; unitCode: string; now: Date }) {
  const { ctx } = props;
  const today = vietnamDay(props.now);
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const q = `unit=${encodeURIComponent(props.unitCode)}&from=${today.slice(0, 8)}01&to=${last}`;
  const month = `${today.slice(5, 7)}/${today.slice(0, 4)}`;
  return (
    <p class="register-links">
      {tr(ctx, `Sổ theo dõi hồ sơ tháng ${month}: `, `Register book for ${month}: `)}
      <a href={`/api/v1/dossiers/register.pdf?${q}`}>PDF</a> · <a href={`/api/v1/dossiers/register.xlsx?${q}`}>Excel</a>
    </p>
  );
}
