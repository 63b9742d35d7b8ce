/** Client-side routes, shared so features can link to each other without importing each other. */
export const paths = {
  dashboard: '/',
  login: '/login',
  users: '/users',
  acceptInvitation: '/accept-invitation',
  shipments: '/shipments',
  shipmentNew: '/shipments/new',
  shipmentImport: '/shipments/import',
  shipmentDetail: '/shipments/:id',
  shipmentEdit: '/shipments/:id/edit',
  organizationSettings: '/settings/organization',
  analytics: '/analytics',
  auditLog: '/admin/audit-log',
  notifications: '/notifications',
  notificationSettings: '/settings/notifications',
} as const;

export function shipmentPath(id: string): string {
  return `${paths.shipments}/${encodeURIComponent(id)}`;
}

export function shipmentEditPath(id: string): string {
  return `${shipmentPath(id)}/edit`;
}

/** Query-string parameter of /login that carries the path to return to after signing in. */
export const returnToParam = 'next';

export function loginPathReturningTo(path: string): string {
  if (path === paths.dashboard || path.startsWith(paths.login)) return paths.login;
  return `${paths.login}?${new URLSearchParams({ [returnToParam]: path }).toString()}`;
}
