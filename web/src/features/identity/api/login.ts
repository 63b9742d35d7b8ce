import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { api, unwrap } from '@/lib/api/client';
import { session } from '@/lib/api/session';
import type { Schemas } from '@/lib/api/types';

export const loginInputSchema = z.object({
  email: z.email('Enter a valid e-mail address.'),
  password: z.string().min(1, 'Enter your password.'),
}) satisfies z.ZodType<Schemas['LoginRequest']>;

export type LoginInput = z.infer<typeof loginInputSchema>;

/** POST /api/auth/login; on success the access token goes into the in-memory session. */
export async function login(input: LoginInput): Promise<void> {
  const token = await unwrap(api.POST('/api/auth/login', { body: input }));
  session.start(token.accessToken);
}

export function useLogin() {
  return useMutation({ mutationFn: login });
}
