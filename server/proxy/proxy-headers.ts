import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1 hop-by-hop headers: they describe one connection and must not be forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Request headers for the Router: the browser's, less hop-by-hop ones (Authorization and Cookie pass through). */
export function upstreamRequestHeaders(headers: Headers, targetHost: string): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const connectionListed = listedInConnection(headers.get('connection'));
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (HOP_BY_HOP.has(key) || connectionListed.has(key)) return;
    out[key] = value;
  });
  out.host = targetHost;
  return out;
}

/** Response headers for the browser: the Router's, less hop-by-hop ones and anything that would break framing. */
export function downstreamResponseHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  const connection = headers.connection;
  const connectionListed = listedInConnection(Array.isArray(connection) ? connection.join(',') : (connection ?? null));
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (HOP_BY_HOP.has(key) || connectionListed.has(key) || key === 'content-length') continue;
    for (const item of Array.isArray(value) ? value : [value]) out.append(key, item);
  }
  return out;
}

function listedInConnection(value: string | null): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
}
