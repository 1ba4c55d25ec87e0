/** A QR code as a video for Chromium's fake camera (`--use-file-for-fake-video-capture`), for the scan-script tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/** A two-second Y4M (YUV 4:2:0) video of `text` as a QR code on white; the file is removed when the test file ends. */
export async function qrVideo(text: string): Promise<string> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, width: 400 }));
  const W = 640;
  const H = 480;
  const y = Buffer.alloc(W * H, 255);
  const ox = (W - png.width) >> 1;
  const oy = (H - png.height) >> 1;
  for (let r = 0; r < png.height; r++) {
    for (let c = 0; c < png.width; c++) {
      const i = (r * png.width + c) * 4;
      y[(oy + r) * W + ox + c] = Math.round(0.299 * (png.data[i] as number) + 0.587 * (png.data[i + 1] as number) + 0.114 * (png.data[i + 2] as number));
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cam-')), 'qr.y4m');
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 20 }, () => frame)]));
  after(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  return file;
}

/** Chromium with a fake camera playing `video` and camera permission granted without asking. */
export const fakeCameraArgs = (video: string): string[] => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
];
