import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import { trackingQueryOptions } from './get-tracking';
import type { ShipmentTracking } from './types';

export function refreshTracking(shipmentId: string) {
  return unwrap<ShipmentTracking>(api.POST('/api/shipments/{id}/tracking/refresh', { params: { path: { id: shipmentId } } }));
}

/** POST /api/shipments/{id}/tracking/refresh (permission tracking:refresh): asks the provider now. */
export function useRefreshTracking(shipmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshTracking(shipmentId),
    onSuccess: (tracking) => queryClient.setQueryData(trackingQueryOptions(shipmentId).queryKey, tracking),
  });
}
