/** Loading and checking shared by the public and staff survey pages: one place for 404s, scope checks and input rules. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { findProcedureByCode, listCarriedInForce } from '../procedures/index.ts';
import { officialsOf } from './officials.ts';
import { findSurvey, type NewResponse, questionsOf, type SurveyRow } from './queries.ts';
import { type CheckedResponse, checkResponse, type SurveyQuestion } from './rules/survey.ts';
import type { SurveyChoices } from './views.tsx';

export const READ = 'conduct.read';
export const MANAGE = 'conduct.manage';
export const SURVEYS = 'surveys.manage';
export const today = () => todayInVietnam(new Date());

/** A survey by the id in an address; anything that is not one is the same 404. */
export async function mustFindSurvey(p: Platform, raw: unknown): Promise<SurveyRow> {
  const text = String(raw ?? '');
  const id = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null;
  const s = id !== null && Number.isSafeInteger(id) ? await findSurvey(p.db, id) : null;
  if (!s)
    throw new AppError('SURVEY_NOT_FOUND', {
      detail: { vi: 'Không có cuộc khảo sát này. Hãy kiểm tra lại đường dẫn.', en: 'No such survey. Check the address.' },
    });
  return s;
}

/** A survey the caller manages: 404 when there is none, 403 when its unit is outside their grants. */
export async function loadForStaff(p: Platform, req: FastifyRequest, raw: unknown): Promise<SurveyRow> {
  const s = await mustFindSurvey(p, raw);
  req.requireOn(SURVEYS, s.unit_path);
  return s;
}

/** The survey's questions, and the officials and procedures a respondent may pick (names only). */
export async function surveyParts(p: Platform, s: SurveyRow, day: string): Promise<{ questions: SurveyQuestion[]; choices: SurveyChoices }> {
  const [questions, officials, procedures] = await Promise.all([
    questionsOf(p.db, s.id),
    s.ask_official ? officialsOf(p.db, s.unit_id) : Promise.resolve([]),
    s.ask_procedure ? listCarriedInForce(p.db, s.unit_id, day) : Promise.resolve([]),
  ]);
  return { questions, choices: { officials, procedures: procedures.map((v) => ({ code: v.code, name: v.name })) } };
}

/**
 * A filled form checked (rules/survey.ts) and its official and procedure resolved against the lists the survey
 * offers: an official of another unit or a procedure the unit does not carry is a named field error.
 */
export async function responseFrom(
  p: Platform,
  s: SurveyRow,
  parts: { questions: SurveyQuestion[]; choices: SurveyChoices },
  input: Record<string, unknown>,
): Promise<{ ok: true; value: Pick<NewResponse, 'respondentKind' | 'official' | 'procedure' | 'response'> } | { ok: false; errors: FieldError[] }> {
  const checked = checkResponse(parts.questions, input);
  const errors: FieldError[] = checked.ok ? [] : [...checked.errors];
  const r = checked.ok ? checked.value : null;
  let official: NewResponse['official'] = null;
  let procedure: NewResponse['procedure'] = null;
  if (r?.officialId != null) {
    const o = s.ask_official ? parts.choices.officials.find((x) => x.id === r.officialId) : undefined;
    if (!o) errors.push({ field: 'official', message: { vi: 'Hãy chọn cán bộ trong danh sách', en: 'Choose an official from the list' } });
    else official = { id: o.id, name: o.full_name };
  }
  if (r?.procedureCode) {
    const offered = s.ask_procedure ? parts.choices.procedures.find((x) => x.code === r.procedureCode) : undefined;
    const row = offered ? await findProcedureByCode(p.db, offered.code) : null;
    if (!offered || !row) errors.push({ field: 'procedure', message: { vi: 'Hãy chọn thủ tục trong danh sách', en: 'Choose a procedure from the list' } });
    else procedure = { id: row.id, name: offered.name };
  }
  if (errors.length || !r) return { ok: false, errors };
  return { ok: true, value: { respondentKind: r.respondentKind, official, procedure, response: r as CheckedResponse } };
}
