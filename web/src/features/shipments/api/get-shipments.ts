import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import { toApiQuery, type ShipmentListParams } from '../model/list-params';

export const shipmentsKey = ['shipments'] as const;

export function getShipments(params: ShipmentListParams) {
  return unwrap(api.GET('/api/shipments', { params: { query: toApiQuery(params) } }));
}

export function shipmentsQueryOptions(params: ShipmentListParams) {
  return queryOptions({ queryKey: [...shipmentsKey, 'list', params], queryFn: () => getShipments(params) });
}

/** GET /api/shipments: one page of the shipments the caller may see, filtered and sorted. */
export function useShipments(params: ShipmentListParams) {
  return useQuery({ ...shipmentsQueryOptions(params), placeholderData: keepPreviousData });
}
