/**
 * Filling another person's boxes of a citizen's declaration from that person's chip ID card, scanned on the portal
 * (pure: no I/O). The boxes a card can fill are the template's own identity mapping, as at the desk; the signed-in
 * citizen's boxes (the mappings their VNeID identity selects) are never touched by someone else's card.
 */
import type { Text } from '../../../platform/i18n/index.ts';
import { type CardIdentity, type FormTemplate, type FormValues, identityValues } from '../../forms/index.ts';
import type { IdentityFields } from '../../identity/index.ts';

/**
 * Boxes a card fills for someone other than the citizen: the mappings that only apply to a holder of the other sex
 * (marriage: the citizen is one column, the other spouse's card fills the other). A mapping without a sex condition is
 * the citizen's own box (the requester), so templates without such mappings have no other person to scan.
 */
export function otherPersonKeys(template: FormTemplate, citizen: Pick<IdentityFields, 'sex'>): Set<string> {
  return new Set(template.identity.filter((m) => m.whenSex !== undefined && m.whenSex !== citizen.sex).map((m) => m.field));
}

/** Titles of the page sections holding those boxes ("Bên nam"), in page order. */
export function otherPersonSections(template: FormTemplate, keys: Set<string>): string[] {
  return template.sections.filter((s) => s.fields.some((f) => keys.has(f.key))).map((s) => s.title);
}

export type OtherCardFill = { ok: true; values: FormValues; sections: string[] } | { ok: false; message: Text };

/**
 * The values the scanned `card` puts in the other person's boxes of `template`. Refused (nothing filled) when the card
 * is the citizen's own, or when it fills none of those boxes (marriage: a card of the citizen's own sex).
 */
export function fillFromOtherCard(template: FormTemplate, citizen: IdentityFields, card: CardIdentity): OtherCardFill {
  if (card.idNumber === citizen.idNumber) {
    return {
      ok: false,
      message: {
        vi: 'Đây là thẻ căn cước của chính ông/bà: các ô về ông/bà đã được điền từ VNeID. Hãy quét thẻ căn cước của người kia.',
        en: 'This is your own ID card: your boxes are already filled from VNeID. Scan the other person’s ID card.',
      },
    };
  }
  const keys = otherPersonKeys(template, citizen);
  const sections = otherPersonSections(template, keys);
  const fromCard = identityValues([template], card);
  const values: FormValues = {};
  for (const key of keys) {
    const v = fromCard[key]?.normalize('NFC').trim();
    if (v) values[key] = v;
  }
  if (Object.keys(values).length === 0) {
    const where = sections.map((s) => `«${s}»`).join(', ');
    return {
      ok: false,
      message: {
        vi: `Thẻ căn cước vừa quét (giới tính ${card.sex}) không điền được ô nào trong phần ${where}. Hãy quét đúng thẻ căn cước của người đó.`,
        en: `The ID card just scanned (sex: ${card.sex === 'Nam' ? 'male' : 'female'}) fills none of the boxes in ${where}. Scan that person’s own ID card.`,
      },
    };
  }
  return { ok: true, values, sections };
}
