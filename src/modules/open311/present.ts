/**
 * Rows → Open311 objects, as explicit field lists. GET requests and servicerequestupdates are public: they never
 * carry the sender's contact, and what the sender wrote (description, address, exact place, photos) appears only once
 * an official has published the item, as the official's public text (docs/open311.md, STANDARDS §7).
 */
import { type CategoryRow, type FeedbackStatus, feedbackStatuses, fixMyStreetState, open311Status } from '../feedback/index.ts';
import type { RequestRow, UpdateRow } from './queries.ts';
import { open311Date, roundCoordinate } from './rules/params.ts';

/** GET services: one category (lĩnh vực phản ánh) as an Open311 service. */
export function presentService(c: CategoryRow) {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description ?? c.name,
    metadata: false,
    type: 'realtime',
    keywords: c.keywords ?? '',
    group: c.group_name ?? '',
  };
}

/** GET services/{code}: our categories define no extra attributes (metadata false), so the list is empty. */
export function presentServiceDefinition(c: CategoryRow) {
  return { service_code: c.code, attributes: [] as never[] };
}

function firstMediaUrl(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return null;
}

/** GET requests: one item. */
export function presentRequest(r: RequestRow) {
  const published = r.published;
  // Coordinates a sender gave an Open311 app are public there by design; others only once published. Either way
  // rounded to about 110 m: where the matter is, not whose door.
  const showPlace = published || r.channel === 'open311';
  return {
    service_request_id: r.code,
    status: open311Status(r.status),
    status_notes: published ? r.answer : null,
    service_name: r.service_name,
    service_code: r.service_code,
    description: published ? r.public_summary : null,
    agency_responsible: r.unit_name,
    service_notice: null,
    requested_datetime: open311Date(r.received_at),
    updated_datetime: open311Date(r.updated_at),
    expected_datetime: open311Date(r.answer_due_at),
    address: published ? r.address : null,
    lat: showPlace ? roundCoordinate(r.lat) : null,
    long: showPlace ? roundCoordinate(r.lng) : null,
    media_url: published ? firstMediaUrl(r.media_url) : null,
  };
}

/** The answer to POST requests: the id at once (no token needed; GET tokens/{id} answers the same id). */
export function presentCreated(code: string, notice: string) {
  return { service_request_id: code, service_notice: notice };
}

/** GET tokens/{token}: the token is the id. */
export function presentToken(code: string) {
  return { service_request_id: code, token: code };
}

const isStatus = (s: string): s is FeedbackStatus => (feedbackStatuses as readonly string[]).includes(s);

/**
 * servicerequestupdates (FixMyStreet's extension): one public event. `withText`: the caller's key sent the item, or
 * the item is published; otherwise the text is left out (it was written to the sender).
 */
export function presentUpdate(u: UpdateRow, withText: boolean) {
  return {
    update_id: String(u.id),
    service_request_id: u.code,
    status: isStatus(u.status) ? fixMyStreetState(u.status) : 'OPEN',
    updated_datetime: open311Date(u.at),
    description: withText || u.published ? (u.text ?? '') : '',
    media_url: null,
  };
}

/** Open311 service discovery (discovery.{xml,json}). */
export function presentDiscovery(publicUrl: string, production: boolean, changeset: string) {
  return {
    changeset,
    contact: `Gần Dân — ${publicUrl}/open311 (Tổng đài 1022 / quản trị hệ thống của tỉnh)`,
    key_service: 'Khóa API do quản trị hệ thống cấp: npm run cli -- api-key:create --scope open311 (API keys are issued by the system administrator)',
    max_requests: 1000,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${publicUrl}/open311/v2`,
        changeset,
        type: production ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
