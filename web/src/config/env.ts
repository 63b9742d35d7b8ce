/**
 * Origin the API is served from. The web client is served by the backend (or proxied to it by the
 * Vite dev server), so by default it is this page's own origin.
 */
export const apiBaseUrl: string =
  (import.meta.env['VITE_API_BASE_URL'] as string | undefined) ?? window.location.origin;
