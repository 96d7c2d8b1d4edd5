import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { buildConsole, isBuildStale } from './build-freshness.ts';

/**
 * `npm pack` / `npm publish`: what the package ships must exist and be current. The console is built when dist/ is
 * missing or older than its sources (the same rule as `npm start`); the server is compiled afresh every time into an
 * emptied dist-server/, so no file of a deleted module can ship.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const run = (args: string[]) => execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

if (isBuildStale(ROOT)) buildConsole(ROOT, ['ignore', 'inherit', 'inherit']);
rmSync(new URL('../dist-server', import.meta.url), { recursive: true, force: true });
run(['tsc', '-p', 'tsconfig.server-build.json']);
