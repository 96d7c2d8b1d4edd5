import { spawn } from 'node:child_process';
import { createServer } from 'vite';

/**
 * `npm run dev`: the console server (local cluster or --router, same flags as npm start) on :8888 without a build,
 * and Vite with hot reload on :5173 proxying the Druid API to it.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const api = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1' },
});
api.on('exit', (code) => process.exit(code ?? 1));

const vite = await createServer({ root: ROOT, server: { port: 5173, host: '127.0.0.1' } });
await vite.listen();
vite.printUrls();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    api.kill(signal);
    await vite.close();
    process.exit(0);
  });
}
