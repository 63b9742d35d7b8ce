import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { adminMe, page, users } from '@/testing/fixtures';
import { problem, tokenResponse } from '@/testing/http';
import { server } from '@/testing/server';

import { api, unwrap } from './client';
import { ApiProblem } from './problem';
import { session } from './session';

/** Protected endpoint that accepts only `Bearer fresh-token`, as the server does once the old token expired. */
function acceptOnlyFreshToken<T extends object>(body: T) {
  return ({ request }: { request: Request }) =>
    request.headers.get('Authorization') === 'Bearer fresh-token'
      ? HttpResponse.json(body)
      : problem(401, 'unauthorized', 'The access token has expired.');
}

/** The ApiProblem a call rejects with; fails the test if it resolves or throws anything else. */
async function failureOf(call: Promise<unknown>): Promise<ApiProblem> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

function countRefreshes(respond: () => Response | Promise<Response> = () => tokenResponse('fresh-token')) {
  const counter = { calls: 0 };
  server.use(
    http.post('/api/auth/refresh', async () => {
      counter.calls += 1;
      await delay(20);
      return respond();
    }),
  );
  return counter;
}

describe('api client', () => {
  beforeEach(() => session.start('expired-token'));

  it('sends the in-memory access token as a bearer token', async () => {
    session.start('token-123');
    let authorization: string | null = null;
    server.use(
      http.get('/api/me', ({ request }) => {
        authorization = request.headers.get('Authorization');
        return HttpResponse.json(adminMe);
      }),
    );

    const me = await unwrap(api.GET('/api/me'));

    expect(authorization).toBe('Bearer token-123');
    expect(me.fullName).toBe('Ada Admin');
  });

  it('does not send the access token to public invitation endpoints', async () => {
    let authorization: string | null = 'not read';
    server.use(
      http.post('/api/public/invitations/preview', ({ request }) => {
        authorization = request.headers.get('Authorization');
        return HttpResponse.json({
          email: 'new@example.com',
          organizationName: 'Vibotaj Nigeria Ltd',
          role: 'viewer',
          expiresAt: '2026-12-01T00:00:00Z',
          existingUser: false,
        });
      }),
    );

    await unwrap(api.POST('/api/public/invitations/preview', { body: { token: 'abc' } }));

    expect(authorization).toBeNull();
  });

  it('refreshes the session on a 401 and retries the request with the new token, body included', async () => {
    const refresh = countRefreshes();
    let retriedBody: unknown = null;
    server.use(
      http.post('/api/users', async ({ request }) => {
        if (request.headers.get('Authorization') !== 'Bearer fresh-token') {
          return problem(401, 'unauthorized', 'The access token has expired.');
        }
        retriedBody = await request.json();
        return HttpResponse.json({ ...users[1]!, email: 'new@vibotaj.example' }, { status: 201 });
      }),
    );

    const created = await unwrap(
      api.POST('/api/users', {
        body: { email: 'new@vibotaj.example', fullName: 'New Person', role: 'viewer', password: 'correct horse 42' },
      }),
    );

    expect(created.email).toBe('new@vibotaj.example');
    expect(refresh.calls).toBe(1);
    expect(retriedBody).toEqual({
      email: 'new@vibotaj.example',
      fullName: 'New Person',
      role: 'viewer',
      password: 'correct horse 42',
    });
    expect(session.accessToken()).toBe('fresh-token');
    expect(session.status()).toBe('authenticated');
  });

  it('makes a single refresh call for concurrent 401s', async () => {
    const refresh = countRefreshes();
    server.use(
      http.get('/api/me', acceptOnlyFreshToken(adminMe)),
      http.get('/api/users', acceptOnlyFreshToken(page(users))),
      http.get('/api/invitations', acceptOnlyFreshToken(page([]))),
    );

    const [me, userPage, invitationPage] = await Promise.all([
      unwrap(api.GET('/api/me')),
      unwrap(api.GET('/api/users', { params: { query: { page: 0, size: 50 } } })),
      unwrap(api.GET('/api/invitations', { params: { query: { page: 0, size: 50 } } })),
    ]);

    expect(refresh.calls).toBe(1);
    expect(me.email).toBe(adminMe.email);
    expect(userPage.items).toHaveLength(3);
    expect(invitationPage.items).toHaveLength(0);
  });

  it('ends the session when the refresh is refused, and reports the 401', async () => {
    const refresh = countRefreshes(() => problem(401, 'invalid-refresh-token', 'Please sign in again.'));
    server.use(http.get('/api/me', acceptOnlyFreshToken(adminMe)));

    const failure = await failureOf(unwrap(api.GET('/api/me')));

    expect(failure.status).toBe(401);
    expect(refresh.calls).toBe(1);
    expect(session.status()).toBe('anonymous');
    expect(session.accessToken()).toBeNull();
  });

  it('does not try to refresh when the login itself answers 401', async () => {
    const refresh = countRefreshes();
    server.use(
      http.post('/api/auth/login', () => problem(401, 'invalid-credentials', 'E-mail or password is wrong.')),
    );

    const failure = await failureOf(
      unwrap(api.POST('/api/auth/login', { body: { email: 'a@b.example', password: 'wrong' } })),
    );

    expect(failure.detail).toBe('E-mail or password is wrong.');
    expect(failure.is('invalid-credentials')).toBe(true);
    expect(refresh.calls).toBe(0);
  });

  it('parses problem+json into an ApiProblem with field errors and request id', async () => {
    server.use(
      http.post('/api/users', () =>
        problem(400, 'validation', 'The request has invalid fields.', {
          requestId: 'req-42',
          errors: [
            { field: 'email', message: 'must be a well-formed email address' },
            { field: 'password', message: 'must be at least 12 characters' },
          ],
        }),
      ),
    );

    const failure = await failureOf(
      unwrap(api.POST('/api/users', { body: { email: 'x', fullName: 'X', role: 'viewer', password: 'short' } })),
    );

    expect(failure).toBeInstanceOf(ApiProblem);
    expect(failure).toMatchObject({
      type: 'https://tracehub.vibotaj.com/problems/validation',
      title: 'Validation',
      status: 400,
      detail: 'The request has invalid fields.',
      requestId: 'req-42',
    });
    expect(failure.errors).toEqual([
      { field: 'email', message: 'must be a well-formed email address' },
      { field: 'password', message: 'must be at least 12 characters' },
    ]);
  });

  it('reads Retry-After from a 429', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        problem(429, 'too-many-attempts', 'Too many sign-in attempts.', { headers: { 'Retry-After': '30' } }),
      ),
    );

    const failure = await failureOf(
      unwrap(api.POST('/api/auth/login', { body: { email: 'a@b.example', password: 'x' } })),
    );

    expect(failure.status).toBe(429);
    expect(failure.retryAfterSeconds).toBe(30);
  });

  it('turns a response that is not a problem document into a readable ApiProblem', async () => {
    server.use(http.get('/api/me', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));

    const failure = await failureOf(unwrap(api.GET('/api/me')));

    expect(failure.status).toBe(502);
    expect(failure.detail).toMatch(/could not complete the request \(error 502\)/);
  });

  it('turns a network failure into an ApiProblem with status 0', async () => {
    server.use(http.get('/api/me', () => HttpResponse.error()));

    const failure = await failureOf(unwrap(api.GET('/api/me')));

    expect(failure).toBeInstanceOf(ApiProblem);
    expect(failure.status).toBe(0);
    expect(failure.detail).toMatch(/Cannot reach TraceHub/);
  });
});

describe('idempotency keys', () => {
  beforeEach(() => session.start('token-123'));

  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const invitation = { email: 'new@example.com', role: 'viewer' } as const;

  const created = () => HttpResponse.json({ acceptUrl: 'http://localhost/accept#token=t' }, { status: 201 });

  /** Records the Idempotency-Key of every attempt and answers with the given responses in turn. */
  function invitationEndpoint(...answers: (() => Response)[]) {
    const keys: (string | null)[] = [];
    server.use(
      http.post('/api/invitations', ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        const answer = answers[Math.min(keys.length, answers.length) - 1] ?? created;
        return answer();
      }),
    );
    return keys;
  }

  it('sends a fresh random key with every mutating call', async () => {
    const keys = invitationEndpoint(created);

    await unwrap(api.POST('/api/invitations', { body: invitation }));
    await unwrap(api.POST('/api/invitations', { body: invitation }));

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(uuid);
    expect(keys[1]).toMatch(uuid);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('retries once with the same key when the connection fails before any response', async () => {
    const bodies: unknown[] = [];
    const keys: (string | null)[] = [];
    server.use(
      http.post('/api/invitations', async ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        bodies.push(await request.json());
        return keys.length === 1 ? HttpResponse.error() : created();
      }),
    );

    const result = await unwrap(api.POST('/api/invitations', { body: invitation }));

    expect(result).toEqual({ acceptUrl: 'http://localhost/accept#token=t' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(uuid);
    expect(keys[1]).toBe(keys[0]);
    expect(bodies).toEqual([invitation, invitation]);
  });

  it('gives up after the one retry', async () => {
    const keys = invitationEndpoint(() => HttpResponse.error());

    const failure = await failureOf(unwrap(api.POST('/api/invitations', { body: invitation })));

    expect(failure.status).toBe(0);
    expect(keys).toHaveLength(2);
  });

  it('never retries after an HTTP response, not even a 500', async () => {
    const keys = invitationEndpoint(() => problem(500, 'server-error', 'Something went wrong on our side.'), created);

    const failure = await failureOf(unwrap(api.POST('/api/invitations', { body: invitation })));

    expect(failure.status).toBe(500);
    expect(keys).toHaveLength(1);
  });

  it('keeps the key when the request is retried after a token refresh', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post('/api/invitations', ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return request.headers.get('Authorization') === 'Bearer fresh-token'
          ? created()
          : problem(401, 'unauthorized', 'The access token has expired.');
      }),
    );
    countRefreshes();

    await unwrap(api.POST('/api/invitations', { body: invitation }));

    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('sends no key with reads, auth or public calls, and does not retry them', async () => {
    const seen: { me?: string | null; login?: string | null; preview?: string | null } = {};
    let meCalls = 0;
    server.use(
      http.get('/api/me', ({ request }) => {
        meCalls += 1;
        seen.me = request.headers.get('Idempotency-Key');
        return HttpResponse.error();
      }),
      http.post('/api/auth/login', ({ request }) => {
        seen.login = request.headers.get('Idempotency-Key');
        return tokenResponse('t');
      }),
      http.post('/api/public/invitations/preview', ({ request }) => {
        seen.preview = request.headers.get('Idempotency-Key');
        return problem(404, 'not-found', 'No such invitation.');
      }),
    );

    await failureOf(unwrap(api.GET('/api/me')));
    await unwrap(api.POST('/api/auth/login', { body: { email: 'a@example.com', password: 'secret secret' } }));
    await failureOf(unwrap(api.POST('/api/public/invitations/preview', { body: { token: 'abc' } })));

    expect(seen).toEqual({ me: null, login: null, preview: null });
    expect(meCalls).toBe(1);
  });

  it('makes a version 4 UUID without crypto.randomUUID (insecure contexts)', async () => {
    const { newIdempotencyKey } = await import('./auth-fetch');
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    try {
      expect(newIdempotencyKey()).toMatch(uuid);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
