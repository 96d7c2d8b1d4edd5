import type { Context } from 'hono';

/** Response helpers for the error shapes Druid really sends (see ../shared/reference/druid-api.md §1). */

export function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A pre-serialized JSON body (the segment listings build their JSON from stored payload text). */
export function rawJsonResponse(body: string | ReadableStream<Uint8Array>, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

/** DruidException's ErrorResponse for an INVALID_INPUT problem (status 400). */
export function invalidInput(message: string): Response {
  return jsonResponse(400, {
    error: 'druidException',
    errorCode: 'invalidInput',
    persona: 'USER',
    category: 'INVALID_INPUT',
    errorMessage: message,
    context: {},
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What Jetty prints when a DruidException escapes a resource: an HTML 500 page (a real Druid quirk). */
export function jettyError(status: number, message: string, uri: string): Response {
  const body = `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n<title>Error ${status} ${escapeHtml(message)}</title>\n</head>\n<body><h2>HTTP ERROR ${status} ${escapeHtml(message)}</h2>\n<table>\n<tr><th>URI:</th><td>${escapeHtml(uri)}</td></tr>\n<tr><th>STATUS:</th><td>${status}</td></tr>\n<tr><th>MESSAGE:</th><td>${escapeHtml(message)}</td></tr>\n</table>\n</body>\n</html>\n`;
  return new Response(body, { status, headers: { 'content-type': 'text/html;charset=iso-8859-1' } });
}

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class BodyError extends Error {
  constructor(readonly response: Response) {
    super('bad body');
  }
}

/**
 * Reads a JSON body. An empty body is `null`, as Jackson JAX-RS reads it; malformed JSON and oversized bodies get a
 * clear 400 or 413 instead of Jetty's HTML page.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_BODY_BYTES)
    throw new BodyError(jsonResponse(413, { error: `Request body over ${MAX_BODY_BYTES} bytes` }));
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new BodyError(jsonResponse(413, { error: `Request body over ${MAX_BODY_BYTES} bytes` }));
  }
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BodyError(jsonResponse(400, { error: `Malformed JSON in request body: ${(error as Error).message}` }));
  }
}

/** The JSON body, or the 400/413 response to send instead of handling the request. */
export async function jsonBodyOrError(
  c: Context,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await readJsonBody(c) };
  } catch (error) {
    if (error instanceof BodyError) return { ok: false, response: error.response };
    throw error;
  }
}

/** Who made a change, as Druid's AuthorizationUtils.buildAuditInfo reads it from the request. */
export function auditInfoOf(c: Context, identity: string | null = null) {
  return {
    author: c.req.header('X-Druid-Author') ?? '',
    identity,
    comment: c.req.header('X-Druid-Comment') ?? '',
    ip: remoteAddress(c),
  };
}

/** Druid's presence-only query flags (`?full`, `?simple`, `?includeUnused`): any value, even empty, turns them on. */
export function hasFlag(c: Context, name: string): boolean {
  return c.req.query(name) !== undefined;
}

/** The caller's address, as Druid's `req.getRemoteAddr()`. */
export function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
}
