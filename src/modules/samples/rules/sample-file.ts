/**
 * What a sample dossier file (hồ sơ mẫu) may be, and how it is named on the public site. Pure module.
 *
 * The type comes from the content's first bytes (magic numbers), never from the file name or the type the browser
 * claims: PDF, JPEG, PNG, or a Word document (.docx: a ZIP holding word/document.xml, without macros).
 */
import { sniffScanMime } from '../../../platform/documents/file-type.ts';

/** Largest sample accepted: a few scanned pages. */
export const MAX_SAMPLE_BYTES = 5 * 1024 * 1024;
export const TITLE_MAX = 200;
export const NOTE_MAX = 1000;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const sampleMimes = ['application/pdf', 'image/jpeg', 'image/png', DOCX_MIME] as const;
export type SampleMime = (typeof sampleMimes)[number];

export const extensionOf: Record<SampleMime, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  [DOCX_MIME]: 'docx',
};

export const mimeLabels: Record<SampleMime, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  [DOCX_MIME]: 'Word (.docx)',
};

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (content: Uint8Array, bytes: number[]) => content.length >= bytes.length && bytes.every((b, i) => content[i] === b);

/**
 * The type of a sample from its bytes, or null when it is none of those accepted. A ZIP is a Word document only
 * when it names word/document.xml and [Content_Types].xml among its entries (entry names are stored uncompressed),
 * and is refused when it carries a macro project (vbaProject.bin: a .docm renamed).
 */
export function sniffSampleMime(content: Uint8Array): SampleMime | null {
  const common = sniffScanMime(content); // PDF, JPEG, PNG: the same recognition as dossier attachments
  if (common) return common;
  if (startsWith(content, ZIP_LOCAL_HEADER)) {
    const buf = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const has = (name: string) => buf.indexOf(name, 0, 'latin1') >= 0;
    if (has('word/document.xml') && has('[Content_Types].xml') && !has('vbaProject.bin')) return DOCX_MIME;
  }
  return null;
}

/**
 * The readable part of a sample's URL, from its title: Vietnamese without diacritics (đ → d), lower case, words
 * joined by hyphens, at most 80 characters ("Tờ khai khai sinh (mẫu)" → "to-khai-khai-sinh-mau").
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'ho-so-mau';
}

/** The file name a sample is served under: `<slug>.<ext>`. */
export function sampleFileName(title: string, mime: SampleMime): string {
  return `${slugOf(title)}.${extensionOf[mime]}`;
}
