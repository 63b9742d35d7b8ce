import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import { shipmentsKey } from './get-shipments';

export function getShipmentHistory(id: string) {
  return unwrap(api.GET('/api/shipments/{id}/history', { params: { path: { id } } }));
}

export function shipmentHistoryQueryOptions(id: string) {
  return queryOptions({ queryKey: [...shipmentsKey, 'history', id], queryFn: () => getShipmentHistory(id) });
}

/** GET /api/shipments/{id}/history: every status change, oldest first. */
export function useShipmentHistory(id: string) {
  // Shown on the detail page only, where tracking may add moves at any time.
  return useQuery({ ...shipmentHistoryQueryOptions(id), refetchInterval: 15_000 });
}
