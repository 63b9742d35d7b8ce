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

/**
 * The fetch every API call goes through: adds the bearer token and, when an access token has expired
 * (401 from a non-auth endpoint), refreshes the session once and retries the request once. When the
 * refresh fails the session ends, and the route guard sends the user to the login page.
 */
export async function authFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const tokenSent = isPublic(url) ? null : session.accessToken();
  const retry = mayRefreshOn401(url) ? request.clone() : null;

  const response = await fetch(withBearer(request, tokenSent));
  if (response.status !== 401 || retry === null) return response;

  // A parallel request may have refreshed already while this one was in flight: reuse its token.
  const current = session.accessToken();
  const renewed = current !== null && current !== tokenSent ? true : await refreshSession();
  if (!renewed) return response;
  return fetch(withBearer(retry, session.accessToken()));
}
