import { Hono } from 'hono';
import { type AuthConfig, type AuthUser, isAllowed, isFilteredList, requiredAccess } from './permissions.ts';

const UNSECURED = new Set(['/status/health']);

function unauthorized(): Response {
  return new Response(JSON.stringify({ error: 'Unauthorized', errorMessage: null, errorClass: null, host: null }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'WWW-Authenticate': 'Basic realm="druid"' },
  });
}

function forbidden(message: string): Response {
  return new Response(JSON.stringify({ 'Access-Check-Result': `Allowed:false, Message:${message}` }), {
    status: 403,
    headers: { 'content-type': 'application/json' },
  });
}

function readUser(config: AuthConfig, header: string | null): { name: string; user: AuthUser } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const name = decoded.slice(0, colon);
  const user = Object.hasOwn(config.users, name) ? config.users[name] : undefined;
  return user && user.password === decoded.slice(colon + 1) ? { name, user } : null;
}

/** Drops the entries of a list response the user may not READ, as Druid's list endpoints do silently. */
async function filterList(response: Response, user: AuthUser): Promise<Response> {
  if (!response.ok) return response;
  const items = (await response.json()) as unknown[];
  const readable = items.filter((item) => {
    const name =
      typeof item === 'string'
        ? item
        : ((item as { dataSource?: string; name?: string }).dataSource ?? (item as { name?: string }).name);
    return typeof name === 'string' && isAllowed(user, { type: 'DATASOURCE', name, action: 'READ' });
  });
  return new Response(JSON.stringify(readable), { status: response.status, headers: response.headers });
}

/** A task's status, spec or reports: TaskResourceFilter guards all three. */
const TASK_PATH = /^(\/druid\/indexer\/v1\/task\/[^/]+)(\/status|\/reports)?$/;

/**
 * TaskResourceFilter: reading a task needs READ on the task's datasource, which only the task itself knows (an
 * unknown ID has already become a 400 inside); its status says it.
 */
async function authorizeTask(
  response: Response,
  status: () => Promise<Response>,
  account: { name: string; user: AuthUser },
): Promise<Response> {
  if (!response.ok) return response;
  const statusResponse = await status();
  if (!statusResponse.ok) return response;
  const body = (await statusResponse.json()) as { status?: { dataSource?: unknown } };
  const dataSource = body.status?.dataSource;
  if (
    typeof dataSource !== 'string' ||
    isAllowed(account.user, { type: 'DATASOURCE', name: dataSource, action: 'READ' })
  )
    return response;
  return forbidden(`User ${account.name} lacks READ on DATASOURCE:${dataSource}`);
}

/** druid-basic-security for the local cluster: 401 with WWW-Authenticate, 403 with Access-Check-Result. */
export function createBasicAuth(config: AuthConfig) {
  return {
    identity: (request: Request) => readUser(config, request.headers.get('authorization'))?.name ?? null,
    wrap(inner: Hono): Hono {
      const app = new Hono();
      app.all('*', async (c) => {
        const url = new URL(c.req.url);
        if (UNSECURED.has(url.pathname) || url.pathname.startsWith('/local-cluster/'))
          return inner.fetch(c.req.raw, c.env);
        if (!c.req.header('authorization')) return unauthorized();
        const account = readUser(config, c.req.header('authorization') ?? null);
        if (!account)
          return new Response('<html><body><h2>HTTP ERROR 401 Unauthorized</h2></body></html>', {
            status: 401,
            headers: { 'content-type': 'text/html' },
          });
        let wanted: ReturnType<typeof requiredAccess>;
        try {
          wanted = requiredAccess(c.req.method, url.pathname, url.searchParams);
        } catch (error) {
          // A path that does not percent-decode names no resource to authorize: Jetty refuses such a URI too.
          if (error instanceof URIError) return new Response('Bad Request: malformed URI', { status: 400 });
          throw error;
        }
        if (wanted && !isAllowed(account.user, wanted)) {
          const message = `User ${account.name} lacks ${wanted.action} on ${wanted.type}:${wanted.name}`;
          // OverlordResource.getTasks checks `datasource` itself and answers with text, not the JSON mapper's body.
          return url.pathname === '/druid/indexer/v1/tasks'
            ? new Response(`Access-Check-Result: Allowed:false, Message:${message}`, {
                status: 403,
                headers: { 'content-type': 'text/plain' },
              })
            : forbidden(message);
        }
        const response = await inner.fetch(c.req.raw, c.env);
        const task = c.req.method === 'GET' ? TASK_PATH.exec(url.pathname) : null;
        if (task) {
          const status = async () => inner.fetch(new Request(new URL(`${task[1]}/status`, url)), c.env);
          return authorizeTask(response, status, account);
        }
        return isFilteredList(c.req.method, url.pathname, url.searchParams)
          ? filterList(response, account.user)
          : response;
      });
      return app;
    },
  };
}
