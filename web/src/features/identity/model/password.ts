import { z } from 'zod';

/**
 * Mirrors the server's password policy so people learn about it before submitting; the server stays the
 * authority and its field messages are shown as they come.
 */
export const newPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(200, 'Use at most 200 characters.');

export const passwordPolicyHint = 'At least 12 characters, mixing letters with digits or symbols.';
