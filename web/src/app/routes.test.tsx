import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';

import { session } from '@/lib/api/session';
import { adminMe, viewerMe } from '@/testing/fixtures';
import { shipmentDetail, shipmentHistory, shipmentId, shipmentPage, shipmentSummaries } from '@/testing/shipment-fixtures';
import { createQueryClient } from '@/lib/query-client';
import { problem, tokenResponse } from '@/testing/http';
import { LocationProbe } from '@/testing/render';
import { server } from '@/testing/server';

import { AppProvider } from './provider';
import { AppRoutes } from './routes';

/** The whole app as main.tsx mounts it, with an in-memory router instead of the browser's. */
function renderApp(route: string) {
  const queryClient = createQueryClient({ retry: false });
  render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProvider>,
  );
  return { user: userEvent.setup(), queryClient };
}

function signedInAs(me: typeof adminMe) {
  server.use(http.get('/api/me', () => HttpResponse.json(me)));
}

describe('app routes and shell', () => {
  it('restores the session from the refresh cookie on page load and greets the user', async () => {
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Admin' })).toBeInTheDocument();
    expect(screen.getByText('Organisation:').parentElement).toHaveTextContent('Organisation: Vibotaj Nigeria Ltd');
    expect(screen.getByTestId('dashboard-organisation-type')).toHaveTextContent('Exporter');
    expect(screen.getByTestId('dashboard-role')).toHaveTextContent('Admin');
    expect(session.accessToken()).toBe('restored-token');
  });

  it('shows Users in the navigation to an admin', async () => {
    signedInAs(adminMe);
    renderApp('/');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/users');
  });

  it('hides Users from a viewer and answers "not found" if they open it anyway', async () => {
    signedInAs(viewerMe);
    renderApp('/users');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('sends a visitor without a session to login, remembering where they were going', async () => {
    server.use(http.post('/api/auth/refresh', () => problem(401, 'invalid-refresh-token', 'Please sign in.')));
    renderApp('/users');

    expect(await screen.findByRole('heading', { name: 'Sign in to TraceHub' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fusers');
  });

  it('sends the user to login when the session expires and cannot be refreshed', async () => {
    session.start('expired-token');
    server.use(
      http.get('/api/me', () => problem(401, 'unauthorized', 'The access token has expired.')),
      http.post('/api/auth/refresh', () => problem(401, 'invalid-refresh-token', 'Please sign in again.')),
    );
    renderApp('/users');

    expect(await screen.findByRole('heading', { name: 'Sign in to TraceHub' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fusers');
    expect(session.accessToken()).toBeNull();
  });

  it('shows who is signed in in the user menu and logs out', async () => {
    let loggedOut = false;
    server.use(
      http.post('/api/auth/logout', () => {
        loggedOut = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/');

    const menuButton = await screen.findByRole('button', { name: /account menu for ada admin/i });
    await user.click(menuButton);
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(menuButton.getAttribute('aria-controls')!)!;
    expect(panel).toHaveTextContent(adminMe.email);
    expect(panel).toHaveTextContent('Vibotaj Nigeria Ltd (Exporter)');
    expect(panel).toHaveTextContent('RoleAdmin');
    await user.keyboard('{Escape}');
    expect(screen.queryByText(adminMe.email)).not.toBeInTheDocument();
    expect(menuButton).toHaveFocus();

    await user.click(menuButton);
    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to TraceHub' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/);
    expect(loggedOut).toBe(true);
    expect(session.accessToken()).toBeNull();
  });

  it("never shows the previous user's data to the next one signing in", async () => {
    const { user, queryClient } = renderApp('/');
    const menuButton = await screen.findByRole('button', { name: /account menu for ada admin/i });
    await user.click(menuButton);
    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await screen.findByRole('heading', { name: 'Sign in to TraceHub' });
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));

    signedInAs(viewerMe);
    server.use(http.post('/api/auth/login', () => tokenResponse('viewer-token')));
    await user.type(screen.getByLabelText('E-mail'), viewerMe.email);
    await user.type(screen.getByLabelText('Password'), 'viewer-passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Welcome, Victor Viewer' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('shows a not-found page for unknown routes', async () => {
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/');
  });

  it('shows Shipments in the navigation and lists them, with create and import for writers', async () => {
    server.use(http.get('/api/shipments', () => HttpResponse.json(shipmentPage(shipmentSummaries))));
    const { user } = renderApp('/');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Shipments' }));

    expect(await screen.findByRole('heading', { name: 'Shipments' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Shipments' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New shipment' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import CSV' })).toBeInTheDocument();
  });

  it('answers "not found" to a reader opening the new-shipment page, and hides the write buttons', async () => {
    signedInAs(viewerMe);
    server.use(http.get('/api/shipments', () => HttpResponse.json(shipmentPage(shipmentSummaries))));
    renderApp('/shipments/new');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('composes the shipment detail with its tracking section', async () => {
    server.use(
      http.get(`/api/shipments/${shipmentId}`, () => HttpResponse.json(shipmentDetail)),
      http.get(`/api/shipments/${shipmentId}/history`, () => HttpResponse.json(shipmentHistory)),
      http.get(`/api/shipments/${shipmentId}/tracking`, () => problem(404, 'not-found', 'No tracking yet.')),
    );
    renderApp(`/shipments/${shipmentId}`);

    expect(await screen.findByRole('heading', { name: 'VIBO-2026-014' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Tracking' })).toBeInTheDocument();
    expect(await screen.findByText('No tracking for this shipment yet.')).toBeInTheDocument();
    // The admin fixture has no tracking:refresh permission.
    expect(screen.queryByRole('button', { name: 'Refresh tracking' })).not.toBeInTheDocument();
  });
  it('shows the audit log to roles holding audit:read only', async () => {
    signedInAs({ ...adminMe, permissions: [...adminMe.permissions, 'audit:read'] });
    const { user } = renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Audit log' }));
    expect(await screen.findByRole('heading', { name: 'Audit log' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/audit-log');
  });

  it('hides the audit log from a role without audit:read and answers "not found" if opened anyway', async () => {
    signedInAs(viewerMe);
    renderApp('/admin/audit-log');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Audit log' })).not.toBeInTheDocument();
  });
});
