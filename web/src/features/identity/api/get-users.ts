import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export interface PageRequest {
  page: number;
  size: number;
}

const usersKey = ['identity', 'users'] as const;

export function getUsers({ page, size }: PageRequest) {
  return unwrap(api.GET('/api/users', { params: { query: { page, size } } }));
}

export function usersQueryOptions(request: PageRequest) {
  return queryOptions({ queryKey: [...usersKey, request], queryFn: () => getUsers(request) });
}

/** GET /api/users: members of the caller's organisation, one page at a time. */
export function useUsers(request: PageRequest) {
  return useQuery({ ...usersQueryOptions(request), placeholderData: keepPreviousData });
}

/** Refetch every page of users, after a change to any of them. */
export function invalidateUsers(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: usersKey });
}
