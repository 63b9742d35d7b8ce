import type { ReactNode } from 'react';

import { PageSpinner } from '@/components/ui';
import type { Permission } from '@/config/permissions';
import { hasPermission, useMe } from '@/features/identity';

import { NotFoundPage } from './not-found';

/** Pages beyond the user's permissions answer "not found", as the API does. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <PageSpinner />;
  return hasPermission(me.data, permission) ? children : <NotFoundPage />;
}
