/**
 * The commitment "4 xin, 4 luôn, 5 không" (bản cam kết thực hiện, seed 004 §II.1): versions and which one binds today.
 * Pure: no I/O, no clock.
 */
import type { FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { isIsoDate } from './survey.ts';

export interface VersionLike {
  version: number;
  effective_on: string;
}

/**
 * The version in force on `today`: the highest-numbered one whose effective date has come. A version published with a
 * later date waits until then; until it binds, officials keep the signature they gave.
 */
export function versionInForce<V extends VersionLike>(versions: V[], today: string): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.effective_on <= today && (!best || v.version > best.version)) best = v;
  return best;
}

export interface VersionDraft {
  title: string;
  body: string;
  effectiveOn: string;
}

/**
 * Checks a new version of the commitment: a title (5–300 characters), the text (20–20,000 characters, line breaks
 * kept) and an effective date that is not before the latest version's (versions take effect in order) nor before today.
 */
export function checkVersionDraft(
  input: Record<string, unknown>,
  latest: VersionLike | null,
  today: string,
): { ok: true; value: VersionDraft } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = cleanText(input.title);
  const body = cleanText(input.body);
  const effectiveOn = cleanText(input.effectiveOn);
  if ([...title].length < 5 || [...title].length > 300)
    errors.push({ field: 'title', message: { vi: 'Tiêu đề dài 5–300 ký tự', en: 'The title is 5–300 characters' } });
  if ([...body].length < 20 || [...body].length > 20000) {
    errors.push({ field: 'body', message: { vi: 'Nội dung cam kết dài 20–20.000 ký tự', en: 'The text is 20–20,000 characters' } });
  }
  if (!isIsoDate(effectiveOn)) {
    errors.push({ field: 'effectiveOn', message: { vi: 'Ngày hiệu lực không hợp lệ (yyyy-mm-dd)', en: 'The effective date is not a valid date' } });
  } else if (effectiveOn < today) {
    errors.push({ field: 'effectiveOn', message: { vi: 'Ngày hiệu lực không được ở quá khứ', en: 'The effective date may not be in the past' } });
  } else if (latest && effectiveOn < latest.effective_on) {
    errors.push({
      field: 'effectiveOn',
      message: { vi: `Ngày hiệu lực không được trước phiên bản ${latest.version} (${latest.effective_on})`, en: `Not before version ${latest.version}` },
    });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title, body, effectiveOn } };
}
