/** JSON routes for a unit's same-day and no-appointment policies (issue 4 item 3). */
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/query.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { findUnitById } from '../units/index.ts';
import { mustFindUnit } from './api.ts';
import { createServicePolicy, switchServicePolicy } from './commands/save-service-policy.ts';
import { findPolicy, listUnitPolicies, type PolicyRow } from './policy-queries.ts';
import { PolicyBody, PolicyList, PolicyListQuery, PolicyOut, PolicyParams, PolicySwitchBody } from './policy-schema.ts';
import { policyName } from './rules/service-policy.ts';

const tags = ['Hồ sơ (dossiers)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true });

/** A policy row → JSON (explicit fields). */
export function presentPolicy(r: PolicyRow, unitCode: string, lang: 'vi' | 'en') {
  return {
    id: Number(r.id),
    unit: unitCode,
    kind: r.kind,
    name: policyName({ kind: r.kind, name: r.name, thresholdDays: r.threshold_days, weekdays: r.weekdays }, lang),
    thresholdDays: r.threshold_days,
    weekdays: r.weekdays?.map(Number) ?? null,
    maxDays: r.max_days,
    procedures: r.procedure_ids === null ? null : (r.procedure_codes ?? []),
    enabled: r.enabled,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
  };
}

const policyNotFound = (id: number) => new AppError('NOT_FOUND', { detail: { vi: `Không có chính sách số ${id}`, en: `No policy ${id}` } });

export function registerDossierPoliciesApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/dossier-policies',
    {
      schema: {
        tags,
        summary: 'Chính sách giải quyết trong ngày của đơn vị (a unit’s same-day policies)',
        querystring: PolicyListQuery,
        response: { 200: PolicyList },
      },
      config: { permission: 'dossiers.policies' },
    },
    async (req) => {
      const unit = await mustFindUnit(p.db, req.query.unit);
      req.requireOn('dossiers.policies', unit.path);
      return { items: (await listUnitPolicies(p.db, unit.id)).map((r) => presentPolicy(r, unit.code, req.lang)) };
    },
  );

  app.post(
    '/api/v1/dossier-policies',
    {
      schema: {
        tags,
        summary: 'Thêm chính sách giải quyết trong ngày / không hẹn (add a same-day policy; audited)',
        body: PolicyBody,
        response: { 201: PolicyOut, 404: Problem },
      },
      config: { permission: 'dossiers.policies' },
    },
    async (req, reply) => {
      const unit = await mustFindUnit(p.db, req.body.unit);
      req.requireOn('dossiers.policies', unit.path);
      const row = await inTransaction(p.db, (tx) => createServicePolicy(tx, req.actor(), unit, req.body));
      return reply.status(201).send(presentPolicy(row, unit.code, req.lang));
    },
  );

  app.patch(
    '/api/v1/dossier-policies/:id',
    {
      schema: {
        tags,
        summary: 'Bật / tắt chính sách (switch a policy on or off; audited)',
        params: PolicyParams,
        body: PolicySwitchBody,
        response: { 200: PolicyOut, 404: Problem },
      },
      config: { permission: 'dossiers.policies' },
    },
    async (req) => {
      const row = await inTransaction(p.db, async (tx) => {
        const policy = await findPolicy(tx, req.params.id, true);
        if (!policy) throw policyNotFound(req.params.id);
        const unit = await findUnitById(tx, Number(policy.unit_id));
        if (!unit) throw policyNotFound(req.params.id);
        req.requireOn('dossiers.policies', unit.path);
        return { row: await switchServicePolicy(tx, req.actor(), policy, req.body), unit };
      });
      return presentPolicy(row.row, row.unit.code, req.lang);
    },
  );
}
