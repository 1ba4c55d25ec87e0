import type { FieldError } from '../../../platform/errors.ts';
import { checkTaxCode, cleanText } from '../../../platform/text/index.ts';

export interface CheckedParticipant {
  kind: 'official' | 'business';
  /** null for an official named by their staff account (the account's full name is used). */
  name: string | null;
  position: string | null;
  username: string | null;
  taxCode: string | null;
  representative: string | null;
}

const len = (s: string) => [...s].length;

/**
 * Checks a participant: an official by name (2–300 characters) and position (up to 200), or by a staff account's
 * username; a business by its tax code (rules/tax-code.ts) and registered name, with an optional representative.
 */
export function checkParticipant(input: Record<string, unknown>): { ok: true; value: CheckedParticipant } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = input.kind === 'business' ? 'business' : input.kind === 'official' ? 'official' : null;
  const name = cleanText(input.name);
  const position = cleanText(input.position);
  const username = cleanText(input.username).toLowerCase();
  const taxText = cleanText(input.taxCode);
  const representative = cleanText(input.representative);
  if (!kind) return { ok: false, errors: [{ field: 'kind', message: { vi: 'Hãy chọn cán bộ hoặc doanh nghiệp', en: 'Choose an official or a business' } }] };
  const nameOk = len(name) >= 2 && len(name) <= 300;
  if (kind === 'official') {
    if (!username && !nameOk)
      errors.push({
        field: 'name',
        message: { vi: 'Hãy nhập họ tên (2 đến 300 ký tự) hoặc tên đăng nhập của cán bộ', en: 'Enter a name (2 to 300 characters) or a staff username' },
      });
    if (username && !/^[a-z0-9._-]{2,64}$/.test(username))
      errors.push({ field: 'username', message: { vi: 'Tên đăng nhập không đúng', en: 'Not a valid username' } });
    if (len(position) > 200) errors.push({ field: 'position', message: { vi: 'Chức vụ dài tối đa 200 ký tự', en: 'At most 200 characters' } });
    if (errors.length) return { ok: false, errors };
    return { ok: true, value: { kind, name: name || null, position: position || null, username: username || null, taxCode: null, representative: null } };
  }
  const tax = checkTaxCode(taxText);
  if (!taxText) errors.push({ field: 'taxCode', message: { vi: 'Hãy nhập mã số thuế của doanh nghiệp', en: 'Enter the business’s tax code' } });
  else if (!tax.ok) errors.push({ field: 'taxCode', message: tax.message });
  if (!nameOk)
    errors.push({ field: 'name', message: { vi: 'Hãy nhập tên doanh nghiệp (2 đến 300 ký tự)', en: 'Enter the business name (2 to 300 characters)' } });
  if (representative && (len(representative) < 2 || len(representative) > 300)) {
    errors.push({ field: 'representative', message: { vi: 'Người đại diện cần từ 2 đến 300 ký tự', en: 'The representative needs 2 to 300 characters' } });
  }
  if (errors.length || !tax.ok) return { ok: false, errors };
  return { ok: true, value: { kind, name, position: null, username: null, taxCode: tax.value, representative: representative || null } };
}
