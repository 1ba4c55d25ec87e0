/**
 * What a dossier attachment may be: PDF, JPEG or PNG, recognised by the content's first bytes (magic numbers),
 * never by the file name or the type the browser claims; at most 10 MB.
 *
 * Pure module.
 */
import { type ScanMime, sniffScanMime } from '../../../platform/documents/file-type.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentMime = ScanMime;

/** The type of a file from its first bytes, or null when it is none of those accepted. */
export const sniffMime = sniffScanMime;

/** A file name safe to keep and to send back in Content-Disposition (no path, no control characters). */
export function cleanFileName(name: string | undefined, mime: AttachmentMime): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}|"/gu, '')
    .trim()
    .slice(0, 150);
  if (cleaned) return cleaned;
  return mime === 'application/pdf' ? 'tep.pdf' : mime === 'image/png' ? 'anh.png' : 'anh.jpg';
}
