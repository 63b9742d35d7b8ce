import { Route, Routes } from 'react-router';

import { paths } from '@/config/paths';
import { permissions } from '@/config/permissions';
import { AnalyticsPage } from '@/features/analytics';
import { AuditLogPage } from '@/features/audit';
import { AcceptInvitationPage, LoginPage, UsersPage } from '@/features/identity';
import { NotificationPreferencesPage, NotificationsPage } from '@/features/notifications';
import { OrganizationSettingsPage } from '@/features/settings';
import { ShipmentCreatePage, ShipmentImportPage } from '@/features/shipments';

import { AppShell } from './layout/app-shell';
import { DashboardRoute } from './routes/dashboard';
import { NotFoundPage } from './routes/not-found';
import { RequirePermission } from './routes/require-permission';
import { RequireSession } from './routes/require-session';
import { ShipmentDetailRoute, ShipmentEditRoute, ShipmentsListRoute } from './routes/shipments';

export function AppRoutes() {
  return (
    <Routes>
      <Route path={paths.login} element={<LoginPage />} />
      <Route path={paths.acceptInvitation} element={<AcceptInvitationPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<DashboardRoute />} />
          <Route
            path={paths.users}
            element={
              <RequirePermission permission={permissions.usersManage}>
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path={paths.organizationSettings}
            element={
              <RequirePermission permission={permissions.settingsManage}>
                <OrganizationSettingsPage />
              </RequirePermission>
            }
          />
          <Route path={paths.notifications} element={<NotificationsPage />} />
          <Route path={paths.notificationSettings} element={<NotificationPreferencesPage />} />
          <Route
            path={paths.auditLog}
            element={
              <RequirePermission permission={permissions.auditRead}>
                <AuditLogPage />
              </RequirePermission>
            }
          />
          <Route
            path={paths.shipments}
            element={
              <RequirePermission permission={permissions.shipmentsRead}>
                <ShipmentsListRoute />
              </RequirePermission>
            }
          />
          <Route
            path={paths.shipmentNew}
            element={
              <RequirePermission permission={permissions.shipmentsWrite}>
                <ShipmentCreatePage />
              </RequirePermission>
            }
          />
          <Route
            path={paths.shipmentImport}
            element={
              <RequirePermission permission={permissions.shipmentsWrite}>
                <ShipmentImportPage />
              </RequirePermission>
            }
          />
          <Route
            path={paths.shipmentDetail}
            element={
              <RequirePermission permission={permissions.shipmentsRead}>
                <ShipmentDetailRoute />
              </RequirePermission>
            }
          />
          <Route
            path={paths.shipmentEdit}
            element={
              <RequirePermission permission={permissions.shipmentsWrite}>
                <ShipmentEditRoute />
              </RequirePermission>
            }
          />
          <Route
            path={paths.analytics}
            element={
              <RequirePermission permission={permissions.analyticsRead}>
                <AnalyticsPage />
              </RequirePermission>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
