/** Loading and checking shared by the JSON routes and the pages: one place for 404s, scope checks and input rules. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { findUserByUsername } from '../staff/index.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import {
  type CommitmentRow,
  type CommitmentValues,
  type DialogueRow,
  findCommitment,
  findDialogue,
  findQuestion,
  listCommitments,
  listParticipants,
  listQuestions,
  type NewParticipant,
} from './queries.ts';
import { checkCommitment } from './rules/commitments.ts';
import { checkParticipant } from './rules/participants.ts';

export const PERMISSION = 'dialogues.manage';
export const today = () => todayInVietnam(new Date());

const notFound = () =>
  new AppError('NOT_FOUND', { detail: { vi: 'Không có buổi đối thoại này. Hãy kiểm tra lại đường dẫn.', en: 'No such dialogue. Check the address.' } });

/** A dialogue by the id in an address; anything that is not one is the same 404. */
export async function mustFindDialogue(p: Platform, raw: unknown): Promise<DialogueRow> {
  const text = String(raw ?? '');
  const id = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null;
  const d = id !== null && Number.isSafeInteger(id) ? await findDialogue(p.db, id) : null;
  if (!d) throw notFound();
  return d;
}

/** A dialogue the caller manages: 404 when there is none, 403 when its unit is outside their grants. */
export async function loadForStaff(p: Platform, req: FastifyRequest, raw: unknown): Promise<DialogueRow> {
  const d = await mustFindDialogue(p, raw);
  req.requireOn(PERMISSION, d.unit_path);
  return d;
}

/** A unit named in input, not merged away; a field error otherwise. */
export async function unitFor(p: Platform, code: string, field: string): Promise<UnitRow> {
  const unit = /^[a-z0-9][a-z0-9-]{1,62}$/.test(code) ? await findUnitByCode(p.db, code) : null;
  if (!unit || unit.merged_into_id !== null) {
    throw new AppError('UNIT_NOT_FOUND', { errors: [{ field, message: { vi: 'Không có đơn vị này', en: 'No such unit' } }] });
  }
  return unit;
}

/** A commitment of the dialogue the caller manages on the dialogue's unit or on the owner unit. */
export async function loadCommitment(p: Platform, req: FastifyRequest, rawDialogue: unknown, rawId: unknown): Promise<{ d: DialogueRow; c: CommitmentRow }> {
  const d = await mustFindDialogue(p, rawDialogue);
  const idText = String(rawId ?? '');
  const c = /^[1-9][0-9]{0,15}$/.test(idText) ? await findCommitment(p.db, d.id, Number(idText)) : null;
  if (!c) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có cam kết này', en: 'No such commitment' } });
  if (!req.can(PERMISSION, d.unit_path) && !req.can(PERMISSION, c.owner_unit_path)) req.requireOn(PERMISSION, d.unit_path);
  return { d, c };
}

/**
 * A commitment's values from a form or JSON body (rules/commitments.ts), the owner unit resolved (not merged away)
 * and the question, when named, one of this dialogue's. Every bad field is named.
 */
export async function commitmentValuesFrom(
  p: Platform,
  d: DialogueRow,
  input: { text?: unknown; ownerUnit?: unknown; deadline?: unknown; status?: unknown; outcome?: unknown; questionId?: unknown },
): Promise<CommitmentValues> {
  const checked = checkCommitment(input);
  const errors: FieldError[] = checked.ok ? [] : [...checked.errors];
  const ownerCode = typeof input.ownerUnit === 'string' ? input.ownerUnit.trim() : '';
  const owner = /^[a-z0-9][a-z0-9-]{1,62}$/.test(ownerCode) ? await findUnitByCode(p.db, ownerCode) : null;
  if (!owner || owner.merged_into_id !== null) errors.push({ field: 'ownerUnit', message: { vi: 'Hãy chọn đơn vị chủ trì', en: 'Choose the owner unit' } });
  let questionId: number | null = null;
  const rawQ = input.questionId;
  if (rawQ !== undefined && rawQ !== null && rawQ !== '') {
    const n = Number(rawQ);
    const q = Number.isSafeInteger(n) && n > 0 ? await findQuestion(p.db, d.id, n) : null;
    if (!q) errors.push({ field: 'questionId', message: { vi: 'Câu hỏi không thuộc buổi đối thoại này', en: 'The question is not one of this dialogue’s' } });
    else questionId = q.id;
  }
  if (errors.length || !checked.ok || !owner) throw new AppError('VALIDATION_FAILED', { errors });
  return { ...checked.value, ownerUnitId: owner.id, questionId };
}

/** A participant from a form (rules/participants.ts); an official named by username takes the account's full name. */
export async function participantFrom(p: Platform, input: Record<string, unknown>): Promise<NewParticipant> {
  const checked = checkParticipant(input);
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
  const v = checked.value;
  let userId: number | null = null;
  let name = v.name;
  if (v.username) {
    const user = await findUserByUsername(p.db, v.username);
    if (!user)
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ field: 'username', message: { vi: 'Không có cán bộ với tên đăng nhập này', en: 'No staff account has this username' } }],
      });
    userId = user.id;
    name ??= user.full_name;
  }
  return { kind: v.kind, userId, name: name as string, position: v.position, taxCode: v.taxCode, representative: v.representative };
}

/** What a dialogue page shows beside the dialogue; the public sees only answered questions. */
export async function dialogueParts(p: Platform, d: DialogueRow, staff: boolean) {
  const [participants, questions, commitments] = await Promise.all([
    listParticipants(p.db, d.id),
    listQuestions(p.db, d.id, !staff),
    listCommitments(p.db, d.id),
  ]);
  return { participants, questions, commitments };
}
