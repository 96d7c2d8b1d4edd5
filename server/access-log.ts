import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/** Query parameters whose values are never written: whatever their spelling, they may carry a secret. */
const SECRET_PARAMETER = /pass|pwd|secret|token|auth|credential|signature|session|cookie|api[-_]?key|access[-_]?key/i;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The Node objects @hono/node-server passes as `c.env`; absent when a test calls `app.request`. */
interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `[26/Nov/2026:10:45:00 +0000]`, always in UTC so lines from any host sort and compare alike. */
export function clfTime(date: Date): string {
  return (
    `[${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000]`
  );
}

/** Quoted CLF fields escape quotes, backslashes and control characters, so a request cannot forge a log line. */
function escapeField(text: string): string {
  let escaped = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') escaped += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) escaped += `\\x${code.toString(16).padStart(2, '0')}`;
    else escaped += ch;
  }
  return escaped;
}

/** The request target with the values of secret-looking query parameters replaced, the rest byte for byte. */
export function redactTarget(target: string): string {
  const at = target.indexOf('?');
  if (at < 0) return target;
  const query = target
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed name is tested as written.
      }
      return eq >= 0 && SECRET_PARAMETER.test(decoded) ? `${name}=REDACTED` : pair;
    });
  return `${target.slice(0, at)}?${query.join('&')}`;
}

/** A Referer can carry user:password@ and secret query values like any URL. */
function redactReferer(referer: string): string {
  try {
    const url = new URL(referer);
    url.username = '';
    url.password = '';
    return redactTarget(url.href);
  } catch {
    return redactTarget(referer);
  }
}

/** The user name of a Basic Authorization header, as CLF's %u; the password and the header itself never leave. */
function basicUser(authorization: string | undefined): string {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return '-';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? '' : decoded.slice(0, colon);
  return user ? escapeField(user).replace(/\s/g, '_') : '-';
}

export interface AccessLogEntry {
  remote: string;
  user: string;
  time: Date;
  method: string;
  target: string;
  protocol: string;
  status: number;
  bytes: number;
  referer: string | undefined;
  userAgent: string | undefined;
}

/** `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"`: Apache's Combined Log Format. */
export function formatCombined(entry: AccessLogEntry): string {
  const request = escapeField(`${entry.method} ${redactTarget(entry.target)} ${entry.protocol}`);
  const referer = entry.referer ? escapeField(redactReferer(entry.referer)) : '-';
  const agent = entry.userAgent ? escapeField(entry.userAgent) : '-';
  const bytes = entry.bytes > 0 ? String(entry.bytes) : '-';
  return `${entry.remote} - ${entry.user} ${clfTime(entry.time)} "${request}" ${entry.status} ${bytes} "${referer}" "${agent}"`;
}

/**
 * Logs every request once its response is over: bodies are counted as they stream, so a 200k-segment listing is
 * logged with its real size when its last byte left, and one the client gave up on when the connection closed.
 */
export function accessLogMiddleware(write: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const time = new Date();
    const node = (c.env ?? {}) as NodeBindings;
    const url = new URL(c.req.url);
    // Read now: once a client has gone away its socket no longer knows the address.
    const remote = node.incoming?.socket?.remoteAddress ?? '-';
    const target = node.incoming?.url ?? `${url.pathname}${url.search}`;
    let logged = false;
    let bytes = 0;
    const log = (status: number) => {
      if (logged) return;
      logged = true;
      write(
        formatCombined({
          remote,
          user: basicUser(c.req.header('authorization')),
          time,
          method: c.req.method,
          target,
          protocol: `HTTP/${node.incoming?.httpVersion ?? '1.1'}`,
          status,
          bytes,
          referer: c.req.header('referer'),
          userAgent: c.req.header('user-agent'),
        }),
      );
    };
    await next();
    const response = c.res;
    if (!response.body || c.req.method === 'HEAD') {
      bytes = Number(response.headers.get('content-length') ?? 0);
      log(response.status);
      return;
    }
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
      flush: () => log(response.status),
    });
    // A client that goes away mid-body still gets its line, with the bytes sent so far.
    node.outgoing?.once('close', () => log(response.status));
    c.res = new Response(response.body.pipeThrough(counter), response);
  };
}
