/**
 * Reading an inbound e-mail (already parsed by postal-mime) into feedback. Pure: no I/O.
 *
 * Addressing: `phananh+<unit code>@…` (a plus tag) or `<unit code>@…` names the unit; any other address leaves the
 * unit to the routing rules. The relay passes the envelope recipient in `X-Gd-Recipient` when it can (Postfix's
 * ${recipient}); otherwise Delivered-To, then the first To address.
 */
export const MAX_ATTACHMENTS = 3;
/** feedback.title's limit (migration 0016). */
const TITLE_MAX = 200;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The unit code an address names: its plus tag, or its local part; null when it cannot be a unit code. */
export function unitCodeFromAddress(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  const candidate = plus >= 0 ? local.slice(plus + 1) : local;
  return /^[a-z0-9][a-z0-9-]{1,62}$/.test(candidate) ? candidate : null;
}

/**
 * Whether a message was sent by a machine (RFC 3834 Auto-Submitted other than "no", Precedence bulk/junk/list, or an
 * empty return path): such mail (out-of-office replies, bounces, mailing lists) is not feedback, and answering it would
 * start a mail loop.
 */
export function isAutomatic(headers: readonly { key: string; value: string }[]): boolean {
  for (const h of headers) {
    const v = h.value.trim().toLowerCase();
    if (h.key === 'auto-submitted' && v && v !== 'no') return true;
    if (h.key === 'precedence' && /^(bulk|junk|list|auto_reply)$/.test(v)) return true;
    if (h.key === 'return-path' && v === '<>') return true;
    if (h.key === 'x-autoreply' || h.key === 'x-autorespond') return true;
  }
  return false;
}

/** Readable text of an HTML-only message: scripts and styles dropped, tags removed, common entities decoded. */
export function textFromHtml(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d{1,6});/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*\n+/g, '\n\n')
    .trim();
}

/** The subject as a feedback title (at most 200 characters, "Re:"/"Fwd:"/"TL:" prefixes kept as the sender wrote). */
export function titleFromSubject(subject: string | undefined): string | null {
  const s = (subject ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const chars = [...s];
  return chars.length <= TITLE_MAX ? s : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

/** A stored attachment name: no folders, no control characters, at most 200 characters; a default when none is given. */
export function attachmentName(filename: string | null, index: number, mime: string): string {
  const ext = mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg';
  const base = (filename ?? '')
    .normalize('NFC')
    .replace(/^.*[\\/]/, '')
    .replace(/\p{Cc}/gu, '')
    .trim();
  const chars = [...base];
  if (!base) return `tep-dinh-kem-${index + 1}.${ext}`;
  return chars.length <= 200 ? base : chars.slice(-200).join('');
}

/** A Message-ID without its angle brackets, or null when absent or unusable. */
export function messageIdOf(raw: string | undefined): string | null {
  const id = (raw ?? '').trim().replace(/^<|>$/g, '');
  return id && id.length <= 250 && !/\s/.test(id) ? id : null;
}
