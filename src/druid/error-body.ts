/**
 * Turns any error body Druid (or the Jetty/Router in front of it) sends into one line of plain text: plain text,
 * `{"error"}`, `{"error","message"}`, `{"message"}`, DruidException's `{"error","errorMessage",…}`,
 * `{"Access-Check-Result"}`, a Jetty HTML error page, or nothing at all.
 */

const MAX_LENGTH = 1000;

/** Reason phrases for when the response carries none (HTTP/2 has no status text). */
const STATUS_TEXTS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Druid's generic `error` codes, which say less than the accompanying message. */
const GENERIC_ERRORS = new Set(['druidexception', 'unknown exception', 'server error']);

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_LENGTH ? `${oneLine.slice(0, MAX_LENGTH - 1)}…` : oneLine;
}

function statusFallback(status: number, statusText: string | undefined): string {
  const reason = statusText?.trim() || STATUS_TEXTS[status];
  if (status === 0) return reason || 'No response';
  return reason ? `${status} ${reason}` : `HTTP ${status}`;
}

/** Drops a leading Java class name such as `org.apache.druid.error.DruidException: `. */
function withoutJavaClass(text: string): string {
  const javaClassPrefix = /^(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)(?::\s*|$)/;
  let stripped = text;
  while (javaClassPrefix.test(stripped)) stripped = stripped.replace(javaClassPrefix, '').trim();
  return stripped || text;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function describeJson(json: unknown): string | null {
  if (typeof json === 'string') return nonEmptyString(json);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const body = json as Record<string, unknown>;
  const accessCheck = nonEmptyString(body['Access-Check-Result']);
  if (accessCheck) return `Access denied: ${accessCheck}`;
  const errorMessage = nonEmptyString(body.errorMessage);
  if (errorMessage) return errorMessage;
  const error = nonEmptyString(body.error);
  const message = nonEmptyString(body.message);
  if (error && message) {
    if (GENERIC_ERRORS.has(error.toLowerCase()) || message.includes(error)) return message;
    return /[.?!]$/.test(error) ? `${error} ${message}` : `${error.replace(/:$/, '')}: ${message}`;
  }
  return error ?? message ?? nonEmptyString(body.errorClass);
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(value) && value <= 0x10ffff ? String.fromCodePoint(value) : entity;
    }
    return named[code.toLowerCase()] ?? entity;
  });
}

function htmlText(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first line of a fragment's text that says something (not just "HTTP ERROR 500"). */
function firstMeaningfulLine(fragment: string): string | null {
  const lines = decodeEntities(
    fragment.replace(/<\/?(?:br|p|div|h\d|li|tr|pre|hr|table)\b[^>]*>/gi, '\n').replace(/<[^>]*>/g, ' '),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
  return lines.find((line) => line !== '' && !BARE_STATUS.test(line)) ?? null;
}

const BARE_STATUS = /^(?:HTTP\s+)?ERROR:?\s*\d{3}$|^Error\s+\d{3}$/i;

/**
 * Jetty's error page: the MESSAGE row (Jetty 9.4+), the `Reason: <pre>` block (older Jetty), else the title
 * (`Error 500 Server Error`), else the first meaningful line of the body.
 */
function describeHtml(html: string): string | null {
  const page = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  const message =
    /<th>\s*MESSAGE:\s*<\/th>\s*<td>([\s\S]*?)<\/td>/i.exec(page)?.[1] ??
    /Reason:\s*<pre>([\s\S]*?)<\/pre>/i.exec(page)?.[1];
  const messageText = message === undefined ? '' : htmlText(message);
  if (messageText !== '') return withoutJavaClass(messageText);
  const title = htmlText(/<title>([\s\S]*?)<\/title>/i.exec(page)?.[1] ?? '');
  if (title !== '' && !BARE_STATUS.test(title)) return title;
  const body = /<body[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(page)?.[1] ?? page;
  return firstMeaningfulLine(body);
}

function looksLikeHtml(body: string, contentType: string | null): boolean {
  return (
    Boolean(contentType?.toLowerCase().includes('html')) || /^\s*<(?:!doctype|html|head|body|h\d|p|pre)\b/i.test(body)
  );
}

function tryJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

/**
 * The human message for a failed response. Never returns HTML; falls back to the status (e.g. `503 Service
 * Unavailable`) when the body says nothing useful.
 */
export function describeErrorBody(
  body: string,
  contentType: string | null,
  status: number,
  statusText?: string,
): string {
  const trimmed = body.trim();
  if (trimmed === '') return statusFallback(status, statusText);
  if (contentType?.toLowerCase().includes('json') || /^[{["]/.test(trimmed)) {
    const parsed = tryJson(trimmed);
    if (parsed.ok) {
      const described = describeJson(parsed.value);
      return described ? clip(described) : statusFallback(status, statusText);
    }
  }
  if (looksLikeHtml(trimmed, contentType)) {
    const described = describeHtml(trimmed);
    return described ? clip(described) : statusFallback(status, statusText);
  }
  return clip(trimmed);
}
