import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';

import { PageSpinner } from '@/components/ui';
import { loginPathReturningTo } from '@/config/paths';
import { refreshSession } from '@/lib/api/auth-fetch';
import { useSessionStatus } from '@/lib/api/session';

/**
 * Guards every signed-in route. On page load the access token is gone (it lives in memory only), so it
 * first tries the refresh cookie; when there is no session it sends the user to login, remembering
 * where they were going.
 */
export function RequireSession() {
  const status = useSessionStatus();
  const location = useLocation();

  useEffect(() => {
    if (status === 'unknown') void refreshSession();
  }, [status]);

  if (status === 'anonymous') {
    return <Navigate to={loginPathReturningTo(location.pathname + location.search + location.hash)} replace />;
  }
  if (status === 'unknown') return <PageSpinner label="Restoring your session…" />;
  return <Outlet />;
}
