/** Factories and PDF readers for the QR guide-sheet tests. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import type { System } from '../../src/compose.ts';
import { createProcedure, type ProcedureSpec, publishDraft } from '../../src/modules/procedures/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { savePdf } from '../pdf.ts';

type JsQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as JsQr;

let counter = 0;

export interface GuideProcedureOptions {
  name: string;
  field: string;
  days?: number;
  fees?: ProcedureSpec['fees'];
  /** Publish from this date (default 2025-07-01); null leaves a draft. */
  publishFrom?: string | null;
  /** Units that carry it out (unit_procedures). */
  units?: UnitRow[];
}

/** Makes a procedure with its first version (published unless told otherwise), carried out by `units`; returns its code. */
export async function makeGuideProcedure(sys: System, o: GuideProcedureOptions): Promise<string> {
  const code = `8.${String(process.pid % 1000).padStart(3, '0')}${String(counter++).padStart(3, '0')}`;
  const spec: ProcedureSpec = {
    code,
    name: o.name,
    field: o.field,
    level: 'commune',
    unitTypes: ['commune', 'ward'],
    agency: null,
    timeLimit: { value: o.days ?? 3, unit: 'working_days', note: null },
    cutoffHour: null,
    fees: o.fees ?? [],
    documents: [{ name: 'Tờ khai', copies: 1, kind: 'original', formTemplate: null }],
    steps: [],
    legalBasis: [],
    result: null,
    onlineLevel: 'full',
    sameDayEligible: false,
    unverified: [],
  };
  await inTransaction(sys.platform.db, async (tx) => {
    const draft = await createProcedure(tx, systemActor('test'), spec);
    const publishFrom = o.publishFrom === undefined ? '2025-07-01' : o.publishFrom;
    if (publishFrom) await publishDraft(tx, systemActor('test'), { id: draft.procedure_id, code, created_at: new Date() }, publishFrom);
    for (const u of o.units ?? []) {
      await tx.execute(sql`INSERT INTO unit_procedures (unit_id, procedure_id) VALUES (${u.id}, ${draft.procedure_id}) ON CONFLICT DO NOTHING`);
    }
  });
  return code;
}

/** Text of each page of a PDF (pdftotext's form feeds split the pages), spaces collapsed. */
export function pdfPages(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', savePdf(pdf), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

/**
 * Every QR code on one page of a PDF, read at 300 dpi. jsQR reads one code per image and is confused by several,
 * so the page is cut first: cells of 8 × 8 px whose 3 × 3 neighbourhood is more than a third dark (QR codes are
 * about half dark, text and table lines far less) are joined into regions, and each square-ish region is read alone.
 */
export function decodeAllQrs(pdf: Buffer, page = 1): string[] {
  const file = savePdf(pdf);
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  const { width, height, data } = png;
  const C = 8;
  const gw = Math.floor(width / C);
  const gh = Math.floor(height / C);
  const dark = new Float32Array(gw * gh);
  for (let gy = 0; gy < gh; gy++)
    for (let gx = 0; gx < gw; gx++) {
      let n = 0;
      for (let y = gy * C; y < gy * C + C; y++) for (let x = gx * C; x < gx * C + C; x++) if ((data[(y * width + x) * 4] as number) < 128) n++;
      dark[gy * gw + gx] = n / (C * C);
    }
  const dense = new Uint8Array(gw * gh);
  for (let gy = 1; gy < gh - 1; gy++)
    for (let gx = 1; gx < gw - 1; gx++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += dark[(gy + dy) * gw + gx + dx] as number;
      dense[gy * gw + gx] = sum / 9 > 0.33 ? 1 : 0;
    }
  const seen = new Uint8Array(gw * gh);
  const found: string[] = [];
  for (let start = 0; start < gw * gh; start++) {
    if (!dense[start] || seen[start]) continue;
    let [x0, y0, x1, y1] = [gw, gh, 0, 0];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop() as number;
      const [x, y] = [i % gw, Math.floor(i / gw)];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      for (const j of [i - 1, i + 1, i - gw, i + gw]) {
        if (j < 0 || j >= gw * gh || !dense[j] || seen[j]) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    const [w, h] = [x1 - x0 + 1, y1 - y0 + 1];
    if (w < 8 || h < 8 || w > h * 1.5 || h > w * 1.5) continue;
    const pad = 4;
    const [px, py] = [Math.max(0, (x0 - pad) * C), Math.max(0, (y0 - pad) * C)];
    const [cw, ch] = [Math.min(width - px, (w + 2 * pad) * C), Math.min(height - py, (h + 2 * pad) * C)];
    const crop = new Uint8ClampedArray(cw * ch * 4);
    for (let y = 0; y < ch; y++) crop.set(data.subarray(((py + y) * width + px) * 4, ((py + y) * width + px + cw) * 4), y * cw * 4);
    const code = jsQR(crop, cw, ch, { inversionAttempts: 'dontInvert' });
    if (code) found.push(code.data);
  }
  return found;
}
