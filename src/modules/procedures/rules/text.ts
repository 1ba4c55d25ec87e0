/**
 * Text clean-up shared by the import, the API and the staff forms. Every stored string is
 * NFC (Vietnamese typed on some keyboards or pasted from PDFs arrives decomposed, NFD, and
 * then neither searches nor prints right) and free of control characters (PostgreSQL rejects
 * NUL). SQL or HTML in the text is not special here: it is stored as typed and escaped when rendered.
 */

// C0/C1 control characters except tab and line feed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** One-line text: NFC, controls removed, every run of white space (line breaks included) made one space, trimmed. */
export function cleanLine(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Multi-line text (notes): NFC, controls removed, CRLF made LF, trailing spaces on lines and the ends trimmed. */
export function cleanBlock(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, ''))
    .join('\n')
    .trim();
}
