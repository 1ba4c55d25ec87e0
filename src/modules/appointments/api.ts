/**
 * JSON routes of home appointments (/api/v1/appointments): holders of appointments.manage on a unit list its requests
 * (priority groups first, then by time), read one (audited: it holds personal data), enter one that came by phone,
 * e-mail, Zalo or Facebook, and take the staff actions (propose, confirm, assign, done, absent, cancel).
 */
import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { loadForStaff, PERMISSION, readScopes, unitFor } from './access.ts';
import { actOnAppointment } from './commands/act-on-appointment.ts';
import { recordAppointmentRead } from './commands/read-appointment.ts';
import { requestAppointment } from './commands/request-appointment.ts';
import { presentAppointment, presentSummary } from './present.ts';
import { listAppointments } from './queries.ts';
import { staffChannels } from './rules/lifecycle.ts';
import { checkRequest } from './rules/request.ts';
import { ActionBody, ActionParams, AppointmentList, AppointmentOut, CodeParams, CreateBody, ListQuery } from './schema.ts';

const tags = ['Hẹn tại nhà (home appointments)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

export function registerAppointmentsApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/appointments',
    {
      schema: {
        tags,
        summary: 'Danh sách yêu cầu hẹn tại nhà (list home-visit requests)',
        description: 'Open requests first; priority groups first among them, then by the time of the visit. `unit` includes the units below it.',
        querystring: ListQuery,
        response: { 200: AppointmentList, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const q = req.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const unit = q.unit ? await unitFor(p, q.unit) : null;
      if (unit) req.requireOn(PERMISSION, unit.path);
      const found = await listAppointments(p.db, {
        scopes: readScopes(req),
        unitPath: unit?.path,
        status: q.status,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: found.rows.map(presentSummary), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/appointments/:code',
    {
      schema: {
        tags,
        summary: 'Một yêu cầu hẹn tại nhà (one request, with the citizen’s contact; the read is audited)',
        params: CodeParams,
        response: { 200: AppointmentOut, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const a = await loadForStaff(p, req, req.params.code);
      await recordAppointmentRead(p.db, req.actor(), a, 'api');
      return presentAppointment(a);
    },
  );

  app.post(
    '/api/v1/appointments',
    {
      schema: {
        tags,
        summary: 'Nhập yêu cầu hẹn tại nhà (enter a request that came by phone, e-mail, Zalo or Facebook)',
        description:
          'The wished time must be ahead, on a working day of the unit and inside its office hours (422 APPOINTMENT_SLOT_REFUSED with `reason`). `consent` must be true: the citizen agreed to the use of their data. A repeated `idempotencyKey` returns the first request (200).',
        body: CreateBody,
        response: { 200: AppointmentOut, 201: AppointmentOut, 400: Problem, 403: Problem, 404: Problem, 422: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req, reply) => {
      const unit = await unitFor(p, req.body.unit);
      req.requireOn(PERMISSION, unit.path);
      const checked = checkRequest(req.body, staffChannels);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
      const { appointment, created } = await requestAppointment(p.db, req.actor(), checked.value, {
        idempotencyKey: req.body.idempotencyKey ?? null,
        now: new Date(),
      });
      return reply.status(created ? 201 : 200).send(presentAppointment(appointment));
    },
  );

  app.post(
    '/api/v1/appointments/:code/actions/:action',
    {
      schema: {
        tags,
        summary: 'Thao tác trên lịch hẹn (propose, confirm, assign, done, absent, cancel)',
        description:
          'propose: `date`+`time` (the citizen is told); confirm: optional `date`+`time` (the confirmation and the reminders of the day before at 16:00 are queued); assign: `assignee` (username of an official or helper of the unit; their other visits and the travel time are checked); done/absent: optional `visitedBy`, `visitedDate`+`visitedTime`, `dossierCode`, `note` (a pick-up or delivery done is recorded on its dossier); cancel: `reason`.',
        params: ActionParams,
        body: ActionBody,
        response: { 200: AppointmentOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const a = await actOnAppointment(
        p.db,
        req.actor(),
        req.params.code,
        req.params.action,
        req.body,
        { now: new Date(), publicUrl: p.config.publicUrl },
        (row) => req.requireOn(PERMISSION, row.unit_path),
      );
      return presentAppointment(a);
    },
  );
}
