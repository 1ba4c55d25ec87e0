import type { FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { isDay } from './days.ts';

/** Groups of the national service index (Bộ chỉ số 766/QĐ-TTg, STANDARDS.md §9) an inspection may cover. */
export const indexGroups = ['transparency', 'progress', 'online_service', 'online_payment', 'satisfaction', 'digitisation'] as const;
export type IndexGroup = (typeof indexGroups)[number];

export const severities = ['minor', 'major', 'serious'] as const;
export type Severity = (typeof severities)[number];

export const correctionStatuses = ['open', 'done'] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];
/** What a person sees: an open correction past its deadline is overdue (quá hạn). */
export type CorrectionState = CorrectionStatus | 'overdue';

export const MAX_MEMBERS = 30;

const len = (s: string) => [...s].length;

/** open, done, or overdue when still open after its deadline (`today` is the day in Vietnam). */
export function correctionState(c: { status: CorrectionStatus; deadline: string }, today: string): CorrectionState {
  return c.status === 'open' && c.deadline < today ? 'overdue' : c.status;
}

export interface Member {
  name: string;
  title: string;
  role: 'lead' | 'member';
}

export interface PlanInput {
  title?: unknown;
  plannedOn?: unknown;
  notes?: unknown;
  indexGroups?: unknown;
  /** One member a line: "Họ tên – Chức vụ"; the first line is the head of the team (trưởng đoàn). */
  members?: unknown;
}

export interface PlanValues {
  title: string;
  plannedOn: string;
  notes: string | null;
  indexGroups: IndexGroup[];
  members: Member[];
}

/** A team member from "Name – Title" (en dash, hyphen with spaces, or comma). */
export function memberOf(line: string): { name: string; title: string } | null {
  const m = /^(.+?)\s*(?:\s[–—-]\s|,|\t)\s*(.+)$/.exec(line.trim());
  if (!m) return null;
  const name = (m[1] ?? '').trim();
  const title = (m[2] ?? '').trim();
  return len(name) >= 2 && len(name) <= 200 && len(title) >= 2 && len(title) <= 300 ? { name, title } : null;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);

/**
 * Checks an inspection plan: a title, the day, notes, the index groups in scope, and the team, one "Name – Title" a
 * line (the first heads it; JSON may send objects). Every bad field is named.
 */
export function checkPlan(input: PlanInput): { ok: true; value: PlanValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = cleanText(input.title);
  const plannedOn = cleanText(input.plannedOn);
  const notes = cleanText(input.notes);
  const groups = asList(input.indexGroups).map((g) => g.trim());
  const unknown = groups.filter((g) => !(indexGroups as readonly string[]).includes(g));
  if (len(title) < 3 || len(title) > 300)
    errors.push({ field: 'title', message: { vi: 'Tên đợt kiểm tra cần từ 3 đến 300 ký tự', en: 'The title needs 3 to 300 characters' } });
  if (!isDay(plannedOn)) errors.push({ field: 'plannedOn', message: { vi: 'Hãy nhập ngày kiểm tra', en: 'Enter the inspection date' } });
  if (len(notes) > 5000) errors.push({ field: 'notes', message: { vi: 'Ghi chú dài tối đa 5000 ký tự', en: 'At most 5000 characters' } });
  if (unknown.length) errors.push({ field: 'indexGroups', message: { vi: 'Nhóm chỉ số không hợp lệ', en: 'Unknown index group' } });
  const members: Member[] = [];
  const raw = input.members;
  const lines: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' ? cleanText(raw).split('\n') : [];
  let badMember = false;
  for (const item of lines) {
    if (typeof item === 'string') {
      if (!item.trim()) continue;
      const m = memberOf(cleanText(item));
      if (!m) badMember = true;
      else members.push({ ...m, role: members.length === 0 ? 'lead' : 'member' });
    } else if (item && typeof item === 'object') {
      const o = item as { name?: unknown; title?: unknown };
      const name = cleanText(o.name);
      const t = cleanText(o.title);
      if (len(name) < 2 || len(name) > 200 || len(t) < 2 || len(t) > 300) badMember = true;
      else members.push({ name, title: t, role: members.length === 0 ? 'lead' : 'member' });
    } else badMember = true;
  }
  if (badMember)
    errors.push({
      field: 'members',
      message: { vi: 'Mỗi dòng một thành viên: Họ tên – Chức vụ', en: 'One member a line: Name – Title' },
    });
  else if (members.length === 0) errors.push({ field: 'members', message: { vi: 'Hãy ghi thành phần đoàn kiểm tra', en: 'Enter the team' } });
  else if (members.length > MAX_MEMBERS)
    errors.push({ field: 'members', message: { vi: `Tối đa ${MAX_MEMBERS} thành viên`, en: `At most ${MAX_MEMBERS} members` } });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title, plannedOn, notes: notes || null, indexGroups: [...new Set(groups)] as IndexGroup[], members } };
}

export interface FindingValues {
  /** A model code, or null when the finding is against an index group. */
  modelCode: string | null;
  indexGroup: IndexGroup | null;
  severity: Severity;
  text: string;
}

/**
 * Checks a finding: against exactly one of a model (by code) or an index group, a severity, and its text
 * (3–5000 characters). Every bad field is named.
 */
export function checkFinding(input: {
  model?: unknown;
  indexGroup?: unknown;
  severity?: unknown;
  text?: unknown;
}): { ok: true; value: FindingValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const model = cleanText(input.model);
  const groupText = cleanText(input.indexGroup);
  const group = indexGroups.find((g) => g === groupText) ?? null;
  const severity = severities.find((s) => s === cleanText(input.severity));
  const text = cleanText(input.text);
  if (groupText && !group) errors.push({ field: 'indexGroup', message: { vi: 'Nhóm chỉ số không hợp lệ', en: 'Unknown index group' } });
  else if ((model ? 1 : 0) + (group ? 1 : 0) !== 1)
    errors.push({
      field: 'model',
      message: { vi: 'Chọn một mô hình hoặc một nhóm chỉ số (không chọn cả hai)', en: 'Choose one model or one index group (not both)' },
    });
  if (!severity) errors.push({ field: 'severity', message: { vi: 'Hãy chọn mức độ', en: 'Choose the severity' } });
  if (len(text) < 3 || len(text) > 5000)
    errors.push({ field: 'text', message: { vi: 'Nội dung cần từ 3 đến 5000 ký tự', en: 'The text needs 3 to 5000 characters' } });
  if (errors.length || !severity) return { ok: false, errors };
  return { ok: true, value: { modelCode: model || null, indexGroup: group, severity, text } };
}

export interface CorrectionValues {
  action: string;
  owner: string;
  deadline: string;
  status: CorrectionStatus;
  evidence: string | null;
}

/**
 * Checks a correction: the action, its owner (a person or a section), a deadline, and the status; marking it done
 * needs the evidence (minh chứng: what was done, the document that shows it). Every bad field is named.
 */
export function checkCorrection(input: {
  action?: unknown;
  owner?: unknown;
  deadline?: unknown;
  status?: unknown;
  evidence?: unknown;
}): { ok: true; value: CorrectionValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const action = cleanText(input.action);
  const owner = cleanText(input.owner);
  const deadline = cleanText(input.deadline);
  const status = correctionStatuses.find((s) => s === (cleanText(input.status) || 'open'));
  const evidence = cleanText(input.evidence);
  if (len(action) < 3 || len(action) > 2000)
    errors.push({ field: 'action', message: { vi: 'Biện pháp khắc phục cần từ 3 đến 2000 ký tự', en: 'The action needs 3 to 2000 characters' } });
  if (len(owner) < 2 || len(owner) > 200)
    errors.push({ field: 'owner', message: { vi: 'Hãy ghi người hoặc bộ phận chịu trách nhiệm', en: 'Enter who is responsible' } });
  if (!isDay(deadline)) errors.push({ field: 'deadline', message: { vi: 'Hãy nhập hạn hoàn thành (ngày)', en: 'Enter the deadline (a date)' } });
  if (!status) errors.push({ field: 'status', message: { vi: 'Trạng thái không hợp lệ', en: 'Unknown status' } });
  if (len(evidence) > 5000) errors.push({ field: 'evidence', message: { vi: 'Minh chứng dài tối đa 5000 ký tự', en: 'At most 5000 characters' } });
  else if (status === 'done' && !evidence)
    errors.push({ field: 'evidence', message: { vi: 'Hãy ghi minh chứng khi báo đã khắc phục', en: 'Give the evidence when marking it done' } });
  if (errors.length || !status) return { ok: false, errors };
  return { ok: true, value: { action, owner, deadline, status, evidence: evidence || null } };
}

/** A finding may be closed by the inspecting body once it has corrections and every one is done. */
export function closable(corrections: { status: CorrectionStatus }[]): boolean {
  return corrections.length > 0 && corrections.every((c) => c.status === 'done');
}

/** Whether `inspecting` lies strictly above `inspected` in the unit tree (paths like '/1/5/'). */
export function isAbove(inspectingPath: string, inspectedPath: string): boolean {
  return inspectedPath.startsWith(inspectingPath) && inspectedPath !== inspectingPath;
}
