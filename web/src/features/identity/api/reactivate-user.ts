import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import { invalidateUsers } from './get-users';

export function reactivateUser(id: string) {
  return unwrap(api.POST('/api/users/{id}/reactivate', { params: { path: { id } } }));
}

/** POST /api/users/{id}/reactivate. */
export function useReactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reactivateUser, onSettled: () => invalidateUsers(queryClient) });
}
