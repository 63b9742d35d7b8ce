import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getPartners() {
  return unwrap(api.GET('/api/partners'));
}

export function partnersQueryOptions() {
  return queryOptions({ queryKey: ['shipments', 'reference', 'partners'], queryFn: getPartners, staleTime: 10 * 60_000 });
}

/** GET /api/partners: Partners the caller may name on a shipment (buyers, suppliers, forwarders). */
export function usePartners() {
  return useQuery(partnersQueryOptions());
}
