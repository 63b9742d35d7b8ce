import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import type { AnalyticsFilters } from '../model/filters';

export const analyticsKey = ['analytics'] as const;

function period(filters: Pick<AnalyticsFilters, 'from' | 'to'>) {
  return { from: filters.from || undefined, to: filters.to || undefined };
}

export function summaryQueryOptions(filters: AnalyticsFilters) {
  return queryOptions({
    queryKey: [...analyticsKey, 'summary', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/analytics/summary', {
          params: {
            query: { ...period(filters), buyerId: filters.buyerId || undefined, productCode: filters.productCode || undefined },
          },
        }),
      ),
  });
}

/** GET /api/analytics/summary: the headline figures, each with the list query that shows its members. */
export function useAnalyticsSummary(filters: AnalyticsFilters) {
  return useQuery({ ...summaryQueryOptions(filters), placeholderData: keepPreviousData });
}

/** GET /api/analytics/trends: created, departed, arrived, on-time and compliance per week or month. */
export function useAnalyticsTrends(filters: AnalyticsFilters) {
  return useQuery({
    queryKey: [...analyticsKey, 'trends', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/analytics/trends', {
          params: {
            query: {
              granularity: filters.granularity,
              ...period(filters),
              buyerId: filters.buyerId || undefined,
              productCode: filters.productCode || undefined,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/analytics/breakdown: figures per buyer or per product over the period. */
export function useAnalyticsBreakdown(by: 'buyer' | 'product', filters: Pick<AnalyticsFilters, 'from' | 'to'>) {
  return useQuery({
    queryKey: [...analyticsKey, 'breakdown', by, filters.from, filters.to],
    queryFn: () => unwrap(api.GET('/api/analytics/breakdown', { params: { query: { by, ...period(filters) } } })),
    placeholderData: keepPreviousData,
  });
}
