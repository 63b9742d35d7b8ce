import { z } from 'zod';

import type { Role } from '@/lib/api/types';
import { roleLabels } from '@/lib/labels';

export const roleSchema = z.enum(['admin', 'compliance', 'logistics', 'buyer', 'supplier', 'viewer'], {
  error: 'Choose a role.',
}) satisfies z.ZodType<Role>;

export const roles: readonly Role[] = roleSchema.options;

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
