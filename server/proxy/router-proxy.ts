import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers.ts';
import { forwardablePath } from './proxy-path.ts';

export interface RouterProxyOptions {
  /** The one Router all Druid calls go to, e.g. http://router:8888. */
  target: URL;
  /** Abort and answer 504 when the Router sends nothing for this long (ms). */
  timeoutMs: number;
  /** Extra CA certificate(s) in PEM for a Router with a private TLS certificate. */
  ca?: string;
}

const MAX_REDIRECTS = 3;

function jsonError(status: number, error: string): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } });
}

/** A Hono handler that forwards allowed Druid API paths to the Router and everything else to a 404. */
export function routerProxyHandler(options: RouterProxyOptions) {
  return (c: Context): Promise<Response> => proxyRequest(c.req.raw, options);
}

/** Forwards one request, addressed to the console, to the Router when its path is allowed (readiness uses it too). */
export async function proxyRequest(request: Request, options: RouterProxyOptions): Promise<Response> {
  const url = new URL(request.url);
  const path = forwardablePath(url.pathname);
  if (!path) return jsonError(404, `Not a Druid API path this console forwards: ${url.pathname}`);
  return forward(request, new URL(`${path}${url.search}`, options.target), options, 0);
}

function forward(incoming: Request, target: URL, options: RouterProxyOptions, hops: number): Promise<Response> {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const method = incoming.method.toUpperCase();
  return new Promise((resolve) => {
    let timedOut = false;
    const upstream = send(
      target,
      { method, headers: upstreamRequestHeaders(incoming.headers, target.host), ca: options.ca },
      (response) => resolve(respond(response, incoming, target, options, hops)),
    );
    upstream.setTimeout(options.timeoutMs, () => {
      timedOut = true;
      upstream.destroy();
    });
    upstream.on('error', (error) => {
      if (timedOut) {
        resolve(
          jsonError(
            504,
            `The Druid Router at ${options.target.origin} did not answer within ${options.timeoutMs / 1000} s.`,
          ),
        );
      } else {
        resolve(jsonError(502, `Could not reach the Druid Router at ${options.target.origin}: ${error.message}`));
      }
    });
    if (incoming.body && method !== 'GET' && method !== 'HEAD') {
      Readable.fromWeb(incoming.body as NodeReadableStream<Uint8Array>).pipe(upstream);
    } else {
      upstream.end();
    }
  });
}

function respond(
  response: IncomingMessage,
  incoming: Request,
  target: URL,
  options: RouterProxyOptions,
  hops: number,
): Response | Promise<Response> {
  const status = response.statusCode ?? 502;
  const location = response.headers.location;
  if (status >= 300 && status < 400 && location) {
    response.resume();
    const next = new URL(location, target);
    // A redirect elsewhere would turn the console into a relay to arbitrary hosts; only the Router's own are followed.
    if (next.origin !== options.target.origin) {
      return jsonError(
        502,
        `The Druid Router redirected to ${next.origin}; the console only talks to ${options.target.origin}.`,
      );
    }
    const path = forwardablePath(next.pathname);
    const replayable = incoming.method === 'GET' || incoming.method === 'HEAD';
    if (!path || !replayable || hops >= MAX_REDIRECTS) {
      return jsonError(
        502,
        `The Druid Router redirected ${incoming.method} ${target.pathname} to ${next.pathname}; not followed.`,
      );
    }
    return forward(incoming, new URL(`${path}${next.search}`, options.target), options, hops + 1);
  }
  const headers = downstreamResponseHeaders(response.headers);
  const bodyless = status === 204 || status === 304 || incoming.method === 'HEAD';
  if (bodyless) {
    response.resume();
    return new Response(null, { status, headers });
  }
  return new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, { status, headers });
}
