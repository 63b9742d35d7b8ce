import { NavLink, Outlet } from 'react-router';

import { Button, PageSpinner, ProblemAlert } from '@/components/ui';
import { paths } from '@/config/paths';
import { hasPermission, useMe, UserMenu } from '@/features/identity';
import { NotificationBell } from '@/features/notifications';
import { cn } from '@/lib/cn';

import { navItems } from './navigation';

/** Frame of every signed-in page: brand, role-aware navigation, account menu. */
export function AppShell() {
  const me = useMe();

  if (me.isPending) return <PageSpinner label="Loading your account…" />;
  if (me.isError) {
    return (
      <main className="mx-auto max-w-lg p-6">
        <ProblemAlert error={me.error} title="Your account could not be loaded" />
        <Button variant="secondary" className="mt-4" onClick={() => void me.refetch()}>
          Try again
        </Button>
      </main>
    );
  }

  const items = navItems.filter((item) => !item.permission || hasPermission(me.data, item.permission));
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-emerald-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-30"
      >
        Skip to content
      </a>
      <header className="bg-emerald-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <NavLink to={paths.dashboard} className="text-lg font-bold tracking-tight">
            TraceHub
          </NavLink>
          <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <ul className="-mx-2 flex gap-1 overflow-x-auto">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === paths.dashboard}
                    className={({ isActive }) =>
                      cn(
                        'block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap',
                        isActive ? 'bg-emerald-700 text-white' : 'text-emerald-50 hover:bg-emerald-800',
                      )
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <NotificationBell />
            <UserMenu me={me.data} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        <Outlet />
      </main>
    </div>
  );
}
