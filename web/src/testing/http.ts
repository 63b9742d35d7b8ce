import { HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api/types';

/** An RFC 9457 problem response as the backend sends it. */
export function problem(
  status: number,
  kind: string,
  detail: string,
  extra: { errors?: Schemas['FieldError'][]; headers?: Record<string, string>; requestId?: string } = {},
) {
  return HttpResponse.json(
    {
      type: `https://tracehub.vibotaj.com/problems/${kind}`,
      title: kind.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      status,
      detail,
      requestId: extra.requestId ?? 'req-test-1',
      ...(extra.errors ? { errors: extra.errors } : {}),
    },
    { status, headers: { 'Content-Type': 'application/problem+json', ...extra.headers } },
  );
}

export function tokenResponse(accessToken: string) {
  return HttpResponse.json({ accessToken, tokenType: 'Bearer', expiresIn: 900 } satisfies Schemas['TokenResponse']);
}
