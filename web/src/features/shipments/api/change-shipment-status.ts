import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

import { shipmentChanged } from './get-shipment';

export function changeShipmentStatus({ id, body }: { id: string; body: Schemas['StatusChangeRequest'] }) {
  return unwrap(api.POST('/api/shipments/{id}/status', { params: { path: { id } }, body }));
}

/** POST /api/shipments/{id}/status. */
export function useChangeShipmentStatus() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changeShipmentStatus, onSuccess: (detail) => shipmentChanged(queryClient, detail) });
}
