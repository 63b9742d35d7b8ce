/** Client-side routes, shared so features can link to each other without importing each other. */
export const paths = {
  dashboard: '/',
  login: '/login',
  users: '/users',
  acceptInvitation: '/accept-invitation',
} as const;

/** Query-string parameter of /login that carries the path to return to after signing in. */
export const returnToParam = 'next';

export function loginPathReturningTo(path: string): string {
  if (path === paths.dashboard || path.startsWith(paths.login)) return paths.login;
  return `${paths.login}?${new URLSearchParams({ [returnToParam]: path }).toString()}`;
}
