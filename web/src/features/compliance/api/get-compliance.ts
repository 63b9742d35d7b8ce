import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';


/**
 * The key prefix of every compliance evaluation. The documents and EUDR features invalidate it by this literal
 * (features may not import each other) after a change that makes the server re-evaluate.
 */
export const complianceKey = ['compliance'] as const;

export function getCompliance(shipmentId: string) {
  return unwrap(api.GET('/api/shipments/{id}/compliance', { params: { path: { id: shipmentId } } }));
}

export function complianceQueryOptions(shipmentId: string) {
  return queryOptions({ queryKey: [...complianceKey, shipmentId], queryFn: () => getCompliance(shipmentId) });
}

/** GET /api/shipments/{id}/compliance: the one evaluation (requirements, regimes, findings, overall). */
export function useCompliance(shipmentId: string) {
  return useQuery(complianceQueryOptions(shipmentId));
}
