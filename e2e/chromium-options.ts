import { existsSync } from 'node:fs';

/**
 * Where Playwright cannot download its own browser, Debian's Chromium stands in
 * (or the one PLAYWRIGHT_CHROMIUM_PATH names); elsewhere Playwright's own is used.
 */
export function chromiumExecutablePath(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags for a headless Chromium on a machine without network access or a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumLaunchOptions() {
  const executablePath = chromiumExecutablePath();
  return { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS };
}
