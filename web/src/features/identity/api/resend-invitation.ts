import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import { invalidateInvitations } from './get-invitations';

export function resendInvitation(id: string) {
  return unwrap(api.POST('/api/invitations/{id}/resend', { params: { path: { id } } }));
}

/** POST /api/invitations/{id}/resend; issues a new link (the old one stops working). */
export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resendInvitation, onSettled: () => invalidateInvitations(queryClient) });
}
