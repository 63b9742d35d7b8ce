/** One invalid field of a request, as listed in a problem's `errors`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  detail?: unknown;
  instance?: unknown;
  requestId?: unknown;
  errors?: unknown;
}

const problemTypeBase = 'https://tracehub.vibotaj.com/problems/';

/**
 * An RFC 9457 problem returned by the API (or made up here for a network failure or a response that
 * was not a problem document), so every caller handles one error shape.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: readonly FieldProblem[];
  /** Seconds from the Retry-After header (429, 503), if the server sent one. */
  readonly retryAfterSeconds: number | undefined;
  /**
   * The problem type's own members beyond RFC 9457's (e.g. `findings` of `document-blocking-findings`,
   * `issues` and `repairs` of `eudr-geojson-invalid`); read them with the type's parser, never trusted blindly.
   */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    type?: string;
    title: string;
    status: number;
    detail: string;
    instance?: string | undefined;
    requestId?: string | undefined;
    errors?: readonly FieldProblem[];
    retryAfterSeconds?: number | undefined;
    extensions?: Readonly<Record<string, unknown>>;
  }) {
    super(init.detail);
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.status = init.status;
    this.detail = init.detail;
    this.instance = init.instance;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.extensions = init.extensions ?? {};
  }

  /** True when `type` is the given TraceHub problem kind, e.g. `is('invalid-credentials')`. */
  is(kind: string): boolean {
    return this.type === problemTypeBase + kind || this.type.endsWith(`/problems/${kind}`);
  }

  static network(): ApiProblem {
    return new ApiProblem({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'Cannot reach TraceHub. Check your connection and try again.',
    });
  }

  /** Build from a failed response and its already-read body (parsed JSON, text or undefined). */
  static fromResponse(response: Response, body: unknown): ApiProblem {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
    const headerRequestId = response.headers.get('X-Request-Id') ?? undefined;
    if (isProblemBody(body)) {
      return new ApiProblem({
        type: asString(body.type) ?? 'about:blank',
        title: asString(body.title) ?? (response.statusText || 'Error'),
        status: typeof body.status === 'number' ? body.status : response.status,
        detail: asString(body.detail) ?? asString(body.title) ?? fallbackDetail(response.status),
        instance: asString(body.instance),
        requestId: asString(body.requestId) ?? headerRequestId,
        errors: parseFieldErrors(body.errors),
        retryAfterSeconds,
        extensions: extensionsOf(body),
      });
    }
    return new ApiProblem({
      title: response.statusText || 'Error',
      status: response.status,
      detail: fallbackDetail(response.status),
      requestId: headerRequestId,
      retryAfterSeconds,
    });
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** Turn anything a request may throw into an ApiProblem. */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return ApiProblem.network();
}

function isProblemBody(body: unknown): body is ProblemBody {
  return typeof body === 'object' && body !== null && ('detail' in body || 'title' in body || 'type' in body);
}

const standardMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId', 'errors']);

function extensionsOf(body: ProblemBody): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => !standardMembers.has(name)));
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as { field?: unknown; message?: unknown };
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function fallbackDetail(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Please wait a moment and try again.';
  if (status >= 500) return `TraceHub could not complete the request (error ${status}). Please try again later.`;
  return `The request failed (error ${status}).`;
}
