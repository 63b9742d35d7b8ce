import type { Schemas } from '@/lib/api/types';

import { buyerPartner } from './shipment-fixtures';

const list = (query: string) => `/api/shipments${query ? `?${query}` : ''}`;
const figure = (count: number, query: string) => ({ count, list: list(query) });

const statuses = ['draft', 'docs_pending', 'docs_complete', 'in_transit', 'arrived', 'customs', 'delivered', 'archived'];

/** The summary the backend answers for a small exporter (shape and links as the API builds them). */
export const analyticsSummary = {
  period: { from: '2026-09-02', to: '2026-11-30' },
  week: { start: '2026-11-30T00:00:00Z', end: '2026-12-07T00:00:00Z' },
  total: figure(7, ''),
  byStatus: statuses.map((status, index) => ({ status, count: index === 3 ? 2 : 1, list: list(`status=${status}`) })),
  inTransit: figure(2, 'status=in_transit'),
  arrivingThisWeek: figure(
    1,
    'status=draft&status=docs_pending&status=docs_complete&status=in_transit&etaFrom=2026-11-30T00:00:00Z&etaTo=2026-12-07T00:00:00Z',
  ),
  averageTransitDays: { days: 22.3, ...figure(3, 'ataFrom=2026-09-02T00:00:00Z&ataTo=2026-12-01T00:00:00Z&atdTo=2026-12-01T00:00:00Z') },
  onTime: {
    rate: 0.5,
    onTime: figure(1, 'ataFrom=2026-09-02T00:00:00Z&ataTo=2026-12-01T00:00:00Z&onTime=true'),
    late: figure(1, 'ataFrom=2026-09-02T00:00:00Z&ataTo=2026-12-01T00:00:00Z&onTime=false'),
  },
  compliance: {
    rate: 0.5714,
    compliant: figure(4, 'compliance=compliant'),
    inProgress: figure(1, 'compliance=in_progress'),
    nonCompliant: figure(1, 'compliance=non_compliant'),
    notEvaluated: figure(1, 'compliance=not_evaluated'),
  },
  documentsAwaitingReview: { count: 2, documents: 3, list: list('documentsAwaitingReview=true') },
  certificatesExpiring: { count: 1, documents: 1, list: list('expiryFrom=2026-11-30&expiryTo=2026-12-31') },
  etaSlips: figure(1, 'attention=eta_slipped'),
} satisfies Schemas['AnalyticsSummary'];

const bucket = (start: string, end: string, created: number) => ({
  start,
  end,
  created: figure(created, `createdFrom=${start}T00:00:00Z&createdTo=${end}T00:00:00Z`),
  departed: figure(1, `atdFrom=${start}T00:00:00Z&atdTo=${end}T00:00:00Z`),
  arrived: figure(1, `ataFrom=${start}T00:00:00Z&ataTo=${end}T00:00:00Z`),
  onTime: {
    rate: 1,
    onTime: figure(1, `ataFrom=${start}T00:00:00Z&ataTo=${end}T00:00:00Z&onTime=true`),
    late: figure(0, `ataFrom=${start}T00:00:00Z&ataTo=${end}T00:00:00Z&onTime=false`),
  },
  complianceRate: 1,
  departedCompliant: figure(1, `atdFrom=${start}T00:00:00Z&atdTo=${end}T00:00:00Z&compliance=compliant`),
});

export const analyticsTrends = {
  granularity: 'week',
  period: { from: '2026-11-16', to: '2026-11-29' },
  buckets: [bucket('2026-11-16', '2026-11-23', 2), bucket('2026-11-23', '2026-11-30', 5)],
} satisfies Schemas['AnalyticsTrends'];

const group = (key: string, name: string, param: string) => ({
  key,
  name,
  total: figure(4, `${param}=${key}`),
  inTransit: figure(1, `${param}=${key}&status=in_transit`),
  compliant: figure(3, `${param}=${key}&compliance=compliant`),
  complianceRate: 0.75,
  onTime: {
    rate: 0.5,
    onTime: figure(1, `${param}=${key}&ataFrom=2026-09-02T00:00:00Z&ataTo=2026-12-01T00:00:00Z&onTime=true`),
    late: figure(1, `${param}=${key}&ataFrom=2026-09-02T00:00:00Z&ataTo=2026-12-01T00:00:00Z&onTime=false`),
  },
  averageTransitDays: { days: 21, ...figure(2, `${param}=${key}&ataFrom=2026-09-02T00:00:00Z`) },
});

export const buyerBreakdown = {
  by: 'buyer',
  period: analyticsSummary.period,
  groups: [group(buyerPartner.id, buyerPartner.name, 'buyer')],
} satisfies Schemas['AnalyticsBreakdown'];

export const productBreakdown = {
  by: 'product',
  period: analyticsSummary.period,
  groups: [group('cocoa_beans', 'Cocoa beans', 'productType')],
} satisfies Schemas['AnalyticsBreakdown'];
