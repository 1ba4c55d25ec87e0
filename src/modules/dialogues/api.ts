import { Type } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { findUnitByCode } from '../units/index.ts';
import { commitmentValuesFrom, dialogueParts, loadCommitment, loadForStaff, mustFindDialogue, PERMISSION, today, unitFor } from './access.ts';
import { createCommitment } from './commands/create-commitment.ts';
import { createDialogue } from './commands/create-dialogue.ts';
import { recordDialogueOutcome } from './commands/record-dialogue-outcome.ts';
import { updateDialogueCommitment } from './commands/update-commitment.ts';
import { updateDialogue } from './commands/update-dialogue.ts';
import { presentCommitment, presentDialogue, presentSummary } from './present.ts';
import { type DialogueRow, findCommitment, findDialogue, listDialogues } from './queries.ts';
import { checkDialogueDraft, type DialogueDraft } from './rules/schedule.ts';
import {
  CommitmentBody,
  CommitmentOut,
  CommitmentParams,
  CommitmentPatch,
  CreateDialogueBody,
  DialogueList,
  DialogueOut,
  IdParams,
  ListQuery,
  UpdateDialogueBody,
} from './schema.ts';

const tags = ['Đối thoại (dialogues)'];
const Problem = Type.Object({ code: Type.String(), title: Type.String() }, { additionalProperties: true, description: 'RFC 9457 problem+json' });

const moment = (v: string | undefined | null) => (v ? new Date(v) : null);

/** A schedule from a JSON body (rules/schedule.ts), every bad field named. */
export function draftFrom(body: Record<string, unknown>, startsAt: Date | null, endsAt: Date | null): DialogueDraft {
  const checked = checkDialogueDraft({ ...body, startsAt, endsAt });
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
  return checked.value;
}

async function full(p: Platform, d: DialogueRow) {
  const parts = await dialogueParts(p, d, false);
  return presentDialogue(d, { participants: parts.participants, answered: parts.questions, commitments: parts.commitments }, new Date(), today());
}

/**
 * JSON routes of the dialogues: the public reads the schedule, answered questions and commitments; holders of
 * dialogues.manage on a unit schedule its dialogues, record them held or cancelled, and track commitments.
 */
export function registerDialoguesApi(app: App, p: Platform): void {
  app.get(
    '/api/v1/dialogues',
    {
      schema: {
        tags,
        summary: 'Lịch và kết quả đối thoại (dialogues; public)',
        description: '`unit` includes the units below it. `when=upcoming` lists dialogues not yet ended, soonest first.',
        querystring: ListQuery,
        response: { 200: DialogueList, 404: Problem },
      },
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } },
    },
    async (req) => {
      const q = req.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const unit = q.unit ? await findUnitByCode(p.db, q.unit) : null;
      if (q.unit && !unit) throw new AppError('UNIT_NOT_FOUND');
      const now = new Date();
      const found = await listDialogues(p.db, {
        underPath: unit?.path,
        kind: q.kind,
        status: q.status,
        when: q.when ?? 'all',
        now,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: found.rows.map((d) => presentSummary(d, now)), page, pageSize, total: found.total };
    },
  );

  app.get(
    '/api/v1/dialogues/:id',
    {
      schema: {
        tags,
        summary: 'Một buổi đối thoại (one dialogue; public)',
        description: 'With participants, the questions answered at it (never the asker’s name or contact) and its commitments.',
        params: IdParams,
        response: { 200: DialogueOut, 404: Problem },
      },
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60 * 1000 } },
    },
    async (req) => full(p, await mustFindDialogue(p, req.params.id)),
  );

  app.post(
    '/api/v1/dialogues',
    {
      schema: {
        tags,
        summary: 'Lên lịch đối thoại (schedule a dialogue)',
        description: 'Needs dialogues.manage on the unit. A business coffee has a `format`; a radio dialogue has none.',
        body: CreateDialogueBody,
        response: { 201: DialogueOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req, reply) => {
      const unit = await unitFor(p, req.body.unit, 'unit');
      req.requireOn(PERMISSION, unit.path);
      const draft = draftFrom(req.body, moment(req.body.startsAt), moment(req.body.endsAt));
      const id = await createDialogue(p.db, req.actor(), unit, draft);
      return reply.status(201).send(await full(p, (await findDialogue(p.db, id)) as DialogueRow));
    },
  );

  app.patch(
    '/api/v1/dialogues/:id',
    {
      schema: {
        tags,
        summary: 'Sửa lịch, ghi nhận đã diễn ra hoặc hủy (update a dialogue)',
        description:
          'Either schedule fields (only while planned), or `status: held` with `summary`, or `status: cancelled` with `cancelReason`, or `summary` alone on a held dialogue. Schedule and status changes go in separate requests.',
        params: IdParams,
        body: UpdateDialogueBody,
        response: { 200: DialogueOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const d = await loadForStaff(p, req, req.params.id);
      const b = req.body;
      const scheduleKeys = (['kind', 'format', 'title', 'description', 'startsAt', 'endsAt', 'place'] as const).filter((k) => b[k] !== undefined);
      const outcome = b.status !== undefined || b.summary !== undefined || b.cancelReason !== undefined;
      if (scheduleKeys.length && outcome) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [
            {
              field: 'status',
              message: { vi: 'Gửi thay đổi lịch và thay đổi trạng thái trong hai yêu cầu riêng', en: 'Send schedule and status changes separately' },
            },
          ],
        });
      }
      if (outcome) {
        const action = b.status === 'held' ? 'hold' : b.status === 'cancelled' ? 'cancel' : 'summary';
        await recordDialogueOutcome(p.db, req.actor(), d, action, { summary: b.summary, reason: b.cancelReason }, new Date());
      } else if (scheduleKeys.length) {
        const merged = {
          kind: b.kind ?? d.kind,
          format: b.format !== undefined ? b.format : (b.kind ?? d.kind) === 'radio' ? null : d.format,
          title: b.title ?? d.title,
          description: b.description !== undefined ? b.description : d.description,
          place: b.place ?? d.place,
        };
        await updateDialogue(
          p.db,
          req.actor(),
          d,
          draftFrom(merged, b.startsAt ? new Date(b.startsAt) : new Date(d.starts_at), b.endsAt ? new Date(b.endsAt) : new Date(d.ends_at)),
        );
      }
      return full(p, (await findDialogue(p.db, d.id)) as DialogueRow);
    },
  );

  app.post(
    '/api/v1/dialogues/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Ghi cam kết (record a commitment raised at a dialogue)',
        description:
          'Needs dialogues.manage on the dialogue’s unit; once the dialogue has started and unless it was cancelled. Closing (done, dropped) needs a public `outcome`.',
        params: IdParams,
        body: CommitmentBody,
        response: { 201: CommitmentOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req, reply) => {
      const d = await loadForStaff(p, req, req.params.id);
      const values = await commitmentValuesFrom(p, d, req.body);
      const id = await createCommitment(p.db, req.actor(), d, values, new Date());
      return reply
        .status(201)
        .send(presentCommitment((await findCommitment(p.db, d.id, id)) as NonNullable<Awaited<ReturnType<typeof findCommitment>>>, today()));
    },
  );

  app.patch(
    '/api/v1/dialogues/:id/commitments/:commitmentId',
    {
      schema: {
        tags,
        summary: 'Cập nhật cam kết (update a commitment: status, outcome, deadline, owner)',
        description: 'Needs dialogues.manage on the dialogue’s unit or on the owner unit. Missing fields keep their value.',
        params: CommitmentParams,
        body: CommitmentPatch,
        response: { 200: CommitmentOut, 400: Problem, 403: Problem, 404: Problem },
      },
      config: { permission: PERMISSION },
    },
    async (req) => {
      const { d, c } = await loadCommitment(p, req, req.params.id, req.params.commitmentId);
      const b = req.body;
      const values = await commitmentValuesFrom(p, d, {
        text: b.text ?? c.text,
        ownerUnit: b.ownerUnit ?? c.owner_unit_code,
        deadline: b.deadline ?? c.deadline,
        status: b.status ?? c.status,
        outcome: b.outcome !== undefined ? b.outcome : c.outcome,
        questionId: b.questionId !== undefined ? b.questionId : c.question_id,
      });
      if (values.ownerUnitId !== c.owner_unit_id && !req.can(PERMISSION, d.unit_path)) {
        const errors: FieldError[] = [
          { field: 'ownerUnit', message: { vi: 'Chỉ đơn vị tổ chức đối thoại đổi được đơn vị chủ trì', en: 'Only the dialogue’s unit may change the owner' } },
        ];
        throw new AppError('FORBIDDEN', { errors });
      }
      return presentCommitment(await updateDialogueCommitment(p.db, req.actor(), c, values, d.unit_id), today());
    },
  );
}
