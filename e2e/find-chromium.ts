import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Playwright must never download a browser here (no internet), so the tests run a Chromium that is already
 * on the machine: CHROMIUM_PATH, Playwright's own if installed, then the usual system locations.
 */
const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function playwrightsOwnChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function locateChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return playwrightsOwnChromium() ?? SYSTEM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function canApt(): boolean {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Finds a Chromium, installing Debian's package when we are root with apt-get; otherwise says what to run. */
export async function ensureChromium(): Promise<string> {
  const found = locateChromium();
  if (found) return found;
  if (canApt()) {
    console.log('No Chromium found: installing Debian’s chromium package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = locateChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium found for the e2e tests. Install one with `sudo apt-get install chromium` (Debian/Ubuntu) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run `npm test` again.',
  );
}
