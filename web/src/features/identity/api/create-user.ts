import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { api, unwrap } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

import { newPasswordSchema } from '../model/password';
import { roleSchema } from '../model/roles';

import { invalidateUsers } from './get-users';

export const createUserInputSchema = z.object({
  email: z.email('Enter a valid e-mail address.'),
  fullName: z.string().trim().min(1, 'Enter the full name.').max(200, 'Use at most 200 characters.'),
  role: roleSchema,
  password: newPasswordSchema,
}) satisfies z.ZodType<Schemas['CreateUserRequest']>;

export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export function createUser(input: CreateUserInput) {
  return unwrap(api.POST('/api/users', { body: input }));
}

/** POST /api/users. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => invalidateUsers(queryClient) });
}
