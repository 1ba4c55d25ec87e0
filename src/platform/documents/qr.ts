import QRCode from 'qrcode';

export interface QrOptions {
  /** Pixels per module; 6 prints sharply at the sizes we use (about 2 cm). */
  scale?: number;
  /** Error correction: M survives a crease or a stamp over a corner. */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
}

const settings = (o: QrOptions) => ({ errorCorrectionLevel: o.errorCorrectionLevel ?? 'M', margin: 2, scale: o.scale ?? 6 }) as const;

/** A QR code of `text` as a PNG. Same text, same bytes. */
export function qrPng(text: string, opts: QrOptions = {}): Promise<Buffer> {
  if (text.length === 0) throw new RangeError('QR text is empty');
  return QRCode.toBuffer(text.normalize('NFC'), { type: 'png', ...settings(opts) });
}

/** A QR code of `text` as a `data:image/png;base64,…` URL (what pdfmake and HTML <img> take). */
export async function qrDataUrl(text: string, opts: QrOptions = {}): Promise<string> {
  return `data:image/png;base64,${(await qrPng(text, opts)).toString('base64')}`;
}
