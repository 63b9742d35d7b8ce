import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';

import { session, type SessionStatus } from '@/lib/api/session';

/**
 * Cached server data belongs to one signed-in user: drop it when the session ends, so the next person
 * at this browser never sees the previous one's data.
 */
function useCacheScopedToSession(queryClient: QueryClient) {
  useEffect(() => {
    let previous: SessionStatus = session.status();
    return session.subscribe(() => {
      const current = session.status();
      if (current === 'anonymous' && previous !== 'anonymous') {
        // Once the signed-in routes have unmounted: clearing under a mounted query would orphan it.
        setTimeout(() => queryClient.clear(), 0);
      }
      previous = current;
    });
  }, [queryClient]);
}

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useCacheScopedToSession(queryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
