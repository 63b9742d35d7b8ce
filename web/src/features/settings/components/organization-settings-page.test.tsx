import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { OrganizationSettingsPage } from './organization-settings-page';

describe('OrganizationSettingsPage', () => {
  it('shows the TRACES number and saves a new one', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/organization/settings', () => HttpResponse.json({ tracesNumber: 'NG-TR-0001' })),
      http.put('/api/organization/settings', async ({ request }) => {
        const body = (await request.json()) as { tracesNumber: string | null };
        bodies.push(body);
        return HttpResponse.json(body);
      }),
    );
    const { user } = renderWithProviders(<OrganizationSettingsPage />);
    const input = await screen.findByLabelText('TRACES registration number');
    expect(input).toHaveValue('NG-TR-0001');
    await user.clear(input);
    await user.type(input, ' NG-TR-0042 ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(bodies).toEqual([{ tracesNumber: 'NG-TR-0042' }]);
  });

  it('checks the format, clears to null, and shows server field errors next to the field', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/organization/settings', () => HttpResponse.json({ tracesNumber: null })),
      http.put('/api/organization/settings', async ({ request }) => {
        bodies.push(await request.json());
        return bodies.length === 1
          ? HttpResponse.json({ tracesNumber: null })
          : problem(400, 'validation-failed', 'The request is not valid.', {
              errors: [{ field: 'tracesNumber', message: 'Unknown TRACES number format.' }],
            });
      }),
    );
    const { user } = renderWithProviders(<OrganizationSettingsPage />);
    const input = await screen.findByLabelText('TRACES registration number');
    await user.type(input, 'NG#1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Use letters, digits, spaces, dots, slashes and dashes only.')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.clear(input);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bodies).toEqual([{ tracesNumber: null }]));

    await user.type(input, 'XX 1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Unknown TRACES number format.')).toBeInTheDocument();
  });
});
