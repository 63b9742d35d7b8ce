import createClient from 'openapi-fetch';

import { apiBaseUrl } from '@/config/env';

import { authFetch } from './auth-fetch';
import { ApiProblem, toApiProblem } from './problem';
import type { paths } from './schema';

/**
 * The one API client. Typed from the OpenAPI spec; every request goes through `authFetch`
 * (bearer token, refresh on 401, retry). `same-origin` credentials let the HttpOnly refresh cookie
 * reach /api/auth/*.
 */
export const api = createClient<paths>({
  baseUrl: apiBaseUrl,
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
  fetch: authFetch,
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Await an `api.GET/POST/...` call and return its data, or throw an `ApiProblem` for a failed response
 * (parsed from `application/problem+json`) or a network failure.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw toApiProblem(error);
  }
  if (!result.response.ok) throw ApiProblem.fromResponse(result.response, result.error);
  return result.data as T;
}
