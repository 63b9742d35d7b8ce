import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { apiFetch } from '@/lib/api/raw';

import { pageSize, toApiQuery, type AuditLogParams } from '../model/params';

export const auditLogKey = ['audit-log'] as const;

/** GET /api/audit-log (audit:read): one page of the organisation's entries, newest first. */
export function useAuditLog(params: AuditLogParams) {
  return useQuery({
    queryKey: [...auditLogKey, params],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit-log', {
          params: { query: { ...toApiQuery(params), page: params.page, size: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/audit-log/export: the filtered log as CSV (needs the session's token, so not a plain link). */
export async function exportAuditLog(params: AuditLogParams): Promise<Blob> {
  const response = await apiFetch('/api/audit-log/export', {
    query: toApiQuery(params),
    accept: 'text/csv, application/problem+json',
  });
  return response.blob();
}
