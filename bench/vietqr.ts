/**
 * VietQR bench (issue 8 item 7), part of `npm run bench` and runnable alone: `npx tsx bench/vietqr.ts`.
 * Payload generation and decoding (with the CRC check) per second over 200,000 dynamic payloads with distinct amounts
 * and references, and the full round trip a desk screen does — payload → QR PNG → read back from the pixels (jsQR) →
 * decoded — per second over 200 images. Every decoded payload is compared with what was encoded.
 */
import { pathToFileURL } from 'node:url';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import { decodeVietQr, encodeVietQr } from '../src/modules/payments/index.ts';
import { qrPng } from '../src/platform/documents/index.ts';

type JsQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as JsQr;

export interface VietQrBenchResult {
  payloads: number;
  encodePerSecond: number;
  decodePerSecond: number;
  images: number;
  roundTripPerSecond: number;
}

const fields = (i: number) => ({
  bankBin: '970436',
  accountNo: `0011${String(i % 1_000_000).padStart(9, '0')}`,
  target: 'account' as const,
  amountVnd: 1000 + (i % 5000) * 1000,
  purpose: `GD${i.toString(36).toUpperCase().padStart(10, '0')}`,
});

export async function benchVietQr(n = 200_000, images = 200): Promise<VietQrBenchResult> {
  const payloads: string[] = new Array(n);
  let t = performance.now();
  for (let i = 0; i < n; i++) payloads[i] = encodeVietQr(fields(i));
  const encodeMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < n; i++) {
    const d = decodeVietQr(payloads[i] as string);
    if (!d.ok || d.fields.amountVnd !== fields(i).amountVnd) throw new Error(`payload ${i} did not decode back`);
  }
  const decodeMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < images; i++) {
    const payload = payloads[i] as string;
    const png = PNG.sync.read(await qrPng(payload));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    const d = read ? decodeVietQr(read.data) : null;
    if (!d?.ok || read?.data !== payload) throw new Error(`image ${i} did not read back`);
  }
  const imageMs = performance.now() - t;
  return {
    payloads: n,
    encodePerSecond: n / (encodeMs / 1000),
    decodePerSecond: n / (decodeMs / 1000),
    images,
    roundTripPerSecond: images / (imageMs / 1000),
  };
}

export function printVietQrBench(r: VietQrBenchResult, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  const f = (x: number) => Math.round(x).toLocaleString('en');
  out(`\nVietQR: ${f(r.payloads)} dynamic payloads encoded at ${f(r.encodePerSecond)}/s and decoded with the CRC check at ${f(r.decodePerSecond)}/s;\n`);
  out(
    `  payload → QR PNG → read from the pixels → decoded: ${r.roundTripPerSecond.toFixed(1)} images/s over ${r.images} (all identical to what was encoded)\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchVietQr()
    .then((r) => printVietQrBench(r))
    .catch((err: unknown) => {
      process.stderr.write(`VietQR bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
