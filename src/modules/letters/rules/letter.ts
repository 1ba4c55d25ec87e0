/**
 * A letter's content as staff write it (by hand, or editing a proposal), and the workflow draft → submitted →
 * approved → sent. Pure: the clock and the database stay outside.
 */
import type { FieldError } from '../../../platform/errors.ts';
import { checkContact, checkTaxCode, cleanText } from '../../../platform/text/index.ts';
import { type LetterKind, type LetterStatus, letterKinds } from './kinds.ts';
import { BODY_MAX, mergeFieldErrors, TITLE_MAX } from './templates.ts';

export interface LetterContent {
  kind: LetterKind;
  recipientName: string;
  recipientAddress: string | null;
  recipientEmail: string | null;
  eventText: string;
  eventDate: string;
  title: string;
  body: string;
  signerName: string | null;
  signerTitle: string | null;
  taxCode: string | null;
}

export type ContentCheck = { ok: true; value: LetterContent } | { ok: false; errors: FieldError[] };

const oneLine = (v: unknown) => cleanText(v).replace(/\s+/g, ' ');
const err = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

function isDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/**
 * Checks a letter's content from a form or JSON body, naming every bad field. Text is NFC and stripped of control
 * characters; HTML is kept as typed (pages escape it, the PDF prints it as text). A business letter needs a valid tax
 * code; the body may use only the known merge fields.
 */
export function checkLetterContent(input: Record<string, unknown>, kindFixed?: LetterKind): ContentCheck {
  const errors: FieldError[] = [];
  const kindRaw = kindFixed ?? oneLine(input.kind);
  const kind = letterKinds.find((k) => k === kindRaw);
  if (!kind) errors.push(err('kind', 'Hãy chọn loại thư', 'Choose the kind of letter'));
  const recipientName = oneLine(input.recipientName);
  if (recipientName.length < 2 || recipientName.length > 200)
    errors.push(err('recipientName', 'Hãy nhập họ tên người nhận (2–200 ký tự)', 'Enter the recipient’s name (2–200 characters)'));
  const recipientAddress = oneLine(input.recipientAddress) || null;
  if (recipientAddress && recipientAddress.length > 300) errors.push(err('recipientAddress', 'Địa chỉ tối đa 300 ký tự', 'Address: at most 300 characters'));
  let recipientEmail: string | null = null;
  const emailRaw = oneLine(input.recipientEmail);
  if (emailRaw) {
    const c = checkContact(emailRaw);
    if (!c.ok || c.kind !== 'email') errors.push(err('recipientEmail', 'Địa chỉ thư điện tử không đúng, vd. ten@gmail.com', 'Not a valid e-mail address'));
    else recipientEmail = c.value;
  }
  const eventText = oneLine(input.eventText);
  if (eventText.length < 2 || eventText.length > 500) errors.push(err('eventText', 'Hãy ghi sự kiện (2–500 ký tự)', 'Describe the event (2–500 characters)'));
  const eventDate = oneLine(input.eventDate);
  if (!isDay(eventDate)) errors.push(err('eventDate', 'Ngày có dạng năm-tháng-ngày, vd. 2026-10-15', 'A date looks like 2026-10-15'));
  const title = oneLine(input.title);
  if (title.length < 3 || title.length > TITLE_MAX) errors.push(err('title', `Tên thư từ 3 đến ${TITLE_MAX} ký tự`, `Title: 3 to ${TITLE_MAX} characters`));
  const body = cleanText(input.body);
  if (body.length < 10 || body.length > BODY_MAX) errors.push(err('body', `Nội dung thư từ 10 đến ${BODY_MAX} ký tự`, `Body: 10 to ${BODY_MAX} characters`));
  else errors.push(...mergeFieldErrors('body', body));
  const signerName = oneLine(input.signerName) || null;
  if (signerName && signerName.length > 120) errors.push(err('signerName', 'Họ tên người ký tối đa 120 ký tự', 'Signer: at most 120 characters'));
  const signerTitle = oneLine(input.signerTitle) || null;
  if (signerTitle && signerTitle.length > 120) errors.push(err('signerTitle', 'Chức vụ tối đa 120 ký tự', 'Position: at most 120 characters'));
  let taxCode: string | null = null;
  const taxRaw = oneLine(input.taxCode);
  if (kind === 'congratulation_business' || taxRaw) {
    const t = checkTaxCode(taxRaw);
    if (!t.ok)
      errors.push({ field: 'taxCode', message: taxRaw ? t.message : { vi: 'Hãy nhập mã số thuế của doanh nghiệp', en: 'Enter the business’s tax code' } });
    else taxCode = t.value;
  }
  if (errors.length || !kind) return { ok: false, errors };
  return {
    ok: true,
    value: { kind, recipientName, recipientAddress, recipientEmail, eventText, eventDate, title, body, signerName, signerTitle, taxCode },
  };
}

export const letterActions = ['edit', 'submit', 'return', 'approve', 'send', 'print', 'cancel'] as const;
export type LetterAction = (typeof letterActions)[number];

/** Where each action may start from. Sending and printing need an approved letter: never a draft. */
const from: Record<LetterAction, readonly LetterStatus[]> = {
  edit: ['draft'],
  submit: ['draft'],
  return: ['submitted'],
  approve: ['submitted'],
  send: ['approved', 'sent'],
  print: ['approved', 'sent'],
  cancel: ['draft', 'submitted'],
};

/** Whether an action applies to a letter in this status. */
export const mayDo = (action: LetterAction, status: LetterStatus): boolean => from[action].includes(status);

/** Whether the final (numbered, signed) PDF may be produced: only once a leader approved it. */
export const isFinal = (status: LetterStatus): boolean => status === 'approved' || status === 'sent';
