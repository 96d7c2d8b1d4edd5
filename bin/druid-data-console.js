#!/usr/bin/env node
// The installed package's command: the server compiled to dist-server/ by `npm run build:server`, serving the
// console built into dist/. Nothing is built or transpiled at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`druid-data-console needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const root = new URL('..', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const { runCli } = await import('../dist-server/server/cli.js');
await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  version,
  distDir: fileURLToPath(new URL('dist', root)),
});
