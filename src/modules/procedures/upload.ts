import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { type ParsedImport, readProceduresJson, readProceduresXlsx } from './exchange.ts';

/** Largest import accepted (the platform allows 10 MB uploads; a catalogue file is far smaller). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream', 'application/zip'];

function parseJsonBuffer(buf: Buffer): ParsedImport {
  try {
    return readProceduresJson(JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, '')));
  } catch {
    return {
      rows: [],
      problems: [{ row: 0, column: '', message: { vi: 'Tệp JSON không hợp lệ', en: 'The JSON file is not valid JSON' } }],
      columnOf: (p) => p,
    };
  }
}

/**
 * Reads an import request: a JSON body, or a multipart upload of one .json or .xlsx file
 * (at most 5 MB: PAYLOAD_TOO_LARGE above; UNSUPPORTED_MEDIA_TYPE for anything else). Text
 * fields sent before the file (effectiveFrom, dryRun) are returned too.
 */
export async function readImportRequest(req: FastifyRequest): Promise<{ parsed: ParsedImport; source: string; fields: Record<string, string> }> {
  if (req.isMultipart()) {
    const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES } });
    if (!part) throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'file', message: { vi: 'Hãy chọn tệp để nhập', en: 'Choose a file to import' } }] });
    const buf = await part.toBuffer();
    if (part.file.truncated || buf.length > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const fields: Record<string, string> = {};
    for (const [k, f] of Object.entries(part.fields)) {
      const v = Array.isArray(f) ? f[0] : f;
      if (v && v.type === 'field' && typeof v.value === 'string') fields[k] = v.value;
    }
    const name = (part.filename ?? '').toLowerCase();
    const source = `file:${(part.filename ?? '').slice(0, 100)}`;
    if (buf.length === 0) throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'file', message: { vi: 'Tệp rỗng', en: 'The file is empty' } }] });
    const isZip = buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    if (name.endsWith('.xlsx') && isZip && (XLSX_TYPES.includes(part.mimetype) || part.mimetype === ''))
      return { parsed: await readProceduresXlsx(buf), source, fields };
    if (name.endsWith('.json') && !isZip && ['application/json', 'text/json', 'text/plain', 'application/octet-stream'].includes(part.mimetype)) {
      return { parsed: parseJsonBuffer(buf), source, fields };
    }
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { vi: 'Chỉ nhận tệp .json hoặc .xlsx (Excel)', en: 'Only .json or .xlsx (Excel) files are accepted' },
    });
  }
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { vi: 'Gửi JSON hoặc tải lên một tệp (multipart/form-data)', en: 'Send JSON or upload one file (multipart/form-data)' },
    });
  }
  return { parsed: readProceduresJson(req.body), source: 'json', fields: {} };
}
