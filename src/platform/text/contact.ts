import type { Text } from '../i18n/index.ts';

export type ContactKind = 'phone' | 'email';

export type ContactCheck = { ok: true; kind: ContactKind; value: string } | { ok: false; message: Text };

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Reads the contact an asker leaves "to be told when answered": a Vietnamese phone number (10 digits from 0, or
 * +84/84 followed by 9 digits; spaces, dots and dashes allowed) kept as 0xxxxxxxxx, or an e-mail address kept as typed
 * with its domain in lower case.
 */
export function checkContact(raw: string): ContactCheck {
  const text = raw.normalize('NFC').trim();
  if (text.includes('@')) {
    if (text.length > 200 || !EMAIL.test(text)) {
      return { ok: false, message: { vi: 'Địa chỉ thư điện tử không đúng, vd. ten@gmail.com', en: 'Not a valid e-mail address, e.g. name@gmail.com' } };
    }
    const at = text.lastIndexOf('@');
    return { ok: true, kind: 'email', value: `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}` };
  }
  const compact = text.replace(/[\s.()-]/g, '');
  const m = /^(?:\+?84|0)([35789][0-9]{8}|2[0-9]{9})$/.exec(compact);
  if (!m) {
    return {
      ok: false,
      message: {
        vi: 'Số điện thoại không đúng (10 chữ số, bắt đầu bằng 0, vd. 0912 345 678) hoặc nhập thư điện tử',
        en: 'Not a valid phone number (10 digits starting with 0, e.g. 0912 345 678) or e-mail address',
      },
    };
  }
  return { ok: true, kind: 'phone', value: `0${m[1]}` };
}
