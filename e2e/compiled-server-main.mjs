// `server/main.ts` for the compiled server of an e2e run (see compiled-server.ts): the same CLI with the same
// arguments, serving the console built into dist/, without tsx.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { runCli } = await import(join(process.env.E2E_COMPILED_SERVER, 'server', 'cli.js'));
await runCli({ argv: process.argv.slice(2), env: process.env, version, distDir: join(root, 'dist') });
