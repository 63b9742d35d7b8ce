import { useState } from 'react';

import { Alert, Badge, Button, Card, PageSpinner, Pager, ProblemAlert, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import type { InvitationStatus, Schemas } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';
import { invitationStatusLabels, roleLabels } from '@/lib/labels';

import { useInvitations } from '../api/get-invitations';
import { useResendInvitation } from '../api/resend-invitation';
import { useRevokeInvitation } from '../api/revoke-invitation';

import { InvitationLink } from './invitation-link';
import { InviteForm } from './invite-form';

type InvitationView = Schemas['InvitationView'];
type InvitationIssued = Schemas['InvitationIssued'];
type Feedback = { tone: 'success'; message: string } | { tone: 'error'; error: unknown } | null;

const pageSize = 50;

const statusTones: Record<InvitationStatus, 'amber' | 'green' | 'grey' | 'red'> = {
  pending: 'amber',
  accepted: 'green',
  revoked: 'grey',
  expired: 'red',
};

export function InvitationsSection() {
  const [page, setPage] = useState(0);
  const invitations = useInvitations({ page, size: pageSize });
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [issued, setIssued] = useState<InvitationIssued | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  function start(invitation: InvitationView) {
    setBusyId(invitation.id);
    setFeedback(null);
  }

  function resendTo(invitation: InvitationView) {
    start(invitation);
    resend.mutate(invitation.id, {
      onSuccess: (result) => setIssued(result),
      onError: (error) => setFeedback({ tone: 'error', error }),
      onSettled: () => setBusyId(null),
    });
  }

  function revokeFor(invitation: InvitationView) {
    start(invitation);
    revoke.mutate(invitation.id, {
      onSuccess: () => {
        if (issued?.invitation.id === invitation.id) setIssued(null);
        setFeedback({ tone: 'success', message: `The invitation to ${invitation.email} was revoked.` });
      },
      onError: (error) => setFeedback({ tone: 'error', error }),
      onSettled: () => setBusyId(null),
    });
  }

  return (
    <Card title="Invitations">
      <div className="space-y-6">
        <InviteForm
          onIssued={(result) => {
            setFeedback(null);
            setIssued(result);
          }}
        />
        {issued && <InvitationLink issued={issued} onDone={() => setIssued(null)} />}
        {feedback?.tone === 'error' && <ProblemAlert error={feedback.error} title="The change was refused" />}
        {feedback?.tone === 'success' && <Alert tone="success">{feedback.message}</Alert>}
        {invitations.isPending && <PageSpinner label="Loading invitations…" />}
        {invitations.isError && <ProblemAlert error={invitations.error} title="Invitations could not be loaded" />}
        {invitations.data && invitations.data.items.length === 0 && (
          <p className="text-sm text-slate-700">No invitations yet.</p>
        )}
        {invitations.data && invitations.data.items.length > 0 && (
          <div>
            <Table caption="Invitations to your organisation">
              <THead>
                <Tr>
                  <Th>E-mail</Th>
                  <Th>Role</Th>
                  <Th>Status</Th>
                  <Th>Expires</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {invitations.data.items.map((invitation) => (
                  <Tr key={invitation.id}>
                    <Td className="whitespace-nowrap">{invitation.email}</Td>
                    <Td>{roleLabels[invitation.role]}</Td>
                    <Td>
                      <Badge tone={statusTones[invitation.status]}>{invitationStatusLabels[invitation.status]}</Badge>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(invitation.expiresAt)}</Td>
                    <Td>
                      <div className="flex justify-end gap-2">
                        {(invitation.status === 'pending' || invitation.status === 'expired') && (
                          <Button
                            variant="secondary"
                            size="sm"
                            disabled={busyId === invitation.id}
                            aria-label={`Resend invitation to ${invitation.email}`}
                            onClick={() => resendTo(invitation)}
                          >
                            Resend
                          </Button>
                        )}
                        {invitation.status === 'pending' && (
                          <Button
                            variant="danger"
                            size="sm"
                            disabled={busyId === invitation.id}
                            aria-label={`Revoke invitation to ${invitation.email}`}
                            onClick={() => revokeFor(invitation)}
                          >
                            Revoke
                          </Button>
                        )}
                      </div>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            <Pager
              page={page}
              totalPages={invitations.data.totalPages}
              label="Invitations pages"
              onChange={setPage}
            />
          </div>
        )}
      </div>
    </Card>
  );
}
