import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getProductTypes() {
  return unwrap(api.GET('/api/reference/product-types'));
}

export function productTypesQueryOptions() {
  return queryOptions({ queryKey: ['shipments', 'reference', 'product-types'], queryFn: getProductTypes, staleTime: 10 * 60_000 });
}

/** GET /api/reference/product-types: Product types. */
export function useProductTypes() {
  return useQuery(productTypesQueryOptions());
}
