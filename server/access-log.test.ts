import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clfTime, redactTarget } from './access-log.ts';
import { createServerApp } from './server-app.ts';

/** Combined Log Format: host ident user [time] "request" status bytes "referer" "user-agent". */
const COMBINED =
  /^(\S+) - (\S+) (\[[^\]]+\]) "((?:[^"\\]|\\.)*)" (\d{3}) (\d+|-) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"$/;

/** The console app in front of a stand-in local cluster, with every access-log line collected. */
function loggedApp() {
  const lines: string[] = [];
  const local = new Hono();
  local.get('/druid/coordinator/v1/metadata/datasources', (c) => c.json(['wikipedia']));
  local.get('/druid/coordinator/v1/big', () => {
    const chunks = ['[', '"a",'.repeat(1000), '"b"]'];
    const body = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  });
  const app = createServerApp({
    clusters: [{ name: 'default', backend: { kind: 'local', app: local } }],
    distDir: '/nonexistent',
    accessLog: (line) => lines.push(line),
  });
  return { app, lines };
}

describe('--access-log', () => {
  it('writes one Combined Log Format line per request, after its body was sent', async () => {
    const { app, lines } = loggedApp();
    const response = await app.request('/druid/coordinator/v1/metadata/datasources?full', {
      headers: { 'user-agent': 'curl/8.5.0', referer: 'http://console.example/segments' },
    });
    expect(await response.json()).toEqual(['wikipedia']);
    expect(lines).toHaveLength(1);
    const [, host, user, , request, status, bytes, referer, agent] = COMBINED.exec(lines[0] ?? '') ?? [];
    expect({ host, user, request, status, bytes, referer, agent }).toEqual({
      host: '-',
      user: '-',
      request: 'GET /druid/coordinator/v1/metadata/datasources?full HTTP/1.1',
      status: '200',
      bytes: String('["wikipedia"]'.length),
      referer: 'http://console.example/segments',
      agent: 'curl/8.5.0',
    });
  });

  it('counts a streamed body as it goes and logs it once the last byte left', async () => {
    const { app, lines } = loggedApp();
    const response = await app.request('/druid/coordinator/v1/big');
    expect(lines).toHaveLength(0);
    const text = await response.text();
    expect(lines).toHaveLength(1);
    expect(COMBINED.exec(lines[0] ?? '')?.[6]).toBe(String(Buffer.byteLength(text)));
  });

  it('never writes credentials: no Authorization, no cookies, no secret query values', async () => {
    const { app, lines } = loggedApp();
    const request = async (path: string, init?: RequestInit) => (await app.request(path, init)).text();
    const password = 'hunter2-Sécret';
    const basic = Buffer.from(`wiki_editor:${password}`).toString('base64');
    await request(
      `/druid/coordinator/v1/metadata/datasources?password=${encodeURIComponent(password)}&token=t0k3n&API_KEY=k3y&datasource=a`,
      {
        headers: {
          authorization: `Basic ${basic}`,
          cookie: 'JSESSIONID=s3ss10n',
          referer: `http://admin:${password}@console.example/rules?access_token=t0k3n`,
        },
      },
    );
    const line = lines[0] ?? '';
    for (const secret of [basic, password, encodeURIComponent(password), 't0k3n', 'k3y', 's3ss10n', 'Basic']) {
      expect(line).not.toContain(secret);
    }
    // The user name is CLF's %u; what identifies a request, not what authenticates it, stays.
    expect(COMBINED.exec(line)?.[2]).toBe('wiki_editor');
    expect(line).toContain('?password=REDACTED&token=REDACTED&API_KEY=REDACTED&datasource=a ');
    expect(line).toContain('"http://console.example/rules?access_token=REDACTED"');
  });

  it('escapes quotes and control characters, so a request cannot forge a line or a field', async () => {
    const { app, lines } = loggedApp();
    const request = async (path: string, init?: RequestInit) => (await app.request(path, init)).text();
    await request('/status/health', { headers: { 'user-agent': 'evil" 200 1 "x\\' } });
    await request('/status/health', { headers: { 'user-agent': 'a\u0001b' } });
    expect(lines[0]).toMatch(COMBINED);
    expect(lines[0]).toContain('"evil\\" 200 1 \\"x\\\\"');
    expect(lines[1]).toContain('"a\\x01b"');
  });

  it('logs errors and the console files alike', async () => {
    const { app, lines } = loggedApp();
    await (await app.request('/druid/coordinator/v1/nothing-here')).text();
    await (await app.request('/segments', { method: 'POST' })).text();
    expect(lines.map((line) => COMBINED.exec(line)?.[5])).toEqual(['404', '405']);
  });
});

describe('--access-log over a real socket', () => {
  it('logs the client address, and a response the client gave up on with the bytes sent until then', async () => {
    const local = new Hono();
    // An endless listing: only the client going away ends it.
    local.get('/druid/coordinator/v1/endless', () => {
      const body = new ReadableStream({
        pull: (controller) => controller.enqueue(new TextEncoder().encode('x'.repeat(16_384))),
      });
      return new Response(body);
    });
    let logged: (line: string) => void = () => {};
    const line = new Promise<string>((resolve) => {
      logged = resolve;
    });
    const app = createServerApp({
      clusters: [{ name: 'default', backend: { kind: 'local', app: local } }],
      distDir: '/nonexistent',
      accessLog: (text) => logged(text),
    });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/druid/coordinator/v1/endless`);
      const reader = response.body?.getReader();
      await reader?.read();
      await reader?.cancel();
      const [, host, , , request, status, bytes] = COMBINED.exec(await line) ?? [];
      expect({ host, request, status }).toEqual({
        host: '127.0.0.1',
        request: 'GET /druid/coordinator/v1/endless HTTP/1.1',
        status: '200',
      });
      expect(Number(bytes)).toBeGreaterThan(0);
    } finally {
      server.close();
    }
  });
});

describe('access-log parts', () => {
  it('formats the time in UTC as CLF does', () => {
    expect(clfTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('[02/Jan/2026:03:04:05 +0000]');
  });

  it('keeps every other query parameter byte for byte', () => {
    expect(redactTarget('/a?x=%2F&y&z=1&Secret%5Fkey=abc')).toBe('/a?x=%2F&y&z=1&Secret%5Fkey=REDACTED');
    expect(redactTarget('/druid/coordinator/v1/rules/a%20b')).toBe('/druid/coordinator/v1/rules/a%20b');
  });
});
