import { paths } from '@/config/paths';
import { permissions, type Permission } from '@/config/permissions';

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to users holding this permission (from GET /api/me). */
  permission?: Permission;
}

export const navItems: readonly NavItem[] = [
  { to: paths.dashboard, label: 'Dashboard' },
  { to: paths.shipments, label: 'Shipments', permission: permissions.shipmentsRead },
  { to: paths.analytics, label: 'Analytics', permission: permissions.analyticsRead },
  { to: paths.users, label: 'Users', permission: permissions.usersManage },
  { to: paths.organizationSettings, label: 'Settings', permission: permissions.settingsManage },
  { to: paths.auditLog, label: 'Audit log', permission: permissions.auditRead },
];
