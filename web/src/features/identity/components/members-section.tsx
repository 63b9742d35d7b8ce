import { useState } from 'react';

import { Alert, Badge, Button, Card, PageSpinner, Pager, ProblemAlert, Select, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import type { Role, Schemas } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';
import { roleLabels, userStatusLabels } from '@/lib/labels';

import { useDeactivateUser } from '../api/deactivate-user';
import { useUsers } from '../api/get-users';
import { useReactivateUser } from '../api/reactivate-user';
import { useUpdateUserRole } from '../api/update-user-role';
import { roleOptions } from '../model/roles';

type UserView = Schemas['UserView'];
type Feedback = { tone: 'success'; message: string } | { tone: 'error'; error: unknown } | null;

const pageSize = 50;

export function MembersSection({ currentUserId }: { currentUserId: string | undefined }) {
  const [page, setPage] = useState(0);
  const users = useUsers({ page, size: pageSize });
  const updateRole = useUpdateUserRole();
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();
  const [busyUserId, setBusyUserId] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  function callbacks(user: UserView, success: string) {
    setBusyUserId(user.id);
    setFeedback(null);
    return {
      onSuccess: () => setFeedback({ tone: 'success', message: success }),
      onError: (error: unknown) => setFeedback({ tone: 'error', error }),
      onSettled: () => setBusyUserId(null),
    };
  }

  function changeRole(user: UserView, role: Role) {
    updateRole.mutate({ id: user.id, role }, callbacks(user, `${user.fullName} is now ${roleLabels[role]}.`));
  }

  function toggleActive(user: UserView) {
    if (user.status === 'active') {
      deactivate.mutate(user.id, callbacks(user, `${user.fullName} was deactivated.`));
    } else {
      reactivate.mutate(user.id, callbacks(user, `${user.fullName} was reactivated.`));
    }
  }

  return (
    <Card title="Members">
      {feedback?.tone === 'error' && (
        <ProblemAlert error={feedback.error} title="The change was refused" className="mb-4" />
      )}
      {feedback?.tone === 'success' && (
        <Alert tone="success" className="mb-4">
          {feedback.message}
        </Alert>
      )}
      {users.isPending && <PageSpinner label="Loading members…" />}
      {users.isError && <ProblemAlert error={users.error} title="Members could not be loaded" />}
      {users.data && (
        <>
          <Table caption="Members of your organisation">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>E-mail</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th className="hidden lg:table-cell">Last sign-in</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {users.data.items.map((user) => (
                <MemberRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === currentUserId}
                  busy={busyUserId === user.id}
                  pendingRole={busyUserId === user.id ? updateRole.variables?.role : undefined}
                  onRoleChange={(role) => changeRole(user, role)}
                  onToggleActive={() => toggleActive(user)}
                />
              ))}
            </TBody>
          </Table>
          <Pager page={page} totalPages={users.data.totalPages} label="Members pages" onChange={setPage} />
        </>
      )}
    </Card>
  );
}

interface MemberRowProps {
  user: UserView;
  isSelf: boolean;
  busy: boolean;
  pendingRole: Role | undefined;
  onRoleChange: (role: Role) => void;
  onToggleActive: () => void;
}

function MemberRow({ user, isSelf, busy, pendingRole, onRoleChange, onToggleActive }: MemberRowProps) {
  const active = user.status === 'active';
  return (
    <Tr>
      <Td className="font-medium whitespace-nowrap text-slate-900">
        {user.fullName}
        {isSelf && <span className="ml-1 font-normal text-slate-700">(you)</span>}
      </Td>
      <Td className="whitespace-nowrap">{user.email}</Td>
      <Td>
        {isSelf ? (
          roleLabels[user.role]
        ) : (
          <Select
            aria-label={`Role of ${user.fullName}`}
            value={pendingRole ?? user.role}
            disabled={busy}
            onChange={(event) => onRoleChange(event.target.value as Role)}
            className="min-w-36"
          >
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        )}
      </Td>
      <Td>
        <Badge tone={active ? 'green' : 'grey'}>{userStatusLabels[user.status]}</Badge>
      </Td>
      <Td className="hidden whitespace-nowrap lg:table-cell">{formatDateTime(user.lastLoginAt)}</Td>
      <Td className="text-right">
        {!isSelf && (
          <Button
            variant={active ? 'danger' : 'secondary'}
            size="sm"
            disabled={busy}
            aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${user.fullName}`}
            onClick={onToggleActive}
          >
            {active ? 'Deactivate' : 'Reactivate'}
          </Button>
        )}
      </Td>
    </Tr>
  );
}
