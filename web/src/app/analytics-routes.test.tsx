import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';

import { createQueryClient } from '@/lib/query-client';
import { adminMe, viewerMe } from '@/testing/fixtures';
import { LocationProbe } from '@/testing/render';
import { server } from '@/testing/server';
import { shipmentPage, shipmentSummaries } from '@/testing/shipment-fixtures';

import { AppProvider } from './provider';
import { AppRoutes } from './routes';

function renderApp(route: string, me: typeof adminMe) {
  server.use(http.get('/api/me', () => HttpResponse.json(me)));
  render(
    <AppProvider queryClient={createQueryClient({ retry: false })}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProvider>,
  );
  return userEvent.setup();
}

const analyst = { ...viewerMe, permissions: [...viewerMe.permissions, 'analytics:read'] };

describe('analytics in the app', { timeout: 15_000 }, () => {
  it('shows the headline figures on the dashboard and opens the list a figure counts', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get('/api/shipments', ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json(shipmentPage(shipmentSummaries));
      }),
    );
    const user = renderApp('/', analyst);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Analytics' })).toHaveAttribute('href', '/analytics');

    await user.click(await screen.findByTestId('headline-eta-slips'));
    expect(screen.getByTestId('location')).toHaveTextContent('/shipments?attention=eta_slipped');
    expect(await screen.findByText(/Also filtered by:\s*attention eta_slipped/)).toBeInTheDocument();
    expect(requests.at(-1)?.get('attention')).toBe('eta_slipped');
  });

  it('keeps analytics from users without analytics:read', async () => {
    renderApp('/analytics', adminMe);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Analytics' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.queryByTestId('headline-total')).not.toBeInTheDocument();
  });
});
