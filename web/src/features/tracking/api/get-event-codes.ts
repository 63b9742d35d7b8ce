import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getEventCodes() {
  return unwrap(api.GET('/api/reference/event-codes'));
}

export function eventCodesQueryOptions() {
  return queryOptions({ queryKey: ['tracking', 'event-codes'], queryFn: getEventCodes, staleTime: 60 * 60_000 });
}

/** GET /api/reference/event-codes: DCSA Track & Trace codes and their descriptions. */
export function useEventCodes() {
  return useQuery(eventCodesQueryOptions());
}
