/** Feedback rows → the staff JSON, as explicit field lists (the sender's contact is never among them). */
import type { Static } from 'typebox';
import type { StaffAction } from './handling.ts';
import { publishableStatuses } from './handling.ts';
import type { AttachmentMeta, EventRow, HandlingRow, ListRow } from './handling-queries.ts';
import { allowedActions, isFeedbackLate } from './rules/lifecycle.ts';
import type { StaffEvent, StaffItem, StaffListItem } from './staff-schema.ts';

export const STAFF_BASE = '/quan-tri/phan-anh';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
const isoOf = (v: Date | string): string => new Date(v).toISOString();

export function excerptOf(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return [...t].length > max ? `${[...t].slice(0, max - 1).join('')}…` : t;
}

/** The actions an item offers an official now: the lifecycle's, plus publication once answered. */
export function staffActionsFor(item: Pick<HandlingRow, 'status' | 'published'>): StaffAction[] {
  const list: StaffAction[] = allowedActions(item.status) as StaffAction[];
  if (publishableStatuses.includes(item.status)) list.push('publish');
  if (item.published) list.push('unpublish');
  return list;
}

export function presentListItem(r: ListRow, now: Date): Static<typeof StaffListItem> {
  return {
    code: r.code,
    channel: r.channel,
    kind: r.kind,
    category: r.category_name,
    unit: { code: r.unit_code, name: r.unit_name },
    title: r.title,
    excerpt: excerptOf(r.description),
    status: r.status,
    receivedAt: isoOf(r.received_at),
    answerDueAt: isoOf(r.answer_due_at),
    late: isFeedbackLate({ status: r.status, answerDueAt: new Date(r.answer_due_at) }, now),
    escalated: r.escalated_at !== null,
    published: r.published,
    assignee: r.assignee_name,
  };
}

export function presentEvent(e: EventRow): Static<typeof StaffEvent> {
  return {
    at: isoOf(e.at),
    kind: e.kind,
    status: e.status,
    public: e.public,
    actor: e.actor_name,
    fromUnit: e.from_unit_name,
    toUnit: e.to_unit_name,
    note: e.note,
    publicText: e.public_text,
  };
}

export function presentStaffItem(f: HandlingRow, events: EventRow[], attachments: AttachmentMeta[], now: Date): Static<typeof StaffItem> {
  return {
    code: f.code,
    version: f.version,
    channel: f.channel,
    kind: f.kind,
    category: f.category_code && f.category_name ? { code: f.category_code, name: f.category_name } : null,
    unit: { code: f.unit_code, name: f.unit_name },
    title: f.title,
    description: f.description,
    place: {
      unit: f.place_code && f.place_name ? { code: f.place_code, name: f.place_name } : null,
      address: f.address,
      lat: f.lat,
      lng: f.lng,
    },
    status: f.status,
    assignee: f.assignee_name,
    mergedInto: f.merged_into_code,
    rejectReason: f.reject_reason,
    answer: f.answer,
    answeredAt: iso(f.answered_at),
    receivedAt: isoOf(f.received_at),
    classifyDueAt: isoOf(f.classify_due_at),
    answerDueAt: isoOf(f.answer_due_at),
    late: isFeedbackLate({ status: f.status, answerDueAt: new Date(f.answer_due_at) }, now),
    warnedAt: iso(f.warned_at),
    escalatedAt: iso(f.escalated_at),
    escalatedTo: f.escalated_to_name,
    rating: f.rating,
    reopenCount: f.reopen_count,
    published: f.published,
    publicTitle: f.public_title,
    publicSummary: f.public_summary,
    publishedAt: iso(f.published_at),
    hasContact: f.has_contact,
    attachments: attachments.map((a) => ({
      id: Number(a.id),
      name: a.name,
      mime: a.mime,
      size: a.size,
      url: `${STAFF_BASE}/${f.code}/tep/${a.id}`,
    })),
    events: events.map(presentEvent),
    allowedActions: staffActionsFor(f),
  };
}
