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
const { runCli } = await import('../dist-server/server/cli.js').catch((error) => {
  // Only a clone lacks it: the package always ships dist-server/.
  if (!/^Cannot find module .*dist-server\/server\/cli\.js/.test(error.message)) throw error;
  console.error('The server is not compiled: run `npm run build && npm run build:server`, or `npm start` in a clone.');
  process.exit(1);
});
await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  version,
  distDir: fileURLToPath(new URL('dist', root)),
});
