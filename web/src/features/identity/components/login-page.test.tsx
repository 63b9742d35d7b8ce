import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';

import { session } from '@/lib/api/session';
import { problem, tokenResponse } from '@/testing/http';
import { LocationProbe, renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { LoginPage } from './login-page';

const password = 'S3cret-passphrase!';

function renderLogin(route = '/login') {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<p>Signed-in area</p>} />
      </Routes>
      <LocationProbe />
    </>,
    { route },
  );
}

async function signIn(user: ReturnType<typeof renderLogin>['user']) {
  await user.type(screen.getByLabelText('E-mail'), 'ada.admin@vibotaj.example');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  beforeEach(() => {
    server.use(http.post('/api/auth/refresh', () => problem(401, 'invalid-refresh-token', 'No session.')));
  });

  it('forwards a visitor whose refresh cookie is still valid without asking for a password', async () => {
    server.use(http.post('/api/auth/refresh', () => tokenResponse('restored-token')));
    renderLogin('/login?next=%2Fusers');

    expect(await screen.findByText('Signed-in area')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/users');
  });

  it('signs in, keeps the token in memory only and returns to the page the user asked for', async () => {
    let sent: unknown = null;
    server.use(
      http.post('/api/auth/login', async ({ request }) => {
        sent = await request.json();
        return tokenResponse('new-access-token');
      }),
    );
    const { user } = renderLogin('/login?next=%2Fusers');

    await signIn(user);

    expect(await screen.findByText('Signed-in area')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/users');
    expect(sent).toEqual({ email: 'ada.admin@vibotaj.example', password });
    expect(session.accessToken()).toBe('new-access-token');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('never returns to another site after login', async () => {
    server.use(http.post('/api/auth/login', () => tokenResponse('t')));
    const { user } = renderLogin('/login?next=%2F%2Fevil.example%2Fphish');

    await signIn(user);

    await screen.findByText('Signed-in area');
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/);
  });

  it('shows the server detail for wrong credentials and never echoes the password', async () => {
    server.use(
      http.post('/api/auth/login', () => problem(401, 'invalid-credentials', 'The e-mail or password is wrong.')),
    );
    const { user } = renderLogin();

    await signIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in failed');
    expect(alert).toHaveTextContent('The e-mail or password is wrong.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(password);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(session.status()).not.toBe('authenticated');
  });

  it('tells the user how long to wait after too many attempts', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        problem(429, 'too-many-attempts', 'Too many sign-in attempts for this account.', {
          headers: { 'Retry-After': '30' },
        }),
      ),
    );
    const { user } = renderLogin();

    await signIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many sign-in attempts for this account.');
    expect(alert).toHaveTextContent('Try again in 30 seconds.');
  });

  it('disables the button while signing in', async () => {
    let release: () => void = () => undefined;
    server.use(
      http.post('/api/auth/login', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return tokenResponse('t');
      }),
    );
    const { user } = renderLogin();

    await signIn(user);

    const busy = await screen.findByRole('button', { name: /signing in/i });
    expect(busy).toBeDisabled();
    release();
    expect(await screen.findByText('Signed-in area')).toBeInTheDocument();
  });

  it('validates input before calling the server', async () => {
    let called = false;
    server.use(
      http.post('/api/auth/login', () => {
        called = true;
        return HttpResponse.json({});
      }),
    );
    const { user } = renderLogin();

    await user.type(screen.getByLabelText('E-mail'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter a valid e-mail address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(called).toBe(false);
  });

  it('shows server field errors next to their fields', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        problem(400, 'validation', 'The request has invalid fields.', {
          errors: [{ field: 'email', message: 'This e-mail address is not allowed.' }],
        }),
      ),
    );
    const { user } = renderLogin();

    await signIn(user);

    const email = screen.getByLabelText('E-mail');
    await waitFor(() => expect(email).toHaveAccessibleDescription('This e-mail address is not allowed.'));
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields.');
  });
});
