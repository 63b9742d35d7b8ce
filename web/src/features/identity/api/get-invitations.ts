import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import type { PageRequest } from './get-users';

const invitationsKey = ['identity', 'invitations'] as const;

export function getInvitations({ page, size }: PageRequest) {
  return unwrap(api.GET('/api/invitations', { params: { query: { page, size } } }));
}

export function invitationsQueryOptions(request: PageRequest) {
  return queryOptions({ queryKey: [...invitationsKey, request], queryFn: () => getInvitations(request) });
}

/** GET /api/invitations: invitations of the caller's organisation. */
export function useInvitations(request: PageRequest) {
  return useQuery({ ...invitationsQueryOptions(request), placeholderData: keepPreviousData });
}

export function invalidateInvitations(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: invitationsKey });
}
