import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFilesHandler } from './static-files.ts';

let dist: string;
let app: Hono;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'druid-console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  app = new Hono();
  app.get('*', staticFilesHandler(dist));
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

const get = (path: string) => app.request(path);

describe('static files', () => {
  it('serves deep links as index.html, even when the datasource name contains dots', async () => {
    for (const path of ['/segments/wikipedia_hour', `/segments/${encodeURIComponent('a.b<img src=x>.c')}`, '/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
    }
  });

  it('serves real files with their type and long caching for hashed assets', async () => {
    const script = await get('/assets/main-abc.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await get('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers 404 for a missing asset instead of HTML', async () => {
    expect((await get('/assets/gone-123.js')).status).toBe(404);
  });

  it('never serves a file outside dist', async () => {
    const response = await get('/%2e%2e/%2e%2e/etc/passwd');
    expect(await response.text()).not.toContain('root:');
  });

  it('sends the security headers on every page', async () => {
    const headers = (await get('/segments')).headers;
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  });
});
