import { spawnSync } from 'node:child_process';
import { ensureChromium } from './find-chromium.ts';

// Find (or install) Chromium before Playwright loads its config, so a missing browser is one clear sentence.
try {
  process.env.CHROMIUM_PATH = await ensureChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log(`e2e: running Playwright in Chromium (${process.env.CHROMIUM_PATH})`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
