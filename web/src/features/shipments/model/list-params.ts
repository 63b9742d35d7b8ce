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
  /**
   * Criteria the analytics figures link with (createdFrom, ataFrom, onTime, compliance, …, and etaFrom/etaTo
   * as instants): passed to the API as they are, so the list shows exactly the shipments a figure counts.
   */
  facts?: Record<string, string>;
}

/** The list filters analytics links use beyond the ones the filter panel edits. */
export const factParams = [
  'createdFrom',
  'createdTo',
  'atdFrom',
  'atdTo',
  'ataFrom',
  'ataTo',
  'attention',
  'onTime',
  'compliance',
  'documentsAwaitingReview',
  'expiryFrom',
  'expiryTo',
] as const;

export const factLabels: Record<string, string> = {
  createdFrom: 'created from',
  createdTo: 'created before',
  atdFrom: 'departed from',
  atdTo: 'departed before',
  ataFrom: 'arrived from',
  ataTo: 'arrived before',
  attention: 'attention',
  onTime: 'on time',
  compliance: 'compliance',
  documentsAwaitingReview: 'documents awaiting review',
  expiryFrom: 'document expiring from',
  expiryTo: 'document expiring before',
  etaFrom: 'ETA from',
  etaTo: 'ETA before',
};

const instantPattern = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const factPattern = /^[\w:.-]{1,40}$/;

function readFacts(search: URLSearchParams): Record<string, string> | undefined {
  const facts: Record<string, string> = {};
  for (const name of factParams) {
    const value = search.get(name)?.trim();
    if (value && factPattern.test(value)) facts[name] = value;
  }
  // An ETA window to the second (from analytics) rather than whole days (from the filter panel).
  for (const name of ['etaFrom', 'etaTo'] as const) {
    const value = search.get(name)?.trim();
    if (value && instantPattern.test(value)) facts[name] = value;
  }
  return Object.keys(facts).length > 0 ? facts : undefined;
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
    facts: readFacts(search),
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
  for (const [name, value] of Object.entries(params.facts ?? {})) search.set(name, value);
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
    ...params.facts,
  };
}
