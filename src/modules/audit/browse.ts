import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { scopesFor } from '../staff/index.ts';
import { findUnitByCode } from '../units/index.ts';
import { type AuditRow, listAudit } from './queries.ts';
import type { AuditQueryInput } from './schema.ts';

/** Loads the page of audit rows a viewer may see with the given filters (system admins see all). */
export async function browseAudit(p: Platform, req: FastifyRequest, q: AuditQueryInput): Promise<{ items: AuditRow[]; total: number }> {
  const pr = req.principal!;
  const visible = scopesFor(pr, 'audit.read');
  const unit = q.unit ? await findUnitByCode(p.db, q.unit) : null;
  if (q.unit && !unit) throw new AppError('UNIT_NOT_FOUND');
  if (unit) req.requireOn('audit.read', unit.path);
  if (q.from && q.to && q.from > q.to) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field: 'to', message: { vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The end date must not be before the start date' } }],
    });
  }
  return listAudit(p.db, {
    visible,
    unitPath: unit?.path,
    actor: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: q.from,
    to: q.to,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

export function presentAudit(r: AuditRow) {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actor_label,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    unit: r.unit_code,
    before: r.before,
    after: r.after,
  };
}
