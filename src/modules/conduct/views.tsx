/** Views shared by the public survey form and the staff's paper entry, and the results tables. */
import { Checkbox, Field, type FormErrors, Select, TableWrap, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { type Rating, ratingLabels, ratings } from '../dossiers/index.ts';
import type { SatisfactionLine } from './results.ts';
import { formatShare, type SurveyQuestion } from './rules/survey.ts';

export type Values = Record<string, string>;

export const labelOf = (ctx: PageContext, t: { vi: string; en: string }) => (ctx.lang === 'en' ? t.en : t.vi);

export interface SurveyChoices {
  officials: { id: number; full_name: string }[];
  procedures: { code: string; name: string }[];
}

/** One rating question: four radio buttons in a fieldset whose legend is the question. */
function RatingQuestion(props: { ctx: PageContext; q: SurveyQuestion; n: number; value: string; errors: FormErrors }) {
  const { ctx, q } = props;
  const name = `r_${q.position}`;
  const err = props.errors[name];
  return (
    <fieldset class={`qa-contact${err ? ' has-error' : ''}`} id={`f-${name}`} aria-describedby={err ? `f-${name}-error` : undefined}>
      <legend>
        {tr(ctx, `Câu ${props.n}.`, `Question ${props.n}.`)} {q.label}
      </legend>
      {err && (
        <p class="error" id={`f-${name}-error`}>
          {err}
        </p>
      )}
      {ratings.map((r: Rating) => (
        <p key={r} class="check">
          <input type="radio" id={`${name}-${r}`} name={name} value={r} checked={props.value === r} />{' '}
          <label for={`${name}-${r}`}>{labelOf(ctx, ratingLabels[r])}</label>
        </p>
      ))}
    </fieldset>
  );
}

/**
 * The fields of a filled survey: who answers (citizen or business), the service and the official served when the
 * survey asks, each question, and an optional contact with its consent. The same fields online and for paper entry.
 */
export function SurveyFields(props: {
  ctx: PageContext;
  questions: SurveyQuestion[];
  choices: SurveyChoices;
  values: Values;
  errors: FormErrors;
  ask: { official: boolean; procedure: boolean };
}) {
  const { ctx, values: v, errors } = props;
  return (
    <>
      <fieldset class="qa-contact" id="f-respondentKind">
        <legend>{tr(ctx, 'Ông/bà là (không bắt buộc)', 'You are (optional)')}</legend>
        {errors.respondentKind && <p class="error">{errors.respondentKind}</p>}
        <p class="check">
          <input type="radio" id="kind-citizen" name="respondentKind" value="citizen" checked={v.respondentKind === 'citizen'} />{' '}
          <label for="kind-citizen">{tr(ctx, 'Người dân', 'A citizen')}</label>
        </p>
        <p class="check">
          <input type="radio" id="kind-business" name="respondentKind" value="business" checked={v.respondentKind === 'business'} />{' '}
          <label for="kind-business">{tr(ctx, 'Doanh nghiệp, tổ chức', 'A business or organisation')}</label>
        </p>
      </fieldset>
      {props.ask.procedure && props.choices.procedures.length > 0 && (
        <Select
          name="procedure"
          label={tr(ctx, 'Thủ tục ông/bà đã thực hiện (không bắt buộc)', 'The procedure you used (optional)')}
          value={v.procedure ?? ''}
          errors={errors}
          options={[{ value: '', label: tr(ctx, '— Không chọn —', '— None —') }, ...props.choices.procedures.map((p) => ({ value: p.code, label: p.name }))]}
        />
      )}
      {props.ask.official && props.choices.officials.length > 0 && (
        <Select
          name="official"
          label={tr(ctx, 'Cán bộ đã tiếp ông/bà (không bắt buộc)', 'The official who served you (optional)')}
          value={v.official ?? ''}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, '— Không chọn —', '— None —') },
            ...props.choices.officials.map((o) => ({ value: String(o.id), label: o.full_name })),
          ]}
        />
      )}
      {props.questions.map((q, i) =>
        q.kind === 'rating' ? (
          <RatingQuestion key={q.position} ctx={ctx} q={q} n={i + 1} value={v[`r_${q.position}`] ?? ''} errors={errors} />
        ) : (
          <TextArea
            key={q.position}
            name={`t_${q.position}`}
            label={`${tr(ctx, `Câu ${i + 1}.`, `Question ${i + 1}.`)} ${q.label}`}
            hint={tr(ctx, 'Không bắt buộc, tối đa 2000 ký tự.', 'Optional, up to 2000 characters.')}
            value={v[`t_${q.position}`] ?? ''}
            errors={errors}
            rows={4}
          />
        ),
      )}
      <fieldset class="qa-contact">
        <legend>{tr(ctx, 'Để cơ quan liên hệ lại (không bắt buộc)', 'To be contacted (optional)')}</legend>
        <p class="hint">
          {tr(
            ctx,
            'Phiếu không cần ghi tên. Nếu ông/bà muốn được liên hệ lại, họ tên và số điện thoại hoặc thư điện tử chỉ cán bộ của đơn vị xem được và không bao giờ công khai.',
            'You need not give your name. If you want to be contacted, your name and phone or e-mail are seen only by staff of the office and never published.',
          )}
        </p>
        <Field name="name" label={tr(ctx, 'Họ và tên', 'Full name')} value={v.name ?? ''} errors={errors} autocomplete="name" maxLength={200} />
        <Field
          name="contact"
          label={tr(ctx, 'Số điện thoại hoặc thư điện tử', 'Phone or e-mail')}
          hint={tr(ctx, 'vd. 0912 345 678 hoặc ten@gmail.com', 'e.g. 0912 345 678 or name@gmail.com')}
          value={v.contact ?? ''}
          errors={errors}
          maxLength={200}
        />
        <Checkbox
          name="consent"
          checked={v.consent === 'on'}
          errors={errors}
          label={tr(
            ctx,
            'Tôi đồng ý để cơ quan dùng số điện thoại hoặc thư điện tử trên để liên hệ lại về ý kiến này.',
            'I agree that the office uses this phone or e-mail to contact me about these answers.',
          )}
        />
      </fieldset>
    </>
  );
}

/** A share for people: "83,3 %" or "Không có dữ liệu" (never 0 % for an empty set). */
export const shareText = (ctx: PageContext, share: number | null) => formatShare(share, ctx.lang);

/** A results table: one row per line, the four levels, the satisfied share. */
export function ResultsTable(props: { ctx: PageContext; caption: string; head: string; lines: ({ label: string } & SatisfactionLine)[] }) {
  const { ctx } = props;
  return (
    <TableWrap label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            <th scope="col">{tr(ctx, 'Số phiếu', 'Forms')}</th>
            {ratings.map((r) => (
              <th key={r} scope="col">
                {labelOf(ctx, ratingLabels[r])}
              </th>
            ))}
            <th scope="col">{tr(ctx, 'Tỷ lệ hài lòng', 'Satisfied')}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.length === 0 ? (
            <tr>
              <td colSpan={7}>{tr(ctx, 'Không có dữ liệu', 'No data')}</td>
            </tr>
          ) : (
            props.lines.map((l) => (
              <tr key={l.label}>
                <th scope="row">{l.label}</th>
                <td>{l.responses}</td>
                {ratings.map((r) => (
                  <td key={r}>{l.levels[r]}</td>
                ))}
                <td>{shareText(ctx, l.satisfiedShare)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}
