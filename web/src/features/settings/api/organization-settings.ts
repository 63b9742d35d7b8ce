import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import type { OrganizationSettingsRequest } from '../model/types';


export function organizationSettingsQueryOptions() {
  return queryOptions({ queryKey: ['settings', 'organization'], queryFn: () => unwrap(api.GET('/api/organization/settings')) });
}

/** GET /api/organization/settings: readable by every member. */
export function useOrganizationSettings() {
  return useQuery(organizationSettingsQueryOptions());
}

/** PUT /api/organization/settings (settings:manage). */
export function useSaveOrganizationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationSettingsRequest) => unwrap(api.PUT('/api/organization/settings', { body })),
    onSuccess: (saved) => queryClient.setQueryData(organizationSettingsQueryOptions().queryKey, saved),
  });
}
