import { isShipmentStatus, type ShipmentStatus } from './labels';

/** The list's filters, sort and page as they live in the URL, so a filtered list can be linked and goes back. */
export interface ShipmentListParams {
  q: string;
  status: ShipmentStatus[];
  buyer: string;
  productType: string;
  portOfLoading: string;
  portOfDischarge: string;
  /** yyyy-mm-dd, inclusive. */
  etaFrom: string;
  etaTo: string;
  needsAttention: boolean;
  sort: string;
  /** Zero-based. */
  page: number;
}

export const pageSize = 25;

export const sortOptions = [
  { value: 'eta', label: 'ETA, earliest first' },
  { value: '-eta', label: 'ETA, latest first' },
  { value: 'etd', label: 'ETD, earliest first' },
  { value: '-etd', label: 'ETD, latest first' },
  { value: 'reference', label: 'Reference A–Z' },
  { value: '-reference', label: 'Reference Z–A' },
  { value: '-updated', label: 'Recently updated' },
] as const;

const defaultSort = 'eta';
const sortPattern = /^-?(eta|etd|reference|updated)$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function readListParams(search: URLSearchParams): ShipmentListParams {
  const text = (name: string) => search.get(name)?.trim() ?? '';
  const date = (name: string) => (datePattern.test(text(name)) ? text(name) : '');
  const sort = text('sort');
  const page = Number(text('page'));
  return {
    q: search.get('q') ?? '',
    status: search.getAll('status').filter(isShipmentStatus),
    buyer: text('buyer'),
    productType: text('productType'),
    portOfLoading: text('portOfLoading').toUpperCase(),
    portOfDischarge: text('portOfDischarge').toUpperCase(),
    etaFrom: date('etaFrom'),
    etaTo: date('etaTo'),
    needsAttention: text('needsAttention') === 'true',
    sort: sortPattern.test(sort) ? sort : defaultSort,
    page: Number.isInteger(page) && page > 0 ? page - 1 : 0,
  };
}

/** Only what differs from the defaults goes into the URL; pages are one-based there, as people count. */
export function writeListParams(params: ShipmentListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q.trim()) search.set('q', params.q.trim());
  params.status.forEach((status) => search.append('status', status));
  const optional = ['buyer', 'productType', 'portOfLoading', 'portOfDischarge', 'etaFrom', 'etaTo'] as const;
  for (const name of optional) if (params[name]) search.set(name, params[name]);
  if (params.needsAttention) search.set('needsAttention', 'true');
  if (params.sort !== defaultSort) search.set('sort', params.sort);
  if (params.page > 0) search.set('page', String(params.page + 1));
  return search;
}

/** Query parameters of GET /api/shipments. ETA dates are whole days in UTC. */
export function toApiQuery(params: ShipmentListParams) {
  return {
    q: params.q.trim() || undefined,
    status: params.status.length > 0 ? params.status : undefined,
    buyer: params.buyer || undefined,
    productType: params.productType || undefined,
    portOfLoading: params.portOfLoading || undefined,
    portOfDischarge: params.portOfDischarge || undefined,
    etaFrom: params.etaFrom ? `${params.etaFrom}T00:00:00Z` : undefined,
    etaTo: params.etaTo ? `${params.etaTo}T23:59:59Z` : undefined,
    needsAttention: params.needsAttention || undefined,
    sort: params.sort,
    page: params.page,
    size: pageSize,
  };
}
