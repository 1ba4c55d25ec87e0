/**
 * The form a citizen uses to reach anything about their dossier without signing in (tracking, its fees, its postal
 * steps): the dossier code and the last 4 digits of the ID number or phone, the pair that is the secret; and the one
 * message when they do not match. Other modules' public pages render it with their own action.
 */
import { ErrorSummary, Field, type FormErrors } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';

export function TrackingLookupForm(props: {
  ctx: PageContext;
  action: string;
  /** null: the code is in the action's path, only the 4 digits are asked for. */
  code: string | null;
  check: string;
  errors: FormErrors;
  submit: { vi: string; en: string };
}) {
  const { ctx } = props;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action={props.action} class="search" novalidate>
        {props.code !== null && (
          <Field
            name="code"
            label={tr(ctx, 'Mã hồ sơ (trên giấy tiếp nhận)', 'Dossier code (on your receipt)')}
            value={props.code}
            errors={props.errors}
            required
          />
        )}
        <Field
          name="check"
          label={tr(ctx, '4 số cuối số định danh cá nhân hoặc số điện thoại', 'Last 4 digits of your ID or phone number')}
          value={props.check}
          errors={props.errors}
          inputmode="numeric"
          maxLength={4}
          required
        />
        <button type="submit">{tr(ctx, props.submit.vi, props.submit.en)}</button>
      </form>
    </>
  );
}

/** "No dossier matches this code and these digits." */
export function TrackingNotFound(props: { ctx: PageContext }) {
  return (
    <p class="error" role="alert">
      {tr(props.ctx, 'Không tìm thấy hồ sơ với mã và 4 số kiểm tra này.', 'No dossier matches this code and these digits.')}
    </p>
  );
}
