import { useState } from 'react';
import { Link } from 'react-router';

import { Button, Card, PageSpinner, Pager, ProblemAlert } from '@/components/ui';
import { paths } from '@/config/paths';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { safeReturnPath } from '@/lib/safe-path';

import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';
import type { NotificationView } from '../model/types';

function Item({ notification }: { notification: NotificationView }) {
  const markRead = useMarkRead();
  const unread = !notification.readAt;
  const link = notification.link ? safeReturnPath(notification.link, '') || null : null;
  return (
    <li className={cn('flex flex-wrap items-start gap-3 px-4 py-3', unread && 'bg-emerald-50')}>
      <div className="min-w-0 flex-1">
        <p className={cn('text-slate-900', unread && 'font-semibold')}>
          {unread && <span className="sr-only">Unread: </span>}
          {link ? (
            <Link to={link} className="hover:underline" onClick={() => unread && markRead.mutate(notification.id)}>
              {notification.title}
            </Link>
          ) : (
            notification.title
          )}
        </p>
        <p className="text-sm text-slate-700">{notification.body}</p>
        <p className="text-xs text-slate-500">{formatDateTime(notification.createdAt)}</p>
      </div>
      {unread && (
        <Button
          variant="secondary"
          size="sm"
          loading={markRead.isPending}
          onClick={() => markRead.mutate(notification.id)}
          aria-label={`Mark read: ${notification.title}`}
        >
          Mark read
        </Button>
      )}
    </li>
  );
}

/** The signed-in user's notifications: all or unread only, newest first, mark one or all read. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(0);
  const list = useNotifications(unreadOnly, page);
  const markAll = useMarkAllRead();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Notifications</h1>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => {
                setUnreadOnly(event.target.checked);
                setPage(0);
              }}
            />
            Unread only
          </label>
          <Button
            variant="secondary"
            size="sm"
            loading={markAll.isPending}
            disabled={(list.data?.unreadCount ?? 0) === 0}
            onClick={() => markAll.mutate()}
          >
            Mark all read
          </Button>
          <Link to={paths.notificationSettings} className="text-sm text-emerald-800 underline">
            Preferences
          </Link>
        </div>
      </div>
      {markAll.isError && <ProblemAlert error={markAll.error} title="Could not mark all read" />}
      <Card>
        {list.isPending ? (
          <PageSpinner label="Loading notifications…" />
        ) : list.isError ? (
          <ProblemAlert error={list.error} title="The notifications could not be loaded" />
        ) : list.data.items.length === 0 ? (
          <p className="p-4 text-slate-600">{unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}</p>
        ) : (
          <>
            <ul aria-label="Notifications" className="divide-y divide-slate-200">
              {list.data.items.map((n) => (
                <Item key={n.id} notification={n} />
              ))}
            </ul>
            <Pager page={page} totalPages={list.data.totalPages} label="Notification pages" onChange={setPage} />
          </>
        )}
      </Card>
    </div>
  );
}
