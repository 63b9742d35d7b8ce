import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

export function getInvitationPreview(token: string) {
  return unwrap(api.GET('/api/public/invitations/{token}', { params: { path: { token } } }));
}

export function invitationPreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['identity', 'invitation-preview', token],
    queryFn: () => getInvitationPreview(token),
    staleTime: Infinity,
  });
}

/** GET /api/public/invitations/{token} (no login): what the invitation is for. */
export function useInvitationPreview(token: string | null) {
  return useQuery({ ...invitationPreviewQueryOptions(token ?? ''), enabled: token !== null });
}
