/**
 * Checks an upload or replacement of a sample (hồ sơ mẫu) before anything is written: every bad field is named,
 * and the answer's status says the worst of them (413 too large, 415 wrong type, 400 otherwise). Pure module.
 */
import type { FieldError } from '../../../platform/errors.ts';
import { MAX_SAMPLE_BYTES, NOTE_MAX, type SampleMime, sniffSampleMime, TITLE_MAX } from './sample-file.ts';

export interface SampleInput {
  title: string;
  note: string;
  /** The uploaded file; `truncated` when it went past MAX_SAMPLE_BYTES (the rest was discarded unread). */
  file: { content: Uint8Array; truncated: boolean } | null;
  /** A new sample needs a file; a replacement may change only the title or note. */
  fileRequired: boolean;
}

export type SampleCheck =
  | { ok: true; title: string; note: string | null; mime: SampleMime | null }
  | { ok: false; status: 400 | 413 | 415; errors: FieldError[] };

const chars = (s: string) => [...s].length;

export function checkSample(input: SampleInput): SampleCheck {
  const errors: FieldError[] = [];
  let status: 400 | 413 | 415 = 400;
  if (!input.title) errors.push({ field: 'title', message: { vi: 'Hãy nhập tên hồ sơ mẫu', en: 'Enter a title' } });
  else if (chars(input.title) > TITLE_MAX)
    errors.push({ field: 'title', message: { vi: `Tên tối đa ${TITLE_MAX} ký tự`, en: `At most ${TITLE_MAX} characters` } });
  if (chars(input.note) > NOTE_MAX) errors.push({ field: 'note', message: { vi: `Ghi chú tối đa ${NOTE_MAX} ký tự`, en: `At most ${NOTE_MAX} characters` } });
  let mime: SampleMime | null = null;
  const file = input.file && (input.file.content.length > 0 || input.file.truncated) ? input.file : null;
  if (!file) {
    if (input.fileRequired) errors.push({ field: 'file', message: { vi: 'Hãy chọn tệp (PDF, JPEG, PNG hoặc Word .docx)', en: 'Choose a file' } });
  } else if (file.truncated || file.content.length > MAX_SAMPLE_BYTES) {
    status = 413;
    errors.push({ field: 'file', message: { vi: 'Tệp lớn hơn 5 MB', en: 'The file is larger than 5 MB' } });
  } else {
    mime = sniffSampleMime(file.content);
    if (!mime) {
      status = 415;
      errors.push({
        field: 'file',
        message: {
          vi: 'Chỉ nhận tệp PDF, JPEG, PNG hoặc Word (.docx), kiểm tra theo nội dung tệp chứ không theo tên',
          en: 'Only PDF, JPEG, PNG or Word (.docx) files are accepted, checked by content, not by name',
        },
      });
    }
  }
  if (errors.length) return { ok: false, status, errors };
  return { ok: true, title: input.title, note: input.note || null, mime };
}
