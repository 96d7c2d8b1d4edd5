import { spawnSync } from 'node:child_process';

/** `npm test`: every check CI makes, in order of speed, stopping at the first failure. */
const steps: Array<[string, string[]]> = [
  ['types', ['npx', 'tsc', '-b']],
  ['lint', ['npx', 'biome', 'check', '.']],
  ['unit + API', ['npx', 'vitest', 'run']],
  ['e2e (Playwright, Chromium)', ['npx', 'tsx', 'e2e/run.ts']],
];

const started = Date.now();
for (const [name, [command, ...args]] of steps) {
  const stepStart = Date.now();
  console.log(`\n── ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command as string, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
