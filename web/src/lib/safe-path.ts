/**
 * Only same-origin, absolute paths may be returned to after login (no `//evil.example`, no `https:`),
 * so the `next` parameter cannot be used as an open redirect.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = '/'): string {
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  return candidate;
}
