import type { ComponentChildren } from 'preact';
import type { ErrorPageInput } from '../platform/http/server.ts';
import { type PageContext, tr } from './context.ts';
import { Layout, renderPage } from './layout.tsx';

/** Field errors keyed by field name, in the viewer's language. */
export type FormErrors = Record<string, string>;

/** The GOV.UK-style error summary at the top of a form that failed validation. */
export function ErrorSummary(props: { ctx: PageContext; errors: FormErrors; title?: string; labels?: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{props.title ?? tr(props.ctx, 'Có lỗi cần sửa', 'There is a problem')}</h2>
      <ul>
        {entries.map(([field, msg]) => (
          <li key={field}>
            <a href={`#f-${field}`}>{props.labels?.[field] ? `${props.labels[field]}: ${msg}` : msg}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrf} />;
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null;
  errors?: FormErrors;
  type?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  maxLength?: number;
  autofocus?: boolean;
}

/** The label, hint and error around one form control; gives the control its id and aria-describedby. */
function FieldFrame(p: {
  name: string;
  label: string;
  hint?: string;
  errors?: FormErrors;
  required?: boolean;
  control: (a: { id: string; describedBy?: string; invalid?: 'true' }) => preact.VNode;
}) {
  const err = p.errors?.[p.name];
  const id = `f-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>
        {p.label}
        {p.required && <span aria-hidden="true"> *</span>}
      </label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${id}-error`}>
          {err}
        </p>
      )}
      {p.control({ id, describedBy, invalid: err ? 'true' : undefined })}
    </div>
  );
}

/** A labelled text input with its hint and error, linked for screen readers. */
export function Field(p: FieldProps) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <input
          id={a.id}
          name={p.name}
          type={(p.type ?? 'text') as 'text'}
          value={p.value ?? ''}
          required={p.required}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode as never}
          maxLength={p.maxLength}
          autofocus={p.autofocus}
        />
      )}
    />
  );
}

/** A checkbox with its label after it and its error above (consent boxes of public forms). */
export function Checkbox(p: { name: string; label: string; checked: boolean; errors?: FormErrors }) {
  const err = p.errors?.[p.name];
  const id = `f-${p.name}`;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      {err && (
        <p class="error" id={`${id}-error`}>
          {err}
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          id={id}
          name={p.name}
          value="on"
          checked={p.checked}
          aria-invalid={err ? 'true' : undefined}
          aria-describedby={err ? `${id}-error` : undefined}
        />{' '}
        {p.label}
      </label>
    </div>
  );
}

/**
 * A trap for robots on public forms: people never see this box (off-screen, skipped by Tab); the handler drops a
 * request whose `website` box is filled, answering as if all went well.
 */
export function RobotTrap(props: { ctx: PageContext }) {
  return (
    <div class="robot-trap">
      <label for="f-website">{tr(props.ctx, 'Trang web (để trống ô này)', 'Website (leave empty)')}</label>
      <input type="text" id="f-website" name="website" value="" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/** A labelled multi-line text box. */
export function TextArea(p: { name: string; label: string; value?: string; errors?: FormErrors; hint?: string; rows?: number; required?: boolean }) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <textarea id={a.id} name={p.name} rows={p.rows ?? 5} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy}>
          {p.value ?? ''}
        </textarea>
      )}
    />
  );
}

/** A labelled select. */
export function Select(p: {
  name: string;
  label: string;
  value?: string | null;
  options: { value: string; label: string }[];
  errors?: FormErrors;
  required?: boolean;
  hint?: string;
}) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <select id={a.id} name={p.name} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy}>
          {p.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === (p.value ?? '')}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Previous/next links for a paged list, keeping the other query parameters. */
export function Pagination(props: { ctx: PageContext; page: number; pageSize: number; total: number; base: string; query: Record<string, string> }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const link = (page: number) => {
    const q = new URLSearchParams({ ...props.query, page: String(page) });
    return `${props.base}?${q.toString()}`;
  };
  return (
    <nav class="pagination" aria-label={tr(props.ctx, 'Phân trang', 'Pagination')}>
      {props.page > 1 && <a href={link(props.page - 1)}>{tr(props.ctx, '← Trang trước', '← Previous')}</a>}
      <span>{tr(props.ctx, `Trang ${props.page}/${pages} · ${props.total} mục`, `Page ${props.page} of ${pages} · ${props.total} items`)}</span>
      {props.page < pages && <a href={link(props.page + 1)}>{tr(props.ctx, 'Trang sau →', 'Next →')}</a>}
    </nav>
  );
}

/** A table that may scroll sideways on a phone: focusable and labelled, so keyboard users can scroll it. */
export function TableWrap(props: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section class="table-wrap" tabIndex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}

export function PageHeading(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="page-heading">
      <h1>{props.title}</h1>
      {props.children && <div class="actions">{props.children}</div>}
    </div>
  );
}

/** The error page shown for any failed HTML request. */
export function renderErrorPage(input: ErrorPageInput): string {
  const ctx: PageContext = { lang: input.lang, principal: input.principal, csrf: '', path: '/', can: () => false };
  return renderPage(
    <Layout ctx={ctx} title={input.title}>
      <h1>{input.title}</h1>
      {input.detail && <p>{input.detail}</p>}
      {input.errors.length > 0 && (
        <ul class="errors">
          {input.errors.map((e) => (
            <li key={e.field}>
              <strong>{e.field}</strong>: {e.message}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">{tr(ctx, 'Về trang chủ', 'Back to the home page')}</a>
      </p>
    </Layout>,
  );
}
