/**
 * Personal data in a text meant for the public (công khai kết quả trả lời phản ánh, kiến nghị). The published title,
 * summary and answer are written by an official and must carry no personal data of the sender (Luật Bảo vệ dữ liệu
 * cá nhân 2025; STANDARDS §7): this check flags what a machine can see for sure — phone numbers, e-mail addresses and
 * 12-digit personal ID numbers (số định danh cá nhân / căn cước) — so the publish form refuses the text and names the
 * field. Names and street addresses cannot be told apart from ordinary words: the official remains responsible.
 * Pure: no I/O.
 */
import type { FieldError } from '../../../platform/errors.ts';

export type PersonalDataKind = 'phone' | 'email' | 'id_number';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** The text as written (kept only to show the official where it is; never logged). */
  match: string;
  index: number;
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/g;
// Runs of digit groups joined by one space, dot or dash, as numbers are written: 0912 345 678, 0912.345.678, +84-912-…
const DIGIT_RUN = /\+?\d+(?:[ .\-\u00a0]\d+)*/g;
// Mobile 0[35789]xxxxxxxx and landline 02xxxxxxxxx, as 0…, 84… or +84… (the numbering plan of Thông tư 22/2014/TT-BTTTT).
const PHONE = /^(?:\+?84|0)(?:[35789]\d{8}|2\d{9})$/;
// The 12-digit personal ID number starts with the 3-digit province code, 001–096 (STANDARDS §3).
const ID_NUMBER = /^0\d{11}$/;

function kindOf(compact: string): PersonalDataKind | null {
  if (PHONE.test(compact)) return 'phone';
  if (ID_NUMBER.test(compact)) return 'id_number';
  return null;
}

/**
 * Finds phone numbers, e-mail addresses and 12-digit ID numbers in a text, in order. Digits written in groups
 * ("0912 345 678", "+84 912.345.678") are read together; a longer run of groups ("năm 2025 0912345678") is searched
 * for the longest number at each group, so neighbouring numbers do not hide one.
 */
export function findPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const s = text.normalize('NFC');
  const emailSpans: [number, number][] = [];
  for (const m of s.matchAll(EMAIL)) {
    hits.push({ kind: 'email', match: m[0], index: m.index });
    emailSpans.push([m.index, m.index + m[0].length]);
  }
  for (const run of s.matchAll(DIGIT_RUN)) {
    const start = run.index;
    if (emailSpans.some(([a, b]) => start >= a && start < b)) continue;
    const groups = [...run[0].matchAll(/\+?\d+/g)].map((g) => ({ text: g[0], at: start + g.index }));
    for (let i = 0; i < groups.length; ) {
      let best = -1;
      let compact = '';
      for (let j = i; j < groups.length && compact.length <= 13; j++) {
        const g = groups[j] as { text: string };
        if (j > i && g.text.startsWith('+')) break;
        compact += g.text;
        if (kindOf(compact)) best = j;
      }
      if (best < 0) {
        i++;
        continue;
      }
      const first = groups[i] as { text: string; at: number };
      const last = groups[best] as { text: string; at: number };
      const match = s.slice(first.at, last.at + last.text.length);
      hits.push({ kind: kindOf(match.replace(/[^\d+]/g, '')) as PersonalDataKind, match, index: first.at });
      i = best + 1;
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

const kindWords: Record<PersonalDataKind, { vi: string; en: string }> = {
  phone: { vi: 'số điện thoại', en: 'a phone number' },
  email: { vi: 'địa chỉ thư điện tử', en: 'an e-mail address' },
  id_number: { vi: 'số định danh cá nhân (12 chữ số)', en: 'a personal ID number (12 digits)' },
};

/**
 * Checks the texts an official is about to publish (e.g. { publicTitle, publicSummary, answer }): one error per field
 * that holds a phone number, an e-mail address or a 12-digit ID number, naming what was found. Empty when all may be
 * published. Field names are passed through, so the form shows each error beside its box.
 */
export function checkPublicText(fields: Record<string, string | null | undefined>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const kinds = [...new Set(findPersonalData(text).map((h) => h.kind))];
    if (kinds.length === 0) continue;
    const vi = kinds.map((k) => kindWords[k].vi).join(', ');
    const en = kinds.map((k) => kindWords[k].en).join(', ');
    errors.push({
      field,
      message: {
        vi: `Nội dung công khai không được chứa thông tin cá nhân: có ${vi}. Hãy xóa hoặc thay bằng “***”.`,
        en: `Public text must carry no personal data: it contains ${en}. Remove it or replace it with “***”.`,
      },
    });
  }
  return errors;
}
