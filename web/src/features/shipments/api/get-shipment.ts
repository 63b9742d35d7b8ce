import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

import { shipmentsKey } from './get-shipments';

export type ShipmentDetail = Schemas['Detail'];

export function getShipment(id: string) {
  return unwrap(api.GET('/api/shipments/{id}', { params: { path: { id } } }));
}

export function shipmentQueryOptions(id: string) {
  return queryOptions({ queryKey: [...shipmentsKey, 'detail', id], queryFn: () => getShipment(id) });
}

/** How often a shown shipment is re-read: tracking moves its status and ETA in the background. */
export const liveRefreshMs = 15_000;

/**
 * GET /api/shipments/{id}: the shipment with containers, product lines, parties and allowed transitions.
 * `live` re-reads it periodically (the detail page); the edit form must not, or it would replace what is
 * being typed.
 */
export function useShipment(id: string, { live = false }: { live?: boolean } = {}) {
  return useQuery({ ...shipmentQueryOptions(id), refetchInterval: live ? liveRefreshMs : false });
}

/** After a change: keep the answer as the detail, and refetch lists and history that may show it. */
export function shipmentChanged(queryClient: QueryClient, detail: ShipmentDetail) {
  queryClient.setQueryData(shipmentQueryOptions(detail.id).queryKey, detail);
  return queryClient.invalidateQueries({ queryKey: shipmentsKey });
}
