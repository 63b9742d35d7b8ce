import { apiBaseUrl } from '@/config/env';

import type { components } from './schema';
import { session } from './session';

type TokenResponse = components['schemas']['TokenResponse'];

const refreshUrl = '/api/auth/refresh';

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchange the HttpOnly refresh cookie for a new access token. Concurrent callers share one request:
 * the server rotates the refresh token on every use, so two parallel refreshes would race each other.
 * Resolves to whether the session is (still) authenticated.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= requestNewAccessToken().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function requestNewAccessToken(): Promise<boolean> {
  const tokenBefore = session.accessToken();
  let response: Response;
  try {
    response = await fetch(new URL(refreshUrl, apiBaseUrl), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    // Offline: keep a running session (the next request may succeed), but do not wait forever on page load.
    if (session.status() === 'unknown') session.end();
    return false;
  }
  if (!response.ok) {
    // Unless someone signed in while this was in flight: that newer session stands.
    if (session.accessToken() === tokenBefore) session.end();
    return false;
  }
  const token = (await response.json()) as TokenResponse;
  session.start(token.accessToken);
  return true;
}

function isPublic(url: URL): boolean {
  return url.pathname.startsWith('/api/public/');
}

/** Auth endpoints answer 401 for wrong credentials or a dead refresh cookie; refreshing cannot help there. */
function mayRefreshOn401(url: URL): boolean {
  return !isPublic(url) && !url.pathname.startsWith('/api/auth/');
}

function withBearer(request: Request, token: string | null): Request {
  if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

const idempotencyKeyHeader = 'Idempotency-Key';
const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Mutating calls to the authenticated API carry an `Idempotency-Key`, so that the server runs them at most once
 * and a retry gets the stored answer (docs/api/idempotency.md). Auth and public endpoints are not covered by the
 * server and get none. A key set by the caller is kept.
 */
function withIdempotencyKey(request: Request, url: URL): boolean {
  if (!mutatingMethods.has(request.method.toUpperCase())) return false;
  if (!url.pathname.startsWith('/api/') || !mayRefreshOn401(url)) return false;
  if (!request.headers.has(idempotencyKeyHeader)) request.headers.set(idempotencyKeyHeader, newIdempotencyKey());
  return true;
}

/** A random UUID; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** fetch rejects with a TypeError when no response arrived (e.g. the connection closed during a deploy). */
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

/**
 * Sends the request. A request with an idempotency key is sent once more, with the same key, when the first
 * attempt got no response at all; the server then answers the stored response if the first attempt did run.
 * Never retried after any HTTP response, nor when the caller aborted.
 */
async function send(request: Request, token: string | null, idempotent: boolean): Promise<Response> {
  const spare = idempotent ? request.clone() : null;
  try {
    return await fetch(withBearer(request, token));
  } catch (error) {
    if (spare === null || !isNetworkError(error) || request.signal.aborted) throw error;
    return fetch(withBearer(spare, token));
  }
}

/**
 * The fetch every API call goes through: adds the bearer token and an idempotency key to mutating calls, retries
 * such a call once on a network failure, and, when an access token has expired (401 from a non-auth endpoint),
 * refreshes the session once and retries the request once. When the refresh fails the session ends, and the
 * route guard sends the user to the login page.
 */
export async function authFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const idempotent = withIdempotencyKey(request, url);
  const tokenSent = isPublic(url) ? null : session.accessToken();
  const retry = mayRefreshOn401(url) ? request.clone() : null;

  const response = await send(request, tokenSent, idempotent);
  if (response.status !== 401 || retry === null) return response;

  // A parallel request may have refreshed already while this one was in flight: reuse its token.
  const current = session.accessToken();
  const renewed = current !== null && current !== tokenSent ? true : await refreshSession();
  if (!renewed) return response;
  return send(retry, session.accessToken(), idempotent);
}
