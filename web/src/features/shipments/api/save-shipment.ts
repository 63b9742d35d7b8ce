import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

import { shipmentChanged } from './get-shipment';

type ShipmentRequest = Schemas['ShipmentRequest'];

export function createShipment(body: ShipmentRequest) {
  return unwrap(api.POST('/api/shipments', { body }));
}

export function updateShipment({ id, body }: { id: string; body: ShipmentRequest }) {
  return unwrap(api.PUT('/api/shipments/{id}', { params: { path: { id } }, body }));
}

/** POST /api/shipments. */
export function useCreateShipment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createShipment, onSuccess: (detail) => shipmentChanged(queryClient, detail) });
}

/** PUT /api/shipments/{id}; the body carries the version that was loaded (409 stale-version otherwise). */
export function useUpdateShipment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateShipment, onSuccess: (detail) => shipmentChanged(queryClient, detail) });
}
