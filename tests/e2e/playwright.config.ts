/**
 * Playwright against the built site served by the production server
 * (src/server/main.ts), in Debian's Chromium where the machine has it
 * (no browser downloads here), else Playwright's own. Debian's
 * `chromium-headless-shell` first: the same Blink without the full
 * browser's UI layers (what Playwright itself runs headless), about twice
 * as fast per test on 2 cores as `chromium` in its new headless mode.
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4329);
const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: '../../test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node src/server/main.ts',
    cwd: '../..',
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    // TRUSTED_PROXIES=loopback: the browser connects from this machine, as a proxy on it would, so each test
    // file can name its own client in X-Forwarded-For and the per-client rate limits (src/server/rate-limit.ts)
    // are met only where a test means to meet them.
    env: { PORT: String(port), HOST: 'localhost', DATA_DIR: process.env.E2E_DATA_DIR ?? 'data/e2e', TRUSTED_PROXIES: 'loopback' },
  },
});
