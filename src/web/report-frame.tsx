/**
 * What every report page shares (dossiers, feedback, and the reform reports to come): the period and scope form, the
 * line saying which period and how many units, the values the form starts with, and the period check as form errors.
 * The figures and tables stay with each module.
 */
import { checkPeriod, vietnamDate } from '../platform/period.ts';
import { ErrorSummary, Field, type FormErrors, Select } from './components.tsx';
import { type PageContext, tr } from './context.ts';

/** The form's values as typed: unit code, period (yyyy-mm-dd), scope ('1' the subtree, '0' the unit only). */
export interface ReportFormValues {
  unit: string;
  from: string;
  to: string;
  subtree: string;
}

/** The form's values from the query: the month so far when no period was asked for; the subtree unless `subtree=0`. */
export function reportFormValues(query: Record<string, string | undefined>, unitCode: string, now: Date): ReportFormValues {
  const today = vietnamDate(now);
  const asked = query.from !== undefined || query.to !== undefined;
  return {
    unit: unitCode,
    from: asked ? (query.from ?? '') : `${today.slice(0, 8)}01`,
    to: asked ? (query.to ?? '') : today,
    subtree: query.subtree === '0' ? '0' : '1',
  };
}

/** The period's problems as form errors (one per field), in the page's language. */
export function reportFormErrors(ctx: { lang: 'vi' | 'en' }, values: ReportFormValues): FormErrors {
  const errors: FormErrors = {};
  for (const e of checkPeriod(values.from || undefined, values.to || undefined)) errors[e.field] ??= e.message[ctx.lang];
  return errors;
}

/** The query string of a report with these values (for the Excel and PDF links). */
export function reportQuery(values: ReportFormValues): string {
  return new URLSearchParams({ unit: values.unit, from: values.from, to: values.to, subtree: values.subtree }).toString();
}

const fmtDate = (iso: string) => iso.split('-').reverse().join('/');

/** "Kỳ báo cáo: từ ngày … đến ngày … · gồm N đơn vị". */
export function ReportPeriodLine(props: { ctx: PageContext; from: string; to: string; subtree: boolean; units: number }) {
  const { ctx, from, to, subtree, units } = props;
  return (
    <p>
      {tr(
        ctx,
        `Kỳ báo cáo: từ ngày ${fmtDate(from)} đến ngày ${fmtDate(to)}${subtree ? ` · gồm ${units} đơn vị` : ''}`,
        `Period: ${from} to ${to}${subtree ? ` · ${units} units` : ''}`,
      )}
    </p>
  );
}

/** The GET form choosing the unit, the period and the scope, with its error summary. */
export function ReportPeriodForm(props: { ctx: PageContext; action: string; values: ReportFormValues; errors: FormErrors }) {
  const { ctx, values, errors } = props;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={props.action} class="search" novalidate>
        <Field name="unit" label={tr(ctx, 'Mã đơn vị', 'Unit code')} value={values.unit} errors={errors} required />
        <Field name="from" type="date" label={tr(ctx, 'Từ ngày', 'From')} value={values.from} errors={errors} required />
        <Field name="to" type="date" label={tr(ctx, 'Đến ngày', 'To')} value={values.to} errors={errors} required />
        <Select
          name="subtree"
          label={tr(ctx, 'Phạm vi', 'Scope')}
          value={values.subtree}
          options={[
            { value: '1', label: tr(ctx, 'Đơn vị và các đơn vị trực thuộc', 'The unit and the units below it') },
            { value: '0', label: tr(ctx, 'Chỉ đơn vị này', 'This unit only') },
          ]}
        />
        <button type="submit">{tr(ctx, 'Xem báo cáo', 'Show report')}</button>
      </form>
    </>
  );
}
