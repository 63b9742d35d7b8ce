import type { ReactNode } from 'react';

import { Card } from '@/components/ui';
import type { OrganizationType, Role } from '@/lib/api/types';
import { organizationTypeLabels, roleLabels } from '@/lib/labels';

export interface DashboardPageProps {
  fullName: string;
  organizationName: string;
  organizationType: OrganizationType;
  role: Role;
  /** The headline figures (analytics), composed by the app for users allowed to read them. */
  figures?: ReactNode;
}

/** Landing page after sign-in: the headline figures (when the user may read analytics) and the account. */
export function DashboardPage({ fullName, organizationName, organizationType, role, figures }: DashboardPageProps) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Welcome, {fullName}</h1>
      {figures}
      <Card title="Your account" className="max-w-xl">
        <dl className="space-y-2 text-sm">
          <Row label="Organisation" value={organizationName} testId="dashboard-organisation" />
          <Row
            label="Organisation type"
            value={organizationTypeLabels[organizationType]}
            testId="dashboard-organisation-type"
          />
          <Row label="Role" value={roleLabels[role]} testId="dashboard-role" />
        </dl>
      </Card>
    </div>
  );
}

/** Renders as "Organisation: Vibotaj…" in text, so both people and end-to-end tests read it plainly. */
function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-medium text-slate-700">{label}:</dt>{' '}
      <dd data-testid={testId} className="text-slate-900">
        {value}
      </dd>
    </div>
  );
}
