import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api/types';
import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { adminMe } from '@/testing/fixtures';
import { partners } from '@/testing/shipment-fixtures';

import { PartnersSection } from './partners-section';
import { UsersPage } from './users-page';

const newPartner: Schemas['Partner'] = { id: '33333333-0000-4000-8000-000000000099', name: 'Rijnhaven Cocoa Trading B.V.', type: 'buyer' };

describe('PartnersSection', () => {
  it('lists the partners with their type', async () => {
    renderWithProviders(<PartnersSection />);

    const table = await screen.findByRole('table', { name: 'Trading partners' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + partners.length);
    expect(within(table).getByText('Ondo Farmers Cooperative')).toBeInTheDocument();
  });

  it('adds a partner with an administrator invitation and shows the one-time link', async () => {
    let sent: unknown = null;
    const acceptUrl = 'https://tracehub.vibotaj.example/accept-invitation#token=partner-token';
    server.use(
      http.post('/api/partners', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({
          partner: newPartner,
          adminInvitation: {
            acceptUrl,
            invitation: {
              id: '22222222-0000-4000-8000-000000000098',
              email: 'import@rijnhaven.example',
              role: 'admin',
              status: 'pending',
              expiresAt: '2026-12-06T10:00:00Z',
              createdAt: '2026-11-29T10:00:00Z',
              invitedByName: 'Ada Admin',
            },
          },
        } satisfies Schemas['PartnerCreated']);
      }),
    );
    const { user } = renderWithProviders(<PartnersSection />);

    await user.type(await screen.findByLabelText('Partner name'), 'Rijnhaven Cocoa Trading B.V.');
    await user.selectOptions(screen.getByLabelText('Partner type'), 'buyer');
    await user.type(screen.getByLabelText('Country code (optional)'), 'NL');
    await user.type(screen.getByLabelText('Administrator e-mail (optional)'), 'import@rijnhaven.example');
    await user.click(screen.getByRole('button', { name: 'Add partner' }));

    const panel = within(await screen.findByRole('region', { name: 'Invitation link' }));
    expect(panel.getByTestId('invitation-link')).toHaveValue(acceptUrl);
    expect(sent).toEqual({
      name: 'Rijnhaven Cocoa Trading B.V.',
      type: 'buyer',
      countryCode: 'NL',
      adminEmail: 'import@rijnhaven.example',
    });
    expect(screen.getByLabelText('Partner name')).toHaveValue('');
  });

  it('sends empty optional fields as null and confirms without a link', async () => {
    let sent: unknown = null;
    server.use(
      http.post('/api/partners', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ partner: { ...newPartner, type: 'supplier' } } satisfies Schemas['PartnerCreated']);
      }),
    );
    const { user } = renderWithProviders(<PartnersSection />);

    await user.type(await screen.findByLabelText('Partner name'), 'Rijnhaven Cocoa Trading B.V.');
    await user.selectOptions(screen.getByLabelText('Partner type'), 'supplier');
    await user.click(screen.getByRole('button', { name: 'Add partner' }));

    expect(await screen.findByText('Rijnhaven Cocoa Trading B.V. was added.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Invitation link' })).not.toBeInTheDocument();
    expect(sent).toEqual({ name: 'Rijnhaven Cocoa Trading B.V.', type: 'supplier', countryCode: null, adminEmail: null });
  });

  it('checks the form before sending and shows a refusal', async () => {
    server.use(http.post('/api/partners', () => problem(409, 'partner-exists', 'A partner has that name.')));
    const { user } = renderWithProviders(<PartnersSection />);

    await user.click(await screen.findByRole('button', { name: 'Add partner' }));
    expect(await screen.findByText('Enter the partner’s name.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Partner name'), 'Maasvlakte Foods BV');
    await user.click(screen.getByRole('button', { name: 'Add partner' }));
    expect(await screen.findByText('A partner has that name.')).toBeInTheDocument();
  });

  it('is part of the users page for an exporter administrator only', async () => {
    const { unmount } = renderWithProviders(<UsersPage />);
    expect(await screen.findByRole('table', { name: 'Trading partners' })).toBeInTheDocument();
    unmount();

    server.use(http.get('/api/me', () => HttpResponse.json({ ...adminMe, organization: { ...adminMe.organization, type: 'buyer' } })));
    renderWithProviders(<UsersPage />);
    expect(await screen.findByText(/Members of Vibotaj Nigeria Ltd/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add partner' })).not.toBeInTheDocument();
  });
});
