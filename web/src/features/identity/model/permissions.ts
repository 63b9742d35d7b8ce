import type { Permission } from '@/config/permissions';
import type { Me } from '@/lib/api/types';

export function hasPermission(me: Pick<Me, 'permissions'> | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
