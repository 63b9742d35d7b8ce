import type { Schemas } from '@/lib/api/types';

/** GET/PUT /api/organization/settings. */
export type OrganizationSettings = Schemas['Settings'];
export type OrganizationSettingsRequest = Schemas['SettingsRequest'];
