import { z } from 'zod';

/**
 * Mirrors the server's password policy so people learn about it before submitting; the server stays the
 * authority and its field messages are shown as they come.
 */
export const newPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  // The server hashes with bcrypt, which reads at most 72 bytes; accented letters take two or more.
  .refine((value) => new TextEncoder().encode(value).length <= 72, 'Use at most 72 characters.');

export const passwordPolicyHint = 'At least 12 characters. A passphrase of a few unrelated words works well.';
