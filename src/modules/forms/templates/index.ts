/**
 * The catalogue of declaration templates, every version. A new circular adds a version here (a new data file);
 * earlier versions stay so a saved set keeps printing the form it was filled under.
 */
import type { FormTemplate } from '../rules/template.ts';
import { birthRegistrationV1 } from './birth-registration.ts';
import { certificationRequestV1 } from './certification-request.ts';
import { civilStatusExtractCopyV1 } from './civil-status-extract-copy.ts';
import { deathRegistrationV1 } from './death-registration.ts';
import { maritalStatusV1 } from './marital-status.ts';
import { marriageRegistrationV1 } from './marriage-registration.ts';

export const formTemplates: readonly FormTemplate[] = [
  birthRegistrationV1,
  marriageRegistrationV1,
  deathRegistrationV1,
  maritalStatusV1,
  civilStatusExtractCopyV1,
  certificationRequestV1,
];

export const templateKeys = [...new Set(formTemplates.map((t) => t.key))];

/** One version of a template, or null. */
export function findTemplate(key: string, version: number): FormTemplate | null {
  return formTemplates.find((t) => t.key === key && t.version === version) ?? null;
}

/** The newest version of a template in force on `day` (YYYY-MM-DD), or null. */
export function currentTemplate(key: string, day: string): FormTemplate | null {
  const versions = formTemplates.filter((t) => t.key === key && t.effectiveFrom <= day).sort((a, b) => b.version - a.version);
  return versions[0] ?? formTemplates.filter((t) => t.key === key).sort((a, b) => a.version - b.version)[0] ?? null;
}

/** The current templates a procedure's dossier uses. */
export function templatesForProcedure(code: string, day: string): FormTemplate[] {
  return templateKeys.flatMap((k) => {
    const t = currentTemplate(k, day);
    return t?.procedures.some((p) => p.code === code) ? [t] : [];
  });
}

/** Every procedure some template serves, once, in catalogue order. */
export function formProcedures(): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const t of formTemplates) for (const p of t.procedures) if (!seen.has(p.code)) seen.set(p.code, p.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/**
 * The templates of a new set: those the procedure uses, and any chosen by key (current versions on `day`), each
 * once in catalogue order. Unknown keys or a procedure without forms give an empty list.
 */
export function chooseTemplates(input: { procedure?: string | null; templates?: string[] }, day: string): { templates: FormTemplate[]; unknown: string[] } {
  const keys = new Set<string>(input.templates ?? []);
  if (input.procedure) for (const t of templatesForProcedure(input.procedure, day)) keys.add(t.key);
  const unknown = [...keys].filter((k) => !templateKeys.includes(k));
  const templates = templateKeys.filter((k) => keys.has(k)).flatMap((k) => currentTemplate(k, day) ?? []);
  return { templates, unknown };
}
