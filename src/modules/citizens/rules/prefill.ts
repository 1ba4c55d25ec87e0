/**
 * Pre-filling a citizen's own declaration (tờ khai) from their VNeID identity (pure: no I/O, `today` is a parameter).
 * The boxes the form maps to the ID card are filled as the desk fills them from a scanned card; the rest stay empty.
 */
import { type FormTemplate, type FormValues, identityValues } from '../../forms/index.ts';
import type { IdentityFields } from '../../identity/index.ts';

/**
 * The "Giấy tờ tùy thân" line when VNeID gave no date of issue: the personal ID number alone, without guessing the
 * issuing authority or the kind of card (the desk infers both from the card's issue date, which VNeID does not send).
 */
export function idNumberLine(idNumber: string): string {
  return `Số định danh cá nhân ${idNumber}`;
}

/**
 * Values that pre-fill `template` for the citizen: every identity mapping the citizen's sex selects, the signing date
 * set to `today` (YYYY-MM-DD) as at the desk. Fields VNeID left empty (date of birth, address) are left out, so the
 * box stays empty to type; the ID-document line falls back to the ID number when there is no date of issue.
 */
export function prefillValues(template: FormTemplate, identity: IdentityFields, today: string): FormValues {
  const fromIdentity = identityValues([template], identity);
  if (!identity.issueDate) {
    for (const m of template.identity) if (m.from === 'idDocument' && m.field in fromIdentity) fromIdentity[m.field] = idNumberLine(identity.idNumber);
  }
  const out: FormValues = {};
  for (const [key, value] of Object.entries(fromIdentity)) if (value.trim() !== '') out[key] = value.normalize('NFC');
  if (template.sections.some((s) => s.fields.some((f) => f.key === template.dateField))) out[template.dateField] ??= today;
  return out;
}

/** Keys of the boxes the identity filled (the page marks them "điền sẵn từ VNeID"). */
export function prefilledKeys(template: FormTemplate, identity: IdentityFields): Set<string> {
  const values = identityValues([template], identity);
  return new Set(Object.keys(values).filter((k) => (values[k] ?? '').trim() !== ''));
}
