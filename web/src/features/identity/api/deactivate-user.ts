import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import { invalidateUsers } from './get-users';

export function deactivateUser(id: string) {
  return unwrap(api.POST('/api/users/{id}/deactivate', { params: { path: { id } } }));
}

/** POST /api/users/{id}/deactivate. */
export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deactivateUser, onSettled: () => invalidateUsers(queryClient) });
}
