import { type Static, Type } from 'typebox';

export const AuditQuery = Type.Object({
  unit: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })),
  actor: Type.Optional(Type.String({ maxLength: 80 })),
  action: Type.Optional(Type.String({ maxLength: 80 })),
  entityType: Type.Optional(Type.String({ maxLength: 40 })),
  entityId: Type.Optional(Type.String({ maxLength: 80 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export type AuditQueryInput = Static<typeof AuditQuery>;

export const AuditOut = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
