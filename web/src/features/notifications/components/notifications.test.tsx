import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import {
  defaultPreferences,
  departedNotification,
  notificationPage,
  rejectedNotification,
} from '@/testing/notification-fixtures';
import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { NotificationBell } from './notification-bell';
import { NotificationPreferencesPage } from './notification-preferences-page';
import { NotificationsPage } from './notifications-page';

describe('NotificationBell', () => {
  it('shows the unread count and links to the notifications page', async () => {
    server.use(http.get('/api/notifications/unread-count', () => HttpResponse.json({ count: 3 })));
    renderWithProviders(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' }, { timeout: 5000 });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(within(bell).getByText('3')).toBeInTheDocument();
  });

  it('shows no badge when nothing is unread', async () => {
    renderWithProviders(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: 'Notifications, none unread' });
    expect(within(bell).queryByText('0')).not.toBeInTheDocument();
  });
});

describe('NotificationsPage', () => {
  it('lists notifications, marks one read and then all', async () => {
    const read: string[] = [];
    let readAll = 0;
    let items = [rejectedNotification, departedNotification];
    server.use(
      http.get('/api/notifications', ({ request }) => {
        const unread = new URL(request.url).searchParams.get('unread') === 'true';
        return HttpResponse.json(notificationPage(unread ? items.filter((n) => !n.readAt) : items));
      }),
      http.post('/api/notifications/:id/read', ({ params }) => {
        read.push(params['id'] as string);
        items = items.map((n) => (n.id === params['id'] ? { ...n, readAt: '2026-11-29T11:00:00Z' } : n));
        return HttpResponse.json(items.find((n) => n.id === params['id']));
      }),
      http.post('/api/notifications/read-all', () => {
        readAll++;
        return HttpResponse.json({ marked: 0 });
      }),
    );
    const { user } = renderWithProviders(<NotificationsPage />);
    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText(/was rejected: Stamp illegible/)).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: rejectedNotification.title })).toHaveAttribute(
      'href',
      rejectedNotification.link,
    );

    await user.click(screen.getByRole('button', { name: `Mark read: ${rejectedNotification.title}` }));
    await waitFor(() => expect(read).toEqual([rejectedNotification.id]));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: `Mark read: ${rejectedNotification.title}` })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();

    await user.click(screen.getByLabelText('Unread only'));
    expect(await screen.findByText('No unread notifications.')).toBeInTheDocument();
    expect(readAll).toBe(0);
  });

  it('marks all read', async () => {
    let readAll = 0;
    server.use(
      http.get('/api/notifications', () => HttpResponse.json(notificationPage([rejectedNotification]))),
      http.post('/api/notifications/read-all', () => {
        readAll++;
        return HttpResponse.json({ marked: 1 });
      }),
    );
    const { user } = renderWithProviders(<NotificationsPage />);
    await user.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(readAll).toBe(1));
  });

  it('says when the list cannot be loaded', async () => {
    server.use(http.get('/api/notifications', () => problem(503, 'service-unavailable', 'Try again later.')));
    renderWithProviders(<NotificationsPage />);
    expect(await screen.findByText('The notifications could not be loaded')).toBeInTheDocument();
  });
});

describe('NotificationPreferencesPage', () => {
  it('shows the choices and saves changed channels and the digest', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/me/notification-preferences', () => HttpResponse.json(defaultPreferences)),
      http.put('/api/me/notification-preferences', async ({ request }) => {
        const body = await request.json();
        bodies.push(body);
        return HttpResponse.json(body as typeof defaultPreferences);
      }),
    );
    const { user } = renderWithProviders(<NotificationPreferencesPage />);
    const uploadedEmail = await screen.findByLabelText('Document uploaded by e-mail');
    expect(uploadedEmail).not.toBeChecked();
    expect(screen.getByLabelText('ETA changed by e-mail')).toBeChecked();

    await user.click(screen.getByLabelText('ETA changed by e-mail'));
    await user.click(screen.getByLabelText('Document rejected in the app'));
    await user.click(screen.getByLabelText(/one daily digest/));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        digest: true,
        preferences: [
          { kind: 'document.uploaded', inApp: true, email: false },
          { kind: 'document.rejected', inApp: false, email: true },
          { kind: 'shipment.eta-changed', inApp: true, email: false },
        ],
      },
    ]);
  });
});
