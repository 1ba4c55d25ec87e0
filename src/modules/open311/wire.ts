/**
 * Open311 answers on the wire (STANDARDS §8): XML (required by the spec; FixMyStreet reads nothing else) and JSON.
 * JSON top levels are arrays (discovery is one object); XML wraps each list in its plural root element with one child
 * element per item, arrays inside an item in a group element (endpoints/endpoint, attributes/attribute …).
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Open311Format, Open311Problem } from './rules/params.ts';

/** The element of one member of each group in XML. */
const groupChild: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false });

/** Characters XML 1.0 does not allow, even escaped (control characters but tab, line feed and carriage return; lone surrogates; U+FFFE/F). */
const XML_ILLEGAL = /(?![\t\n\r])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu;

function toXml(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.replace(XML_ILLEGAL, '');
  if (Array.isArray(value)) return { [groupChild[key] ?? 'item']: value.map((v) => toXml(v, groupChild[key] ?? 'item')) };
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toXml(v, k);
    return out;
  }
  return String(value);
}

export interface Wire {
  status: number;
  contentType: string;
  body: string;
}

const XML_TYPE = 'application/xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

function xmlDocument(root: string, content: unknown): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: content });
}

/** A list: `<root><item>…</item>…</root>` or a JSON array. */
export function listOut(format: Open311Format, root: string, item: string, items: readonly object[], status = 200): Wire {
  if (format === 'json') return { status, contentType: JSON_TYPE, body: JSON.stringify(items) };
  const content = items.length ? { [item]: items.map((i) => toXml(i, item)) } : '';
  return { status, contentType: XML_TYPE, body: xmlDocument(root, content) };
}

/** One object: `<root>…</root>` or a JSON object (discovery, a service definition). */
export function objectOut(format: Open311Format, root: string, value: object): Wire {
  if (format === 'json') return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(value) };
  return { status: 200, contentType: XML_TYPE, body: xmlDocument(root, toXml(value, root)) };
}

/**
 * The spec's error list: `<errors><error><code>400</code><description>…</description></error></errors>` or
 * `[{"code":400,"description":"…"}]`. The answer's status is 404 when a resource is unknown, 403 for a bad or missing
 * key, else 400; each error's code is its own status.
 */
export function errorsOut(format: Open311Format, problems: readonly Open311Problem[], lang: Lang): Wire {
  const status = problems.some((p) => p.status === 404) ? 404 : problems.some((p) => p.status === 403) ? 403 : 400;
  const items = problems.map((p) => ({ code: p.status, description: p.param ? `${p.param}: ${p.message[lang]}` : p.message[lang] }));
  return listOut(format, 'errors', 'error', items, status);
}
