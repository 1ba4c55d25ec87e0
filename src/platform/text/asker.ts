import type { FieldError } from '../errors.ts';
import { cleanText, isYes } from './clean.ts';
import { type ContactKind, checkContact } from './contact.ts';

export const ASKER_NAME_MAX = 200;

/** Who asked, as a public form takes it: an optional name, an optional phone or e-mail, and the consent to use it. */
export interface Asker {
  name: string | null;
  contact: { kind: ContactKind; value: string } | null;
  /** True only when a contact was left and the box ticked. */
  consent: boolean;
}

/**
 * Reads the asker's optional name (up to 200 characters) and phone or e-mail "to be told of the answer", which needs
 * the consent box ticked (the contact is used for that purpose only). Bad fields are pushed onto `errors`, named
 * `name`, `contact`, `consent`.
 */
export function checkAsker(input: { name?: unknown; contact?: unknown; consent?: unknown }, errors: FieldError[]): Asker {
  const name = cleanText(input.name);
  const contactText = cleanText(input.contact);
  const consent = isYes(input.consent);
  if ([...name].length > ASKER_NAME_MAX) {
    errors.push({
      field: 'name',
      message: { vi: `Họ tên dài tối đa ${ASKER_NAME_MAX} ký tự`, en: `The name may be at most ${ASKER_NAME_MAX} characters long` },
    });
  }
  let contact: Asker['contact'] = null;
  if (contactText) {
    const c = checkContact(contactText);
    if (c.ok) contact = { kind: c.kind, value: c.value };
    else errors.push({ field: 'contact', message: c.message });
    if (!consent) {
      errors.push({
        field: 'consent',
        message: {
          vi: 'Hãy đánh dấu đồng ý để cơ quan dùng số điện thoại hoặc thư điện tử báo cho ông/bà khi có câu trả lời',
          en: 'Tick the box to let the office use your phone or e-mail to tell you of the answer',
        },
      });
    }
  }
  return { name: name || null, contact, consent: contact ? consent : false };
}
