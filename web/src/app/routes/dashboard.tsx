import { PageSpinner } from '@/components/ui';
import { DashboardPage } from '@/features/dashboard';
import { useMe } from '@/features/identity';

export function DashboardRoute() {
  const me = useMe();
  if (!me.data) return <PageSpinner />;
  return (
    <DashboardPage
      fullName={me.data.fullName}
      organizationName={me.data.organization.name}
      organizationType={me.data.organization.type}
      role={me.data.role}
    />
  );
}
