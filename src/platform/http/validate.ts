import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from 'typebox';
import type { FieldError } from '../errors.ts';
import { describeSchemaErrors, type SchemaError } from './validation.ts';

// The same options Fastify uses for API routes, so a form and the API accept the same input.
const ajv = new Ajv({ verbose: true, allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true, strict: false });
(addFormats as unknown as { default?: (a: Ajv) => void }).default?.(ajv) ?? (addFormats as unknown as (a: Ajv) => void)(ajv);

const cache = new WeakMap<object, ReturnType<Ajv['compile']>>();

/**
 * Validates (and coerces, in place) form or import input against a TypeBox schema.
 * Returns the typed value, or field errors in Vietnamese and English.
 */
export function validate<S extends TSchema>(schema: S, data: unknown): { ok: true; value: Static<S> } | { ok: false; errors: FieldError[] } {
  let check = cache.get(schema);
  if (!check) {
    check = ajv.compile(schema as object);
    cache.set(schema, check);
  }
  if (check(data)) return { ok: true, value: data as Static<S> };
  return { ok: false, errors: describeSchemaErrors((check.errors ?? []) as SchemaError[], 'body') };
}

/** Turns empty strings from HTML forms into absent values, and trims the rest. */
export function cleanForm(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') {
      const t = v.trim().normalize('NFC');
      if (t !== '') out[k] = t;
    } else if (Array.isArray(v)) {
      out[k] = v.map((x) => (typeof x === 'string' ? x.trim().normalize('NFC') : x)).filter((x) => x !== '');
    } else out[k] = v;
  }
  return out;
}
