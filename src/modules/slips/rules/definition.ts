import type { QrPlacement } from '../../../platform/documents/index.ts';

/**
 * A slip template as stored in slip_templates.definition (JSON). Text may hold {{placeholders}} (see
 * placeholders.ts) resolved against the SlipData, plus `on` (the rendering date), and inside lists and tables
 * `item` and `index` (from 1). A block with `when` (`unless`) is printed only when that path holds (does not hold) a value.
 */
export interface SlipTemplateDefinition {
  /** "Mẫu số 01", printed nowhere but kept for people reading the data. */
  form: string;
  orientation?: 'portrait' | 'landscape';
  documentType: string;
  summary?: string;
  subtitle?: string[];
  body: SlipBlock[];
  signatures: { title: string; authority?: string; note?: string; name?: string }[];
  recipients?: string[];
  /** The tracking QR code; null for documents about no single dossier (the register book). */
  qr: { caption: string; placement?: QrPlacement } | null;
}

interface Conditional {
  /** Printed only when this path holds a value. */
  when?: string;
  /** Printed only when this path holds no value. */
  unless?: string;
}

export type SlipBlock =
  | (Conditional & { type: 'paragraph'; text: string; indent?: boolean; bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'justify' | 'right' })
  | (Conditional & { type: 'fields'; rows: { label: string; value: string; bold?: boolean; when?: string }[] })
  | (Conditional & { type: 'list'; title?: string; source: string; item: string; numbered?: boolean })
  | (Conditional & {
      type: 'table';
      title?: string;
      source: string;
      columns: { header: string; value: string; width?: number | '*' | 'auto'; align?: 'left' | 'center' | 'right' }[];
      numberRow?: boolean;
      fontSize?: number;
      /** Text of the single row printed when the list is empty. */
      empty?: string;
    })
  | (Conditional & { type: 'checkboxes'; title?: string; source: string; options: { value: string; label: string }[] });

const BLOCK_TYPES = new Set(['paragraph', 'fields', 'list', 'table', 'checkboxes']);

/** Structural check of a definition read from the database; throws naming the first fault. */
export function assertDefinition(def: unknown, label: string): asserts def is SlipTemplateDefinition {
  const fail = (why: string) => {
    throw new Error(`slip template ${label}: ${why}`);
  };
  if (!def || typeof def !== 'object') fail('definition is not an object');
  const d = def as Record<string, unknown>;
  if (typeof d.documentType !== 'string') fail('documentType must be text');
  if (!Array.isArray(d.body)) fail('body must be a list');
  if (!Array.isArray(d.signatures) || d.signatures.length > 2) fail('signatures must be a list of at most two');
  for (const [i, b] of (d.body as unknown[]).entries()) {
    const type = (b as { type?: unknown })?.type;
    if (typeof type !== 'string' || !BLOCK_TYPES.has(type)) fail(`body[${i}] has unknown type ${String(type)}`);
  }
}
