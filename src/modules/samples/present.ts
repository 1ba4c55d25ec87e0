/** Samples (hồ sơ mẫu) and blank forms as they leave the server: explicit field lists, no uploader, no content. */
import type { FormTemplate } from '../forms/index.ts';
import type { SampleRow } from './queries.ts';
import { sampleFileName } from './rules/sample-file.ts';

export const SAMPLES_PAGE = (code: string) => `/thu-tuc/${encodeURIComponent(code)}/ho-so-mau`;

/** The stable public URL of a sample: its id, then a readable name that follows the title (other names redirect). */
export const samplePath = (s: Pick<SampleRow, 'id' | 'title' | 'mime'>) => `/ho-so-mau/${s.id}/${sampleFileName(s.title, s.mime)}`;

/** Where a blank declaration of a procedure is printed (mẫu tờ khai để tải về). */
export const blankFormPath = (code: string, key: string) => `/thu-tuc/${encodeURIComponent(code)}/to-khai/${encodeURIComponent(key)}.pdf`;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentSample(s: SampleRow) {
  return {
    id: s.id,
    title: s.title,
    note: s.note,
    unit: { code: s.unit_code, name: s.unit_name },
    mime: s.mime,
    size: s.size,
    sha256: s.sha256,
    url: samplePath(s),
    updatedAt: iso(s.updated_at),
  };
}

export function presentBlankForm(code: string, t: FormTemplate) {
  return { key: t.key, version: t.version, name: t.name, legalBasis: t.legalBasis, url: blankFormPath(code, t.key) };
}
