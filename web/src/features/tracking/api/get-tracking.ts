import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import type { ShipmentTracking } from './types';

/** Simulated and real providers report progress while the page is open: poll, so it appears without a reload. */
export const trackingPollMs = 15_000;

export function getTracking(shipmentId: string) {
  return unwrap<ShipmentTracking>(api.GET('/api/shipments/{id}/tracking', { params: { path: { id: shipmentId } } }));
}

export function trackingQueryOptions(shipmentId: string) {
  return queryOptions({ queryKey: ['tracking', shipmentId], queryFn: () => getTracking(shipmentId) });
}

/** GET /api/shipments/{id}/tracking, refetched every 15 s while mounted (and the tab is visible). */
export function useTracking(shipmentId: string) {
  return useQuery({ ...trackingQueryOptions(shipmentId), refetchInterval: trackingPollMs });
}
