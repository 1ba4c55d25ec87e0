import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import type { App } from '../../platform/http/server.ts';
import { browseAudit, presentAudit } from './browse.ts';
import { AuditOut, AuditQuery } from './schema.ts';

export function registerAuditApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['Nhật ký (audit)'],
        summary: 'Nhật ký thay đổi, mới nhất trước (the audit log, newest first)',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditOut), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
      },
      config: { permission: 'audit.read' },
    },
    async (req) => {
      const r = await browseAudit(p, req, req.query);
      return { items: r.items.map(presentAudit), total: r.total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
}
