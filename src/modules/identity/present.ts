import type { Lang } from '../../platform/i18n/index.ts';
import type { CccdParseResult, IdentityFields } from './rules/cccd.ts';

type Accepted = Extract<CccdParseResult, { ok: true }>;

/** A read card as the API returns it: the seven fields, the extras, and the warnings in the viewer's language. */
export function presentCccd(r: Accepted, lang: Lang) {
  const f: IdentityFields = r.fields;
  return {
    fields: {
      idNumber: f.idNumber,
      oldIdNumber: f.oldIdNumber,
      fullName: f.fullName,
      dateOfBirth: f.dateOfBirth,
      sex: f.sex,
      address: f.address,
      issueDate: f.issueDate,
    },
    extras: [...r.extras],
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message[lang] })),
  };
}
