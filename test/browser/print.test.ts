/**
 * Print stylesheets: the pages people print (a procedure's page, the answered questions, the dossier report) printed
 * to PDF by Chromium, read back as text: the content with its Vietnamese diacritics is there, the site navigation,
 * footer, search forms and pagination are not, and nothing is cut at the right edge of an A4 page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { pdfText, savePdf } from '../pdf.ts';
import { sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();

async function printed(page: Page): Promise<{ text: string; overflow: number }> {
  await page.emulateMedia({ media: 'print' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  savePdf(pdf);
  return { text: pdfText(pdf), overflow };
}

test('a procedure page prints its content without the header’s links and the footer', async () => {
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/thu-tuc/1.001193`))?.status(), 200);
  const nav = ((await page.locator('header.site .account a').last().textContent()) ?? '').trim();
  const footer = (await page.locator('footer.site').innerText()).trim().split('\n')[0] as string;
  const { text, overflow } = await printed(page);
  assert.match(text, /Đăng ký khai sinh/);
  assert.match(text, /Thời hạn giải quyết|thời hạn/i);
  assert.ok(nav && !text.includes(nav), `the header's links ("${nav}") are not printed`);
  assert.ok(footer && !text.includes(footer), `the footer ("${footer}") is not printed`);
  assert.ok(overflow <= 0, `nothing runs off the page (${overflow}px)`);
  await context.close();
});

test('the answered questions print without the search form and the pagination', async () => {
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/hoi-dap`))?.status(), 200);
  const searchLabel = (await page.locator('form.search label').first().innerText()).trim();
  const { text } = await printed(page);
  assert.match(text, /Hỏi đáp|Chạm để biết/);
  assert.ok(searchLabel && !text.includes(searchLabel), `the search form ("${searchLabel}") is not printed`);
  await context.close();
});

test('the dossier report prints its tables for a leader, without the period form', async () => {
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'admin');
  assert.equal((await page.goto(`${base}/bao-cao/ho-so?unit=dong-thap&from=2026-01-01&to=2026-03-31`))?.status(), 200);
  const { text, overflow } = await printed(page);
  assert.match(text, /Tình hình tiếp nhận và giải quyết hồ sơ/);
  assert.match(text, /Mức độ hài lòng|Đánh giá của người dân/);
  assert.doesNotMatch(text, /Xem báo cáo/, 'the form button is not printed');
  assert.ok(overflow <= 0, `nothing runs off the page (${overflow}px)`);
  await context.close();
});
