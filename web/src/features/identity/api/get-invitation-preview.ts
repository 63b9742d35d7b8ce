import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

/** The token goes in the request body: a URL (path or query) would put the secret into server logs. */
export function getInvitationPreview(token: string) {
  return unwrap(api.POST('/api/public/invitations/preview', { body: { token } }));
}

/** The token is part of the key, which lives only in the in-memory query cache; it is never logged or persisted. */
export function invitationPreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['identity', 'invitation-preview', token],
    queryFn: () => getInvitationPreview(token),
    staleTime: Infinity,
  });
}

/** POST /api/public/invitations/preview (no login): what the invitation is for. */
export function useInvitationPreview(token: string | null) {
  return useQuery({ ...invitationPreviewQueryOptions(token ?? ''), enabled: token !== null });
}
