import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getMe() {
  return unwrap(api.GET('/api/me'));
}

export function meQueryOptions() {
  return queryOptions({ queryKey: ['identity', 'me'], queryFn: getMe, staleTime: 5 * 60_000 });
}

/** GET /api/me: who is signed in, their organisation, role and permissions. */
export function useMe() {
  return useQuery(meQueryOptions());
}
