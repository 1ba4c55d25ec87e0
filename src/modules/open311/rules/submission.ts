/**
 * What a POST requests.{fmt} carries (Open311 GeoReport v2, STANDARDS §8), read into the fields every feedback
 * channel hands in. Pure: no I/O.
 *
 * The spec's fields: service_code; one location (lat + long, address_string or address_id); email, first_name,
 * last_name, phone; description (≤ 4,000 characters); media_url; attribute[code]; device_id, account_id. FixMyStreet
 * sends exactly these, with its problem's title, detail and URL in `description`.
 */
import { type Open311Problem, param } from './params.ts';

/** The fields of the feedback intake (see the feedback module's FeedbackInput) an Open311 request fills. */
export interface SubmissionInput {
  category: string | undefined;
  title: string | undefined;
  description: string | undefined;
  address: string | undefined;
  lat: string | undefined;
  lng: string | undefined;
  name: string | undefined;
  phone: string | undefined;
  email: string | undefined;
}

export interface Submission {
  apiKey: string | undefined;
  jurisdiction: string | undefined;
  input: SubmissionInput;
  /** Kept as sent on the item (feedback.extra): media_url, attribute[…], address_id, device_id, account_id. */
  extra: Record<string, unknown>;
}

export const MAX_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_LENGTH = 1000;
export const MAX_MEDIA_URLS = 10;
export const MAX_URL_LENGTH = 2000;

const bad = (p: string, vi: string, en: string): Open311Problem => ({ status: 400, param: p, message: { vi, en } });

/** The intake's field names as the Open311 client knows them, to name a bad field in its own words. */
export const open311FieldOf: Record<string, string> = {
  category: 'service_code',
  description: 'description',
  title: 'attribute[title]',
  address: 'address_string',
  lat: 'lat',
  lng: 'long',
  name: 'first_name',
  phone: 'phone',
  email: 'email',
};

/** The attribute[code] pairs of a form body (`attribute[code]=v`, or a parser's nested `attribute: {code: v}`). */
function attributesOf(body: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]{1,100})\](?:\[\])?$/.exec(k);
    if (m?.[1]) out.push([m[1], v]);
  }
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) for (const [k, v] of Object.entries(nested)) out.push([k, v]);
  return out;
}

const textOf = (v: unknown): string | string[] | null =>
  typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;

/**
 * Reads a POST requests body. Problems are the ones only Open311 has (no service_code, no location, a bad media_url,
 * too many attributes); the feedback rules check the rest.
 */
export function readSubmission(body: Record<string, unknown>): { ok: true; value: Submission } | { ok: false; problems: Open311Problem[] } {
  const problems: Open311Problem[] = [];
  const serviceCode = param(body, 'service_code');
  if (!serviceCode) problems.push(bad('service_code', 'Thiếu service_code (lĩnh vực phản ánh)', 'service_code is required'));

  const lat = param(body, 'lat');
  const lng = param(body, 'long');
  const addressString = param(body, 'address_string');
  const addressId = param(body, 'address_id');
  if (!(lat || lng) && !addressString && !addressId) {
    problems.push(
      bad('lat', 'Cần vị trí: lat và long, hoặc address_string, hoặc address_id', 'A location is required: lat and long, address_string or address_id'),
    );
  }

  const extra: Record<string, unknown> = {};
  const media = body.media_url;
  const mediaList = (typeof media === 'string' ? [media] : Array.isArray(media) ? media : [])
    .map((m) => (typeof m === 'string' ? m.trim() : ''))
    .filter(Boolean);
  if (mediaList.length > MAX_MEDIA_URLS) {
    problems.push(bad('media_url', `Tối đa ${MAX_MEDIA_URLS} media_url`, `At most ${MAX_MEDIA_URLS} media_url values`));
  } else if (mediaList.some((u) => u.length > MAX_URL_LENGTH || !/^https?:\/\/[^\s]+$/i.test(u))) {
    problems.push(bad('media_url', 'media_url phải là địa chỉ http(s)', 'media_url must be an http(s) URL'));
  } else if (mediaList.length) {
    extra.media_url = mediaList.length === 1 ? mediaList[0] : mediaList;
  }

  const attributes: Record<string, string | string[]> = {};
  const pairs = attributesOf(body);
  if (pairs.length > MAX_ATTRIBUTES) problems.push(bad('attribute', `Tối đa ${MAX_ATTRIBUTES} thuộc tính`, `At most ${MAX_ATTRIBUTES} attributes`));
  for (const [code, raw] of pairs.slice(0, MAX_ATTRIBUTES)) {
    const v = textOf(raw);
    if (v === null) continue;
    if ([v].flat().some((s) => [...s].length > MAX_ATTRIBUTE_LENGTH)) {
      problems.push(bad(`attribute[${code}]`, `Giá trị dài tối đa ${MAX_ATTRIBUTE_LENGTH} ký tự`, `A value may be at most ${MAX_ATTRIBUTE_LENGTH} characters`));
      continue;
    }
    attributes[code.normalize('NFC')] = Array.isArray(v) ? v.map((s) => s.normalize('NFC')) : v.normalize('NFC');
  }
  if (Object.keys(attributes).length) extra.attributes = attributes;
  for (const k of ['address_id', 'device_id', 'account_id'] as const) {
    const v = param(body, k);
    if (v !== undefined) {
      if (v.length > 254) problems.push(bad(k, `${k} dài tối đa 254 ký tự`, `${k} may be at most 254 characters`));
      else extra[k] = v;
    }
  }
  if (problems.length) return { ok: false, problems };

  const first = param(body, 'first_name');
  const last = param(body, 'last_name');
  const name = [first, last].filter(Boolean).join(' ') || undefined;
  const title = typeof attributes.title === 'string' ? attributes.title : undefined;
  return {
    ok: true,
    value: {
      apiKey: param(body, 'api_key'),
      jurisdiction: param(body, 'jurisdiction_id')?.toLowerCase(),
      input: {
        category: serviceCode,
        title,
        description: param(body, 'description'),
        address: addressString,
        lat,
        lng,
        name,
        phone: param(body, 'phone'),
        email: param(body, 'email'),
      },
      extra,
    },
  };
}
