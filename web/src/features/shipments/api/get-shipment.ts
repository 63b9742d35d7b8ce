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

/** GET /api/shipments/{id}: the shipment with containers, product lines, parties and allowed transitions. */
export function useShipment(id: string) {
  return useQuery(shipmentQueryOptions(id));
}

/** After a change: keep the answer as the detail, and refetch lists and history that may show it. */
export function shipmentChanged(queryClient: QueryClient, detail: ShipmentDetail) {
  queryClient.setQueryData(shipmentQueryOptions(detail.id).queryKey, detail);
  return queryClient.invalidateQueries({ queryKey: shipmentsKey });
}
