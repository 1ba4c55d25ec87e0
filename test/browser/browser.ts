/** One headless Debian Chromium per test file, driven by playwright-core (no browser download). */
import fs from 'node:fs';
import { after } from 'node:test';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser | null = null;

/** Launches Chromium once; a missing browser fails the run (CI installs Debian's chromium). */
export async function sharedBrowser(): Promise<Browser> {
  if (browser) return browser;
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  after(async () => {
    await browser?.close();
    browser = null;
  });
  return browser;
}

/** Where screenshots go for a person to look at (not committed). */
export function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOT_DIR ?? 'screenshots';
  fs.mkdirSync(dir, { recursive: true });
  return `${dir}/${name}.png`;
}
