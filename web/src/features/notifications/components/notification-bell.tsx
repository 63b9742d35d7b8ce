import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useUnreadCount } from '../api/notifications';

/** The header's bell: links to the notifications page and shows how many are unread. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;
  return (
    <Link
      to={paths.notifications}
      aria-label={label}
      title={label}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-emerald-50 hover:bg-emerald-800"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-semibold text-emerald-950"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
