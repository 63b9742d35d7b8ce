import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiJson } from '@/lib/api/raw';

import type { OrganizationSettings } from '../model/types';

const settingsPath = '/api/organization/settings';

export function organizationSettingsQueryOptions() {
  return queryOptions({ queryKey: ['settings', 'organization'], queryFn: () => apiJson<OrganizationSettings>(settingsPath) });
}

/** GET /api/organization/settings: readable by every member. */
export function useOrganizationSettings() {
  return useQuery(organizationSettingsQueryOptions());
}

/** PUT /api/organization/settings (settings:manage). */
export function useSaveOrganizationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationSettings) =>
      apiJson<OrganizationSettings>(settingsPath, { method: 'PUT', body: JSON.stringify(body), contentType: 'application/json' }),
    onSuccess: (saved) => queryClient.setQueryData(organizationSettingsQueryOptions().queryKey, saved),
  });
}
