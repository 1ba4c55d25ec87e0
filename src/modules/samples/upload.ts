import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { MAX_SAMPLE_BYTES } from './rules/sample-file.ts';

export interface SampleForm {
  fields: Record<string, string>;
  /** The one file part, when a file was chosen (a browser sends an empty part with no name otherwise). */
  file: { name: string; content: Buffer; truncated: boolean } | null;
}

/**
 * Reads a multipart sample form: text fields in any order and at most one file. A file past 5 MB is cut off and
 * flagged (the rest of the request is still read, so the browser gets the page with the error, not a reset).
 * Not multipart: UNSUPPORTED_MEDIA_TYPE.
 */
export async function readSampleForm(req: FastifyRequest): Promise<SampleForm> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { vi: 'Gửi biểu mẫu dạng multipart/form-data (có tệp)', en: 'Send the form as multipart/form-data' },
    });
  }
  const fields: Record<string, string> = {};
  let file: SampleForm['file'] = null;
  // throwFileSizeLimit is read by @fastify/multipart at run time but missing from its option type.
  const options = { limits: { fileSize: MAX_SAMPLE_BYTES }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
  for await (const part of req.parts(options)) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.filename || content.length > 0) file = { name: part.filename ?? '', content, truncated: part.file.truncated };
    } else if (typeof part.value === 'string' && part.fieldname !== '_csrf') {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file };
}
