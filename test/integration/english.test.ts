/**
 * English as the second language on the public and kiosk pages: with `?lang=en` each page says so in <html lang>,
 * its main heading is in English (not the Vietnamese one), and the language link offers Vietnamese back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSystem } from '../helpers.ts';
import { loadDemo } from './procedures-support.ts';

const sys = await startSystem();
await loadDemo(sys);

const h1 = (body: string) =>
  /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(body)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .trim() ?? '';

const pages = [
  '/',
  '/thu-tuc',
  '/thu-tuc/1.001193',
  '/thu-tuc/don-vi/cao-lanh-phuong-1',
  '/hoi-dap',
  '/hoi-dap/hoi',
  '/kiosk/cao-lanh-phuong-1',
  '/kiosk/cao-lanh-phuong-1/aps',
  '/kiosk/cao-lanh-phuong-1/aps/tra-cuu',
  '/nop-truc-tuyen/1.001193',
  '/tra-cuu',
  '/dang-nhap',
];

for (const url of pages) {
  test(`${url} in English`, async () => {
    const vi = await sys.app.inject({ url, headers: { accept: 'text/html' } });
    const en = await sys.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}lang=en`, headers: { accept: 'text/html' } });
    assert.equal(en.statusCode, vi.statusCode, url);
    assert.ok(vi.statusCode < 400, `${url} answers ${vi.statusCode}`);
    assert.match(vi.body, /<html lang="vi"/);
    assert.match(en.body, /<html lang="en"/);
    const [viTitle, enTitle] = [h1(vi.body), h1(en.body)];
    assert.ok(enTitle.length > 0, `${url} has a heading`);
    // Headings that are a name (a unit, a procedure) stay as they are; a page's own heading is translated.
    if (!/Phường|Đăng ký khai sinh|Gần Dân/.test(viTitle)) assert.notEqual(enTitle, viTitle, `${url}: "${enTitle}" is still Vietnamese`);
    // Site pages offer Vietnamese back from the header; kiosks return to their start screen in Vietnamese when idle.
    if (!url.startsWith('/kiosk/')) assert.match(en.body, /hreflang="vi"[^>]*>Tiếng Việt/);
  });
}
