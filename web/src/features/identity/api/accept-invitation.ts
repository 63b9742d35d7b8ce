import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { api, unwrap } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

import { newPasswordSchema } from '../model/password';

/** A person without an account chooses their name and password. */
export const acceptAsNewUserSchema = z
  .object({
    fullName: z.string().trim().min(1, 'Enter your full name.').max(200, 'Use at most 200 characters.'),
    password: newPasswordSchema,
    confirmPassword: z.string().min(1, 'Repeat the password.'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  });

/** A person who already has an account confirms it is them with their current password. */
export const acceptAsExistingUserSchema = z.object({
  password: z.string().min(1, 'Enter your current password.'),
});

export type AcceptAsNewUserInput = z.infer<typeof acceptAsNewUserSchema>;
export type AcceptAsExistingUserInput = z.infer<typeof acceptAsExistingUserSchema>;

/** The token travels in the body with the answers, never in the URL (which would reach server logs). */
export function acceptInvitation({
  token,
  body,
}: {
  token: string;
  body: Omit<Schemas['AcceptInvitationRequest'], 'token'>;
}) {
  return unwrap(api.POST('/api/public/invitations/accept', { body: { ...body, token } }));
}

/** POST /api/public/invitations/accept (no login). */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
