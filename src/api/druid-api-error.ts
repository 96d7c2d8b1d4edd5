/** What went wrong, so the UI can choose between "retry", "sign in" and "fix your input". */
export type DruidApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response' | 'aborted';

/** The one error type every Druid call rejects with. `message` is always plain, human-readable text. */
export class DruidApiError extends Error {
  override readonly name = 'DruidApiError';
  readonly kind: DruidApiErrorKind;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly method: string;
  readonly path: string;

  constructor(opts: { kind: DruidApiErrorKind; status: number; method: string; path: string; message: string }) {
    super(opts.message);
    this.kind = opts.kind;
    this.status = opts.status;
    this.method = opts.method;
    this.path = opts.path;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  /** Worth retrying automatically: the request may succeed unchanged later. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || [502, 503, 504].includes(this.status);
  }
}

export function isDruidApiError(error: unknown): error is DruidApiError {
  return error instanceof DruidApiError;
}

/**
 * Druid's 403 on a POST: Druid authorizes every POST as WRITE on the datasource, so a reader is refused even a POST
 * that only reads, such as the used segments of some intervals (`metadata/datasources/{ds}/segments`).
 */
export function isPostRefused(error: unknown): boolean {
  return isDruidApiError(error) && error.status === 403 && error.method === 'POST';
}

/** Druid answered, but not with what the console expected: "Unexpected response from <path>: <reason>." */
export function unexpectedResponse(method: string, path: string, reason: string, status = 200): DruidApiError {
  const text = reason.endsWith('.') ? reason : `${reason}.`;
  return new DruidApiError({
    kind: 'invalid-response',
    status,
    method,
    path,
    message: `Unexpected response from ${path}: ${text}`,
  });
}
