import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createShutdown, type ShutdownOptions } from './graceful-shutdown.ts';

let server: Server;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server whose /stuck requests never get an answer, and /ok ones at once. */
async function listening(): Promise<string> {
  server = createServer((request, response) => {
    if (request.url === '/ok') response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Created right after listening, as the CLI does, so it sees every request. */
function shutdownOf(overrides: Partial<ShutdownOptions>) {
  const calls: string[] = [];
  let exit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => {
    exit = resolve;
  });
  const stop = createShutdown({
    server,
    timeoutMs: 25_000,
    onDrain: () => calls.push('drain'),
    cleanup: () => void calls.push('cleanup'),
    log: (message) => calls.push(message),
    exit: (code) => exit(code),
    ...overrides,
  });
  return { calls, exited, stop };
}

describe('graceful shutdown', () => {
  it('drains first, cleans up once nothing is in flight, exits 0', async () => {
    const url = await listening();
    const { calls, exited, stop } = shutdownOf({});
    expect(await (await fetch(`${url}/ok`)).text()).toBe('ok');
    void stop('SIGTERM');
    expect(await exited).toBe(0);
    expect(calls).toEqual(['drain', 'SIGTERM: stopping.', 'cleanup', 'Stopped.']);
  });

  it('cuts off requests still running after the timeout, then cleans up and exits 0', async () => {
    const url = await listening();
    const { calls, exited, stop } = shutdownOf({ timeoutMs: 50 });
    const stuck = fetch(`${url}/stuck`).catch((error: Error) => error);
    await new Promise<void>((resolve) => server.once('request', () => resolve()));
    void stop('SIGINT');
    expect(await exited).toBe(0);
    expect(await stuck).toBeInstanceOf(Error);
    expect(calls).toContain('SIGINT: stopping, waiting up to 0.05 s for 1 request(s) in flight.');
    expect(calls).toContain('Closed 1 connection(s) still busy after 0.05 s.');
    expect(calls.at(-1)).toBe('Stopped.');
  });

  it('exits 1 when cleaning up fails', async () => {
    await listening();
    const { calls, exited, stop } = shutdownOf({
      cleanup: () => {
        throw new Error('disk full');
      },
    });
    void stop('SIGTERM');
    expect(await exited).toBe(1);
    expect(calls.at(-1)).toBe('Stopping failed: Error: disk full');
  });
});
