/**
 * Browser tests (test/browser): Playwright driving Debian's Chromium (/usr/bin/chromium; never
 * Playwright's own browser download) against the whole system started as `npm start` starts it,
 * on free ports of its own (test/browser/system.ts).
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/browser',
  globalSetup: './test/browser/system.ts',
  // One system, one browser: the tests share the system's data and run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: 'test-results/browser',
  use: {
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      // Playwright adds --headless and a fresh --user-data-dir of its own.
      // --lang: the browser's own widgets (date and week fields) in Norwegian, like the page.
      args: ['--lang=nb-NO', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
