import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium-options';

const port = Number(process.env.E2E_PORT ?? 5199);
// A fresh database for every run, so the tests see exactly the bundled story.
const databasePath = join(mkdtempSync(join(tmpdir(), 'parallax-e2e-')), 'parallax.db');

export default defineConfig({
  testDir: 'e2e',
  // One results folder per port, so runs on different ports never delete each other's traces.
  outputDir: `test-results/e2e-${port}`,
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: {
    command: 'npm start',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      PARALLAX_DB: databasePath,
      ...(process.env.PARALLAX_DIST ? { PARALLAX_DIST: process.env.PARALLAX_DIST } : {}),
    },
  },
});
