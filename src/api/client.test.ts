import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildUrl, druidJson, druidRequest } from './client.ts';
import { setCredentials } from './credentials.ts';
import { DruidApiError } from './druid-api-error.ts';

function respond(body: string, init: ResponseInit & { contentType?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.contentType) headers.set('content-type', init.contentType);
  const fetchMock = vi.fn(
    async () => new Response(body === '' && init.status === 204 ? null : body, { ...init, headers }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<DruidApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DruidApiError);
  return error as DruidApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCredentials(null);
});

describe('druidRequest', () => {
  it('always accepts JSON and text, and declares JSON bodies', async () => {
    const fetchMock = respond('{"numChangedSegments":1}', { status: 200, contentType: 'application/json' });
    await druidRequest('/druid/coordinator/v1/datasources/wiki/markUnused', {
      method: 'POST',
      body: { interval: 'x' },
    });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const headers = init.headers as Record<string, string>;
    expect(headers.Accept).toBe('application/json, text/plain');
    expect(headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"interval":"x"}');
  });

  it('marks every request as the console, so the server hides Basic challenges, also for raw text listings', async () => {
    const fetchMock = respond('[{"a":1}]', { status: 200, contentType: 'application/json' });
    const response = await druidRequest('/druid/coordinator/v1/metadata/segments', { responseType: 'text' });
    expect(response.data).toBe('[{"a":1}]');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-Druid-Console']).toBe('1');
  });

  it('sends no Content-Type without a body', async () => {
    const fetchMock = respond('[]', { status: 200, contentType: 'application/json' });
    await druidRequest('/druid/coordinator/v1/rules');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('returns null data for 204 and for the empty 200 of a kill', async () => {
    respond('', { status: 204 });
    expect((await druidRequest('/x', { method: 'POST' })).data).toBeNull();
    respond('', { status: 200 });
    expect((await druidRequest('/x', { method: 'DELETE' })).data).toBeNull();
  });

  it('sends again with the new credentials when a sign-in overtook a request Druid refused', async () => {
    const sent: Array<string | undefined> = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      sent.push(auth);
      if (auth) return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      setCredentials({ username: 'reader', password: 'reader' }); // signed in while this one was on its way
      return new Response('Unauthorized', { status: 401 });
    });
    expect((await druidRequest('/druid/coordinator/v1/rules')).status).toBe(200);
    expect(sent).toEqual([undefined, `Basic ${btoa('reader:reader')}`]);
  });

  it('reports a 401 when the credentials it was sent with are still the ones in use', async () => {
    setCredentials({ username: 'reader', password: 'wrong' });
    const fetchMock = respond('Unauthorized', { status: 401 });
    await expect(druidRequest('/druid/coordinator/v1/rules')).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('adds Basic credentials when signed in', async () => {
    setCredentials({ username: 'admin', password: 'pässword' });
    const fetchMock = respond('{}', { status: 200, contentType: 'application/json' });
    await druidRequest('/status');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const header = (init.headers as Record<string, string>).Authorization ?? '';
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(header.slice(6)), (c) => c.charCodeAt(0)));
    expect(decoded).toBe('admin:pässword');
  });

  it.each([
    ['plain text', 'Invalid interval [x]', 'text/plain', 400, 'Invalid interval [x]'],
    [
      '{"error"}',
      '{"error":"Cluster-level rules cannot be empty."}',
      'application/json',
      400,
      'Cluster-level rules cannot be empty.',
    ],
    ['{"message"}', '{"message":"Segment not found"}', 'application/json', 404, 'Segment not found'],
    [
      'DruidException',
      '{"error":"druidException","errorCode":"invalidInput","persona":"USER","category":"INVALID_INPUT","errorMessage":"Invalid segmentIds","context":{}}',
      'application/json',
      400,
      'Invalid segmentIds',
    ],
    ['{"Access-Check-Result"}', '{"Access-Check-Result":"Unauthorized"}', 'application/json', 403, 'Unauthorized'],
  ])('turns a %s error body into its message', async (_name, body, contentType, status, message) => {
    respond(body, { status, contentType });
    const error = await failure(druidRequest('/x'));
    expect(error.status).toBe(status);
    expect(error.kind).toBe('http');
    expect(error.message).toContain(message);
  });

  it('shows a Jetty HTML error page as text, never as HTML', async () => {
    const page =
      '<html><head><title>Error 500 Server Error</title></head><body><h2>HTTP ERROR 500</h2><script>alert(1)</script></body></html>';
    respond(page, { status: 500, contentType: 'text/html' });
    const error = await failure(druidRequest('/x'));
    expect(error.message).toContain('Error 500 Server Error');
    expect(error.message).not.toMatch(/[<>]/);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await failure(druidRequest('/status'));
    expect(error.kind).toBe('network');
    expect(error.isTransient).toBe(true);
  });

  it('reports malformed JSON as an invalid response', async () => {
    respond('{"version": ', { status: 200, contentType: 'application/json' });
    const error = await failure(druidRequest('/status'));
    expect(error.kind).toBe('invalid-response');
  });
});

describe('druidJson', () => {
  it('validates the response against the schema and names the failing field', async () => {
    respond('{"version": 32}', { status: 200, contentType: 'application/json' });
    const error = await failure(druidJson('/status', z.object({ version: z.string() })));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('version');
  });

  it('returns the parsed data', async () => {
    respond('{"version":"32.0.0"}', { status: 200, contentType: 'application/json' });
    await expect(druidJson('/status', z.object({ version: z.string() }))).resolves.toEqual({ version: '32.0.0' });
  });
});

describe('buildUrl', () => {
  it('writes flags Druid reads by presence without "="', () => {
    expect(
      buildUrl('/druid/coordinator/v1/metadata/segments', { includeOvershadowedStatus: true, datasources: 'wiki' }),
    ).toBe('/druid/coordinator/v1/metadata/segments?includeOvershadowedStatus&datasources=wiki');
    expect(buildUrl('/x', { full: false, count: undefined })).toBe('/x');
  });
});
