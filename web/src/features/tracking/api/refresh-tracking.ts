import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiJson } from '@/lib/api/raw';

import { trackingPath, trackingQueryOptions } from './get-tracking';
import type { ShipmentTracking } from './types';

export function refreshTracking(shipmentId: string) {
  return apiJson<ShipmentTracking>(`${trackingPath(shipmentId)}/refresh`, { method: 'POST' });
}

/** POST /api/shipments/{id}/tracking/refresh (permission tracking:refresh): asks the provider now. */
export function useRefreshTracking(shipmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshTracking(shipmentId),
    onSuccess: (tracking) => queryClient.setQueryData(trackingQueryOptions(shipmentId).queryKey, tracking),
  });
}
