import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import type { OverrideRequest } from '../model/types';

import { complianceKey } from './get-compliance';

/** POST …/compliance/overrides → 201 OverrideView; 403 `forbidden` outside the owner's compliance users. */
export function createOverride(shipmentId: string, body: OverrideRequest) {
  return unwrap(api.POST('/api/shipments/{id}/compliance/overrides', { params: { path: { id: shipmentId } }, body }));
}

/** DELETE …/compliance/overrides/{overrideId} → 204. */
export async function revokeOverride(shipmentId: string, overrideId: string) {
  await unwrap(api.DELETE('/api/shipments/{id}/compliance/overrides/{overrideId}', { params: { path: { id: shipmentId, overrideId } } }));
}

/** POST …/compliance/overrides (compliance:override): the finding stays, marked overridden with the reason. */
export function useCreateOverride(shipmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OverrideRequest) => createOverride(shipmentId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKey }),
  });
}

/** DELETE …/compliance/overrides/{overrideId}: revoked (recorded by the server, not deleted). */
export function useRevokeOverride(shipmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overrideId: string) => revokeOverride(shipmentId, overrideId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKey }),
  });
}
