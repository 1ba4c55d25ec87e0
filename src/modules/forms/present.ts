/** Rows and templates → JSON, as explicit field lists (the card itself never leaves: only the boxes it filled). */
import type { Lang } from '../../platform/i18n/index.ts';
import type { DeclarationSetRow } from './queries.ts';
import type { FormTemplate } from './rules/template.ts';
import { missingRequired } from './rules/values.ts';

export function presentTemplateSummary(t: FormTemplate) {
  return { key: t.key, version: t.version, name: t.name, legalBasis: t.legalBasis, effectiveFrom: t.effectiveFrom, procedures: t.procedures };
}

export function presentTemplate(t: FormTemplate) {
  return {
    ...presentTemplateSummary(t),
    fields: t.sections.flatMap((s) =>
      s.fields.map((f) => ({
        key: f.key,
        label: f.label,
        type: f.type,
        required: f.required ?? false,
        maxLength: f.maxLength ?? null,
        pattern: f.pattern?.source ?? null,
        options: f.options ?? [],
        hint: f.hint ?? null,
        section: s.title,
      })),
    ),
    identity: t.identity.map((m) => ({ field: m.field, from: m.from, whenSex: m.whenSex ?? null })),
  };
}

export function presentSet(set: DeclarationSetRow, templates: FormTemplate[], lang: Lang) {
  return {
    id: set.id,
    unit: set.unit_code,
    procedure: set.procedure_code,
    templates: templates.map((t) => ({ key: t.key, version: t.version, name: t.name, pdf: `/api/v1/forms/sets/${set.id}/${t.key}.pdf` })),
    values: set.field_values,
    missing: missingRequired(templates, set.field_values),
    warnings: set.warnings.map((w) => ({ code: w.code, message: w.message[lang] })),
    cards: set.identities.length,
    dossierId: set.dossier_id,
    dossierCode: set.dossier_code,
    version: set.version,
    createdAt: new Date(set.created_at).toISOString(),
    updatedAt: new Date(set.updated_at).toISOString(),
    purgeAfter: set.purge_after ? new Date(set.purge_after).toISOString() : null,
  };
}
