import { api } from '@/lib/api/client';
import { session } from '@/lib/api/session';

/**
 * POST /api/auth/logout revokes the refresh token and clears its cookie. The local session ends even if
 * the server cannot be reached: the user asked to leave.
 */
export async function logout(): Promise<void> {
  try {
    await api.POST('/api/auth/logout');
  } catch {
    // Ignored on purpose; see above.
  }
  session.end();
}
