import { createHash } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AttachmentMeta, type DossierRow, insertAttachment, insertEvent } from '../queries.ts';
import { cleanFileName, MAX_ATTACHMENT_BYTES, sniffMime } from '../rules/attachments.ts';
import { finalStatuses } from '../rules/lifecycle.ts';

/**
 * Attaches a scan or file to a dossier, stored in PostgreSQL with its SHA-256: PDF, JPEG or PNG recognised by content
 * (415 otherwise, whatever the name says), at most 10 MB (413). Not on a final dossier.
 */
export async function attachFile(tx: Db, actor: Actor, d: DossierRow, file: { name: string | undefined; content: Buffer }, now: Date): Promise<AttachmentMeta> {
  if (file.content.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', { detail: { vi: 'Tệp lớn hơn 10 MB', en: 'The file is larger than 10 MB' } });
  if (file.content.length === 0) {
    throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'file', message: { vi: 'Tệp rỗng', en: 'The file is empty' } }] });
  }
  const mime = sniffMime(file.content);
  if (!mime) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)', en: 'Only PDF, JPEG or PNG files are accepted (checked by content)' },
    });
  }
  if (finalStatuses.includes(d.status)) {
    throw new AppError('UNPROCESSABLE', { detail: { vi: 'Hồ sơ đã kết thúc, không đính kèm thêm được', en: 'The dossier is final; nothing can be attached' } });
  }
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const meta = await insertAttachment(tx, { dossierId: d.id, name: cleanFileName(file.name, mime), mime, content: file.content, sha256, by: actor.userId });
  await insertEvent(tx, {
    dossierId: d.id,
    action: 'attach',
    fromStatus: d.status,
    toStatus: d.status,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    unitId: d.processing_unit_id ?? d.unit_id,
    at: now,
    data: { attachment: meta.id, mime, size: file.content.length, sha256 },
  });
  await recordAudit(tx, actor, {
    action: 'dossier.attach',
    entityType: 'dossier',
    entityId: d.code,
    unitId: d.unit_id,
    after: { attachment: meta.id, mime, sha256 },
  });
  return meta;
}
