import type { Schemas } from '@/lib/api/types';

export type AuditLogEntry = Schemas['AuditLogEntry'];
export type AuditLogPage = Schemas['AuditLogPage'];

/** The audit log search as kept in the URL, so a search can be bookmarked and shared. */
export interface AuditLogParams {
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  /** '', a status code, or success | failure | denied. */
  result: string;
  /** datetime-local values (the user's time zone); sent as ISO instants. */
  from: string;
  to: string;
  page: number;
}

export const filterKeys = ['actor', 'action', 'objectType', 'objectId', 'result', 'from', 'to'] as const;

export const pageSize = 50;

export function readParams(search: URLSearchParams): AuditLogParams {
  const page = Number.parseInt(search.get('page') ?? '0', 10);
  return {
    actor: search.get('actor') ?? '',
    action: search.get('action') ?? '',
    objectType: search.get('objectType') ?? '',
    objectId: search.get('objectId') ?? '',
    result: search.get('result') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

export function writeParams(params: AuditLogParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of filterKeys) {
    const value = params[key].trim();
    if (value !== '') search.set(key, value);
  }
  if (params.page > 0) search.set('page', String(params.page));
  return search;
}

function instant(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The API's query: empty filters left out, local times as instants. */
export function toApiQuery(params: AuditLogParams) {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    actor: text(params.actor),
    action: text(params.action),
    objectType: text(params.objectType),
    objectId: text(params.objectId),
    result: text(params.result),
    from: instant(params.from),
    to: instant(params.to),
  };
}

/** How an entry's outcome reads: system actions have no HTTP status. */
export function resultLabel(result: number): string {
  if (result === 0) return 'done';
  if (result === 401 || result === 403) return `${result} denied`;
  if (result >= 400) return `${result} failed`;
  return `${result} ok`;
}
