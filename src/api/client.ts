import type { z } from 'zod';
import { describeErrorBody } from '../druid/error-body.ts';
import { clientTarget } from './client-target.ts';
import { authorizationHeader, credentialsGeneration, getCredentials } from './credentials.ts';
import { DruidApiError, isDruidApiError } from './druid-api-error.ts';
import { forbiddenWriteMessage, markReadOnly, writeTarget } from './write-permissions.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Serialized as JSON. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Abort and report a timeout after this long (ms). */
  timeoutMs?: number;
  /** 'text' returns the body unparsed, for listings big enough to parse off the page. */
  responseType?: 'json' | 'text';
}

export interface DruidResponse {
  status: number;
  /** Parsed JSON, the raw text when the body is not JSON, or null for an empty body (Druid's 204s and kill's 200). */
  data: unknown;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== false)
      params.append(key, value === true ? '' : String(value));
  }
  const search = params.toString().replace(/=(&|$)/g, '$1');
  return search ? `${path}?${search}` : path;
}

/** The headers of every console request. */
export function requestHeaders(extra?: Record<string, string>, hasBody = false): Record<string, string> {
  // Druid answers some errors in text/plain and refuses requests that do not accept it.
  // X-Druid-Console asks our server to hide Basic challenges, so the browser never opens its own login prompt.
  const headers: Record<string, string> = { Accept: 'application/json, text/plain', 'X-Druid-Console': '1', ...extra };
  if (hasBody) headers['Content-Type'] = 'application/json';
  const auth = clientTarget().authorization ?? authorizationHeader(getCredentials());
  if (auth) headers.Authorization = auth;
  return headers;
}

/** The error of a request that got no complete answer: cancelled, timed out, or the connection failed. */
export function transportFailure(
  method: string,
  path: string,
  cause: { cancelled: boolean; timedOutAfterMs: number | null; error: unknown },
): DruidApiError {
  const fail = (kind: DruidApiError['kind'], message: string) =>
    new DruidApiError({ kind, status: 0, method, path, message });
  if (cause.cancelled) return fail('aborted', 'The request was cancelled.');
  if (cause.timedOutAfterMs !== null)
    return fail('timeout', `Druid did not answer within ${Math.round(cause.timedOutAfterMs / 1000)} s.`);
  const detail = cause.error instanceof Error ? cause.error.message : 'network error';
  return fail('network', `Could not reach the console server (${detail}).`);
}

/** The error of an answer whose body broke off before it was complete. */
export function droppedFailure(method: string, path: string, status: number): DruidApiError {
  const message = 'The connection dropped while Druid was answering.';
  return new DruidApiError({ kind: 'network', status, method, path, message });
}

export interface FailedAnswer {
  status: number;
  statusText: string;
  contentType: string | null;
  text: string;
}

/** The error of a non-2xx answer, with Druid's own message. */
export function answerFailure(method: string, path: string, answer: FailedAnswer): DruidApiError {
  const detail = describeErrorBody(answer.text, answer.contentType, answer.status, answer.statusText);
  if (answer.status === 403 && method !== 'GET') {
    const target = writeTarget(path);
    if (target !== null) markReadOnly(target);
    return new DruidApiError({ kind: 'http', status: 403, method, path, message: forbiddenWriteMessage(path, detail) });
  }
  return new DruidApiError({ kind: 'http', status: answer.status, method, path, message: detail });
}

/**
 * Sends a request again when Druid refused it with 401 but the operator signed in while it was on its way: the
 * refusal is of the old credentials, and reporting it would ask for the new ones all over again.
 */
export async function withCurrentCredentials<T>(send: () => Promise<T>): Promise<T> {
  const sentWith = credentialsGeneration();
  try {
    return await send();
  } catch (error) {
    if (isDruidApiError(error) && error.isUnauthorized && credentialsGeneration() !== sentWith) return send();
    throw error;
  }
}

/** Sends one request to the console's own origin and turns every failure into a DruidApiError. */
export function druidRequest(path: string, options: RequestOptions = {}): Promise<DruidResponse> {
  return withCurrentCredentials(() => sendOnce(path, options));
}

async function sendOnce(path: string, options: RequestOptions): Promise<DruidResponse> {
  const method = options.method ?? 'GET';
  const headers = requestHeaders(options.headers, options.body !== undefined);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const fail = (kind: DruidApiError['kind'], status: number, message: string) =>
    new DruidApiError({ kind, status, method, path, message });

  let response: Response;
  try {
    response = await fetch(clientTarget().baseUrl + buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    const cancelled = options.signal?.aborted === true;
    throw transportFailure(method, path, { cancelled, timedOutAfterMs: timeout.aborted ? timeoutMs : null, error });
  }

  let text: string;
  try {
    text = await response.text();
  } catch {
    throw droppedFailure(method, path, response.status);
  }
  if (!response.ok) {
    const answer = { status: response.status, statusText: response.statusText, text };
    throw answerFailure(method, path, { ...answer, contentType: response.headers.get('content-type') });
  }
  if (options.responseType === 'text') return { status: response.status, data: text };
  try {
    return { status: response.status, data: parseBody(text, response.headers.get('content-type')) };
  } catch {
    throw fail('invalid-response', response.status, `Druid sent malformed JSON from ${path}.`);
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (contentType?.includes('json') || /^\s*[[{"]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      if (contentType?.includes('json')) throw new SyntaxError('malformed JSON');
    }
  }
  return text;
}

/** Requests JSON and validates it, so a surprising response fails loudly here rather than deep in a view. */
export async function druidJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options?: RequestOptions,
): Promise<z.infer<S>> {
  const response = await druidRequest(path, options);
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new DruidApiError({
      kind: 'invalid-response',
      status: response.status,
      method: options?.method ?? 'GET',
      path,
      message: `Unexpected response from ${path}${where}: ${issue?.message ?? 'invalid shape'}.`,
    });
  }
  return parsed.data;
}
