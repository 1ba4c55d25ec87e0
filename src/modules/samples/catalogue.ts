/**
 * What the public pages and the JSON route show for one procedure: its blank forms (from the forms module) and the
 * samples units uploaded. Shared by pages.tsx and api.ts, so the two never disagree.
 */
import { createHash } from 'node:crypto';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type FormTemplate, renderDeclarationPdf, templatesForProcedure } from '../forms/index.ts';
import { findVersionInForce, todayInVietnam, type VersionRow } from '../procedures/index.ts';
import { listPublicSamples, type SampleRow } from './queries.ts';

export const today = () => todayInVietnam(new Date());

export interface ProcedureSamples {
  version: VersionRow;
  forms: FormTemplate[];
  /** Every public sample of the procedure (for the unit filter's choices). */
  all: SampleRow[];
  /** Those of the chosen unit, or all when none was chosen. */
  shown: SampleRow[];
}

/** The forms and samples of a procedure in force today; an unknown or unpublished procedure is a 404. */
export async function procedureSamples(p: Platform, code: string, unitCode?: string): Promise<ProcedureSamples> {
  const day = today();
  const version = await findVersionInForce(p.db, code, day);
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND');
  const all = await listPublicSamples(p.db, version.procedure_id);
  const shown = unitCode ? all.filter((s) => s.unit_code === unitCode) : all;
  return { version, forms: templatesForProcedure(code, day), all, shown };
}

/** Samples grouped by unit, in the order given (unit-tree order). */
export function byUnit(samples: SampleRow[]): { code: string; name: string; samples: SampleRow[] }[] {
  const out: { code: string; name: string; samples: SampleRow[] }[] = [];
  for (const s of samples) {
    const last = out[out.length - 1];
    if (last?.code === s.unit_code) last.samples.push(s);
    else out.push({ code: s.unit_code, name: s.unit_name, samples: [s] });
  }
  return out;
}

const blankCache = new Map<string, Promise<{ pdf: Buffer; sha256: string }>>();

/**
 * A blank declaration (tờ khai trống) to print and fill by hand: the template with every box left dotted. The same
 * template version always gives the same bytes (its effective date is the PDF's creation date), so it is rendered
 * once per process and served with its SHA-256 as ETag.
 */
export function blankDeclaration(t: FormTemplate): Promise<{ pdf: Buffer; sha256: string }> {
  const key = `${t.key}@${t.version}`;
  let cached = blankCache.get(key);
  if (!cached) {
    cached = renderDeclarationPdf(t, {}, { creationDate: new Date(`${t.effectiveFrom}T00:00:00+07:00`) }).then((pdf) => ({
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    }));
    cached.catch(() => blankCache.delete(key));
    blankCache.set(key, cached);
  }
  return cached;
}

/** The template of a procedure by key, or FORM_TEMPLATE_NOT_FOUND (also for a form of another procedure). */
export function formOf(s: ProcedureSamples, key: string): FormTemplate {
  const t = s.forms.find((f) => f.key === key);
  if (!t) throw new AppError('FORM_TEMPLATE_NOT_FOUND');
  return t;
}

/** Whether `If-None-Match` names this ETag (a list, weak or strong, or `*`). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  const value = [header ?? []].flat().join(',');
  if (!value) return false;
  return value.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
