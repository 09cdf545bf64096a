import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const SCREENSHOTS = 'test-results/screenshots';

/** Debian's Chromium, headless, with nothing that reaches outside this machine; each context gets a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
