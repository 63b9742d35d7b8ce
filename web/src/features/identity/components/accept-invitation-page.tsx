import { useState } from 'react';
import { Link, useLocation } from 'react-router';

import { Alert, PageSpinner, ProblemAlert, PublicLayout } from '@/components/ui';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { roleLabels } from '@/lib/labels';

import { useInvitationPreview } from '../api/get-invitation-preview';

import { AcceptInvitationForm } from './accept-invitation-form';

/** The token travels in the URL fragment (#token=…), which browsers never send to a server or its logs. */
function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length > 0 ? token : null;
}

export function AcceptInvitationPage() {
  const { hash } = useLocation();
  const token = tokenFromHash(hash);
  const preview = useInvitationPreview(token);
  const [acceptedEmail, setAcceptedEmail] = useState<string | null>(null);

  if (acceptedEmail !== null) {
    return (
      <PublicLayout title="Invitation accepted">
        <p className="text-slate-800">
          You can now sign in to TraceHub as <strong>{acceptedEmail}</strong>.
        </p>
        <Link
          to={paths.login}
          className="mt-6 inline-block rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800"
        >
          Go to sign in
        </Link>
      </PublicLayout>
    );
  }

  if (token === null) {
    return (
      <PublicLayout title="Accept invitation">
        <Alert tone="error" title="Incomplete invitation link">
          This link does not contain an invitation token. Open the complete link from your invitation, or ask the
          person who invited you to send a new one.
        </Alert>
      </PublicLayout>
    );
  }

  if (preview.isPending) {
    return (
      <PublicLayout title="Accept invitation">
        <PageSpinner label="Checking your invitation…" />
      </PublicLayout>
    );
  }

  if (preview.isError) {
    return (
      <PublicLayout title="Accept invitation">
        <ProblemAlert error={preview.error} title="This invitation cannot be used" />
        <p className="mt-4 text-sm text-slate-700">
          Ask the person who invited you to send a new invitation, or{' '}
          <Link to={paths.login} className="font-medium text-emerald-800 underline">
            sign in
          </Link>{' '}
          if you already have access.
        </p>
      </PublicLayout>
    );
  }

  const invitation = preview.data;
  return (
    <PublicLayout title="Accept invitation">
      <p className="text-slate-800">
        You have been invited to join <strong>{invitation.organizationName}</strong> on TraceHub.
      </p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="font-medium text-slate-700">Organisation</dt>
        <dd className="text-slate-900">{invitation.organizationName}</dd>
        <dt className="font-medium text-slate-700">E-mail</dt>
        <dd className="break-all text-slate-900">{invitation.email}</dd>
        <dt className="font-medium text-slate-700">Role</dt>
        <dd className="text-slate-900">{roleLabels[invitation.role]}</dd>
        <dt className="font-medium text-slate-700">Expires</dt>
        <dd className="text-slate-900">{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      <div className="mt-6">
        <AcceptInvitationForm
          token={token}
          email={invitation.email}
          existingUser={invitation.existingUser}
          onAccepted={setAcceptedEmail}
        />
      </div>
    </PublicLayout>
  );
}
