import { apiBaseUrl } from '@/config/env';

import { authFetch } from './auth-fetch';
import { ApiProblem, toApiProblem } from './problem';

export interface RawRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | boolean | undefined>;
  body?: BodyInit;
  contentType?: string;
  accept?: string;
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('Content-Type') ?? '';
  try {
    return type.includes('json') ? ((await response.json()) as unknown) : await response.text();
  } catch {
    return undefined;
  }
}

/**
 * For endpoints the generated schema does not describe yet (or non-JSON ones): the same authenticated
 * fetch and problem handling as `api`, without the typing. Throws an `ApiProblem` for a failed response.
 */
export async function apiFetch(path: string, { method = 'GET', query, body, contentType, accept }: RawRequest = {}) {
  const url = new URL(path, apiBaseUrl);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers = new Headers({ Accept: accept ?? 'application/json, application/problem+json' });
  if (contentType) headers.set('Content-Type', contentType);
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = body;
  let response: Response;
  try {
    response = await authFetch(new Request(url, init));
  } catch (error) {
    throw toApiProblem(error);
  }
  if (!response.ok) throw ApiProblem.fromResponse(response, await readBody(response));
  return response;
}

/** `apiFetch` and parse the JSON answer as `T` (trusted: it comes from our own API). */
export async function apiJson<T>(path: string, request: RawRequest = {}): Promise<T> {
  const response = await apiFetch(path, request);
  return (await response.json()) as T;
}
