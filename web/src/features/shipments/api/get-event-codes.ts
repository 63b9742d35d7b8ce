import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getEventCodes() {
  return unwrap(api.GET('/api/reference/event-codes'));
}

export function eventCodesQueryOptions() {
  return queryOptions({ queryKey: ['shipments', 'reference', 'event-codes'], queryFn: getEventCodes, staleTime: 60 * 60_000 });
}

/** GET /api/reference/event-codes: to name a container's last DCSA event (e.g. DEPA → "Vessel departed"). */
export function useEventCodes() {
  return useQuery(eventCodesQueryOptions());
}
