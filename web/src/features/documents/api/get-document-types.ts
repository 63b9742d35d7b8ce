import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';


export function documentTypesQueryOptions() {
  return queryOptions({
    queryKey: ['documents', 'types'],
    queryFn: () => unwrap(api.GET('/api/document-types')),
    // Reference data: changes with a release, not during a session.
    staleTime: 60 * 60_000,
  });
}

/** GET /api/document-types: codes, names, whether they expire, type-specific fields. */
export function useDocumentTypes() {
  return useQuery(documentTypesQueryOptions());
}
