import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api/types';
import { invitations, page, users } from '@/testing/fixtures';
import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { UsersPage } from './users-page';

function issued(email: string, role: Schemas['Role'], acceptUrl: string): Schemas['InvitationIssued'] {
  return {
    invitation: {
      id: '22222222-0000-4000-8000-000000000099',
      email,
      role,
      status: 'pending',
      expiresAt: '2026-12-06T10:00:00Z',
      createdAt: '2026-11-29T10:00:00Z',
      invitedByName: 'Ada Admin',
    },
    acceptUrl,
  };
}

function membersTable() {
  return screen.findByRole('table', { name: 'Members of your organisation' });
}

/** Queries scoped to the table row whose first cell starts with `name`. */
function rowOf(table: HTMLElement, name: string) {
  return within(within(table).getByRole('cell', { name: new RegExp(`^${name}`) }).closest('tr')!);
}

describe('UsersPage', () => {
  it('lists the members with role and status, and offers no actions on your own row', async () => {
    renderWithProviders(<UsersPage />, { route: '/users' });

    const table = await membersTable();
    expect(within(table).getAllByRole('row')).toHaveLength(1 + users.length);

    const self = rowOf(table, 'Ada Admin');
    expect(self.getByText('(you)')).toBeInTheDocument();
    expect(self.getByText('ada.admin@vibotaj.example')).toBeInTheDocument();
    expect(self.getByText('Admin')).toBeInTheDocument();
    expect(self.queryByRole('combobox')).not.toBeInTheDocument();
    expect(self.queryByRole('button')).not.toBeInTheDocument();

    const lola = rowOf(table, 'Lola Logistics');
    expect(lola.getByRole('combobox', { name: 'Role of Lola Logistics' })).toHaveValue('logistics');
    expect(lola.getByText('Active')).toBeInTheDocument();
    expect(lola.getByRole('button', { name: 'Deactivate Lola Logistics' })).toBeEnabled();

    const chidi = rowOf(table, 'Chidi Compliance');
    expect(chidi.getByText('Deactivated')).toBeInTheDocument();
    expect(chidi.getByRole('button', { name: 'Reactivate Chidi Compliance' })).toBeEnabled();
  });

  it('changes a role and refreshes the list', async () => {
    let patched: unknown = null;
    let current = users;
    server.use(
      http.patch('/api/users/:id', async ({ request, params }) => {
        patched = { id: params['id'], body: await request.json() };
        current = users.map((u) => (u.id === params['id'] ? { ...u, role: 'compliance' } : u));
        return HttpResponse.json(current.find((u) => u.id === params['id']));
      }),
      http.get('/api/users', () => HttpResponse.json(page(current))),
    );
    const { user } = renderWithProviders(<UsersPage />);

    const lola = rowOf(await membersTable(), 'Lola Logistics');
    await user.selectOptions(lola.getByRole('combobox', { name: 'Role of Lola Logistics' }), 'compliance');

    expect(await screen.findByText('Lola Logistics is now Compliance.')).toBeInTheDocument();
    expect(patched).toEqual({ id: users[1]!.id, body: { role: 'compliance' } });
    await waitFor(() => expect(lola.getByRole('combobox')).toHaveValue('compliance'));
  });

  it('shows the server problem when a change is refused', async () => {
    server.use(
      http.post('/api/users/:id/deactivate', () =>
        problem(409, 'last-admin', 'An organisation must keep at least one active admin.'),
      ),
    );
    const { user } = renderWithProviders(<UsersPage />);

    const lola = rowOf(await membersTable(), 'Lola Logistics');
    await user.click(lola.getByRole('button', { name: 'Deactivate Lola Logistics' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The change was refused');
    expect(alert).toHaveTextContent('An organisation must keep at least one active admin.');
    expect(alert).toHaveTextContent('Reference: req-test-1');
  });

  it('invites someone and shows the one-time link', async () => {
    let sent: unknown = null;
    const acceptUrl = 'https://tracehub.vibotaj.example/accept-invitation#token=one-time-token';
    server.use(
      http.post('/api/invitations', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(issued('kofi.buyer@example.com', 'buyer', acceptUrl), { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<UsersPage />);

    await user.type(await screen.findByLabelText('E-mail to invite'), 'kofi.buyer@example.com');
    await user.selectOptions(screen.getByLabelText('Role for the invitee'), 'buyer');
    await user.click(screen.getByRole('button', { name: 'Invite' }));

    const panel = within(await screen.findByRole('region', { name: 'Invitation link' }));
    expect(panel.getByTestId('invitation-link')).toHaveValue(acceptUrl);
    expect(panel.getByTestId('invitation-link')).toHaveAttribute('readonly');
    expect(panel.getByText('kofi.buyer@example.com')).toBeInTheDocument();
    expect(sent).toEqual({ email: 'kofi.buyer@example.com', role: 'buyer' });
    expect(screen.getByLabelText('E-mail to invite')).toHaveValue('');
  });

  it('copies the invitation link to the clipboard', async () => {
    const acceptUrl = 'https://tracehub.vibotaj.example/accept-invitation#token=copy-me';
    server.use(
      http.post('/api/invitations', () => HttpResponse.json(issued('a@example.com', 'viewer', acceptUrl), { status: 201 })),
    );
    const { user } = renderWithProviders(<UsersPage />);

    await user.type(await screen.findByLabelText('E-mail to invite'), 'a@example.com');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    await user.click(await screen.findByRole('button', { name: 'Copy' }));

    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(acceptUrl);
  });

  it('lists invitations and shows a new link on resend', async () => {
    const acceptUrl = 'https://tracehub.vibotaj.example/accept-invitation#token=resent-token';
    server.use(
      http.post('/api/invitations/:id/resend', ({ params }) =>
        params['id'] === invitations[0]!.id
          ? HttpResponse.json(issued(invitations[0]!.email, 'buyer', acceptUrl))
          : problem(404, 'not-found', 'No such invitation.'),
      ),
    );
    const { user } = renderWithProviders(<UsersPage />);

    const table = within(await screen.findByRole('table', { name: 'Invitations to your organisation' }));
    const row = within(table.getByRole('cell', { name: invitations[0]!.email }).closest('tr')!);
    expect(row.getByText('Buyer')).toBeInTheDocument();
    expect(row.getByText('Pending')).toBeInTheDocument();

    await user.click(row.getByRole('button', { name: `Resend invitation to ${invitations[0]!.email}` }));

    expect(await screen.findByTestId('invitation-link')).toHaveValue(acceptUrl);
  });

  it('revokes an invitation', async () => {
    let revokedId: unknown = null;
    server.use(
      http.post('/api/invitations/:id/revoke', ({ params }) => {
        revokedId = params['id'];
        return HttpResponse.json({ ...invitations[0]!, status: 'revoked' });
      }),
    );
    const { user } = renderWithProviders(<UsersPage />);

    await user.click(await screen.findByRole('button', { name: `Revoke invitation to ${invitations[0]!.email}` }));

    expect(await screen.findByText(`The invitation to ${invitations[0]!.email} was revoked.`)).toBeInTheDocument();
    expect(revokedId).toBe(invitations[0]!.id);
  });

  it('creates a user, and shows server field errors next to the fields', async () => {
    server.use(
      http.post('/api/users', () =>
        problem(409, 'user-exists', 'A user with this e-mail address already exists.', {
          errors: [{ field: 'email', message: 'Already taken.' }],
        }),
      ),
    );
    const { user } = renderWithProviders(<UsersPage />);
    const form = within(await screen.findByRole('form', { name: 'Create user' }));

    await user.type(form.getByLabelText('E-mail'), 'lola.logistics@vibotaj.example');
    await user.type(form.getByLabelText('Full name'), 'Lola Again');
    await user.selectOptions(form.getByLabelText('Role'), 'logistics');
    await user.type(form.getByLabelText('Initial password'), 'a-long-enough-passw0rd');
    await user.click(form.getByRole('button', { name: 'Create user' }));

    expect(await form.findByRole('alert')).toHaveTextContent('A user with this e-mail address already exists.');
    expect(form.getByLabelText('E-mail')).toHaveAccessibleDescription('Already taken.');
  });
});
