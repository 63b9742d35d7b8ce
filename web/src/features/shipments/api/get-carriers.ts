import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getCarriers() {
  return unwrap(api.GET('/api/reference/carriers'));
}

export function carriersQueryOptions() {
  return queryOptions({ queryKey: ['shipments', 'reference', 'carriers'], queryFn: getCarriers, staleTime: 10 * 60_000 });
}

/** GET /api/reference/carriers: Ocean carriers by SCAC code. */
export function useCarriers() {
  return useQuery(carriersQueryOptions());
}
