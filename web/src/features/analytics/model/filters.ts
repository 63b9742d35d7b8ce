/** The analytics page's filters as they live in the URL, so a filtered view can be linked and goes back. */
export interface AnalyticsFilters {
  /** yyyy-mm-dd, inclusive; empty = the server's default (the last 90 days). */
  from: string;
  to: string;
  buyerId: string;
  productCode: string;
  granularity: 'week' | 'month';
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(search: URLSearchParams): AnalyticsFilters {
  const text = (name: string) => search.get(name)?.trim() ?? '';
  const date = (name: string) => (datePattern.test(text(name)) ? text(name) : '');
  return {
    from: date('from'),
    to: date('to'),
    buyerId: text('buyerId'),
    productCode: text('productCode'),
    granularity: text('granularity') === 'month' ? 'month' : 'week',
  };
}

export function writeFilters(filters: AnalyticsFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of ['from', 'to', 'buyerId', 'productCode'] as const) if (filters[name]) search.set(name, filters[name]);
  if (filters.granularity !== 'week') search.set('granularity', filters.granularity);
  return search;
}
