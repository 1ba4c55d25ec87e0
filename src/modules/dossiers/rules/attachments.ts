/**
 * What a dossier attachment may be: PDF, JPEG or PNG, recognised by the content's first bytes (magic numbers),
 * never by the file name or the type the browser claims; at most 10 MB.
 *
 * Pure module.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentMime = 'application/pdf' | 'image/jpeg' | 'image/png';

const signatures: { mime: AttachmentMime; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type of a file from its first bytes, or null when it is none of those accepted. */
export function sniffMime(content: Uint8Array): AttachmentMime | null {
  for (const s of signatures) {
    if (content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b)) return s.mime;
  }
  return null;
}

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
