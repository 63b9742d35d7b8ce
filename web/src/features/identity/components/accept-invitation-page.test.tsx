import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';

import type { Schemas } from '@/lib/api/types';
import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { AcceptInvitationPage } from './accept-invitation-page';

const preview: Schemas['InvitationPreview'] = {
  email: 'kofi.buyer@hamburg-cocoa.example',
  organizationName: 'Vibotaj Nigeria Ltd',
  role: 'buyer',
  expiresAt: '2026-12-06T10:00:00Z',
  existingUser: false,
};

/** Every URL the page requested, to prove the token never appears in one (it would reach server logs). */
function recordUrls() {
  const urls: string[] = [];
  const record = ({ request }: { request: Request }) => {
    urls.push(request.url);
  };
  server.events.on('request:start', record);
  onTestFinished(() => server.events.removeListener('request:start', record));
  return urls;
}

function servePreview(body: Schemas['InvitationPreview'], token = 'tok-123') {
  server.use(
    http.post('/api/public/invitations/preview', async ({ request }) => {
      const sent = (await request.json()) as { token?: unknown };
      return sent.token === token
        ? HttpResponse.json(body)
        : problem(404, 'invitation-not-found', 'This invitation does not exist.');
    }),
  );
}

function captureAccept(respond: () => Response = () => HttpResponse.json({ email: preview.email })) {
  const captured: { body?: unknown } = {};
  server.use(
    http.post('/api/public/invitations/accept', async ({ request }) => {
      captured.body = await request.json();
      return respond();
    }),
  );
  return captured;
}

function renderPage(route = '/accept-invitation#token=tok-123') {
  return renderWithProviders(<AcceptInvitationPage />, { route });
}

describe('AcceptInvitationPage', () => {
  it('lets a new user choose name and password and accept', async () => {
    servePreview(preview);
    const captured = captureAccept();
    const urls = recordUrls();
    const { user } = renderPage();

    expect(await screen.findByText(/You have been invited to join/)).toHaveTextContent('Vibotaj Nigeria Ltd');
    expect(screen.getByText(preview.email)).toBeInTheDocument();
    expect(screen.getByText('Buyer')).toBeInTheDocument();
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Full name'), 'Kofi Mensah');
    await user.type(screen.getByLabelText('Password'), 'cocoa-and-coffee-2026');
    await user.type(screen.getByLabelText('Confirm password'), 'cocoa-and-coffee-2026');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('heading', { name: 'Invitation accepted' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/login');
    expect(captured).toEqual({
      body: { token: 'tok-123', fullName: 'Kofi Mensah', password: 'cocoa-and-coffee-2026' },
    });
    expect(urls.map((url) => new URL(url).pathname)).toEqual(
      expect.arrayContaining(['/api/public/invitations/preview', '/api/public/invitations/accept']),
    );
    expect(urls.filter((url) => url.includes('tok-123'))).toEqual([]);
  });

  it('checks that the passwords match before sending', async () => {
    servePreview(preview);
    const captured = captureAccept();
    const { user } = renderPage();

    await user.type(await screen.findByLabelText('Full name'), 'Kofi Mensah');
    await user.type(screen.getByLabelText('Password'), 'cocoa-and-coffee-2026');
    await user.type(screen.getByLabelText('Confirm password'), 'cocoa-and-coffee-2027');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('The passwords do not match.')).toBeInTheDocument();
    expect(captured.body).toBeUndefined();
  });

  it("shows the server's password policy message next to the password field", async () => {
    servePreview(preview);
    captureAccept(() =>
      problem(400, 'validation', 'The request has invalid fields.', {
        errors: [{ field: 'password', message: 'Mix letters with digits or symbols.' }],
      }),
    );
    const { user } = renderPage();

    await user.type(await screen.findByLabelText('Full name'), 'Kofi Mensah');
    await user.type(screen.getByLabelText('Password'), 'aaaaaaaaaaaaaaaa');
    await user.type(screen.getByLabelText('Confirm password'), 'aaaaaaaaaaaaaaaa');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The request has invalid fields.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Mix letters with digits or symbols.');
    expect(screen.queryByRole('heading', { name: 'Invitation accepted' })).not.toBeInTheDocument();
  });

  it('asks an existing user only for their current password and shows a wrong-password problem', async () => {
    servePreview({ ...preview, existingUser: true });
    const captured = captureAccept(() =>
      problem(401, 'invalid-credentials', 'The password is not correct for this account.'),
    );
    const { user } = renderPage();

    await user.type(await screen.findByLabelText('Current password'), 'my-old-password');
    expect(screen.queryByLabelText('Full name')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The password is not correct for this account.');
    expect(captured.body).toEqual({ token: 'tok-123', password: 'my-old-password' });
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });

  it('explains an expired invitation', async () => {
    server.use(
      http.post('/api/public/invitations/preview', () =>
        problem(410, 'invitation-expired', 'This invitation expired on 6 December 2026.'),
      ),
    );
    renderPage();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This invitation cannot be used');
    expect(alert).toHaveTextContent('This invitation expired on 6 December 2026.');
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
  });

  it('explains an unknown invitation', async () => {
    servePreview(preview, 'another-token');
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation does not exist.');
  });

  it('explains a link without a token', async () => {
    renderPage('/accept-invitation');

    expect(await screen.findByRole('alert')).toHaveTextContent('Incomplete invitation link');
  });
});
