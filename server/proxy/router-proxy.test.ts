import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routerProxyHandler } from './router-proxy.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let upstream: Server;
let upstreamUrl: URL;
let proxy: ReturnType<typeof serve>;
let proxyPort: number;
let seen: Seen[] = [];
/** What the fake Router does with the next request. */
let behaviour: (req: IncomingMessage, res: import('node:http').ServerResponse) => void;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Sends a raw request, so un-normalized paths (`..`, `%2e`) reach the proxy exactly as written. */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: proxyPort, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      behaviour(req, res);
    });
  });
  upstreamUrl = new URL(`http://127.0.0.1:${await listen(upstream)}`);
  const app = new Hono();
  app.all('*', routerProxyHandler({ target: upstreamUrl, timeoutMs: 300 }));
  await new Promise<void>((resolve) => {
    proxy = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      proxyPort = info.port;
      resolve();
    });
  });
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  await new Promise((resolve) => proxy.close(resolve));
});

beforeEach(() => {
  seen = [];
  behaviour = (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'proxy-authenticate': 'Basic',
      connection: 'x-hop',
      'x-hop': 'connection-scoped',
      'x-druid-thing': 'kept',
    });
    res.end('{"ok":true}');
  };
});

describe('router proxy', () => {
  it('forwards an allowed call with its method, query, body and credentials', async () => {
    const response = await raw('/druid/coordinator/v1/datasources/wiki/markUnused?x=1', {
      method: 'POST',
      headers: {
        authorization: 'Basic YWRtaW46cGFzcw==',
        cookie: 'session=abc',
        'content-type': 'application/json',
        'proxy-authorization': 'secret',
        connection: 'x-private',
        'x-private': 'hop',
      },
      body: '{"interval":"2015-09-12/2015-09-13"}',
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"ok":true}');
    expect(seen).toHaveLength(1);
    const [call] = seen;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe('/druid/coordinator/v1/datasources/wiki/markUnused?x=1');
    expect(call?.body).toBe('{"interval":"2015-09-12/2015-09-13"}');
    expect(call?.headers.authorization).toBe('Basic YWRtaW46cGFzcw==');
    expect(call?.headers.cookie).toBe('session=abc');
    expect(call?.headers.host).toBe(upstreamUrl.host);
    expect(call?.headers['proxy-authorization']).toBeUndefined();
    expect(call?.headers['x-private']).toBeUndefined();
  });

  it('drops hop-by-hop response headers and keeps the rest', async () => {
    const response = await raw('/status');
    expect(response.headers['x-druid-thing']).toBe('kept');
    expect(response.headers['proxy-authenticate']).toBeUndefined();
    expect(response.headers['x-hop']).toBeUndefined();
  });

  it('passes a 204 and a 403 through unchanged', async () => {
    behaviour = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    expect((await raw('/druid/indexer/v1/datasources/wiki/markUsed', { method: 'POST', body: '{}' })).status).toBe(204);
    behaviour = (_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"Access-Check-Result":"Allowed:false, Message:"}');
    };
    const forbidden = await raw('/druid/coordinator/v1/rules/wiki', { method: 'POST', body: '[]' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toContain('Access-Check-Result');
  });

  it('forwards the Coordinator’s and Overlord’s /status/properties through the Router’s management proxy', async () => {
    for (const path of ['/proxy/coordinator/status/properties', '/proxy/overlord/status/properties']) {
      expect((await raw(path)).status).toBe(200);
    }
    expect(seen.map((request) => request.url)).toEqual([
      '/proxy/coordinator/status/properties',
      '/proxy/overlord/status/properties',
    ]);
  });

  it.each([
    '/druid/v2/sql',
    '/druid/v2',
    '/proxy/coordinator/druid/coordinator/v1/rules',
    '/proxy/coordinator/status/properties/x',
    '/proxy/broker/status/properties',
    '/druid/coordinator/v1/../../v2/sql',
    '/druid/coordinator/v1/%2e%2e/%2E%2E/v2/sql',
    '/druid/coordinator/v1/datasources%2F..%2F..%2Fv2',
    '/druid/coordinator/v1/datasources\\..\\x',
    '/druid/coordinator/v1//evil',
    '/status/../druid/v2/sql',
    '/statusx',
    '/druid/coordinator/v2/x',
  ])('refuses %s without contacting the Router', async (path) => {
    const response = await raw(path, { method: 'POST', body: '{"query":"SELECT 1"}' });
    // Node's HTTP parser itself rejects some malformed paths with 400 before the proxy sees them.
    expect([400, 404]).toContain(response.status);
    expect(seen).toHaveLength(0);
  });

  it('answers 504 with a JSON message when the Router is too slow', async () => {
    behaviour = () => {
      // Never answer.
    };
    const response = await raw('/druid/coordinator/v1/rules');
    expect(response.status).toBe(504);
    expect(JSON.parse(response.body).error).toMatch(/did not answer within 0.3 s/);
  });

  it('follows the Router’s own GET redirects but never one to another host', async () => {
    behaviour = (req, res) => {
      if (req.url === '/druid/coordinator/v1/old') {
        res.writeHead(307, { location: '/druid/coordinator/v1/new' });
        res.end();
      } else if (req.url === '/druid/coordinator/v1/elsewhere') {
        res.writeHead(307, { location: 'http://198.51.100.7:8081/druid/coordinator/v1/rules' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`at ${req.url}`);
      }
    };
    expect((await raw('/druid/coordinator/v1/old')).body).toBe('at /druid/coordinator/v1/new');
    const elsewhere = await raw('/druid/coordinator/v1/elsewhere');
    expect(elsewhere.status).toBe(502);
    expect(JSON.parse(elsewhere.body).error).toContain('only talks to');
    expect(seen.map((s) => s.url)).not.toContain('/druid/coordinator/v1/rules');
  });

  it('answers 502 with a JSON message when the Router is unreachable', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const app = new Hono();
    app.all('*', routerProxyHandler({ target: new URL(`http://127.0.0.1:${port}`), timeoutMs: 1000 }));
    const response = await app.request('/status');
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatch(/Could not reach the Druid Router/);
  });
});
