import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { nfcDeep } from './nfc.ts';
import { ADMINISTRATIVE_MARGINS, BODY_FONT_SIZE } from './page.ts';

/**
 * PDF rendering with pdfmake 0.3 and the vendored Liberation Serif (SIL OFL, metric-compatible with Times New
 * Roman, full Vietnamese coverage) as the only font: no system font, no network, no file outside assets/fonts.
 */

/** The font family every document uses. */
export const FONT = 'LiberationSerif';

const fontsDir = path.resolve(import.meta.dirname, '../../../assets/fonts');
const fontFiles = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;

// pdfmake's in-memory file system: the fonts are read once per process, then parsed per document.
interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}
const engine = pdfmake as unknown as typeof pdfmake & { virtualfs: VirtualFs };
const fonts: TFontDictionary = { [FONT]: {} };
for (const [style, file] of Object.entries(fontFiles)) {
  const name = `gan-dan-fonts/${file}`;
  if (!engine.virtualfs.existsSync(name)) engine.virtualfs.writeFileSync(name, fs.readFileSync(path.join(fontsDir, file)));
  (fonts[FONT] as Record<string, string>)[style] = name;
}

export interface PdfOptions {
  /** Written as the PDF's creation date; fixing it makes the output byte-for-byte repeatable. */
  creationDate: Date;
  title?: string;
  author?: string;
  subject?: string;
}

/**
 * Renders a pdfmake document definition to a PDF. Fills in the house defaults the definition leaves out
 * (A4 portrait, NĐ 30/2020 margins, Liberation Serif 13 pt) and normalises every string to NFC first.
 * Remote URLs and local files are refused: images must be data URLs.
 */
export async function renderPdf(definition: TDocumentDefinitions, opts: PdfOptions): Promise<Buffer> {
  const doc = nfcDeep({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: ADMINISTRATIVE_MARGINS,
    ...definition,
    defaultStyle: { font: FONT, fontSize: BODY_FONT_SIZE, ...definition.defaultStyle },
    info: {
      title: opts.title ?? definition.info?.title,
      author: opts.author ?? definition.info?.author,
      subject: opts.subject ?? definition.info?.subject,
      creator: 'Gần Dân',
      producer: 'Gần Dân (pdfmake)',
      creationDate: opts.creationDate,
    },
  } satisfies TDocumentDefinitions);
  // The engine is one shared object: configure and start in the same synchronous step, so a concurrent
  // caller cannot swap the fonts or policies in between (createPdf copies them into its own printer).
  engine.setFonts(fonts);
  engine.setUrlAccessPolicy(() => false);
  engine.setLocalAccessPolicy(() => false);
  return engine.createPdf(doc).getBuffer();
}
