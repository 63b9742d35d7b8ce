import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '@/lib/api/raw';

import type { OverrideRequest } from '../model/types';

import { complianceKey } from './get-compliance';

const overridesPath = (shipmentId: string) => `/api/shipments/${encodeURIComponent(shipmentId)}/compliance/overrides`;

export async function createOverride(shipmentId: string, body: OverrideRequest) {
  await apiFetch(overridesPath(shipmentId), {
    method: 'POST',
    body: JSON.stringify(body),
    contentType: 'application/json',
  });
}

export async function revokeOverride(shipmentId: string, overrideId: string) {
  await apiFetch(`${overridesPath(shipmentId)}/${encodeURIComponent(overrideId)}`, { method: 'DELETE' });
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
