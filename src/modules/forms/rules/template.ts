/**
 * Declaration forms (tờ khai) as data: a template lists its fields (the boxes a person fills), which identity-card
 * fields fill which boxes, and its printed layout. A new circular is a new template version (new data, no new
 * code); a saved declaration set keeps the versions it was filled under. No I/O here.
 */

/** What the desk needs to know about the ID card read from its QR (the identity module's IdentityFields). */
export interface CardIdentity {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'Nam' | 'Nữ';
  address: string;
  issueDate: string;
}

export type FieldType = 'text' | 'date' | 'select' | 'checkbox' | 'textarea';

export interface FormField {
  /**
   * Stable key. The same key means the same value in every form of one set ("typed once, reused"):
   * `requester.fullName` is the requester in the birth, death and marital-status forms alike.
   */
  key: string;
  /** Label on the desk page and in validation messages, as the official form words it. */
  label: string;
  type: FieldType;
  required?: boolean;
  maxLength?: number;
  /** A regular expression (source) the whole value must match, and what to tell the clerk when it does not. */
  pattern?: { source: string; message: string };
  options?: { value: string; label: string }[];
  hint?: string;
  /** Desk-page input mode for phones (numeric for counts and numbers). */
  inputMode?: 'numeric' | 'text';
}

/** Where a box takes its value from the card. `idDocument` is the "Giấy tờ tùy thân" line built from number and issue date. */
export type IdentitySource = 'fullName' | 'dateOfBirth' | 'sex' | 'address' | 'idNumber' | 'idDocument';

export interface IdentityMapping {
  field: string;
  from: IdentitySource;
  /** Only when the card holder has this sex (marriage: the card fills the bride's or the groom's column). */
  whenSex?: 'Nam' | 'Nữ';
}

/** One piece of a printed line: fixed words, a box (value or dotted leader), or a tick box. */
export type LinePart =
  | string
  | {
      field: string;
      /** Share of the line's free width this box takes (default 1; boxes of a line share what labels leave). */
      grow?: number;
      /** Print a date in words ("ghi bằng chữ") instead of dd/mm/yyyy. */
      words?: boolean;
    }
  | { tick: string; equals: string; label: string };

export type LayoutBlock =
  | { kind: 'line'; parts: LinePart[] }
  /** Several dotted lines for a long answer (textarea). */
  | { kind: 'lines'; label: string; field: string; count: number }
  | { kind: 'text'; text: string; italics?: boolean; bold?: boolean; align?: 'left' | 'center' | 'justify' }
  /** A comparison table (marriage: Bên nữ / Bên nam): one row per label, one box per column. */
  | { kind: 'table'; headers: string[]; rows: { label: string; fields: string[] }[] }
  | { kind: 'space'; points: number };

export interface SignatureSpec {
  /** Printed bold in capitals: "NGƯỜI YÊU CẦU", "BÊN NỮ". */
  title: string;
  /** Italic under the title. */
  note: string;
  /** The field whose value is printed under the signature space (the signer's name). */
  nameField?: string;
}

export interface FormSection {
  /** Heading on the desk page (not printed). */
  title: string;
  fields: FormField[];
}

export interface FormTemplate {
  /** Stable key used in URLs and stored sets: birth-registration … */
  key: string;
  version: number;
  /** Official name of the form ("Tờ khai đăng ký khai sinh"). */
  name: string;
  /** Printed title, bold capitals. */
  title: string;
  /** Legal basis as cited in the procedure catalogue. */
  legalBasis: string;
  /** The day this version applies from (YYYY-MM-DD). */
  effectiveFrom: string;
  /** Procedure codes (national catalogue) whose dossiers include this form, with their names. */
  procedures: { code: string; name: string }[];
  sections: FormSection[];
  identity: IdentityMapping[];
  /** Body between the title and the closing. */
  layout: LayoutBlock[];
  /** Field with the place of the "……, ngày … tháng … năm …" line (date: the set's signing date field). */
  placeField: string;
  dateField: string;
  /** Prefix of the place-and-date line, e.g. "Làm tại: " (empty when the form has none). */
  placePrefix: string;
  signatures: SignatureSpec[];
  /** Notes printed small at the foot (the form's own "Chú thích"), optional. */
  footnotes?: string[];
}

/** Every field of a template, in page order. */
export function fieldsOf(template: FormTemplate): FormField[] {
  return template.sections.flatMap((s) => s.fields);
}

/**
 * The fields of a set of templates with shared keys once (the first definition wins), grouped into sections by
 * title in order of first appearance: what the desk page shows so a value is typed once for the whole set.
 */
export function sharedSections(templates: FormTemplate[]): FormSection[] {
  const seen = new Set<string>();
  const out: FormSection[] = [];
  for (const t of templates) {
    for (const s of t.sections) {
      const fresh = s.fields.filter((f) => !seen.has(f.key));
      for (const f of fresh) seen.add(f.key);
      if (fresh.length === 0) continue;
      const existing = out.find((o) => o.title === s.title);
      if (existing) existing.fields.push(...fresh);
      else out.push({ title: s.title, fields: [...fresh] });
    }
  }
  return out;
}
