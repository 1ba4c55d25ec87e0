/** One headless Debian Chromium per test file, driven by playwright-core (no browser download). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadDemoData } from '../../src/demo.ts';
import { startSystem } from '../helpers.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser | null = null;

/** Headless Chromium as root on a closed network (STACK.md): no sandbox, no background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches Chromium once; a missing browser fails the run (CI installs Debian's chromium). */
export async function sharedBrowser(): Promise<Browser> {
  if (browser) return browser;
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  after(async () => {
    await browser?.close();
    browser = null;
  });
  return browser;
}

/** Where screenshots go for a person to look at: test-results/screenshots (kept by CI as artifacts, not committed). */
export function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
  fs.mkdirSync(dir, { recursive: true });
  return `${dir}/${name}.png`;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page; our CSP forbids injected script tags, so evaluate the source. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } })
      .axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The real system with demo data, listening on a free port of 127.0.0.1; returns its base URL. */
export async function startDemoServer(): Promise<string> {
  const sys = await startSystem();
  await loadDemoData(sys.platform);
  await sys.app.listen({ port: 0, host: '127.0.0.1' });
  const address = sys.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Signs in through the sign-in form as a demo account. */
export async function signInAs(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('GanDan@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/quan-tri/);
}
