import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { MAX_ATTACHMENT_BYTES, sniffMime } from '../dossiers/index.ts';
import type { UploadedFileFacts, UploadLimits } from './rules/submission.ts';

/** Each file: the dossiers module's attachment limit; all files of one submission together: three of those. */
export const uploadLimits: UploadLimits = { maxFileBytes: MAX_ATTACHMENT_BYTES, maxTotalBytes: 3 * MAX_ATTACHMENT_BYTES };

/** The text boxes a submission form has (anything else is ignored). */
const TEXT_FIELDS = new Set([
  'unit',
  'applicantName',
  'applicantIdNumber',
  'applicantPhone',
  'applicantEmail',
  'applicantAddress',
  'note',
  'consent',
  'website',
  'idempotencyKey',
]);
const TEXT_MAX = 4000;

export interface UploadedFile extends UploadedFileFacts {
  /** Index of the procedure document the file is for. */
  index: number;
  name: string;
  content: Buffer;
}

/**
 * Reads a submission's multipart body: the text boxes and one file per procedure document (`doc-<n>`, n below
 * `documents`). A file over the per-file limit is read only up to the limit and marked truncated, and the rest of the
 * body is still read, so the form comes back with every typed box and that file's error. An empty file input (no file
 * chosen) is skipped. Stops reading (413) once the files together pass twice the total limit: no honest form sends that.
 *
 * @throws AppError UNSUPPORTED_MEDIA_TYPE when the body is not multipart, PAYLOAD_TOO_LARGE, MALFORMED_REQUEST
 */
export async function readSubmission(req: FastifyRequest, documents: number): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: { vi: 'Gửi biểu mẫu dạng multipart/form-data', en: 'Send the form as multipart/form-data' } });
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let total = 0;
  // throwFileSizeLimit (read by the plugin, missing from its types): a file over the limit comes back cut and marked
  // truncated instead of failing the whole request.
  const options = {
    limits: { fileSize: uploadLimits.maxFileBytes, files: Math.max(documents, 1), fields: TEXT_FIELDS.size + 5, parts: documents + TEXT_FIELDS.size + 5 },
    throwFileSizeLimit: false,
  };
  const parts = req.parts(options);
  for await (const part of parts) {
    if (part.type === 'field') {
      if (TEXT_FIELDS.has(part.fieldname) && typeof part.value === 'string') fields[part.fieldname] = part.value.slice(0, TEXT_MAX);
      continue;
    }
    const m = /^doc-([0-9]{1,3})$/.exec(part.fieldname);
    const index = m ? Number(m[1]) : -1;
    const content = await part.toBuffer();
    if (index < 0 || index >= documents || (!part.filename && content.length === 0) || files.some((f) => f.index === index)) continue;
    total += content.length;
    if (total > 2 * uploadLimits.maxTotalBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    files.push({
      index,
      name: part.filename ?? '',
      content,
      size: content.length,
      truncated: part.file.truncated,
      mime: sniffMime(content),
    });
  }
  return { fields, files };
}
