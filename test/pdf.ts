/** Reading generated PDFs back in tests: text with pdftotext, page facts with pdfinfo, the QR code with pdftoppm + jsQR. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with a `default` export in its types: take the function whichever way the loader exposes it.
type JsQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as JsQr;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-pdf-'));
let n = 0;
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** Writes a PDF to the run's scratch folder; returns its path. */
export function savePdf(pdf: Buffer): string {
  const file = path.join(work, `doc-${n++}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** Text of a PDF as laid out on the page, spaces collapsed (so column gaps do not matter). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', savePdf(pdf), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}

/** pdfinfo's fields (Pages, Page size, …). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = execFileSync('pdfinfo', [savePdf(pdf)], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** Renders page 1 at 150 dpi and decodes the QR code on it. */
export function decodeQr(pdf: Buffer): string | null {
  const file = savePdf(pdf);
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}-1.png`));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}
