import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getLocations() {
  return unwrap(api.GET('/api/reference/locations'));
}

export function locationsQueryOptions() {
  return queryOptions({ queryKey: ['shipments', 'reference', 'locations'], queryFn: getLocations, staleTime: 10 * 60_000 });
}

/** GET /api/reference/locations: UN/LOCODE locations known to TraceHub. */
export function useLocations() {
  return useQuery(locationsQueryOptions());
}
