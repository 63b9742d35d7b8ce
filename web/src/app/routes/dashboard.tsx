import { PageSpinner } from '@/components/ui';
import { paths } from '@/config/paths';
import { permissions } from '@/config/permissions';
import { HeadlineFigures } from '@/features/analytics';
import { DashboardPage } from '@/features/dashboard';
import { hasPermission, useMe } from '@/features/identity';

export function DashboardRoute() {
  const me = useMe();
  if (!me.data) return <PageSpinner />;
  return (
    <DashboardPage
      fullName={me.data.fullName}
      organizationName={me.data.organization.name}
      organizationType={me.data.organization.type}
      role={me.data.role}
      figures={hasPermission(me.data, permissions.analyticsRead) ? <HeadlineFigures analyticsPath={paths.analytics} /> : undefined}
    />
  );
}
