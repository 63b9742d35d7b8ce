import { useSyncExternalStore } from 'react';

/**
 * The browser session, held in memory only: the access token is never written to localStorage,
 * sessionStorage or a readable cookie, so a script injected into the page cannot lift it from storage.
 * The long-lived refresh token lives in an HttpOnly cookie the page cannot read at all.
 *
 * `unknown` means "not yet asked the server" (page just loaded); `anonymous` means the server said no.
 */
export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous';

interface SessionState {
  readonly status: SessionStatus;
  readonly accessToken: string | null;
}

const initialState: SessionState = { status: 'unknown', accessToken: null };

let state: SessionState = initialState;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export const session = {
  accessToken: (): string | null => state.accessToken,
  status: (): SessionStatus => state.status,
  start: (accessToken: string): void => setState({ status: 'authenticated', accessToken }),
  /** Forget the access token, e.g. after logout or when the refresh cookie is no longer accepted. */
  end: (): void => setState({ status: 'anonymous', accessToken: null }),
  /** Back to the page-load state; for tests. */
  reset: (): void => setState(initialState),
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(session.subscribe, session.status, session.status);
}
