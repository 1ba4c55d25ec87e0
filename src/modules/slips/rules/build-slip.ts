import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  type AdministrativeDocument,
  administrativeDocument,
  borderedTable,
  checkbox,
  type DateInput,
  field,
  paragraph,
  vnIsoDate,
} from '../../../platform/documents/index.ts';
import type { SlipBlock, SlipTemplateDefinition } from './definition.ts';
import { fillPlaceholders, lookup, present, type Scope } from './placeholders.ts';
import type { SlipData } from './slip-data.ts';

function listAt(scope: Scope, path: string): unknown[] {
  const v = lookup(scope, path);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new TypeError(`{{${path}}} is not a list`);
  return v;
}

function blockContent(block: SlipBlock, scope: Scope): Content[] {
  if (block.when && !present(scope, block.when)) return [];
  if (block.unless && present(scope, block.unless)) return [];
  const fill = (text: string, s: Scope = scope) => fillPlaceholders(text, s);
  switch (block.type) {
    case 'paragraph':
      return [paragraph(fill(block.text), { indent: block.indent ?? false, bold: block.bold, italics: block.italics, alignment: block.align })];
    case 'fields':
      return block.rows.filter((r) => !r.when || present(scope, r.when)).map((r) => field(fill(r.label), fill(r.value), { boldValue: r.bold }));
    case 'list': {
      const items = listAt(scope, block.source);
      const out: Content[] = block.title ? [paragraph(fill(block.title), { indent: false })] : [];
      items.forEach((item, i) => {
        const text = fill(block.item, { ...scope, item, index: i + 1 });
        out.push({ text: block.numbered ? `${i + 1}. ${text}` : `- ${text}`, margin: [20, 1, 0, 1] });
      });
      return out;
    }
    case 'table': {
      const items = listAt(scope, block.source);
      const rows = items.map((item, i) => block.columns.map((c) => fill(c.value, { ...scope, item, index: i + 1 })));
      if (rows.length === 0 && block.empty) rows.push([fill(block.empty), ...block.columns.slice(1).map(() => '')]);
      const out: Content[] = block.title ? [paragraph(fill(block.title), { indent: false })] : [];
      out.push(
        borderedTable({
          headers: block.columns.map((c) => fill(c.header)),
          rows,
          widths: block.columns.map((c) => c.width ?? '*'),
          alignments: block.columns.map((c) => c.align ?? 'left'),
          fontSize: block.fontSize,
          numberRow: block.numberRow,
        }),
      );
      return out;
    }
    case 'checkboxes': {
      const selected = lookup(scope, block.source);
      const out: Content[] = block.title ? [paragraph(fill(block.title), { indent: false })] : [];
      const boxes = block.options.map((o) => checkbox(selected === o.value, fill(o.label)));
      out.push({ stack: boxes, margin: [20, 0, 0, 0] });
      return out;
    }
  }
}

export interface BuildOptions {
  /** The rendering date: picks nothing here, but is the default date of the slip and `{{on}}`. */
  on: DateInput;
  /** PNG data URL of the tracking QR code (made by the caller: building stays free of I/O). */
  qrImage?: string;
}

/** The administrative document of a slip: the template's blocks filled from `scope`. */
export function slipDocument(
  def: SlipTemplateDefinition,
  scope: Scope,
  unit: SlipData['unit'],
  opts: BuildOptions & { number?: string; date?: DateInput },
): AdministrativeDocument {
  const fill = (t: string) => fillPlaceholders(t, scope);
  const doc: AdministrativeDocument = {
    superiorBody: unit.superiorName,
    issuer: unit.name,
    number: opts.number,
    place: unit.placeName,
    date: opts.date ?? opts.on,
    documentType: fill(def.documentType),
    summary: def.summary ? fill(def.summary) : undefined,
    subtitle: def.subtitle?.map(fill),
    body: def.body.flatMap((b) => blockContent(b, scope)),
    signatures: def.signatures.map((s) => ({
      title: fill(s.title),
      authority: s.authority ? fill(s.authority) : undefined,
      note: s.note ? fill(s.note) : undefined,
      name: s.name ? fill(s.name) : undefined,
    })),
    recipients: def.recipients?.map(fill),
    orientation: def.orientation,
  };
  if (def.qr) {
    if (!opts.qrImage) throw new Error('this slip carries a QR code: pass qrImage');
    doc.qr = { image: opts.qrImage, caption: fill(def.qr.caption), placement: def.qr.placement };
  }
  return doc;
}

/** The scope placeholders of a slip see: the data itself, `on` and the desk name defaulting to the unit. */
export function slipScope(data: SlipData, on: DateInput): Scope {
  return { ...data, unit: { ...data.unit, deskName: data.unit.deskName ?? data.unit.name }, on: vnIsoDate(on) };
}

/** Pure: a slip's pdfmake definition from its template and data. */
export function buildSlip(def: SlipTemplateDefinition, data: SlipData, opts: BuildOptions): TDocumentDefinitions {
  const scope = slipScope(data, opts.on);
  return administrativeDocument(slipDocument(def, scope, data.unit, { ...opts, number: data.documentNumber, date: data.issuedAt }));
}
