import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { Role } from '@/lib/api/types';

import { invalidateUsers } from './get-users';

export function updateUserRole({ id, role }: { id: string; role: Role }) {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: { role } }));
}

/** PATCH /api/users/{id}. */
export function useUpdateUserRole() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateUserRole, onSettled: () => invalidateUsers(queryClient) });
}
