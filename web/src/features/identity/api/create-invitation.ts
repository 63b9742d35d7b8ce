import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { api, unwrap } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

import { roleSchema } from '../model/roles';

import { invalidateInvitations } from './get-invitations';

export const createInvitationInputSchema = z.object({
  email: z.email('Enter a valid e-mail address.'),
  role: roleSchema,
}) satisfies z.ZodType<Schemas['CreateInvitationRequest']>;

export type CreateInvitationInput = z.infer<typeof createInvitationInputSchema>;

export function createInvitation(input: CreateInvitationInput) {
  return unwrap(api.POST('/api/invitations', { body: input }));
}

/** POST /api/invitations; the result carries the one-time accept link. */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createInvitation, onSuccess: () => invalidateInvitations(queryClient) });
}
