const PREFIX = '/clusters/';

export function jsonError(status: number, error: string): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } });
}

/** A request for one of several clusters, re-addressed to Druid's own path for that cluster's handler. */
export interface ClusterRequest<H> {
  handler: H;
  request: Request;
}

/**
 * Routes `/clusters/NAME/rest` to NAME's handler with the path `/rest`: null for any other path, a 404 for a name
 * the console does not serve. Only the prefix is removed; the handler's own allowlist still decides what is
 * forwarded, and headers (Authorization included) go to that one cluster.
 */
export function clusterRequest<H>(
  incoming: Request,
  path: string,
  handlers: ReadonlyMap<string, H>,
): ClusterRequest<H> | Response | null {
  if (!path.startsWith(PREFIX)) return null;
  const slash = path.indexOf('/', PREFIX.length);
  const name = path.slice(PREFIX.length, slash < 0 ? undefined : slash);
  const handler = handlers.get(name);
  if (!handler) return jsonError(404, `No cluster named "${name}" in this console.`);
  const url = new URL(incoming.url);
  url.pathname = slash < 0 ? '/' : path.slice(slash);
  const hasBody = incoming.body !== null && incoming.method !== 'GET' && incoming.method !== 'HEAD';
  const request = new Request(url, {
    method: incoming.method,
    headers: incoming.headers,
    body: hasBody ? incoming.body : undefined,
    signal: incoming.signal,
    // Node's fetch wants this for a streamed body; bodies stay streamed, as through the one-cluster proxy.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { handler, request };
}
