/** The document and picture types citizens send (scans, photos, PDFs), recognised by content. */
export type ScanMime = 'application/pdf' | 'image/jpeg' | 'image/png';

const signatures: { mime: ScanMime; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/**
 * The type of a file from its first bytes (magic numbers), never from its name or the type the browser claims;
 * null when it is no PDF, JPEG or PNG. Dossier attachments, online filings and sample dossiers all use it.
 */
export function sniffScanMime(content: Uint8Array): ScanMime | null {
  for (const s of signatures) {
    if (content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b)) return s.mime;
  }
  return null;
}
