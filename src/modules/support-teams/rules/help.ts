/** Rules of a help record (người dân được hỗ trợ): what kind of help, on which day, for which dossier. Pure. */
import type { FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import type { Checked } from './roster.ts';

export const helpKinds = ['vneid_account', 'online_dossier', 'payment', 'guidance'] as const;
export type HelpKind = (typeof helpKinds)[number];
/** How far back a help may be recorded: the volunteer catches up within a month. */
export const BACKDATE_DAYS = 31;

export interface HelpDraft {
  kind: HelpKind;
  helpedOn: string;
  memberId: number;
  dossierCode: string | null;
}

const msg = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/**
 * One help given: a known kind, a member, the day (today or up to 31 days back, never in the future; `today` is the
 * Vietnam date) and an optional dossier code (letters, digits, . / -, 3–40 characters).
 */
export function checkHelp(input: { kind?: unknown; helpedOn?: unknown; memberId?: unknown; dossierCode?: unknown }, today: string): Checked<HelpDraft> {
  const errors: FieldError[] = [];
  const kind = helpKinds.find((k) => k === input.kind);
  if (!kind) errors.push(msg('kind', 'Hãy chọn loại hỗ trợ', 'Choose the kind of help'));
  const memberId = Number(input.memberId);
  if (!Number.isSafeInteger(memberId) || memberId < 1) errors.push(msg('memberId', 'Hãy chọn thành viên đã hỗ trợ', 'Choose the member who helped'));
  const helpedOn = cleanText(input.helpedOn) || today;
  const day = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(helpedOn) ? Date.parse(`${helpedOn}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== helpedOn)
    errors.push(msg('helpedOn', 'Ngày không hợp lệ (yyyy-mm-dd)', 'Not a valid date'));
  else if (helpedOn > today) errors.push(msg('helpedOn', 'Không ghi nhận trước cho ngày chưa tới', 'The day cannot be in the future'));
  else if ((Date.parse(`${today}T00:00:00Z`) - day) / 86_400_000 > BACKDATE_DAYS)
    errors.push(msg('helpedOn', `Chỉ ghi nhận trong vòng ${BACKDATE_DAYS} ngày`, `Only within ${BACKDATE_DAYS} days`));
  const code = cleanText(input.dossierCode);
  if (code && !/^[A-Za-z0-9./-]{3,40}$/.test(code))
    errors.push(msg('dossierCode', 'Mã hồ sơ chỉ gồm chữ, số và . / - (3 đến 40 ký tự)', 'A dossier code has letters, digits and . / - (3 to 40)'));
  if (errors.length || !kind) return { ok: false, errors };
  return { ok: true, value: { kind, helpedOn, memberId, dossierCode: code || null } };
}
