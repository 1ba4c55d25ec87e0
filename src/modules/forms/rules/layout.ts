/**
 * A declaration as a pdfmake document (pure: data in, definition out). The page follows the official forms of
 * Thông tư 04/2020/TT-BTP: the national title and motto centred at the top, the form's title in bold capitals,
 * one line per box with the value written on a dotted leader (left dotted when empty, so the form can still be
 * completed by hand), the attestation, the place-and-date line and the signature block(s) on the right.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { ADMINISTRATIVE_MARGINS, nfc, upper } from '../../../platform/documents/index.ts';
import type { FormField, FormTemplate, LayoutBlock, LinePart, SignatureSpec } from './template.ts';
import { type FormValues, fieldsByKey, shortDate } from './values.ts';
import { dateInWords } from './words.ts';

const SIZE = 13;
const SMALL = 11;
const DOTS = { length: 0.7, space: 2.2 };
/** Width of a box that takes less than a full share of its line (grow < 1), per unit of grow. */
const FIXED_BOX = 170;

interface Ctx {
  values: FormValues;
  fields: Map<string, FormField>;
}

/** The printed text of a box ('' when empty). */
export function printedValue(field: FormField | undefined, raw: string | undefined, opts: { words?: boolean } = {}): string {
  if (!raw) return '';
  if (!field) return nfc(raw);
  if (field.type === 'date') return opts.words ? dateInWords(raw) : shortDate(raw);
  if (field.type === 'select') return nfc(field.options?.find((o) => o.value === raw)?.label ?? raw);
  if (field.type === 'checkbox') return raw === 'true' ? 'Có' : '';
  return nfc(raw);
}

/** A box: its value on a dotted leader that runs to the box's right edge. */
function leader(text: string, extra: object = {}): Content {
  return {
    table: { widths: ['*'], body: [[{ text: text || ' ', fontSize: SIZE }]] },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : 0),
      vLineWidth: () => 0,
      hLineStyle: () => ({ dash: DOTS }),
      paddingLeft: () => 2,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    ...extra,
  } as Content;
}

function tickBox(checked: boolean): Content {
  const box = 9;
  const canvas: object[] = [{ type: 'rect', x: 0, y: 3, w: box, h: box, lineWidth: 0.7 }];
  if (checked) {
    canvas.push({ type: 'line', x1: 1.5, y1: 4.5, x2: box - 1.5, y2: box + 1.5, lineWidth: 1 });
    canvas.push({ type: 'line', x1: box - 1.5, y1: 4.5, x2: 1.5, y2: box + 1.5, lineWidth: 1 });
  }
  return { width: box + 8, canvas, margin: [6, 0, 0, 0] } as Content;
}

function partColumns(part: LinePart, c: Ctx): Content[] {
  // Words keep to one line (noWrap): the box beside them takes what is left and wraps a long value inside itself.
  if (typeof part === 'string') return [{ width: 'auto', text: nfc(part), noWrap: true, preserveLeadingSpaces: true } as Content];
  if ('tick' in part)
    return [tickBox(c.values[part.tick] === part.equals), { width: 'auto', text: nfc(part.label), noWrap: true, margin: [0, 0, 10, 0] } as Content];
  const text = printedValue(c.fields.get(part.field), c.values[part.field], { words: part.words });
  const grow = part.grow ?? 1;
  return [leader(text, { width: grow >= 1 ? '*' : Math.round(FIXED_BOX * grow) })];
}

function lineBlock(parts: LinePart[], c: Ctx): Content {
  // A line of words only (no box) is plain text.
  if (parts.every((p) => typeof p === 'string')) return { text: nfc(parts.join('')), margin: [0, 2, 0, 2] };
  return { columns: parts.flatMap((p) => partColumns(p, c)), columnGap: 1, margin: [0, 2, 0, 2] } as Content;
}

function block(b: LayoutBlock, c: Ctx): Content {
  switch (b.kind) {
    case 'line':
      return lineBlock(b.parts, c);
    case 'lines': {
      const text = printedValue(c.fields.get(b.field), c.values[b.field]);
      const rows: Content[] = [lineBlock([b.label, { field: b.field }], c)];
      if (!text) for (let i = 1; i < b.count; i++) rows.push(leader('', { margin: [0, 2, 0, 2] }));
      return { stack: rows };
    }
    case 'text':
      return { text: nfc(b.text), italics: b.italics ?? false, bold: b.bold ?? false, alignment: b.align ?? 'left', margin: [0, 4, 0, 2] };
    case 'space':
      return { text: '', margin: [0, b.points, 0, 0] };
    case 'table': {
      const head = b.headers.map((h) => ({ text: nfc(h), bold: true, alignment: 'center' as const }));
      const body = b.rows.map((r) => [
        { text: nfc(r.label) },
        ...r.fields.map((f) => ({ text: printedValue(c.fields.get(f), c.values[f]) || ' ', minHeight: 20 }) as Content),
      ]);
      return {
        table: { headerRows: 1, widths: ['28%', '36%', '36%'], body: [head, ...body], dontBreakRows: true },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 4, paddingBottom: () => 4, paddingLeft: () => 4, paddingRight: () => 4 },
        margin: [0, 6, 0, 6],
      } as Content;
    }
  }
}

function header(title: string): Content[] {
  return [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 13, alignment: 'center' },
    { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 14, alignment: 'center', decoration: 'underline' },
    { text: upper(title), bold: true, fontSize: 14, alignment: 'center', margin: [0, 18, 0, 10] },
  ];
}

/** "Làm tại: Cao Lãnh, ngày 15 tháng 3 năm 2026", with dots for what is not known. */
export function placeDateLine(prefix: string, place: string | undefined, isoDate: string | undefined): string {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) : null;
  const day = m ? m[3] : '……';
  // Nghị định 30/2020: a leading zero for months 1 and 2 only.
  const month = m ? (Number(m[2]) <= 2 ? m[2] : String(Number(m[2]))) : '……';
  const year = m ? m[1] : '………';
  return nfc(`${prefix}${place || '…………………'}, ngày ${day} tháng ${month} năm ${year}`);
}

function signatureStack(s: SignatureSpec, c: Ctx): Content {
  const name = s.nameField ? printedValue(c.fields.get(s.nameField), c.values[s.nameField]) : '';
  return {
    stack: [
      { text: upper(s.title), bold: true },
      { text: nfc(s.note), italics: true, fontSize: SMALL },
      // Room for the hand signature.
      { text: ' ', margin: [0, 0, 0, 46] },
      { text: name || ' ', bold: true },
    ],
    alignment: 'center',
  };
}

function closing(t: FormTemplate, c: Ctx): Content[] {
  const dateLine = { text: placeDateLine(t.placePrefix, c.values[t.placeField], c.values[t.dateField]), italics: true, alignment: 'center' as const };
  if (t.signatures.length >= 2) {
    return [
      {
        columns: [
          { width: '40%', text: '' },
          { width: '60%', ...dateLine },
        ],
        margin: [0, 10, 0, 4],
      },
      { columns: t.signatures.map((s) => signatureStack(s, c)), columnGap: 16, unbreakable: true },
    ] as Content[];
  }
  const [only] = t.signatures;
  return [
    {
      columns: [
        { width: '40%', text: '' },
        { width: '60%', stack: [dateLine, ...(only ? [signatureStack(only, c)] : [])] },
      ],
      margin: [0, 10, 0, 0],
      unbreakable: true,
    } as Content,
  ];
}

/** The pdfmake definition of one filled declaration (A4, Liberation Serif 13 pt, NĐ 30/2020 margins). */
export function declarationDocument(t: FormTemplate, values: FormValues): TDocumentDefinitions {
  const c: Ctx = { values, fields: fieldsByKey([t]) };
  const content: Content[] = [...header(t.title), ...t.layout.map((b) => block(b, c)), ...closing(t, c)];
  if (t.footnotes?.length) {
    content.push({ stack: t.footnotes.map((n) => ({ text: nfc(n), fontSize: 9, italics: true })), margin: [0, 14, 0, 0] });
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: ADMINISTRATIVE_MARGINS,
    defaultStyle: { fontSize: SIZE, lineHeight: 1.1 },
    info: { title: nfc(t.name) },
    content,
    footer: (page: number, pages: number) => ({
      text: nfc(`${t.name} · ${t.legalBasis}${pages > 1 ? ` · Trang ${page}/${pages}` : ''}`),
      fontSize: 7,
      color: '#555555',
      margin: [ADMINISTRATIVE_MARGINS[0], 6, ADMINISTRATIVE_MARGINS[2], 0],
    }),
  };
}
