import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import { invalidateInvitations } from './get-invitations';

export function revokeInvitation(id: string) {
  return unwrap(api.POST('/api/invitations/{id}/revoke', { params: { path: { id } } }));
}

/** POST /api/invitations/{id}/revoke. */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeInvitation, onSettled: () => invalidateInvitations(queryClient) });
}
